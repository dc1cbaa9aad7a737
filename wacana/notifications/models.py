from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX = 300


class Kind(models.TextChoices):
    COMMENT = "comment", _("New comment on your article")
    REPLY = "reply", _("Reply to your comment")
    FOLLOWER = "follower", _("New follower")
    NEW_ARTICLE = "new_article", _("New article from someone you follow")
    MODERATION = "moderation", _("Moderation decision")
    EDITORIAL = "editorial", _("Editorial news")
    PICKED = "picked", _("Your article became an editor's pick")
    HEADLINE = "headline", _("Your article became a headline")
    RESPONSE = "response", _("Response to your article")
    NEW_TOPIC = "new_topic", _("A new topic is open")


# Told whatever the person's settings: a moderation decision about one's own content or
# account (with the way to appeal) is never switched off.
ALWAYS = frozenset({Kind.MODERATION})


def switchable_kinds() -> list[tuple[str, Any]]:
    """The kinds a person may switch off, as (value, label)."""
    return [(value, label) for value, label in Kind.choices if value not in ALWAYS]


class NotificationQuerySet(models.QuerySet["Notification"]):
    def last_recipient_of(self, once_key: str) -> int:
        """The highest recipient id already told under `once_key` (0 for none): where a
        fan-out going through recipients in id order stopped."""
        found = self.filter(once_key=once_key).aggregate(last=models.Max("recipient_id"))
        return int(found["last"] or 0)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.CharField(max_length=MESSAGE_MAX)
    target_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set for notices sent at most once per recipient (e.g. "new_article:<id>"): a fan-out
    # run again after a crash inserts nothing twice (unique with the recipient).
    once_key = models.CharField(max_length=64, blank=True, default="")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "created_at", "id"], name="notification_inbox"),
        ]
        constraints = [
            # once_key first: a fan-out finds where it stopped through the same index.
            models.UniqueConstraint(
                fields=["once_key", "recipient"],
                condition=~models.Q(once_key=""),
                name="notification_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def read(self) -> bool:
        return self.read_at is not None


class SwitchedOff(models.Model):
    """A kind of notification `user` does not want (in-site): notify() and notify_many()
    create none of that kind for them. No row: the kind is on (the default)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("notification kind switched off")
        verbose_name_plural = _("notification kinds switched off")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="switched_off_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} off"
