"""Writes with side effects for comments. Views, the API and moderation call these only.

Every write first locks the article's row, so the writes on one article's thread happen
one after another: the article's comment_count and each comment's reply_count move with
F() in the same transaction as the change they count, and can't drift under concurrent
posting. (SQLite ignores the lock, but runs one writing transaction at a time anyway.)
"""

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.articles.models import Article, Status
from wacana.discussion import hooks
from wacana.discussion.access import can_delete, may_comment
from wacana.discussion.models import Comment, CommentStatus
from wacana.discussion.text import render_comment
from wacana.discussion.threads import comment_url
from wacana.lib import pagecache
from wacana.lib.refusal import Invalid, Refusal
from wacana.notifications.actions import notify
from wacana.notifications.models import Kind


class CommentRefused(Refusal):
    """Base of the reasons an action refuses, each with its sentence and status."""


class NotAllowed(CommentRefused):
    """The user may not change this comment."""

    status = 403

    def default_message(self) -> str:
        return _("Only the writer may change this comment.")


class MayNotDelete(NotAllowed):
    """The user may not delete this comment."""

    def default_message(self) -> str:
        return _("Only the writer and the editors may delete this comment.")


class CannotComment(CommentRefused):
    """Suspended or inactive accounts don't comment."""

    status = 403

    def default_message(self) -> str:
        return _("This account may not comment.")


class CommentsClosed(CommentRefused):
    """The article is not published (any more): not found, like its page."""

    status = 404

    def default_message(self) -> str:
        return _("Not found.")


class InvalidParent(CommentRefused, Invalid):
    """The comment replied to is gone, hidden, or under another article."""

    field = "parent_id"

    def default_message(self) -> str:
        return _("This comment can no longer be replied to.")


class DuplicateComment(CommentRefused):
    """The same text again, right after itself."""

    status = 409
    field = "body"

    def default_message(self) -> str:
        return _("You have just posted exactly this comment.")


class CommentLocked(CommentRefused):
    """A comment hidden by moderation can't be edited."""

    status = 409

    def default_message(self) -> str:
        return _("A moderator has hidden this comment; it can no longer be edited.")


def _lock_article(article_id: int) -> str | None:
    """Lock the article's row for this transaction; its status, or None if it is gone.

    Every write to a thread passes here: the article's pages kept for anonymous readers
    are rendered afresh (wacana/lib/pagecache.py), edits and deletions included."""
    pagecache.touch("thread", article_id)
    found = list(
        Article.objects.select_for_update().filter(pk=article_id).values_list("status", flat=True)
    )
    return found[0] if found else None


def _count(article_id: int, parent_id: int | None, delta: int) -> None:
    Article.objects.filter(pk=article_id).update(comment_count=F("comment_count") + delta)
    if parent_id is not None:
        Comment.objects.filter(pk=parent_id).update(reply_count=F("reply_count") + delta)


def post_comment(
    author: User, article: Article, body: str, parent: Comment | None = None
) -> Comment:
    """A new comment (or a reply to `parent`) from validated text."""
    # Rendered before the transaction: on SQLite the write lock is held for writes only.
    return _post_comment(author, article, body, render_comment(body), parent)


@transaction.atomic
def _post_comment(
    author: User, article: Article, body: str, body_html: str, parent: Comment | None
) -> Comment:
    if not may_comment(author):
        raise CannotComment
    if _lock_article(article.pk) != Status.PUBLISHED:
        raise CommentsClosed
    top: Comment | None = None
    if parent is not None:
        # Read again under the lock: it may have been deleted or hidden meanwhile.
        replied = (
            Comment.objects.select_related("author").filter(pk=parent.pk, article=article).first()
        )
        if replied is None or replied.status != CommentStatus.VISIBLE:
            raise InvalidParent
        top = replied
        if replied.parent_id is not None:
            top = Comment.objects.filter(pk=replied.parent_id).first()
            if top is None:
                raise InvalidParent
        if top.status == CommentStatus.HIDDEN:
            raise InvalidParent
        parent = replied
    last = (
        Comment.objects.filter(article=article, author=author)
        .exclude(status=CommentStatus.DELETED)
        .order_by("-created_at", "-id")
        .only("body")
        .first()
    )
    if last is not None and last.body == body:
        raise DuplicateComment
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=top,
        body=body,
        body_html=body_html,
    )
    _count(article.pk, comment.parent_id, +1)
    comment.article = article
    hooks.comment_shown(comment)
    names = {"name": author.name, "title": article.title}
    # Notifications are stored as text: in the site's language, whatever the actor reads.
    with translation.override(settings.LANGUAGE_CODE):
        if parent is None:
            recipient, kind = article.author, Kind.COMMENT
            message = _("%(name)s commented on “%(title)s”.") % names
        else:
            recipient, kind = parent.author, Kind.REPLY
            message = _("%(name)s replied to your comment on “%(title)s”.") % names
    notify(recipient, kind, message, actor=author, target_url=comment_url(comment))
    return comment


def edit_comment(user: User, comment: Comment, body: str) -> Comment:
    """Change the text of one's own comment; it is marked as edited."""
    return _edit_comment(user, comment, body, render_comment(body))


@transaction.atomic
def _edit_comment(user: User, comment: Comment, body: str, body_html: str) -> Comment:
    if not may_comment(user) or comment.author_id != user.pk:
        raise NotAllowed
    _lock_article(comment.article_id)
    current = Comment.objects.filter(pk=comment.pk).values_list("status", "body").first()
    if current is None or current[0] == CommentStatus.DELETED:
        raise NotAllowed
    if current[0] != CommentStatus.VISIBLE:
        raise CommentLocked
    if current[1] == body:
        return comment
    comment.body = body
    comment.body_html = body_html
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(user: User, comment: Comment) -> Comment | None:
    """Delete a comment (its writer, or staff). A top comment with replies stays as a
    placeholder so the replies keep their place; returns it, or None when it is gone."""
    if not can_delete(user, comment):
        raise MayNotDelete
    _lock_article(comment.article_id)
    current = Comment.objects.filter(pk=comment.pk).first()
    if current is None or current.status == CommentStatus.DELETED:
        return current
    if current.status == CommentStatus.VISIBLE:
        _count(current.article_id, current.parent_id, -1)
        hooks.comment_gone(current.pk)
    if current.parent_id is None and Comment.objects.filter(parent=current).exists():
        current.status = CommentStatus.DELETED
        # The writer took their words back: nothing of them stays.
        current.body = current.body_html = ""
        current.hidden_with_account = False
        current.save(update_fields=["status", "body", "body_html", "hidden_with_account"])
        return current
    current.delete()
    # The last reply under a deleted comment takes its placeholder along.
    if (
        current.parent_id is not None
        and not Comment.objects.filter(parent_id=current.parent_id).exists()
    ):
        Comment.objects.filter(pk=current.parent_id, status=CommentStatus.DELETED).delete()
    return None


@transaction.atomic
def hide_comment(comment: Comment, with_account: bool = False) -> bool:
    """Take a comment out of public view (moderation). Returns whether it changed."""
    _lock_article(comment.article_id)
    changed = Comment.objects.filter(pk=comment.pk, status=CommentStatus.VISIBLE).update(
        status=CommentStatus.HIDDEN, hidden_with_account=with_account
    )
    if not changed:
        return False
    _count(comment.article_id, comment.parent_id, -1)
    hooks.comment_gone(comment.pk)
    comment.status = CommentStatus.HIDDEN
    comment.hidden_with_account = with_account
    return True


@transaction.atomic
def restore_comment(comment: Comment) -> bool:
    """Undo a hide. Returns whether it changed."""
    _lock_article(comment.article_id)
    changed = Comment.objects.filter(pk=comment.pk, status=CommentStatus.HIDDEN).update(
        status=CommentStatus.VISIBLE, hidden_with_account=False
    )
    if not changed:
        return False
    _count(comment.article_id, comment.parent_id, +1)
    comment.status = CommentStatus.VISIBLE
    comment.hidden_with_account = False
    hooks.comment_shown(comment)
    return True


def _change_all_of(user: User, *, hide: bool) -> int:
    """Hide (or restore) an account's comments, one article's thread at a time."""
    if hide:
        wanted = Comment.objects.filter(author=user, status=CommentStatus.VISIBLE)
    else:
        wanted = Comment.objects.filter(
            author=user, status=CommentStatus.HIDDEN, hidden_with_account=True
        )
    changed = 0
    article_ids = sorted(set(wanted.values_list("article_id", flat=True)))
    for article_id in article_ids:
        with transaction.atomic():
            _lock_article(article_id)
            rows = list(wanted.filter(article_id=article_id).values_list("pk", "parent_id"))
            if not rows:
                continue
            if hide:
                wanted.filter(pk__in=[pk for pk, _ in rows]).update(
                    status=CommentStatus.HIDDEN, hidden_with_account=True
                )
            else:
                wanted.filter(pk__in=[pk for pk, _ in rows]).update(
                    status=CommentStatus.VISIBLE, hidden_with_account=False
                )
            delta = -1 if hide else 1
            Article.objects.filter(pk=article_id).update(
                comment_count=F("comment_count") + delta * len(rows)
            )
            for parent_id, count in Counter(p for _, p in rows if p is not None).items():
                Comment.objects.filter(pk=parent_id).update(
                    reply_count=F("reply_count") + delta * count
                )
            changed += len(rows)
    return changed


def hide_comments_of(user: User) -> int:
    """A suspension hides every visible comment of the account."""
    return _change_all_of(user, hide=True)


def restore_comments_of(user: User) -> int:
    """Lifting a suspension shows again what the suspension hid, and nothing else."""
    return _change_all_of(user, hide=False)


def remove_comments_of(user: User) -> int:
    """Before an account is deleted (its comments go with it, as the privacy policy says),
    remove them one article's thread at a time so every count stays exact. Replies that
    others wrote under the account's top comments go too: they can't stand alone."""
    removed = 0
    article_ids = sorted(set(user.comments.values_list("article_id", flat=True)))
    for article_id in article_ids:
        with transaction.atomic():
            _lock_article(article_id)
            mine = Comment.objects.filter(article_id=article_id, author=user)
            rows = list(
                Comment.objects.filter(
                    Q(pk__in=mine.values("pk")) | Q(parent__in=mine.top_level().values("pk"))
                ).values_list("pk", "parent_id", "status")
            )
            doomed = {pk for pk, _, _ in rows}
            visible = [parent for _, parent, status in rows if status == CommentStatus.VISIBLE]
            Article.objects.filter(pk=article_id).update(
                comment_count=F("comment_count") - len(visible)
            )
            parents = Counter(p for p in visible if p is not None and p not in doomed)
            for parent_id, count in parents.items():
                Comment.objects.filter(pk=parent_id).update(reply_count=F("reply_count") - count)
            for pk in sorted(doomed):
                hooks.comment_gone(pk)
            Comment.objects.filter(pk__in=doomed).delete()
            orphans = {p for _, p, _ in rows if p is not None and p not in doomed}
            Comment.objects.filter(pk__in=orphans, status=CommentStatus.DELETED).exclude(
                pk__in=Comment.objects.filter(parent__in=orphans).values("parent_id")
            ).delete()
            removed += len(doomed)
    return removed
