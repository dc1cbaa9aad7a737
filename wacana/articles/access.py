"""Who may open or change an article: every view and API handler asks here."""

import functools
import hashlib
import json
import time
from typing import Any, NamedTuple

from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor, may_act_on
from wacana.articles.models import Article, Category, Status


def get_article_for_reading(user: Any, pk: int) -> Article:
    """The article if `user` may see it; drafts and hidden ones are 404 to others."""
    # The Markdown source is not needed to read (pages are stored rendered), nor are
    # the writer's private columns.
    queryset = (
        Article.objects.visible_to(user)
        .select_related("author", "category", "category__parent")
        .defer("body", "author__password", "author__email", "author__last_login")
    )
    return get_object_or_404(queryset, pk=pk)


def can_edit(user: Any, article: Article) -> bool:
    """Its writer, or an editor (or administrator) who may act on the writer (not an
    administrator's article for a mere editor: see accounts.roles.may_act_on)."""
    if not user.is_authenticated:
        return False
    if article.author_id == user.pk:
        return True
    return is_editor(user) and may_act_on(user, article.author)


def get_article_for_edit(user: Any, pk: int) -> Article:
    """The article if `user` may change it (its author or staff), else 404.

    Someone who may not edit gets 404 rather than 403, so drafts don't leak their ids.
    """
    article = get_article_for_reading(user, pk)
    if not can_edit(user, article):
        raise Http404
    return article


class Stamp(NamedTuple):
    """What an anonymous reader's article page depends on, read in one plain query."""

    slug: str
    username: str
    author_id: int
    page_count: int
    digest: str  # of every column of the article, its writer, category and rubric
    # What a signed-in reader's holes show of the article (wacana/articles/holes.py),
    # read in the same query so that they cost none of their own.
    rating_counts: dict[str, int]
    comment_count: int


# Columns never shown on the article page (and the Markdown source, which is long).
_NOT_SHOWN = {"body", "password", "email", "email_unconfirmed", "last_login"}


@functools.cache
def _stamp_sql() -> str:
    """Built once per process from the models' fields; SQL only, values are parameters."""
    quote = connection.ops.quote_name

    def columns(model: Any, alias: str) -> list[str]:
        return [
            f"{alias}.{quote(field.column)}"
            for field in model._meta.concrete_fields
            if field.name not in _NOT_SHOWN
        ]

    picked = [
        "a.slug",
        "u.username",
        "a.author_id",
        "a.page_count",
        "a.rating_counts",
        "a.comment_count",
        *columns(Article, "a"),
        *columns(User, "u"),
        *columns(Category, "c"),
        *columns(Category, "p"),
    ]
    return (
        f"SELECT {', '.join(picked)} FROM {quote(Article._meta.db_table)} a"  # noqa: S608 - names from the models
        f" JOIN {quote(User._meta.db_table)} u ON u.id = a.author_id"
        f" JOIN {quote(Category._meta.db_table)} c ON c.id = a.category_id"
        f" LEFT JOIN {quote(Category._meta.db_table)} p ON p.id = c.parent_id"
        " WHERE a.id = %s AND a.status = %s"
    )


def public_stamp(pk: int) -> Stamp | None:
    """The stamp of a published article, or None (not public, or no such article).

    The anonymous article page looks its kept copy up by this (wacana/lib/pagecache.py):
    one plain query, about a fiftieth of the CPU the ORM's query for the whole article
    takes; any change of a column shown on the page changes the digest."""
    with connection.cursor() as db:
        db.execute(_stamp_sql(), [pk, Status.PUBLISHED])
        row = db.fetchone()
    if row is None:
        return None
    digest = hashlib.blake2b(repr(row).encode(), digest_size=12).hexdigest()
    # JSON comes as text (SQLite; PostgreSQL through Django's loader) or already read.
    counts = json.loads(row[4]) if isinstance(row[4], str | bytes) else row[4]
    return Stamp(row[0], row[1], row[2], row[3], digest, counts or {}, row[5])


# When each article's stamp was last read unchanged, by (id, digest), for the front.
_confirmed: dict[tuple[int, str], float] = {}
_CONFIRMED_MAX = 10_000


def stamp_holds(pk: int, digest: str, within: float) -> bool:
    """Whether the article is still public with this stamp, read at most once per
    `within` seconds per article in this process (the front, wacana/lib/front.py,
    answers its kept page thousands of times a second: a query each time cost more than
    the answer). What the versions follow (hiding, deleting, an edit, a comment, a
    rating, the admin's changes) the front sees at once anyway; this bounds what they do
    not (the view count flushed, a row changed behind every action's back)."""
    now = time.monotonic()
    confirmed = _confirmed.get((pk, digest))
    if confirmed is not None and now - confirmed < within:
        return True
    stamp = public_stamp(pk)
    if stamp is None or stamp.digest != digest:
        _confirmed.pop((pk, digest), None)
        return False
    if len(_confirmed) >= _CONFIRMED_MAX:
        _confirmed.clear()
    _confirmed[(pk, digest)] = now
    return True


def public_author_id(pk: int) -> int | None:
    """The writer of a published article, or None: what the view beacon needs to count a
    view, in one plain query (it runs for every anonymous view behind a proxy)."""
    table = connection.ops.quote_name(Article._meta.db_table)
    with connection.cursor() as db:
        db.execute(
            f"SELECT author_id FROM {table} WHERE id = %s AND status = %s",  # noqa: S608 - a model's table
            [pk, Status.PUBLISHED],
        )
        row = db.fetchone()
    return None if row is None else int(row[0])
