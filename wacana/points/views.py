"""The points pages: the public rules (/poin), a writer's own account of their points
(/poin/saya) and the leaderboards (/peringkat)."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from wacana.accounts.models import User
from wacana.accounts.ranks import RANKS, Rank
from wacana.articles.models import Article, Category
from wacana.lib import cursor
from wacana.points import leaderboards, rules
from wacana.points.models import Period, PointEvent, Reason

# The leaderboard's query values, in Indonesian as the site's addresses are.
PERIODS = {"minggu": Period.WEEK, "bulan": Period.MONTH}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@dataclass
class RuleRow:
    rule: str
    name: str
    description: str
    points: int


def rule_rows(version: rules.Version) -> list[RuleRow]:
    return [
        RuleRow(rule, str(name), str(description), version.points.get(rule, 0))
        for rule, (name, description) in rules.DESCRIPTIONS.items()
    ]


def next_rank(points: int) -> Rank | None:
    return next((rank for rank in RANKS if rank.threshold > points), None)


@require_safe
def rules_page(request: HttpRequest) -> HttpResponse:
    current = rules.current()
    history = [
        {
            "version": version,
            "rows": rule_rows(version),
            "current": version.number == current.number,
        }
        for version in reversed(rules.VERSIONS)
    ]
    return render(
        request,
        "points/rules.html",
        {
            "rows": rule_rows(current),
            "current": current,
            "history": history,
            "ranks": RANKS,
            "min_age_hours": rules.MIN_ACCOUNT_AGE_HOURS,
            "reasons": Reason.choices,
        },
    )


@dataclass(frozen=True)
class EventLine:
    """One entry of the ledger as shown: the event, its article (None when it has none or
    the article is gone) and the sentence for its reason ("" when it has none)."""

    event: PointEvent
    article: Article | None
    reason_label: str


def describe(events: list[PointEvent]) -> list[EventLine]:
    """Give each event of a page its article (title and address) and the sentence for
    its reason: one query for the page, whatever its length."""
    ids = {event.article_id for event in events if event.article_id}
    found = (
        Article.objects.filter(pk__in=ids)
        .select_related("author")
        .only("pk", "title", "slug", "author_id", "author__username")
        if ids
        else []
    )
    by_id = {article.pk: article for article in found}
    reasons = dict(Reason.choices)
    return [
        EventLine(event, by_id.get(event.article_id or 0), str(reasons.get(event.reason, "")))
        for event in events
    ]


def totals_of(user: User) -> list[dict[str, Any]]:
    rows = (
        PointEvent.objects.filter(user_id=user.pk)
        .values("rule")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by()
    )
    found = {row["rule"]: row for row in rows}
    order = [*rules.DESCRIPTIONS, rules.REVERSAL]
    return [
        {
            "name": rules.rule_name(rule),
            "count": found[rule]["count"],
            "total": found[rule]["total"],
        }
        for rule in order
        if rule in found
    ]


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    events = PointEvent.objects.filter(user_id=user.pk)
    try:
        page = cursor.paginate(events, request.GET.get("cursor"), time_field="created_at")
    except cursor.BadCursor:
        raise cursor.no_such_page() from None
    lines = describe(page.items)
    totals = totals_of(user)
    return render(
        request,
        "points/mine.html",
        {
            "page": page,
            "lines": lines,
            "totals": totals,
            "ledger_total": sum(row["total"] for row in totals),
            "next_rank": next_rank(user.points),
        },
    )


@require_safe
def leaderboard(request: HttpRequest) -> HttpResponse:
    period_name = request.GET.get("periode", "minggu")
    period = PERIODS.get(period_name)
    if period is None:
        raise Http404
    rubrics = list(Category.objects.rubrics())
    slug = request.GET.get("rubrik", "")
    rubric = None
    if slug:
        rubric = next((found for found in rubrics if found.slug == slug), None)
        if rubric is None:
            raise Http404
    entries = list(leaderboards.board(period, rubric))
    return render(
        request,
        "points/leaderboard.html",
        {
            "entries": entries,
            "computed_at": entries[0].computed_at if entries else None,
            "period": period,
            "period_name": period_name,
            "periods": [(name, Period(value).label) for name, value in PERIODS.items()],
            "rubrics": rubrics,
            "rubric": rubric,
        },
    )
