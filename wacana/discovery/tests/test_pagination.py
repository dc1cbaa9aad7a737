"""Every listing is keyset-paginated: walking its "next" links to page 50 and beyond costs
the same queries on every page, none of them with OFFSET, and shows every item once.

One writer publishes more than 50 pages' worth of articles (bulk inserted, as a large
site would hold them) in one sub-category with one tag; a reader follows the writer and
saves every article. Then each listing is walked from its first page to its last by the
cursor in its "next" link (HTML) or its next_cursor (API).
"""

import re
from collections.abc import Callable
from datetime import timedelta
from html import unescape
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import views as article_views
from wacana.articles.models import Article, ArticleTag, Category, SavedArticle, Status, Tag
from wacana.conftest import warm_frame
from wacana.lib import cursor, pagecache
from wacana.testing.api import api_for
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

PER_PAGE = cursor.DEFAULT_LIMIT
PAGES = 52
TOTAL = PER_PAGE * PAGES - 7  # the last page is not full
NEXT_RE = re.compile(r'<a class="button" rel="next" href="\?cursor=([^"]+)"')


@pytest.fixture
def site(writer: User, reader: User) -> dict[str, Any]:
    child = Category.objects.filter(parent__isnull=False).select_related("parent").first()
    assert child is not None
    tag = Tag.objects.create(name="Laut", slug="laut")
    start = timezone.now() - timedelta(days=400)
    articles = Article.objects.bulk_create(
        Article(
            author=writer,
            title=f"Catatan pesisir nomor {n}",
            slug=f"catatan-pesisir-{n}",
            status=Status.PUBLISHED,
            category=child,
            rubric_id=child.rubric_id,
            # Some articles share a moment, so the id must break ties.
            published_at=start + timedelta(hours=n - n % 3),
            view_count=n % 11,
            rating_score=n % 5,
            excerpt="Ombak pagi di pantai selatan.",
            tag_list=[{"slug": "laut", "name": "Laut"}],
        )
        for n in range(TOTAL)
    )
    ArticleTag.objects.bulk_create(
        ArticleTag(article=a, tag=tag, is_public=True, published_at=a.published_at)
        for a in articles
    )
    # A draft and a hidden article that no public listing may show.
    for status in (Status.DRAFT, Status.HIDDEN):
        Article.objects.create(
            author=writer,
            title=f"Tidak untuk umum ({status})",
            slug="tidak-untuk-umum",
            status=status,
            category=child,
            rubric_id=child.rubric_id,
            published_at=timezone.now() if status == Status.HIDDEN else None,
        )
    User.objects.filter(pk=writer.pk).update(article_count=TOTAL)
    Tag.objects.filter(pk=tag.pk).update(article_count=TOTAL)
    account_actions.follow(reader, writer)
    SavedArticle.objects.bulk_create(SavedArticle(user=reader, article=a) for a in articles)
    return {
        "category": child,
        "rubric": child.parent,
        "expected": {a.get_absolute_url() for a in articles},
        "writer": writer,
        "reader": reader,
    }


def _capture(fetch: Callable[[], Any]) -> tuple[Any, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = fetch()
    assert response.status_code == 200
    return response, [q["sql"] for q in captured.captured_queries]


def _check_costs(costs: list[list[str]]) -> None:
    assert len(costs) >= 50, f"only {len(costs)} pages"
    counts = [len(sqls) for sqls in costs]
    # The first page has no cursor; from the second on, every page is the same work.
    assert len(set(counts[1:])) == 1, counts
    assert counts[0] == counts[1], counts
    for sqls in costs:
        assert not any(re.search(r"\bOFFSET\b", sql, re.IGNORECASE) for sql in sqls)


def walk_html(client: Client, url: str) -> tuple[list[str], list[list[str]]]:
    seen: list[str] = []
    costs: list[list[str]] = []
    next_cursor: str | None = None
    # The rubric bar and the sidebar are read once into the site-wide cache; warm them
    # so every page of the walk is measured alike.
    warm_frame(client)
    while True:
        target = url + (f"?cursor={next_cursor}" if next_cursor else "")
        response, sqls = _capture(lambda target=target: client.get(target))  # type: ignore[misc]
        costs.append(sqls)
        html = response.content.decode()
        seen += re.findall(r'<h[23] class="card-title"><a href="([^"]+)"', html)
        found = NEXT_RE.search(html)
        if not found:
            return seen, costs
        next_cursor = unescape(found.group(1))
        assert len(costs) < 100, "the walk never ends"


@pytest.mark.parametrize("listing", ["rubric", "category", "tag", "profile", "following", "saved"])
def test_html_listing_walks_to_the_end_at_constant_cost(
    client: Client, site: dict[str, Any], listing: str
) -> None:
    url = {
        "rubric": site["rubric"].get_absolute_url(),
        "category": site["category"].get_absolute_url(),
        "tag": "/tag/laut",
        "profile": site["writer"].get_absolute_url(),
        "following": "/mengikuti",
        "saved": "/bacaan",
    }[listing]
    if listing in ("following", "saved"):
        client.force_login(site["reader"])
    if listing in ("rubric", "category"):
        # Found once per process for the site's version: warm, so every page is alike.
        article_views._category(site[listing].slug, pagecache.version())
    seen, costs = walk_html(client, url)
    _check_costs(costs)
    assert len(costs) == PAGES
    assert len(seen) == len(set(seen)) == TOTAL
    assert set(seen) == site["expected"]


def walk_api(api: Any, path: str, stop_after: int = 200) -> tuple[list[int], list[list[str]]]:
    seen: list[int] = []
    costs: list[list[str]] = []
    next_cursor: str | None = None
    joiner = "&" if "?" in path else "?"
    while True:
        target = path + (f"{joiner}cursor={next_cursor}" if next_cursor else "")
        response, sqls = _capture(lambda target=target: api.get(target))  # type: ignore[misc]
        costs.append(sqls)
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        next_cursor = body["next_cursor"]
        if next_cursor is None or len(costs) == stop_after:
            return seen, costs


@pytest.mark.parametrize(
    "path",
    [
        "/articles?limit=20",
        "/articles?limit=20&sort=popular",
        "/articles?limit=20&sort=top_rated",
        "/articles?limit=20&category={category}",
        "/articles?limit=20&category={rubric}",
        "/articles?limit=20&tag=laut",
        "/articles?limit=20&author={writer}",
        "/me/feed?limit=20",
        "/me/reading-list?limit=20",
    ],
)
def test_api_listing_walks_to_the_end_at_constant_cost(site: dict[str, Any], path: str) -> None:
    api = api_for(site["reader"])
    path = path.format(
        category=site["category"].slug, rubric=site["rubric"].slug, writer=site["writer"].username
    )
    seen, costs = walk_api(api, path)
    _check_costs(costs)
    assert len(seen) == len(set(seen)) == TOTAL
    public = set(Article.objects.published().values_list("pk", flat=True))
    assert set(seen) == public


def test_api_listing_with_the_smallest_limit_reaches_depth(site: dict[str, Any]) -> None:
    api = api_for(site["reader"])
    path = "/articles?limit=1&category=" + site["category"].slug
    seen, costs = walk_api(api, path, stop_after=60)
    assert len(costs) == 60
    assert len({len(sqls) for sqls in costs}) == 1
    newest_first = Article.objects.published().order_by("-published_at", "-id")
    assert seen == list(newest_first.values_list("pk", flat=True)[:60])


def test_a_foreign_or_broken_cursor_is_not_a_500(client: Client, site: dict[str, Any]) -> None:
    url = site["category"].get_absolute_url()
    for bad in ("rusak!!", "x" * 500, "%00", cursor.encode(cursor.Key(5, 1))):
        assert client.get(f"{url}?cursor={bad}").status_code == 404
    other = make_user("tamu")
    assert client.get(f"{other.get_absolute_url()}?cursor=rusak").status_code == 404
