"""Traces left by accounts deleted before deletion removed them are cleaned up once."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from wacana.notifications.actions import notify
from wacana.notifications.models import Notification
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

cleanup = import_module("wacana.notifications.migrations.0004_remove_notices_of_deleted_accounts")


def test_notices_whose_actor_was_deleted_earlier_go_and_badges_are_recounted() -> None:
    friend = make_user("sahabat")
    gone = make_user("sudahpergi", display_name="Sudah Pergi")
    staff = make_user("redaktur")
    notify(friend, "follower", "Sudah Pergi mulai mengikuti Anda.", actor=gone)
    notify(friend, "moderation", "Artikel Anda disunting.", actor=staff)
    # What deleting `gone` did before: the actor set to null, the text kept.
    Notification.objects.filter(actor=gone).update(actor=None)
    Notification.objects.filter(actor=staff).update(actor=None)

    cleanup.forwards(apps, None)

    left = list(Notification.objects.filter(recipient=friend).values_list("kind", flat=True))
    assert left == ["moderation"]  # staff notices name no one and stay
    friend.refresh_from_db()
    assert friend.unread_notifications == 1


def test_the_search_index_is_compacted_once_on_sqlite() -> None:
    purge = import_module("wacana.discovery.migrations.0004_purge_deleted_words")

    class Editor:
        connection = connection
        ran: list[str] = []

        def execute(self, sql: str) -> None:
            self.ran.append(sql)
            with connection.cursor() as db:
                db.execute(sql)

    editor = Editor()
    purge.forwards(apps, editor)
    expected = 1 if connection.vendor == "sqlite" else 0
    assert len(editor.ran) == expected
