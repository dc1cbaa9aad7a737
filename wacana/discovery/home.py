"""The home page's sections: what editors chose, what is new, read and liked, and a few
of the latest articles per rubric.

Every section is a fixed number of queries with a LIMIT down an index, whatever the
size of the site (the rubric section is one UNION of per-rubric LIMITs). The page
renders them inside a fragment cache (CACHE_SECONDS, keyed by language, site settings
and `version()`), so most requests cost no query at all; `forget()` (called by the
curation, hide, unpublish and delete actions) moves the version so the next request
renders afresh. The cache is shared by every server process (Redis, or the cache on
this machine's disk), so every process renders afresh at once.
"""

import secrets
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.db import connection

from wacana.accounts.models import User
from wacana.articles.models import Article, Category
from wacana.discovery import popular
from wacana.lib import cursor, front, versionmark

CACHE_SECONDS = 60
HEADLINES = 4
PICKS = 6
LATEST = 10
POPULAR = 5
TOP_RATED = 5
PER_RUBRIC = 3
WRITERS = 6
_VERSION_KEY = "home:version"


def version() -> str:
    """Part of the home fragment's cache key; changes when `forget()` is called."""
    found = cache.get(_VERSION_KEY)
    if found is None:
        found = secrets.token_hex(4)
        cache.add(_VERSION_KEY, found, None)
        found = cache.get(_VERSION_KEY, found)
    front.read(_VERSION_KEY, found)
    return str(found)


def forget() -> None:
    """Curation or a removal changed what the home shows: render it afresh."""
    cache.set(_VERSION_KEY, secrets.token_hex(4), None)
    versionmark.moved()


def latest_page(after: str | None, limit: int = LATEST) -> cursor.Page:
    """Raises cursor.BadCursor for a cursor we did not make."""
    return cursor.paginate(Article.objects.published().for_listing(), after, limit)


def picks_page(after: str | None, limit: int | None = None) -> cursor.Page:
    """Editor's picks, newest publication first (the "Pilihan" listing): picking an old
    article must not put it above this week's."""
    articles = Article.objects.published().picks().for_listing()
    return cursor.paginate(articles, after, limit)


def rubric_latest(
    rubrics: list[Category], per_rubric: int = PER_RUBRIC
) -> dict[int, list[Article]]:
    """The latest `per_rubric` public articles of each rubric, in two queries.

    One UNION ALL of a LIMIT per rubric (each a range of the article_rubric index), then
    the cards by id. Built from the ORM's own SQL for each part; SQLite and PostgreSQL
    both take `SELECT * FROM (... LIMIT n)` as a part of a compound select.
    """
    if not rubrics:
        return {}
    parts: list[str] = []
    params: list[Any] = []
    for rubric in rubrics:
        part = (
            Article.objects.published()
            .filter(rubric_id=rubric.pk)
            .order_by("-published_at", "-id")
            .values_list("id")[:per_rubric]
        )
        sql, part_params = part.query.sql_with_params()
        # The SQL is the ORM's, with placeholders; values travel as parameters.
        parts.append(f"SELECT * FROM ({sql}) AS r{len(parts)}")  # noqa: S608
        params.extend(part_params)
    with connection.cursor() as db:
        db.execute(" UNION ALL ".join(parts), params)
        ids = [row[0] for row in db.fetchall()]
    by_rubric: dict[int, list[Article]] = {rubric.pk: [] for rubric in rubrics}
    articles = Article.objects.filter(pk__in=ids).for_listing().order_by("-published_at", "-id")
    for article in articles:
        by_rubric[article.rubric_id].append(article)
    return by_rubric


class Sections:
    """The home's sections, each queried only when the template asks for it (so not at
    all when the fragment comes from the cache)."""

    @cached_property
    def headlines(self) -> list[Article]:
        return list(
            Article.objects.published()
            .headlines()
            .for_listing()
            .order_by("-headline_at", "-id")[:HEADLINES]
        )

    @cached_property
    def picks(self) -> list[Article]:
        return picks_page(None, PICKS).items

    @cached_property
    def latest(self) -> cursor.Page:
        return latest_page(None)

    @cached_property
    def popular_today(self) -> list[popular.Popular]:
        return popular.popular_today(POPULAR)

    @cached_property
    def popular_week(self) -> list[popular.Popular]:
        return popular.popular_week(POPULAR)

    @cached_property
    def top_rated(self) -> list[Article]:
        return list(
            Article.objects.published()
            .filter(rating_score__gt=0)
            .for_listing()
            .order_by("-rating_score", "-id")[:TOP_RATED]
        )

    @cached_property
    def rubrics(self) -> list[dict[str, object]]:
        rubrics = list(Category.objects.rubrics())
        latest = rubric_latest(rubrics)
        return [
            {"rubric": rubric, "articles": latest[rubric.pk]}
            for rubric in rubrics
            if latest[rubric.pk]
        ]

    @cached_property
    def writers(self) -> list[User]:
        return list(
            User.objects.active().filter(article_count__gt=0).order_by("-date_joined")[:WRITERS]
        )
