"""Telling people what concerns them. Other apps call notify(); nothing else writes here."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wacana.accounts.models import User
from wacana.notifications.models import MESSAGE_MAX, Notification


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
) -> int:
    """One notification for each recipient, in one insert and one counter update: for
    fan-out from a background task, never from a request."""
    recipients = [pk for pk in recipient_ids if actor is None or pk != actor.pk]
    if not recipients:
        return 0
    with transaction.atomic():
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
        User.objects.filter(pk__in=recipients).update(
            unread_notifications=F("unread_notifications") + 1
        )
    return len(recipients)
