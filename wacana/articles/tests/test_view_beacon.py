"""Views counted by the page's beacon (WACANA_VIEW_COUNTING=beacon): an anonymous reader's
article page may come from a proxy's cache, so an image of its own counts the view,
exactly once per visitor as the page did; signed-in readers' pages count themselves;
nothing counts twice, and with counting by the page nothing counts through the beacon."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from wacana.accounts.models import User
from wacana.articles import actions, counting
from wacana.articles.models import Article
from wacana.articles.views import COUNTED_HEADER
from wacana.lib import pagecache
from wacana.testing.content import draft, fresh, publish
from wacana.testing.personas import make_user, signed_in, with_role

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"
BEACON = re.compile(r'<img class="beacon"\s+src="([^"]+)"')


@pytest.fixture
def beacon_mode(settings: Any) -> None:
    settings.VIEW_BEACON = True


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer, "Senja di Kalimas")


def visit(path: str, client: Client | None = None, /, **headers: str) -> Any:
    return (client or Client()).get(
        path, headers={"user-agent": BROWSER, "accept-encoding": "", **headers}
    )


def views(article: Article) -> int:
    counting.flush()
    return fresh(article).view_count


def beacon_of(response: Any) -> str | None:
    found = BEACON.search(response.content.decode())
    return found.group(1) if found else None


def test_an_anonymous_page_leaves_its_view_to_its_beacon(
    beacon_mode: None, article: Article
) -> None:
    url = article.get_absolute_url()
    readers = [Client(REMOTE_ADDR=f"203.0.113.{n}") for n in range(1, 4)]
    for reader in readers:
        for _ in range(2):  # kept or not, the page counts nothing itself
            response = visit(url, reader)
            assert response.status_code == 200
            assert COUNTED_HEADER not in response
    assert views(article) == 0
    beacon = beacon_of(response)
    assert beacon == reverse("articles:view_beacon", args=[article.pk])
    for reader in readers:
        for _ in range(2):  # a refresh counts once, as the page did
            pixel = visit(beacon, reader)
            assert pixel.status_code == 200
            assert pixel["Content-Type"] == "image/gif" and pixel.content.startswith(b"GIF89a")
            assert pixel["Cache-Control"] == "no-store"
    assert views(article) == len(readers)


def test_a_signed_in_reader_is_counted_by_the_page_never_by_the_beacon(
    beacon_mode: None, article: Article
) -> None:
    reader = signed_in(make_user("pembaca_setia"))
    url = article.get_absolute_url()
    visit(url)  # kept by an anonymous reader, beacon and all
    response = visit(url, reader)
    assert pagecache.outcome(response) == "hit"
    assert beacon_of(response) is None and 'class="beacon"' not in response.content.decode()
    assert response[COUNTED_HEADER] == "page"
    assert views(article) == 1
    visit(reverse("articles:view_beacon", args=[article.pk]), reader)
    assert views(article) == 1


def test_the_writer_a_moderator_bots_and_prefetches_are_not_counted_by_the_beacon(
    beacon_mode: None, article: Article, writer: User
) -> None:
    beacon = reverse("articles:view_beacon", args=[article.pk])
    visit(beacon, signed_in(writer))
    visit(beacon, signed_in(with_role(make_user("mod_beacon"), "moderator")))
    visit(beacon, **{"user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"})
    visit(beacon, **{"sec-purpose": "prefetch"})
    assert Client().head(beacon, headers={"user-agent": BROWSER}).status_code == 200
    assert views(article) == 0
    assert Client().post(beacon, headers={"user-agent": BROWSER}).status_code == 405
    assert views(article) == 0


def test_a_beacon_for_no_public_article_counts_nothing(beacon_mode: None, writer: User) -> None:
    unpublished = draft(writer, "Draf")
    hidden = publish(writer, "Sudah disembunyikan")
    actions.hide_article(hidden)
    for pk in [unpublished.pk, hidden.pk, 10**17]:
        pixel = visit(reverse("articles:view_beacon", args=[pk]))
        assert pixel.status_code == 200 and pixel["Content-Type"] == "image/gif"
    assert views(unpublished) == views(hidden) == 0
    for hostile in ["/artikel/abc/dibaca", "/artikel/1" + "0" * 30 + "/dibaca", "/artikel//dibaca"]:
        assert visit(hostile).status_code == 404, hostile


def test_counting_by_the_page_has_no_beacon_and_tells_a_proxy_not_to_keep_it(
    article: Article,
) -> None:
    url = article.get_absolute_url()
    for _ in range(2):
        response = visit(url)
        assert response.status_code == 200
        assert beacon_of(response) is None
        assert response[COUNTED_HEADER] == "page"
    assert views(article) == 1
    # The beacon fetched by hand counts nothing where the page counts.
    visit(reverse("articles:view_beacon", args=[article.pk]), Client(REMOTE_ADDR="203.0.113.9"))
    assert views(article) == 1


def test_a_page_kept_before_the_counting_changed_is_not_served_after(
    article: Article, settings: Any
) -> None:
    url = article.get_absolute_url()
    assert beacon_of(visit(url)) is None  # kept while the page counts itself
    settings.VIEW_BEACON = True
    assert beacon_of(visit(url)) is not None
    settings.VIEW_BEACON = False
    assert beacon_of(visit(url)) is None
