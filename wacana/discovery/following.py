"""The "Following" feed: the latest published articles of the writers someone follows.

One query asking for every article of every followed writer, newest first, made the
database read all their articles and sort them (2.3 s a page on SQLite for a reader who
follows 50 busy writers of the bench data). So: the newest `limit + 1` of each followed
writer after the cursor (each a range of the article_author index), in UNION ALLs of at
most PARTS writers, merged here; then the cards by id. A page costs one query per PARTS
followed writers plus one, and reads at most `limit + 1` rows per writer.
"""

from datetime import datetime
from typing import Any

from django.db import connection

from wacana.accounts.models import Follow, User
from wacana.articles.models import Article
from wacana.lib import cursor

# Parts of one compound SELECT: SQLite allows 500.
PARTS = 400


# Stands for the writer in the one compiled part (compiling a part per writer cost more
# than the query).
_ANY_WRITER = -7_340_123


def _newest(author_ids: list[int], key: cursor.Key | None, count: int) -> list[tuple[Any, int]]:
    """(published_at, id) of the newest `count` public articles of each writer, after key."""
    part = Article.objects.published().filter(author_id=_ANY_WRITER)
    if key is not None:
        part = part.filter(published_at__lte=key.at).filter(cursor.after(key, "published_at", "id"))
    query = part.order_by("-published_at", "-id").values_list("published_at", "id")[:count]
    sql, part_params = query.query.sql_with_params()
    assert list(part_params).count(_ANY_WRITER) == 1
    parts: list[str] = []
    params: list[Any] = []
    for author_id in author_ids:
        # The SQL is the ORM's, with placeholders; values travel as parameters.
        parts.append(f"SELECT * FROM ({sql}) AS f{len(parts)}")  # noqa: S608
        params.extend(author_id if value == _ANY_WRITER else value for value in part_params)
    with connection.cursor() as db:
        db.execute(" UNION ALL ".join(parts), params)
        rows = db.fetchall()
    # The database's raw values: the ids are what matter, the times only order them.
    return [(at, pk) for at, pk in rows]


def feed_page(user: User, after: str | None, limit: int | None = None) -> cursor.Page:
    """One page of the feed, newest first; raises cursor.BadCursor for a foreign cursor."""
    limit = max(1, min(cursor.MAX_LIMIT, cursor.page_size() if limit is None else limit))
    key = cursor.decode(after) if after else None
    if key is not None and not isinstance(key.at, datetime):
        raise cursor.BadCursor(after)  # a cursor made for another sort order
    followed = list(
        Follow.objects.filter(follower=user, followed__is_active=True).values_list(
            "followed_id", flat=True
        )
    )
    found: list[tuple[Any, int]] = []
    for start in range(0, len(followed), PARTS):
        found += _newest(followed[start : start + PARTS], key, limit + 1)
    ids = [pk for _at, pk in sorted(found, reverse=True)[: limit + 1]]
    articles = Article.objects.filter(pk__in=ids).select_related("author", "category").defer("body")
    rows = list(articles.order_by("-published_at", "-id"))
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        assert last.published_at is not None  # published articles have a time
        next_cursor = cursor.encode(cursor.Key(last.published_at, last.pk))
    return cursor.Page(items, next_cursor)
