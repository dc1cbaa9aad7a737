from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wacana.accounts.roles import is_editor
from wacana.articles.models import Article

COMMENT_MAX = 5000


class CommentStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden by moderation")
    DELETED = "deleted", _("Deleted by its writer")


def seen_by(user: Any) -> Q:
    """Which comments `user` may read: visible ones, their own hidden ones, and for editors
    and administrators every hidden one too (moderators read them in the moderation queue).
    A deleted comment is only ever a placeholder."""
    if is_editor(user):
        return Q(status__in=[CommentStatus.VISIBLE, CommentStatus.HIDDEN])
    if user.is_authenticated:
        return Q(status=CommentStatus.VISIBLE) | Q(status=CommentStatus.HIDDEN, author_id=user.pk)
    return Q(status=CommentStatus.VISIBLE)


class CommentQuerySet(models.QuerySet["Comment"]):
    def for_article(self, article: Article) -> "CommentQuerySet":
        return self.filter(article=article)

    def visible(self) -> "CommentQuerySet":
        return self.filter(status=CommentStatus.VISIBLE)

    def seen_by(self, user: Any) -> "CommentQuerySet":
        return self.filter(seen_by(user))

    def top_level(self) -> "CommentQuerySet":
        return self.filter(parent__isnull=True)

    def oldest_first(self) -> "CommentQuerySet":
        return self.order_by("created_at", "id")


class Comment(models.Model):
    """A comment under an article; replies go one level deep (parent is a top comment)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    # Plain text with links made clickable and everything else escaped, made at save time.
    body_html = models.TextField(editable=False)
    status = models.CharField(
        max_length=10, choices=CommentStatus.choices, default=CommentStatus.VISIBLE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Visible replies under a top comment, moved with F() by the actions.
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    hidden_with_account = models.BooleanField(default=False, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "created_at", "id"], name="comment_thread"),
            models.Index(fields=["author", "created_at"], name="comment_author"),
        ]

    def __str__(self) -> str:
        return f"{self.author_id} on {self.article_id}: {self.body[:40]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#komentar-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.VISIBLE

    @property
    def is_deleted(self) -> bool:
        return self.status == CommentStatus.DELETED
