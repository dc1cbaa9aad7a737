"""The "Following" feed (/mengikuti, GET /api/v1/me/feed): the latest published articles
of everything someone follows: writers (accounts.Follow), rubrics and sub-categories,
tags and topics (topics.Follow). Newest first, keyset pages, each article once.

Three queries whatever the number of follows (four or five beyond FEW, below): the
follows themselves; the ids of the page; the cards by id. Nobody followed: one query,
an empty page.

- Up to FEW follows, the ids are one UNION of a LIMIT per followed thing, each down its
  own index (a writer's `article_author`, a rubric's `article_rubric`, a sub-category's
  `article_category`, a tag's `tag_latest`, a topic's links): the cost follows the
  number of follows, never how rare their articles are.
- Beyond, the ids are read newest first down `article_latest` from the cursor, each
  article kept when any follow matches it (the follows are subqueries of that one
  statement; a followed tag or topic is probed per article through the (article, ...)
  unique indexes, never materialized). Hundreds of follows match many articles near the
  top, so a page reads little more than its own rows, at any depth. The scan stops at
  the WINDOW-th article (its time found first, one step down the index); when those hold
  less than a page, the follows are quiet, and the page is read per kind: one LIMIT per
  kind over the IN list of its followed things, each down its kind's index, so its cost
  follows how many articles they have, not the size of the site.

The SQL is written here once, with the models' table and column names, rather than
composed by the ORM at each request: composing it cost 3 ms of CPU, more than running
it. `scripts/bench/feed_bench.py` measures 500 follows of mixed kinds on the bench data.
"""

# ruff: noqa: S608 - the SQL here is built from the models' own table and column names and
# placeholders only; every value goes as a parameter.

from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model

from wacana.accounts.models import Follow, User
from wacana.articles.models import Article, ArticleTag, Status
from wacana.lib import cursor
from wacana.topics.models import Follow as Interest
from wacana.topics.models import Kind, TopicArticle


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field)  # a concrete column, not a reverse relation
    return connection.ops.quote_name(field.column)


@cache
def _sql(after: bool, floor: bool, vendor: str) -> str:
    """The scan's ids query; `after`: with a cursor, `floor`: stopping at a publication
    time (the WINDOW-th article's). Only names and placeholders go in the text."""
    a, c = Article, _column

    def followed(field: str) -> str:
        return (
            f"SELECT {c(Interest, field)} FROM {_table(Interest)} "
            f"WHERE {c(Interest, 'follower')} = %s AND {c(Interest, 'kind')} = %s"
        )

    categories = followed("category")
    time, pk = f"a.{c(a, 'published_at')}", f"a.{c(a, 'id')}"
    keyset = f" AND {time} <= %s AND ({time} < %s OR ({time} = %s AND {pk} < %s))" if after else ""
    if floor:
        keyset += f" AND {time} >= %s"
    return (
        # The writer's account is checked per article read (a primary key probe), not
        # joined: a join lets the planner start from the accounts.
        f"SELECT {pk}, {time} FROM {_table(a)} a WHERE a.{c(a, 'status')} = %s{keyset}"
        f" AND EXISTS (SELECT 1 FROM {_table(User)} u WHERE u.{c(User, 'id')} = a.{c(a, 'author')}"
        f" AND u.{c(User, 'is_active')} = %s) AND ("
        f"a.{c(a, 'author')} IN (SELECT {c(Follow, 'followed')} FROM {_table(Follow)} "
        f"WHERE {c(Follow, 'follower')} = %s)"
        f" OR a.{c(a, 'rubric')} IN ({categories})"
        f" OR a.{c(a, 'category')} IN ({categories})"
        # A followed tag or topic is probed per article read, through the (article, ...)
        # unique index, never materialized (a tag may have tens of thousands of articles).
        # "LIMIT 1 OFFSET 0" keeps PostgreSQL from turning the probe into a hash of them
        # all (it does so for a plain EXISTS under OR); SQLite probes either way.
        f" OR EXISTS (SELECT 1 FROM {_table(ArticleTag)} t"
        f" WHERE t.{c(ArticleTag, 'article')} = {pk}"
        f" AND t.{c(ArticleTag, 'tag')} IN ({followed('tag')}) LIMIT 1 OFFSET 0)"
        f" OR EXISTS (SELECT 1 FROM {_table(TopicArticle)} x"
        f" WHERE x.{c(TopicArticle, 'article')} = {pk}"
        f" AND x.{c(TopicArticle, 'topic')} IN ({followed('topic')}) LIMIT 1 OFFSET 0)"
        f") ORDER BY {time} DESC, {pk} DESC LIMIT %s"
    )


# Up to this many follows, a page is the merge of one index range per followed thing
# (each LIMIT a page); beyond, the scan down `article_latest` (the many follows match
# many articles near the top, so it stops early). Each range costs PostgreSQL about half
# a millisecond of planning: at 50 follows the merge took 35 ms, the scan 15.
FEW = 20
# Beyond FEW, the scan reads at most about this many articles a page. When they hold less
# than a page (the follows are quiet), the page is read per kind instead (`_kind_ids`),
# each kind's followed things in one IN list down its own index. On the bench data: a
# scan of the whole site for thirty quiet tags cost 650 ms of CPU, now 15 ms; 500 mixed
# follows stop the scan early (3 ms), while a window of 400 sent them per kind (6 ms).
WINDOW = 1500


def _follows(user: User) -> list[tuple[str, int]]:
    """Everything `user` follows as (kind, id), in one query ("writer" for a writer)."""
    c = _column
    sql = (
        f"SELECT %s, {c(Follow, 'followed')} FROM {_table(Follow)}"
        f" WHERE {c(Follow, 'follower')} = %s"
        f" UNION ALL SELECT {c(Interest, 'kind')}, COALESCE({c(Interest, 'category')},"
        f" {c(Interest, 'tag')}, {c(Interest, 'topic')}) FROM {_table(Interest)}"
        f" WHERE {c(Interest, 'follower')} = %s AND {c(Interest, 'kind')} <> %s"
    )
    with connection.cursor() as db:
        db.execute(sql, ["writer", user.pk, user.pk, Kind.TOPICS])
        return [(str(kind), int(pk)) for kind, pk in db.fetchall()]


def _keyset(key: cursor.Key | None, time: str, pk: str) -> tuple[str, list[Any]]:
    if key is None:
        return "", []
    at = Article._meta.get_field("published_at").get_db_prep_value(key.at, connection)
    return (
        f" AND {time} <= %s AND ({time} < %s OR ({time} = %s AND {pk} < %s))",
        [at, at, at, key.id],
    )


def _part(
    kind: str, targets: list[int], key: cursor.Key | None, count: int
) -> tuple[str, list[Any]]:
    """The newest `count` public articles of followed things of one kind, down that
    kind's own index (one thing: an index range; several: the IN list's)."""
    a, c = Article, _column
    time, pk = f"a.{c(a, 'published_at')}", f"a.{c(a, 'id')}"
    active = (
        f" AND EXISTS (SELECT 1 FROM {_table(User)} u WHERE u.{c(User, 'id')} = a.{c(a, 'author')}"
        f" AND u.{c(User, 'is_active')} = %s)"
    )
    some = "= %s" if len(targets) == 1 else f"IN ({', '.join(['%s'] * len(targets))})"
    head = f"SELECT {pk}, {time} FROM {_table(a)} a"
    if kind == Kind.TAG:
        # Down tag_latest (tag, is_public, published_at, article), the article's copy.
        t_time, t_pk = f"t.{c(ArticleTag, 'published_at')}", f"t.{c(ArticleTag, 'article')}"
        keyset, params = _keyset(key, t_time, t_pk)
        # From the links: SQLite keeps a CROSS JOIN's order, so it never starts from the
        # articles (it did, for an IN list of quiet tags, and read all of them).
        sql = (
            f"SELECT {pk}, {time} FROM {_table(ArticleTag)} t CROSS JOIN {_table(a)} a"
            f" WHERE {t_pk} = {pk}"
            f" AND t.{c(ArticleTag, 'tag')} {some} AND t.{c(ArticleTag, 'is_public')} = %s"
            f"{keyset} AND a.{c(a, 'status')} = %s{active} ORDER BY {t_time} DESC, {t_pk} DESC"
        )
        return sql, [*targets, True, *params, Status.PUBLISHED, True]
    keyset, params = _keyset(key, time, pk)
    if kind == Kind.TOPIC:
        sql = (
            f"SELECT {pk}, {time} FROM {_table(TopicArticle)} x CROSS JOIN {_table(a)} a"
            f" WHERE x.{c(TopicArticle, 'article')} = {pk} AND x.{c(TopicArticle, 'topic')} {some}"
        )
    else:
        column = {"writer": "author", "rubric": "rubric"}.get(kind, "category")
        if len(targets) > 1 and connection.vendor == "sqlite":
            # Down the kind's own index (one range per followed thing, then a sort of
            # what they hold): for an IN list SQLite would rather walk article_latest in
            # order, which reads the whole site when the followed are quiet.
            index = {"author": "article_author"}.get(column, f"article_{column}")
            head += f" INDEXED BY {index}"
        sql = f"{head} WHERE a.{c(a, column)} {some}"
    sql += f" AND a.{c(a, 'status')} = %s{keyset}{active} ORDER BY {time} DESC, {pk} DESC"
    return sql, [*targets, Status.PUBLISHED, *params, True]


def _union(parts: list[tuple[str, list[Any]]], count: int) -> list[tuple[int, Any]]:
    """The newest `count` of the parts' rows (UNION drops an article two parts found)."""
    sql = " UNION ".join(
        f"SELECT * FROM ({part} LIMIT %s) p{n}" for n, (part, _) in enumerate(parts)
    )
    params = [value for _, values in parts for value in [*values, count]]
    merged = f"SELECT * FROM ({sql}) m ORDER BY 2 DESC, 1 DESC LIMIT %s"
    with connection.cursor() as db:
        db.execute(merged, [*params, count])
        return [(row[0], row[1]) for row in db.fetchall()]


def _kind_ids(
    follows: list[tuple[str, int]], key: cursor.Key | None, count: int
) -> list[tuple[int, Any]]:
    """Many quiet follows: one LIMIT per kind, each over all the followed things of it."""
    by_kind: dict[str, list[int]] = {}
    for kind, target in follows:
        # A followed category is a rubric (its sub-categories' articles too) or a
        # sub-category: both ranges, one of them empty.
        for each in ("rubric", "category") if kind == Kind.CATEGORY else (kind,):
            by_kind.setdefault(each, []).append(target)
    return _union([_part(kind, targets, key, count) for kind, targets in by_kind.items()], count)


def _merged_ids(
    follows: list[tuple[str, int]], key: cursor.Key | None, count: int
) -> list[tuple[int, Any]]:
    """Few follows: one LIMIT per followed thing, merged (UNION drops repeats)."""
    parts = [
        _part(each, [target], key, count)
        for kind, target in follows
        for each in (("rubric", "category") if kind == Kind.CATEGORY else (kind,))
    ]
    return _union(parts, count)


def _floor(key: cursor.Key | None) -> Any:
    """The publication time of the WINDOW-th public article after the cursor (None when
    fewer are left): where the scan stops. One step down `article_latest`'s index."""
    a, c = Article, _column
    time, pk = f"a.{c(a, 'published_at')}", f"a.{c(a, 'id')}"
    keyset, params = _keyset(key, time, pk)
    sql = (
        f"SELECT {time} FROM {_table(a)} a WHERE a.{c(a, 'status')} = %s{keyset}"
        f" ORDER BY {time} DESC, {pk} DESC LIMIT 1 OFFSET %s"
    )
    with connection.cursor() as db:
        db.execute(sql, [Status.PUBLISHED, *params, WINDOW - 1])
        row = db.fetchone()
    return row[0] if row else None


def _scanned_ids(
    user: User, key: cursor.Key | None, count: int, floor: Any
) -> list[tuple[int, Any]]:
    """Many follows: down article_latest, each article tested against every follow, no
    further than `floor` (None: to the end)."""
    params: list[Any] = [Status.PUBLISHED]
    if key is not None:
        at = Article._meta.get_field("published_at").get_db_prep_value(key.at, connection)
        params += [at, at, at, key.id]
    if floor is not None:
        params.append(floor)
    params += [
        True,
        user.pk,
        user.pk,
        Kind.CATEGORY,
        user.pk,
        Kind.CATEGORY,
        user.pk,
        Kind.TAG,
        user.pk,
        Kind.TOPIC,
        count,
    ]
    sql = _sql(key is not None, floor is not None, connection.vendor)
    with connection.cursor() as db:
        db.execute(sql, params)
        return [(row[0], row[1]) for row in db.fetchall()]


def feed_page(
    user: User, after: str | None, limit: int | None = None, *, cards: bool = False
) -> cursor.Page:
    """One page of the feed, newest first; raises cursor.BadCursor for a foreign cursor.
    `cards`: the articles loaded with only what their cards show (the page, not the API)."""
    limit = max(1, min(cursor.MAX_LIMIT, cursor.page_size() if limit is None else limit))
    key = None
    if after:
        key = cursor.decode(after)
        if not hasattr(key.at, "tzinfo"):
            raise cursor.BadCursor(after)  # a cursor made for another sort order
    follows = _follows(user)
    if not follows:
        return cursor.Page([], None)
    if len(follows) <= FEW:
        found = _merged_ids(follows, key, limit + 1)
    else:
        floor = _floor(key)
        found = _scanned_ids(user, key, limit + 1, floor)
        if len(found) <= limit and floor is not None:
            found = _kind_ids(follows, key, limit + 1)
    shown = [pk for pk, _at in found[:limit]]
    rows = Article.objects.filter(pk__in=shown)
    rows = rows.for_cards() if cards else rows.for_listing()
    by_id = {article.pk: article for article in rows} if shown else {}
    items = [by_id[pk] for pk in shown if pk in by_id]
    next_cursor = None
    if len(found) > limit and items:
        last = items[-1]
        assert last.published_at is not None
        next_cursor = cursor.encode(cursor.Key(last.published_at, last.pk))
    return cursor.Page(items, next_cursor)
