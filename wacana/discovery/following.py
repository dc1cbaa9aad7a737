"""The "Following" feed (/mengikuti, GET /api/v1/me/feed): the latest published articles
of everything someone follows: writers (accounts.Follow), rubrics and sub-categories,
tags and topics (topics.Follow).

Two queries, whatever the number of follows. The first finds the page's article ids:
articles are read newest first down the `article_latest` index from the cursor, and
each is kept when any follow matches it, the follows being subqueries of that one
statement (each article comes once, however many follows match it; a followed tag or
topic is probed per article through the (article, ...) unique indexes, never
materialized). Its SQL is written once here, with the models' table and column names,
rather than composed by the ORM at each request: composing it cost 3 ms of CPU, more
than running it. The second reads the cards by id. A person following hundreds of
things matches many articles near the top, so a page reads little more than its own
rows at any depth; `scripts/bench/feed_bench.py` measures it on the bench data.
"""

from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Model

from wacana.accounts.models import Follow, User
from wacana.articles.models import Article, ArticleTag, Status
from wacana.lib import cursor
from wacana.topics.models import Follow as Interest
from wacana.topics.models import Kind, TopicArticle


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[Model], field: str) -> str:
    return connection.ops.quote_name(str(model._meta.get_field(field).column))  # type: ignore[union-attr]


@cache
def _sql(after: bool, vendor: str) -> str:
    """The ids query; `after`: with a cursor. Only names and placeholders go in the text."""
    a, c = Article, _column

    def followed(field: str) -> str:
        return (
            f"SELECT {c(Interest, field)} FROM {_table(Interest)} "  # noqa: S608 - names only
            f"WHERE {c(Interest, 'follower')} = %s AND {c(Interest, 'kind')} = %s"
        )

    categories = followed("category")
    time, pk = f"a.{c(a, 'published_at')}", f"a.{c(a, 'id')}"
    keyset = f" AND {time} <= %s AND ({time} < %s OR ({time} = %s AND {pk} < %s))" if after else ""
    return (
        # The writer's account is checked per article read (a primary key probe), not
        # joined: a join lets the planner start from the accounts.
        f"SELECT {pk}, {time} FROM {_table(a)} a WHERE a.{c(a, 'status')} = %s{keyset}"  # noqa: S608 - names only
        f" AND EXISTS (SELECT 1 FROM {_table(User)} u WHERE u.{c(User, 'id')} = a.{c(a, 'author')}"
        f" AND u.{c(User, 'is_active')} = %s) AND ("
        f"a.{c(a, 'author')} IN (SELECT {c(Follow, 'followed')} FROM {_table(Follow)} "
        f"WHERE {c(Follow, 'follower')} = %s)"
        f" OR a.{c(a, 'rubric')} IN ({categories})"
        f" OR a.{c(a, 'category')} IN ({categories})"
        f" OR EXISTS (SELECT 1 FROM {_table(ArticleTag)} t"
        f" WHERE t.{c(ArticleTag, 'article')} = {pk}"
        f" AND t.{c(ArticleTag, 'tag')} IN ({followed('tag')}))"
        f" OR EXISTS (SELECT 1 FROM {_table(TopicArticle)} x"
        f" WHERE x.{c(TopicArticle, 'article')} = {pk}"
        f" AND x.{c(TopicArticle, 'topic')} IN ({followed('topic')}))"
        f") ORDER BY {time} DESC, {pk} DESC LIMIT %s"
    )


def _ids(user: User, key: cursor.Key | None, count: int) -> list[tuple[int, Any]]:
    params: list[Any] = [Status.PUBLISHED]
    if key is not None:
        at = Article._meta.get_field("published_at").get_db_prep_value(key.at, connection)
        params += [at, at, at, key.id]
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
    with connection.cursor() as db:
        db.execute(_sql(key is not None, connection.vendor), params)
        return [(row[0], row[1]) for row in db.fetchall()]


def feed_page(user: User, after: str | None, limit: int | None = None) -> cursor.Page:
    """One page of the feed, newest first; raises cursor.BadCursor for a foreign cursor."""
    limit = max(1, min(cursor.MAX_LIMIT, cursor.page_size() if limit is None else limit))
    key = None
    if after:
        key = cursor.decode(after)
        if not hasattr(key.at, "tzinfo"):
            raise cursor.BadCursor(after)  # a cursor made for another sort order
    found = _ids(user, key, limit + 1)
    shown = [pk for pk, _at in found[:limit]]
    cards = Article.objects.filter(pk__in=shown).select_related("author", "category").defer("body")
    by_id = {article.pk: article for article in cards} if shown else {}
    items = [by_id[pk] for pk in shown if pk in by_id]
    next_cursor = None
    if len(found) > limit and items:
        last = items[-1]
        assert last.published_at is not None
        next_cursor = cursor.encode(cursor.Key(last.published_at, last.pk))
    return cursor.Page(items, next_cursor)
