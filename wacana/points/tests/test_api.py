"""The points API: rules (public), my points (signed in), leaderboards (public)."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles import actions as articles
from wacana.points import leaderboards, rules
from wacana.points.models import PointEvent
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import comment, publish
from wacana.testing.personas import make_moderator, make_user

pytestmark = pytest.mark.django_db


def seasoned(username: str, **extra: Any) -> User:
    return make_user(username, date_joined=timezone.now() - timedelta(days=3), **extra)


@pytest.fixture
def cast() -> dict[str, Any]:
    writer, other = seasoned("penulis"), seasoned("pembaca")
    article = publish(writer)
    articles.rate_article(other, article, "unik")
    comment(other, article)
    return {
        "anonymous": Api(Client()),
        "other": api_for(other),
        "owner": api_for(writer),
        "moderator": api_for(make_moderator()),
        "writer": writer,
        "article": article,
    }


@pytest.mark.parametrize("who", ["anonymous", "other", "owner", "moderator"])
def test_the_rules_are_public(cast: dict[str, Any], who: str) -> None:
    body = cast[who].get("/points/rules").json()
    assert body["current_version"] == rules.current().number
    assert [r["rule"] for r in body["rules"]] == list(rules.DESCRIPTIONS)
    assert body["versions"][0] == {
        "number": 1,
        "starts": "2026-12-01",
        "points": rules.VERSIONS[0].points,
    }
    assert [r["name"] for r in body["ranks"]] == [
        "Debutan",
        "Junior",
        "Taruna",
        "Penjelajah",
        "Fanatik",
        "Senior",
        "Maestro",
    ]
    assert body["min_account_age_hours"] == 24


def test_my_points_needs_signing_in(cast: dict[str, Any]) -> None:
    assert_error_shape(cast["anonymous"].get("/me/points"), 401)


@pytest.mark.parametrize("who", ["other", "owner", "moderator"])
def test_my_points_are_only_mine(cast: dict[str, Any], who: str) -> None:
    response = cast[who].get("/me/points")
    assert response.status_code == 200
    body = response.json()
    username = "penulis" if who == "owner" else ("pembaca" if who == "other" else "moderator1")
    user = User.objects.get(username=username)
    assert body["points"] == user.points
    assert sum(t["total"] for t in body["totals"]) == user.points
    assert [e["id"] for e in body["items"]] == list(
        PointEvent.objects.filter(user_id=user.pk)
        .order_by("-created_at", "-id")
        .values_list("id", flat=True)
    )
    if who == "owner":
        assert [e["rule"] for e in body["items"]] == ["comment", "rating", "publish", "signup"]
        assert body["items"][0]["article_title"] == cast["article"].title
        assert body["rank"]["name"] == "Debutan" and body["next_rank"]["name"] == "Junior"


def test_my_points_page_by_cursor(cast: dict[str, Any]) -> None:
    api, seen, cursor = cast["owner"], [], None
    while True:
        query = "?limit=1" + (f"&cursor={cursor}" if cursor else "")
        body = api.get("/me/points" + query).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 4


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?limit=abc", "limit"),
        ("?cursor=%21%21", "cursor"),
        ("?cursor=bm90LWEtY3Vyc29y", "cursor"),
    ],
)
def test_bad_paging_is_422(cast: dict[str, Any], query: str, field: str) -> None:
    assert_error_shape(cast["owner"].get("/me/points" + query), 422, field)


@pytest.mark.parametrize("who", ["anonymous", "other", "owner", "moderator"])
def test_leaderboards_are_public(cast: dict[str, Any], who: str) -> None:
    leaderboards.refresh()
    body = cast[who].get("/leaderboards").json()
    assert body["period"] == "week" and body["rubric"] is None
    assert body["items"][0]["username"] == "penulis"
    assert body["items"][0]["position"] == 1 and body["computed_at"]
    rubric = cast["article"].category.parent.slug
    body = cast[who].get(f"/leaderboards?period=month&rubric={rubric}").json()
    assert (body["period"], body["rubric"]) == ("month", rubric)
    assert [i["username"] for i in body["items"]] == ["penulis"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?period=year", "period"),
        ("?rubric=tidak-ada", "rubric"),
        ("?rubric=sekolah", "rubric"),  # a sub-category, not a rubric
        ("?rubric=%3Cscript%3E", "rubric"),
        ("?rubric=" + "a" * 61, "rubric"),
    ],
)
def test_bad_leaderboard_queries_are_422(query: str, field: str) -> None:
    assert_error_shape(Api(Client()).get("/leaderboards" + query), 422, field)


def test_the_profile_shows_points_and_rank(cast: dict[str, Any]) -> None:
    body = cast["anonymous"].get("/users/penulis").json()
    assert body["points"] == User.objects.get(username="penulis").points
    assert body["rank"] == "Debutan"


def test_the_operations_are_in_the_openapi_document() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    paths = document["paths"]
    assert paths["/api/v1/points/rules"]["get"]["security"] == []
    assert paths["/api/v1/leaderboards"]["get"]["security"] == []
    assert {"TokenAuth": []} in paths["/api/v1/me/points"]["get"]["security"]
    assert "401" in paths["/api/v1/me/points"]["get"]["responses"]
