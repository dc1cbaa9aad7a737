"""Notices that quoted a person whose account was deleted before deletion removed them.

A comment, reply, follower or new-article notice is always written with its actor; a
null actor there means the actor's account was deleted (SET_NULL), and the notice
still quotes their name and links to their profile or deleted content. They go, as
account deletion now removes them (notifications/privacy.py), and the unread counts of
the people who had them are recounted. Nothing to undo on the way back.
"""

from typing import Any

from django.db import migrations
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

ABOUT_THE_ACTOR = ("comment", "reply", "follower", "new_article")


def forwards(apps: Any, schema_editor: Any) -> None:
    Notification = apps.get_model("notifications", "Notification")
    User = apps.get_model("accounts", "User")
    orphaned = Notification.objects.filter(actor__isnull=True, kind__in=ABOUT_THE_ACTOR)
    recipients = set(orphaned.values_list("recipient_id", flat=True))
    if not recipients:
        return
    orphaned.delete()
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .values("recipient")
        .annotate(n=Count("id"))
        .values("n")
    )
    User.objects.filter(pk__in=recipients).update(
        unread_notifications=Coalesce(Subquery(unread), Value(0), output_field=IntegerField())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_notification_once_key"),
        ("accounts", "0004_moderation_fields"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
