"""Moderation in the admin: for reading. Decisions are made on /moderasi, where they
are logged; the log itself can be changed by nobody, superusers included."""

from django.contrib import admin

from wacana.lib.admin import ReadOnlyAdmin
from wacana.moderation.models import Appeal, ModerationAction, Report


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin[ModerationAction]):
    list_display = ("created_at", "kind", "moderator_id", "subject_id", "target_type", "target_id")
    list_filter = ("kind", "target_type")
    search_fields = ("note",)
    date_hierarchy = "created_at"
    show_full_result_count = False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin[Report]):
    list_display = ("created_at", "target_type", "target_id", "reason", "status", "outcome")
    list_filter = ("status", "reason", "target_type")
    raw_id_fields = ("reporter",)
    show_full_result_count = False


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin[Appeal]):
    list_display = ("created_at", "action", "appellant", "status", "decided_at")
    list_filter = ("status",)
    raw_id_fields = ("appellant", "action")
