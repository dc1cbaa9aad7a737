"""GET /api/v1/points/rules, GET /api/v1/me/points and GET /api/v1/leaderboards."""

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.ranks import RANKS, Rank
from wacana.articles.models import Category
from wacana.lib.apierrors import ERRORS, invalid
from wacana.lib.apischema import Cursor, Limit
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit, paginate
from wacana.points import leaderboards, rules
from wacana.points.models import Period, PointEvent
from wacana.points.views import EventLine, describe, next_rank, totals_of

router = Router(tags=["points"])

RUBRIC_SLUG_MAX = 60


class RankOut(Schema):
    slug: str
    name: str
    threshold: int = Field(description="The least points that give this rank.")
    description: str


def _rank(rank: Rank) -> dict[str, Any]:
    return {
        "slug": rank.slug,
        "name": rank.name,
        "threshold": rank.threshold,
        "description": str(rank.description),
    }


class RuleOut(Schema):
    rule: str
    name: str
    description: str


class VersionOut(Schema):
    number: int
    starts: date = Field(description="The day it holds from (midnight, Asia/Jakarta).")
    points: dict[str, int] = Field(description="Points per rule under this version.")


class RulesOut(Schema):
    current_version: int
    rules: list[RuleOut]
    versions: list[VersionOut]
    ranks: list[RankOut]
    min_account_age_hours: int = Field(
        description="Ratings and comments from younger accounts earn nothing."
    )


@router.get("/points/rules", response={200: RulesOut, **ERRORS}, auth=None)
def point_rules(request: HttpRequest) -> dict[str, Any]:
    """Every rule that gives or takes points, every version of their values, the ranks."""
    return {
        "current_version": rules.current().number,
        "rules": [
            {"rule": rule, "name": str(name), "description": str(description)}
            for rule, (name, description) in rules.DESCRIPTIONS.items()
        ],
        "versions": [
            {"number": v.number, "starts": v.starts, "points": dict(v.points)}
            for v in rules.VERSIONS
        ],
        "ranks": [_rank(rank) for rank in RANKS],
        "min_account_age_hours": rules.MIN_ACCOUNT_AGE_HOURS,
    }


class EventOut(Schema):
    id: int
    rule: str = Field(description="A rule of GET /points/rules, or `reversal`.")
    name: str
    amount: int
    rule_version: int
    reason: str = Field(description="Why a reversal was written; empty otherwise.")
    reverses_id: int | None
    article_id: int | None
    article_title: str | None
    comment_id: int | None
    created_at: datetime


def _event(line: EventLine) -> dict[str, Any]:
    event = line.event
    return {
        "id": event.pk,
        "rule": event.rule,
        "name": event.rule_name,
        "amount": event.amount,
        "rule_version": event.rule_version,
        "reason": event.reason,
        "reverses_id": event.reverses_id,
        "article_id": event.article_id,
        "article_title": line.article.title if line.article is not None else None,
        "comment_id": event.comment_id,
        "created_at": event.created_at,
    }


class TotalOut(Schema):
    name: str
    count: int
    total: int


class MyPointsOut(Schema):
    points: int
    rank: RankOut
    next_rank: RankOut | None
    totals: list[TotalOut]
    items: list[EventOut]
    next_cursor: str | None


class PageQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


@router.get("/me/points", response={200: MyPointsOut, **ERRORS}, auth=signed_in)
def my_points(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """The caller's balance and rank, totals per rule, and every ledger entry, newest first."""
    user = api_user(request)
    checked_limit(query.limit)
    events = PointEvent.objects.filter(user_id=user.pk)
    page = paginate(events, query.cursor, query.limit, time_field="created_at")
    coming = next_rank(user.points)
    return {
        "points": user.points,
        "rank": _rank(user.rank),
        "next_rank": _rank(coming) if coming else None,
        "totals": totals_of(user),
        "items": [_event(line) for line in describe(page.items)],
        "next_cursor": page.next_cursor,
    }


class PlaceOut(Schema):
    position: int
    username: str
    display_name: str
    url: str
    points: int = Field(description="Points gained in the period.")
    rank: str = Field(description="The writer's rank now.")


class LeaderboardOut(Schema):
    period: str
    rubric: str | None
    computed_at: datetime | None = Field(description="When the board was last counted.")
    items: list[PlaceOut]


class LeaderboardQuery(Schema):
    period: Literal["week", "month"] = Field(
        "week", description="`week`: the last 7 days; `month`: the last 30."
    )
    rubric: str | None = Field(
        None,
        max_length=RUBRIC_SLUG_MAX,
        pattern=r"^[-a-zA-Z0-9_]*$",
        description="Only points from articles in this rubric (its slug); an unknown one: 422.",
    )


@router.get("/leaderboards", response={200: LeaderboardOut, **ERRORS}, auth=None)
def leaderboard(request: HttpRequest, query: Query[LeaderboardQuery]) -> dict[str, Any]:
    """The writers who gained the most points in the period, as last counted."""
    rubric = None
    if query.rubric:
        rubric = Category.objects.rubrics().filter(slug=query.rubric).first()
        if rubric is None:
            raise invalid({"rubric": [_("There is no rubric with this name.")]})
    entries = list(leaderboards.board(Period(query.period), rubric))
    return {
        "period": query.period,
        "rubric": rubric.slug if rubric else None,
        "computed_at": entries[0].computed_at if entries else None,
        "items": [
            {
                "position": entry.position,
                "username": entry.user.username,
                "display_name": entry.user.name,
                "url": entry.user.get_absolute_url(),
                "points": entry.points,
                "rank": entry.user.rank.name,
            }
            for entry in entries
        ],
    }
