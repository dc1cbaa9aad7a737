"""A tag used only on drafts or hidden articles is not public anywhere (issue 10.12)."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.testing.content import draft, publish

pytestmark = pytest.mark.django_db

TAG = "rahasia-dapur"

PATHS = [f"/tag/{TAG}", f"/api/v1/tags/{TAG}", f"/tag/{TAG}/feed"]


def statuses(client: Client) -> list[int]:
    return [client.get(path).status_code for path in PATHS]


def in_sitemap(client: Client) -> bool:
    index = client.get("/sitemap.xml").content.decode()
    pages = [
        client.get(loc).content.decode()
        for loc in re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index)
    ]
    return any(f"/tag/{TAG}<" in page for page in [*pages, index])


def test_a_tag_only_on_a_draft_is_404_everywhere(client: Client, writer: User) -> None:
    draft(writer, tags=TAG)
    assert statuses(client) == [404, 404, 404]
    assert not in_sitemap(client)


def test_the_writer_of_the_draft_gets_404_too(writer: User) -> None:
    draft(writer, tags=TAG)
    own = Client()
    own.force_login(writer)
    assert statuses(own) == [404, 404, 404]


def test_a_tag_appears_with_its_first_public_article_and_goes_when_it_is_hidden(
    client: Client, writer: User
) -> None:
    article = publish(writer, tags=TAG)
    assert statuses(client) == [200, 200, 200]
    assert in_sitemap(client)
    actions.hide_article(article)
    assert statuses(client) == [404, 404, 404]
    assert not in_sitemap(client)


def test_a_tag_whose_article_went_back_to_draft_is_404(client: Client, writer: User) -> None:
    article = publish(writer, tags=TAG)
    actions.unpublish_article(writer, article)
    assert statuses(client) == [404, 404, 404]


def test_the_tag_page_query_count_does_not_grow_with_drafts(client: Client, writer: User) -> None:
    publish(writer, tags=TAG)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/tags/{TAG}").status_code == 200
        return len(queries)

    before = count()
    for n in range(5):
        draft(writer, title=f"Draf {n}", tags=TAG)
    assert count() == before


@pytest.mark.parametrize("path", PATHS)
def test_unknown_tag_is_404(client: Client, path: str) -> None:
    response: Any = client.get(path.replace(TAG, "tidak-pernah-ada"))
    assert response.status_code == 404


def test_a_tag_listing_reads_its_index_without_sorting(writer: User) -> None:
    """The tag page, feed and API filter with public_of(), which the "tag_latest" index
    answers in order: no sort of every link of the tag (150 ms for a big tag on SQLite)."""
    from wacana.articles.models import ArticleTag, Tag

    publish(writer, "Satu", tags=TAG)
    tag = Tag.objects.get(slug=TAG)
    links = ArticleTag.objects.public_of(tag).order_by("-published_at", "-article_id")[:21]
    assert [link.article.title for link in links] == ["Satu"]
    plan = links.explain()
    if connection.vendor == "sqlite":
        assert "tag_latest (tag_id=? AND is_public=?)" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
