"""The points pages (/poin, /poin/saya, /peringkat) and the rank beside writers' names."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts.models import User
from wacana.accounts.ranks import RANKS, rank_for
from wacana.articles import actions as articles
from wacana.conftest import warm_frame
from wacana.points import leaderboards, rules
from wacana.points.models import PointEvent
from wacana.testing.content import comment, publish
from wacana.testing.html import html
from wacana.testing.personas import make_moderator, make_user, signed_in

pytestmark = pytest.mark.django_db


def seasoned(username: str, **extra: Any) -> User:
    return make_user(username, date_joined=timezone.now() - timedelta(days=3), **extra)


@pytest.fixture
def cast() -> dict[str, Any]:
    writer = seasoned("penulis")
    other = seasoned("pembaca")
    moderator = make_moderator()
    article = publish(writer)
    articles.rate_article(other, article, "unik")
    comment(other, article, "Tulisan yang bagus.")
    return {
        "anonymous": Client(),
        "other": signed_in(other),
        "owner": signed_in(writer),
        "moderator": signed_in(moderator),
        "writer": writer,
        "reader": other,
        "article": article,
    }


def test_ranks_by_threshold() -> None:
    assert [r.name for r in RANKS] == [
        "Debutan",
        "Junior",
        "Taruna",
        "Penjelajah",
        "Fanatik",
        "Senior",
        "Maestro",
    ]
    assert rank_for(-40).name == "Debutan"
    assert rank_for(49).name == "Debutan" and rank_for(50).name == "Junior"
    assert rank_for(10**9).name == "Maestro"


@pytest.mark.parametrize("who", ["anonymous", "other", "owner", "moderator"])
def test_the_rules_page_is_public_and_lists_every_rule_and_rank(
    cast: dict[str, Any], who: str
) -> None:
    response = cast[who].get("/poin")
    assert response.status_code == 200
    page = html(response)
    rows = page.select("table.rules tbody tr")
    assert [row.get("id") for row in rows] == [f"aturan-{rule}" for rule in rules.DESCRIPTIONS]
    assert [row.get("id") for row in page.select("table.ranks tbody tr")] == [
        f"peringkat-{rank.slug}" for rank in RANKS
    ]
    assert page.select(f"#versi-{rules.VERSIONS[-1].number}")
    assert "+25" in page.one("#aturan-pick").text


def test_my_points_needs_signing_in(cast: dict[str, Any]) -> None:
    response = cast["anonymous"].get("/poin/saya")
    assert response.status_code == 302 and "/masuk" in response["Location"]


@pytest.mark.parametrize("who", ["owner", "other", "moderator"])
def test_my_points_shows_only_ones_own_events_with_totals(cast: dict[str, Any], who: str) -> None:
    response = cast[who].get("/poin/saya")
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert isinstance(user, User)
    page = html(response)
    events = page.select("li.point-event")
    mine = PointEvent.objects.filter(user_id=user.pk)
    assert len(events) == mine.count()
    assert page.one(".ledger-total").text.strip() == str(user.points)
    if who == "owner":
        assert [e.get("data-rule") for e in events] == ["comment", "rating", "publish", "signup"]
        assert cast["article"].title in page.one("ol.point-events").text


def test_my_points_pages_by_cursor_at_constant_queries(cast: dict[str, Any], settings: Any) -> None:
    settings.WACANA_PAGE_SIZE = 2
    writer = cast["writer"]
    for n in range(6):
        articles.rate_article(seasoned(f"lain{n}"), publish(writer, f"Tulisan {n}"), "unik")
    client = cast["owner"]
    warm_frame(client)
    seen: list[str] = []
    counts = []
    url = "/poin/saya"
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts.append(len(queries))
        page = html(response)
        seen += [e.get("data-rule") for e in page.select("li.point-event")]
        nxt = page.select("a[rel=next]")
        url = "/poin/saya" + nxt[0].get("href") if nxt else ""
    assert len(seen) == PointEvent.objects.filter(user_id=writer.pk).count()
    assert len(set(counts[1:])) == 1 and max(counts) <= counts[0]


@pytest.mark.parametrize("cursor", ["bukan-kursor", "x" * 200, "ZDIwMjYtMDEtMDE"])
def test_a_bad_cursor_is_a_404(cast: dict[str, Any], cursor: str) -> None:
    assert cast["owner"].get("/poin/saya", {"cursor": cursor}).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "other", "owner", "moderator"])
def test_the_leaderboards_are_public(cast: dict[str, Any], who: str) -> None:
    leaderboards.refresh()
    for query in ({}, {"periode": "bulan"}, {"periode": "minggu", "rubrik": "pendidikan"}):
        response = cast[who].get("/peringkat", query)
        assert response.status_code == 200
    page = html(cast[who].get("/peringkat"))
    names = [a.text for a in page.select("ol.leaderboard li > a")]
    assert names[0] == cast["writer"].name


@pytest.mark.parametrize(
    "query", [{"periode": "tahun"}, {"rubrik": "tidak-ada"}, {"periode": "x" * 500}]
)
def test_unknown_leaderboards_are_404(query: dict[str, str]) -> None:
    assert Client().get("/peringkat", query).status_code == 404


def test_the_leaderboard_costs_the_same_for_many_writers() -> None:
    client = Client()
    warm_frame(client)
    writers = [seasoned(f"penulis{n}") for n in range(3)]
    for writer in writers:
        publish(writer)
    leaderboards.refresh()
    with CaptureQueriesContext(connection) as few:
        client.get("/peringkat")
    for n in range(10):
        publish(seasoned(f"lagi{n}"))
    leaderboards.refresh()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/peringkat")
    assert len(html(response).select("ol.leaderboard li")) == 13
    assert len(many) == len(few) <= 4


def test_the_rank_is_beside_the_name_on_the_author_card_comments_and_profile(
    cast: dict[str, Any],
) -> None:
    writer, reader = cast["writer"], cast["reader"]
    User.objects.filter(pk=reader.pk).update(points=400)
    response = Client().get(cast["article"].get_absolute_url())
    page = html(response)
    assert page.one(".author-card .rank").text.endswith(rank_for(writer.points).name)
    assert page.one(".comment-meta .rank").text.endswith("Penjelajah")
    profile = html(Client().get(writer.get_absolute_url()))
    assert profile.one(".points-line .rank").text.endswith("Debutan")
    assert str(User.objects.get(pk=writer.pk).points) in profile.one(".points-line").text


def test_ranks_in_a_long_thread_cost_no_query_per_comment(cast: dict[str, Any]) -> None:
    article = cast["article"]
    client = Client()
    warm_frame(client)
    with CaptureQueriesContext(connection) as few:
        client.get(article.get_absolute_url())
    for n in range(12):
        comment(seasoned(f"komentator{n}"), article, f"Komentar {n}.")
    caches["default"].clear()
    warm_frame(client)
    with CaptureQueriesContext(connection) as many:
        response = client.get(article.get_absolute_url())
    assert len(html(response).select(".comment-meta .rank")) == 13
    assert len(many) == len(few)


def test_the_admin_shows_the_ledger_and_changes_nothing(cast: dict[str, Any]) -> None:
    boss = make_user("bos", is_staff=True, is_superuser=True)
    client = signed_in(boss)
    event = PointEvent.objects.filter(user_id=cast["writer"].pk).first()
    assert event is not None
    assert client.get("/admin/points/pointevent/").status_code == 200
    assert client.get(f"/admin/points/pointevent/{event.pk}/change/").status_code == 200
    assert client.get("/admin/points/pointevent/add/").status_code == 403
    response = client.post(f"/admin/points/pointevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert PointEvent.objects.filter(pk=event.pk).exists()
    assert client.get("/admin/points/leaderboardentry/").status_code == 200
