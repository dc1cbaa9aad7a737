"""Telling people what concerns them. Other apps call notify(); nothing else writes here."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.notifications.models import (
    ALWAYS,
    MESSAGE_MAX,
    Notification,
    SwitchedOff,
    switchable_kinds,
)


@transaction.atomic
def notify(
    recipient: User,
    kind: str,
    message: str,
    *,
    actor: User | None = None,
    target_url: str = "",
) -> Notification | None:
    """Record a notification and move the recipient's unread count; never tell people
    about their own doings."""
    if actor is not None and actor.pk == recipient.pk:
        return None
    if kind not in ALWAYS and SwitchedOff.objects.filter(user=recipient, kind=kind).exists():
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        message=message[:MESSAGE_MAX],
        target_url=target_url[:500],
    )
    User.objects.filter(pk=recipient.pk).update(unread_notifications=F("unread_notifications") + 1)
    return notification


@transaction.atomic
def mark_read(user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the given notifications (or all) of `user` read; other people's are untouched."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    changed = unread.update(read_at=timezone.now())
    # Recounted rather than decremented, so the badge can never drift from the truth.
    remaining = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    User.objects.filter(pk=user.pk).update(unread_notifications=remaining)
    user.unread_notifications = remaining
    return changed


def notify_many(
    recipient_ids: list[int],
    kind: str,
    message: str,
    *,
    actor: User | None = None,
    target_url: str = "",
    once_key: str = "",
) -> int:
    """One notification for each recipient, in one insert and one counter update: for
    fan-out from a background task, never from a request. With `once_key`, recipients
    who already have a notification under that key are skipped (the insert ignores the
    conflict and only those really inserted count as unread), so a batch run twice
    tells nobody twice. Returns how many were told."""
    recipients = [pk for pk in recipient_ids if actor is None or pk != actor.pk]
    if recipients and kind not in ALWAYS:
        off = set(
            SwitchedOff.objects.filter(user_id__in=recipients, kind=kind).values_list(
                "user_id", flat=True
            )
        )
        recipients = [pk for pk in recipients if pk not in off]
    if not recipients:
        return 0
    with transaction.atomic():
        if once_key:
            told = _insert_once(recipients, kind, message, actor, target_url, once_key)
        else:
            Notification.objects.bulk_create(
                Notification(
                    recipient_id=pk,
                    kind=kind,
                    actor=actor,
                    message=message[:MESSAGE_MAX],
                    target_url=target_url[:500],
                )
                for pk in recipients
            )
            told = recipients
        User.objects.filter(pk__in=told).update(unread_notifications=F("unread_notifications") + 1)
    return len(told)


def _insert_once(
    recipients: list[int],
    kind: str,
    message: str,
    actor: User | None,
    target_url: str,
    once_key: str,
) -> list[int]:
    # INSERT ... ON CONFLICT DO NOTHING RETURNING (SQLite 3.35+, PostgreSQL): the rows
    # returned are exactly those inserted, even while another run of the same fan-out
    # inserts at the same time. Django's bulk_create(ignore_conflicts=True) cannot say
    # which rows it inserted.
    meta = Notification._meta
    quote = connection.ops.quote_name
    column = {field.name: quote(field.column) for field in meta.concrete_fields}
    names = ["recipient", "kind", "actor", "message", "target_url", "created_at", "once_key"]
    created_at = meta.get_field("created_at").get_db_prep_value(timezone.now(), connection)
    row = [kind, actor.pk if actor else None, message[:MESSAGE_MAX], target_url[:500]]
    params: list[Any] = []
    for pk in recipients:
        params += [pk, *row, created_at, once_key]
    values = ", ".join(["(" + ", ".join(["%s"] * len(names)) + ")"] * len(recipients))
    # Only the model's own names and placeholders go into the text; values are parameters.
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(column[n] for n in names)})"
    sql = f"{head} VALUES {values} ON CONFLICT DO NOTHING RETURNING {column['recipient']}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def switched_off(user: User) -> set[str]:
    """The kinds `user` switched off."""
    return set(SwitchedOff.objects.filter(user=user).values_list("kind", flat=True))


@transaction.atomic
def set_switched_off(user: User, kinds: Iterable[str]) -> set[str]:
    """Make exactly `kinds` the ones `user` does not want (kinds in ALWAYS and unknown
    ones are ignored: the form and the API refuse them first). Returns the set kept."""
    wanted = {kind for kind in kinds if kind in dict(switchable_kinds())}
    current = switched_off(user)
    SwitchedOff.objects.filter(user=user, kind__in=current - wanted).delete()
    SwitchedOff.objects.bulk_create(
        [SwitchedOff(user=user, kind=kind) for kind in sorted(wanted - current)],
        ignore_conflicts=True,
    )
    return wanted


def tell_followed(follower: User, followed: User) -> None:
    """The accounts.followed hook: tell a writer of a new follower."""
    notify(
        followed,
        "follower",
        _("%(name)s started following you.") % {"name": follower.name},
        actor=follower,
        target_url=follower.get_absolute_url(),
    )
