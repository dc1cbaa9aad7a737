"""The ledger and the leaderboards in the admin: to read, never to change (the ledger
is append-only; a correction is a new event written by an action, not an edit)."""

from django.contrib import admin

from wacana.lib.admin import ReadOnlyAdmin
from wacana.points.models import LeaderboardEntry, PointEvent


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
