"""The monthly transparency figures: counts only, never a person.

Each figure is bounded by month (the last MONTHS months), so the work does not grow
with the age of the site; the result is cached for an hour.
"""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from wacana.moderation.models import Appeal, ModerationAction, Report, ReportStatus

MONTHS = 12
CACHE_KEY = "moderation:transparency:v1"
CACHE_SECONDS = 60 * 60


@dataclass
class Month:
    start: datetime
    reports: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    appeals: dict[str, int] = field(default_factory=dict)
    median_response: timedelta | None = None

    @property
    def report_total(self) -> int:
        return sum(self.reports.values())

    @property
    def action_total(self) -> int:
        return sum(self.actions.values())

    @property
    def appeal_total(self) -> int:
        return sum(self.appeals.values())

    @property
    def is_empty(self) -> bool:
        return not (self.reports or self.actions or self.appeals)


def month_starts(now: datetime, count: int = MONTHS) -> list[datetime]:
    """The first instants of this month and the `count - 1` before it, newest first."""
    local = timezone.localtime(now)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = [start]
    for _ in range(count - 1):
        previous = (starts[-1] - timedelta(days=1)).replace(day=1)
        starts.append(previous)
    return starts


def _key(value: datetime) -> tuple[int, int]:
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return (local.year, local.month)


def _grouped(queryset: Any, time_field: str, by: str) -> dict[tuple[int, int], dict[str, int]]:
    rows = (
        queryset.annotate(month=TruncMonth(time_field))
        .values("month", by)
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[tuple[int, int], dict[str, int]] = {}
    for row in rows:
        out.setdefault(_key(row["month"]), {})[row[by]] = row["n"]
    return out


def compute(now: datetime | None = None) -> list[Month]:
    """The figures for the last MONTHS months, newest first (no caching)."""
    starts = month_starts(now or timezone.now())
    oldest = starts[-1]
    end: datetime | None = None
    reports = _grouped(Report.objects.filter(created_at__gte=oldest), "created_at", "reason")
    actions = _grouped(
        ModerationAction.objects.filter(created_at__gte=oldest), "created_at", "kind"
    )
    appeals = _grouped(Appeal.objects.filter(created_at__gte=oldest), "created_at", "status")
    months = []
    for start in starts:
        key = (start.year, start.month)
        month = Month(
            start=start,
            reports=reports.get(key, {}),
            actions=actions.get(key, {}),
            appeals=appeals.get(key, {}),
        )
        # Median response: that month's resolved reports only, computed here in Python.
        waits = [
            (resolved - created).total_seconds()
            for created, resolved in Report.objects.filter(
                status=ReportStatus.RESOLVED,
                resolved_at__gte=start,
                **({"resolved_at__lt": end} if end else {}),
            ).values_list("created_at", "resolved_at")
            if resolved is not None
        ]
        if waits:
            month.median_response = timedelta(seconds=statistics.median(waits))
        months.append(month)
        end = start
    return months


def figures() -> list[Month]:
    """compute(), cached for an hour: the page is public and may be asked often."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = compute()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return list(cached)


def clear() -> None:
    cache.delete(CACHE_KEY)
