"""Writers of the week and of the month, overall and per rubric, from the ledger.

Summing a month of events grows with the site, so it never happens on a request: after
an event commits, the worker is asked (at most once per refresh period) to run
`refresh()`, which rewrites the small LeaderboardEntry table; pages and the API read it
in one query. `manage.py refresh_leaderboards` runs it by hand.

"Week" is the last 7 days and "month" the last 30, so a board is never empty on a
Monday morning. A writer's place counts every event of the period (reversals too), by
the rubric of the article it concerns; suspended accounts are left out.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import Category
from wacana.points.models import LeaderboardEntry, Period, PointEvent

DAYS = {Period.WEEK: 7, Period.MONTH: 30}
PLACES = 20
# A refresh is queued at most this often; the key marks one as queued.
REFRESH_SECONDS = 300
QUEUED_KEY = "points:leaderboards:queued"


def _totals(days: int) -> tuple[dict[int, int], dict[int, dict[int, int]]]:
    since = timezone.now() - timedelta(days=days)
    rubric_of = dict(Category.objects.values_list("pk", "parent_id"))
    overall: dict[int, int] = defaultdict(int)
    by_rubric: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        PointEvent.objects.filter(created_at__gte=since)
        .values("user_id", "category_id")
        .annotate(total=Sum("amount"))
        .order_by()
        .values_list("user_id", "category_id", "total")
    )
    for user_id, category_id, total in rows.iterator():
        overall[user_id] += total
        if category_id is not None and category_id in rubric_of:
            rubric = rubric_of[category_id] or category_id
            by_rubric[rubric][user_id] += total
    return overall, by_rubric


def _top(totals: dict[int, int], eligible: set[int]) -> list[tuple[int, int]]:
    kept = [(user_id, total) for user_id, total in totals.items() if user_id in eligible]
    ranked = sorted((pair for pair in kept if pair[1] > 0), key=lambda p: (-p[1], p[0]))
    return ranked[:PLACES]


def refresh() -> int:
    """Recompute every board; returns the number of places written."""
    now = timezone.now()
    entries: list[LeaderboardEntry] = []
    for period, days in DAYS.items():
        overall, by_rubric = _totals(days)
        eligible = set(
            User.objects.filter(
                pk__in=overall, is_active=True, suspended_at__isnull=True
            ).values_list("pk", flat=True)
        )
        boards: list[tuple[int | None, dict[int, int]]] = [(None, overall)]
        boards += sorted(by_rubric.items())
        for rubric_id, totals in boards:
            for position, (user_id, total) in enumerate(_top(totals, eligible), start=1):
                entries.append(
                    LeaderboardEntry(
                        period=period,
                        rubric_id=rubric_id,
                        position=position,
                        user_id=user_id,
                        points=total,
                        computed_at=now,
                    )
                )
    with transaction.atomic():
        LeaderboardEntry.objects.all().delete()
        LeaderboardEntry.objects.bulk_create(entries)
    return len(entries)


def board(period: str, rubric: Category | None = None) -> QuerySet[LeaderboardEntry]:
    """One board as last computed, with each writer (one query)."""
    return (
        LeaderboardEntry.objects.filter(period=period, rubric=rubric)
        .select_related("user")
        .order_by("position")
    )
