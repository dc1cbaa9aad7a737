"""Who may do what with a comment: the views, the API and the templates ask here."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from wacana.accounts.roles import is_editor, may_act_on
from wacana.articles.models import Article
from wacana.discussion.models import Comment, CommentStatus


def may_comment(user: Any) -> bool:
    """Signed in, and neither deactivated nor suspended."""
    return bool(
        user.is_authenticated and user.is_active and getattr(user, "suspended_at", None) is None
    )


def can_edit(user: Any, comment: Comment) -> bool:
    """Only the writer edits, and not once a moderator has hidden the comment."""
    return bool(
        may_comment(user)
        and comment.author_id == user.pk
        and comment.status == CommentStatus.VISIBLE
    )


def can_delete(user: Any, comment: Comment) -> bool:
    """The writer deletes their own comment; editors and administrators may delete
    anyone's (moderators hide comments through the moderation tools instead)."""
    if not user.is_authenticated or comment.status == CommentStatus.DELETED:
        return False
    if comment.author_id == user.pk and may_comment(user):
        return True
    return is_editor(user) and may_act_on(user, comment.author)


def get_open_article(pk: int) -> Article:
    """An article that takes comments: published. Drafts and hidden ones are 404."""
    return get_object_or_404(Article.objects.published().select_related("author"), pk=pk)


def get_comment_for_reading(user: Any, pk: int) -> Comment:
    """The comment if `user` may read it (and its article), else 404."""
    comment = get_object_or_404(
        Comment.objects.seen_by(user).select_related("author", "article__author", "parent"),
        pk=pk,
    )
    if not Article.objects.visible_to(user).filter(pk=comment.article_id).exists():
        raise Http404
    return comment
