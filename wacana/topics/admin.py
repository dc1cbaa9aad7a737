"""Topics in Django's admin: to look, not to change. Editors create and change topics on
the site (/topik/baru), where the action tells the followers and refreshes the home."""

from django.contrib import admin

from wacana.lib.admin import ReadOnlyAdmin
from wacana.topics.models import Topic


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin[Topic]):
    list_display = ("title", "slug", "opens_at", "closes_at", "created_by")
    search_fields = ("title", "slug")
