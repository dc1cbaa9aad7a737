"""The ledger and the leaderboards in the admin: to read, never to change (the ledger
is append-only; a correction is a new event written by an action, not an edit)."""

from typing import Any, TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from wacana.points.models import LeaderboardEntry, PointEvent

M = TypeVar("M", bound=Model)


class ReadOnlyAdmin(admin.ModelAdmin[M]):
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PointEvent)
class PointEventAdmin(ReadOnlyAdmin[PointEvent]):
    list_display = ("created_at", "user_id", "amount", "rule", "rule_version", "reason", "key")
    list_filter = ("rule", "rule_version", "reason")
    search_fields = ("key",)
    date_hierarchy = "created_at"
    show_full_result_count = False


@admin.register(LeaderboardEntry)
class LeaderboardEntryAdmin(ReadOnlyAdmin[LeaderboardEntry]):
    list_display = ("period", "rubric", "position", "user", "points", "computed_at")
    list_filter = ("period",)
    raw_id_fields = ("user",)
