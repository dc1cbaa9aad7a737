"""Topics in Django's admin: to look, not to change. Editors create and change topics on
the site (/topik/baru), where the action tells the followers and refreshes the home."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wacana.topics.models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin[Topic]):
    list_display = ("title", "slug", "opens_at", "closes_at", "created_by")
    search_fields = ("title", "slug")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
