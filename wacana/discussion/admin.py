from contextlib import suppress
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wacana.accounts.models import User
from wacana.accounts.roles import may_act_on
from wacana.discussion import actions
from wacana.discussion.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    """Read and search comments. Hiding is the moderators' work (and goes in their log);
    a delete here goes through the action, so the article's count stays right."""

    list_display = ("id", "author", "article", "short_body", "status", "created_at", "edited_at")
    list_filter = ("status", "hidden_with_account")
    search_fields = ("body", "author__username", "article__title")
    list_select_related = ("author", "article")
    readonly_fields = (
        "article",
        "author",
        "parent",
        "body",
        "body_html",
        "status",
        "created_at",
        "edited_at",
        "reply_count",
        "hidden_with_account",
    )
    show_full_result_count = False

    @admin.display(description=_("comment"))
    def short_body(self, comment: Comment) -> str:
        return comment.body[:80]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_act_on(request.user, obj.author))

    def save_model(self, request: HttpRequest, obj: Comment, form: Any, change: bool) -> None:
        """Every field is read-only here: there is nothing to save."""

    def delete_model(self, request: HttpRequest, obj: Comment) -> None:
        assert isinstance(request.user, User)
        # A placeholder is refused: it goes with its last reply.
        with suppress(actions.NotAllowed):
            actions.delete_comment(request.user, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            self.delete_model(request, comment)
