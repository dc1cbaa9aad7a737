"""Django's own tables that refer to a person: the admin's history of staff changes.

A part like the apps' own `privacy` modules (see parts.py), for models this project
does not own and so cannot give a module of their own.
"""

from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from wacana.accounts.models import User

COVERS = ("admin.LogEntry.user",)


def _model_name(entry: LogEntry) -> str | None:
    if entry.content_type_id is None:
        return None
    kind = ContentType.objects.get_for_id(entry.content_type_id)
    return f"{kind.app_label}.{kind.model}"


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    return {
        "admin_history": [
            {
                "action_time": entry.action_time.isoformat(),
                "object": _model_name(entry),
                "object_id": entry.object_id,
                "object_repr": entry.object_repr,
                "action": entry.get_action_flag_display(),
                "change": entry.get_change_message(),
            }
            for entry in LogEntry.objects.filter(user=user)
            .select_related("content_type")
            .order_by("action_time", "id")
        ]
    }


def remove_all_of(user: User) -> None:
    # The admin's history of a staff member goes with them (CASCADE); the moderation log,
    # the record that must stay, refers to people by id and is kept.
    LogEntry.objects.filter(user=user).delete()
