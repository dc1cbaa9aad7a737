"""Popular today and this week, from the daily view counts (DailyViews, Asia/Jakarta days).

Neither list may cost more as the site grows:

- Today: one query down the (day, views, article) index of today's rows, joined to the
  article to keep only public ones, stopping at `limit`. The home page caches it too.
- This week (today and the six days before it): summing seven days of rows grows with how
  many articles were read this week, so it is never done on the request path. After a
  flush of view counts writes something (the flush task, `manage.py flush_views`, or a
  server process's own flusher) `after_flush()` recomputes it at most every
  REFRESH_SECONDS into the small PopularArticle table, which every process reads in one
  query. A table rather than the cache, because without Redis each process has its own
  local-memory cache while the flush may run elsewhere; the database is shared.

Both lists filter public articles when read, so an article hidden, unpublished or
deleted since the last refresh drops out at once; the table keeps KEEP places so that a
few drop-outs still leave a full list. Ties break on the article id, newer first.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Sum

from wacana.articles.models import Article, DailyViews, Status
from wacana.discovery.models import PopularArticle

SITE_TIME_ZONE = zoneinfo.ZoneInfo("Asia/Jakarta")
WEEK_DAYS = 7
KEEP = 50
REFRESH_SECONDS = 300
_REFRESHED_KEY = "popular:week:refreshed"


def today() -> date:
    return datetime.now(SITE_TIME_ZONE).date()


@dataclass(frozen=True)
class Popular:
    """A place in a popular list: the article, and how often it was read in the period."""

    article: Article
    views: int


def popular_today(limit: int = 5, day: date | None = None) -> list[Popular]:
    """The most-read public articles of `day` (today), with their views of that day."""
    rows = (
        DailyViews.objects.filter(day=day or today(), article__status=Status.PUBLISHED)
        .select_related("article__author", "article__category")
        .defer("article__body")
        .order_by("-views", "-article_id")[:limit]
    )
    return [Popular(row.article, row.views) for row in rows]


def popular_week(limit: int = 5) -> list[Popular]:
    """The most-read public articles of the last seven days, as last refreshed."""
    rows = (
        PopularArticle.objects.filter(period=PopularArticle.WEEK, article__status=Status.PUBLISHED)
        .select_related("article__author", "article__category")
        .defer("article__body")
        .order_by("rank")[:limit]
    )
    return [Popular(row.article, row.views) for row in rows]


def week_totals(last_day: date, limit: int = KEEP) -> list[tuple[int, int]]:
    """(article id, views) of the top public articles over the seven days to `last_day`."""
    first_day = last_day - timedelta(days=WEEK_DAYS - 1)
    rows = (
        DailyViews.objects.filter(
            day__gte=first_day, day__lte=last_day, article__status=Status.PUBLISHED
        )
        .values("article_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-article_id")[:limit]
    )
    return [(row["article_id"], row["total"]) for row in rows]


def refresh_week(last_day: date | None = None) -> int:
    """Recompute "popular this week" into PopularArticle; returns how many places."""
    last_day = last_day or today()
    top = week_totals(last_day)
    try:
        with transaction.atomic():
            PopularArticle.objects.filter(period=PopularArticle.WEEK).delete()
            PopularArticle.objects.bulk_create(
                PopularArticle(
                    period=PopularArticle.WEEK, rank=rank, article_id=pk, views=views, day=last_day
                )
                for rank, (pk, views) in enumerate(top, 1)
            )
    except IntegrityError:
        return 0  # a concurrent refresh wrote the same places first
    cache.set(_REFRESHED_KEY, last_day.isoformat(), REFRESH_SECONDS)
    return len(top)


def after_flush() -> None:
    """Called after a flush wrote views: refresh the week unless done recently today."""
    if cache.get(_REFRESHED_KEY) == today().isoformat():
        return
    refresh_week()
