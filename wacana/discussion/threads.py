"""The comment thread shown under an article, and the reads the API shares with it.

A thread page is one query: up to PAGE_SIZE top comments after the cursor (a sliced
subquery) together with their replies and every author, oldest first.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from wacana.accounts.roles import is_editor, load_group_names
from wacana.articles.models import Article, Status
from wacana.discussion.access import can_delete, can_edit, may_comment
from wacana.discussion.models import Comment, CommentStatus, seen_by
from wacana.lib import cursor

PAGE_SIZE = 50
CURSOR_PARAM = "komentar"


def newer_than(key: cursor.Key) -> Q:
    """Rows strictly after `key` in (created_at, id) order: the next page, oldest first."""
    return Q(created_at__gt=key.at) | Q(created_at=key.at, id__gt=key.id)


def key_of(comment: Comment) -> cursor.Key:
    return cursor.Key(comment.created_at, comment.pk)


def decode(value: str) -> cursor.Key:
    """A cursor made by this module; raises cursor.BadCursor otherwise."""
    key = cursor.decode(value)
    if not isinstance(key.at, datetime):
        raise cursor.BadCursor(value)
    return key


def starting_at(comment: Comment) -> str:
    """A cursor for the page that begins with `comment` (the cursor need not be a row)."""
    return cursor.encode(cursor.Key(comment.created_at, comment.pk - 1))


def comment_url(comment: Comment) -> str:
    """Where a comment is seen: its article's page of the thread, scrolled to it."""
    top: Any = comment.parent if comment.parent_id else comment
    base = comment.article.get_absolute_url()
    before = (
        Comment.objects.top_level()
        .filter(article_id=comment.article_id)
        .filter(Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, id__lt=top.pk))
    )
    if before[:PAGE_SIZE].count() < PAGE_SIZE:
        return f"{base}#komentar-{comment.pk}"
    return f"{base}?{CURSOR_PARAM}={starting_at(top)}#komentar-{comment.pk}"


def _load_ranks(user: Any, rows: list[Comment]) -> None:
    # Editors may delete others' comments only where may_act_on allows, which asks each
    # author's groups: asked here in one query rather than once per author.
    if is_editor(user):
        load_group_names(row.author for row in rows)


ShownAs = Literal["full", "deleted", "hidden"]


@dataclass
class CommentView:
    """A comment as one reader sees it: what threads decide once, in Python, for the
    thread template and the API (the model instance itself is left as loaded)."""

    comment: Comment
    shown_as: ShownAs
    can_reply: bool
    can_edit: bool
    can_delete: bool
    can_report: bool
    replies: list["CommentView"] = field(default_factory=list)

    @property
    def is_full(self) -> bool:
        return self.shown_as == "full"


def present(comment: Comment, user: Any, *, open_for_user: bool) -> CommentView:
    """Decide once, in Python, what the templates and the API show of a comment to `user`."""
    own = user.is_authenticated and comment.author_id == user.pk
    staff = is_editor(user)
    shown_as: ShownAs
    if comment.status == CommentStatus.DELETED:
        shown_as = "deleted"
    elif comment.status == CommentStatus.HIDDEN and not (own or staff):
        shown_as = "hidden"
    else:
        shown_as = "full"
    full = shown_as == "full"
    visible = comment.status == CommentStatus.VISIBLE
    return CommentView(
        comment=comment,
        shown_as=shown_as,
        can_reply=full and visible and open_for_user,
        can_edit=full and can_edit(user, comment),
        can_delete=full and can_delete(user, comment),
        can_report=full and visible and user.is_authenticated and not own,
    )


@dataclass
class Thread:
    article: Article
    count: int
    is_open: bool
    can_comment: bool
    comments: list[CommentView] = field(default_factory=list)
    next_cursor: str | None = None
    is_later_page: bool = False


def _has_comments(article_pk: int) -> bool:
    """Whether the article has a comment in any state. A plain query: the ORM's
    `exists()` cost ten times as much CPU on every signed-in reader's article page
    (issue 15), and building the thread's a hundred times."""
    quote = connection.ops.quote_name
    with connection.cursor() as db:
        db.execute(
            f"SELECT 1 FROM {quote(Comment._meta.db_table)} WHERE {quote('article_id')} = %s"  # noqa: S608 - names from the model
            " LIMIT 1",
            [article_pk],
        )
        return db.fetchone() is not None


def thread_for(request: HttpRequest, article: Article) -> Thread:
    """Everything the thread template needs; one query for the comments, none per comment."""
    user = request.user
    is_open = article.status == Status.PUBLISHED
    thread = Thread(
        article=article,
        count=article.comment_count,
        is_open=is_open,
        can_comment=is_open and may_comment(user),
    )
    raw_cursor = request.GET.get(CURSOR_PARAM)
    if not thread.count and not raw_cursor and not user.is_authenticated:
        # Nothing visible to show (placeholders need visible replies): no query at all.
        return thread
    if not thread.count and not raw_cursor and not _has_comments(article.pk):
        # No comment at all, in any state (most articles): nothing to show, whoever reads.
        return thread
    readable = seen_by(user)
    tops = (
        Comment.objects.top_level()
        .filter(article=article)
        # A deleted or hidden comment with visible replies stays as a placeholder.
        .filter(readable | Q(reply_count__gt=0))
    )
    if raw_cursor:
        try:
            tops = tops.filter(newer_than(decode(raw_cursor)))
        except cursor.BadCursor:
            raise Http404(_("This page of comments does not exist.")) from None
        thread.is_later_page = True
    page_ids = tops.order_by("created_at", "id").values("pk")[: PAGE_SIZE + 1]
    rows = list(
        Comment.objects.filter(article=article)
        .filter(Q(pk__in=page_ids) | (Q(parent_id__in=page_ids) & readable))
        .select_related("author")
        .order_by("created_at", "id")
    )
    _load_ranks(user, rows)
    top_rows = [row for row in rows if row.parent_id is None]
    if len(top_rows) > PAGE_SIZE:
        top_rows = top_rows[:PAGE_SIZE]
        thread.next_cursor = cursor.encode(key_of(top_rows[-1]))
    for row in rows:
        row.article = article  # no query per link
    shown = {row.pk: present(row, user, open_for_user=thread.can_comment) for row in top_rows}
    for row in rows:
        top = shown.get(row.parent_id) if row.parent_id is not None else None
        if top is not None:
            # Under a comment a moderator hid, the discussion doesn't go on.
            open_here = thread.can_comment and top.comment.status != CommentStatus.HIDDEN
            top.replies.append(present(row, user, open_for_user=open_here))
    for view in shown.values():
        if view.is_full or view.replies:
            thread.comments.append(view)
    return thread


def listing(article: Article, user: Any, after: str | None, limit: int) -> cursor.Page:
    """The API's flat listing, oldest first: what `user` may read, with placeholders for
    deleted or hidden top comments that still have visible replies."""
    rows = Comment.objects.filter(article=article).filter(
        seen_by(user) | Q(parent__isnull=True, reply_count__gt=0)
    )
    if after:
        rows = rows.filter(newer_than(decode(after)))
    found = list(rows.select_related("author").order_by("created_at", "id")[: limit + 1])
    items = found[:limit]
    _load_ranks(user, items)
    for item in items:
        item.article = article
    views = [present(item, user, open_for_user=False) for item in items]
    next_cursor = cursor.encode(key_of(items[-1])) if len(found) > limit else None
    return cursor.Page(views, next_cursor)
