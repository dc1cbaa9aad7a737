"""Notifications' part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
"""

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from wacana.accounts.models import User
from wacana.notifications.models import Kind, Notification, SwitchedOff

COVERS = ("notifications.Notification.recipient", "notifications.SwitchedOff.user")

# Notices about something the person did (commented, replied, followed, published):
# their text quotes the person's name and their link leads to the person's profile or
# to content that is deleted with the account. Removed from everyone's inbox rather than
# rewritten: with the comment, follow or article gone there is nothing left to tell.
# Notices from staff (moderation, curation) name no one and concern the recipient's own
# work, so they stay; the actor goes by SET_NULL.
ABOUT_THE_ACTOR = (Kind.COMMENT, Kind.REPLY, Kind.FOLLOWER, Kind.NEW_ARTICLE)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    return {
        "notifications": [
            {
                "kind": kind,
                "message": message,
                "url": url,
                "created_at": _iso(created),
                "read_at": _iso(read),
            }
            for kind, message, url, created, read in Notification.objects.filter(recipient=user)
            .order_by("created_at", "id")
            .values_list("kind", "message", "target_url", "created_at", "read_at")
        ],
        "notification_kinds_switched_off": sorted(
            SwitchedOff.objects.filter(user=user).values_list("kind", flat=True)
        ),
    }


def remove_all_of(user: User) -> None:
    """The person's own inbox and settings go by CASCADE; here, the traces in other
    inboxes."""
    about = Notification.objects.filter(actor=user, kind__in=ABOUT_THE_ACTOR).exclude(
        recipient=user
    )
    recipients = set(about.values_list("recipient_id", flat=True))
    about.delete()
    if recipients:
        # Recounted, not decremented, as mark_read does: the badge cannot drift.
        unread = (
            Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
            .values("recipient")
            .annotate(n=Count("id"))
            .values("n")
        )
        User.objects.filter(pk__in=recipients).update(
            unread_notifications=Coalesce(Subquery(unread), Value(0), output_field=IntegerField())
        )
