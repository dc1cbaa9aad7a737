"""Reports, the append-only moderation log, and appeals.

The log (ModerationAction) is append-only: the models refuse to update or delete a
row, the admin offers neither, and database triggers (migration 0002) refuse it too,
so not even a shell or raw SQL can rewrite history. People are referred to by id, not
by foreign key, so deleting an account never rewrites the log: a deleted person is
shown as "akun terhapus".
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DETAIL_MAX = 1000
NOTE_MAX = 2000
STATEMENT_MAX = 3000


# Said by the report form and the API alike when no listed reason is chosen.
CHOOSE_A_REASON = _("Choose one of the reasons.")


class Reason(models.TextChoices):
    # Codes are the anchors of the sections of the Community Guidelines (/pedoman).
    SPAM = "spam", _("Spam or promotion")
    SARA = "sara", _("Hatred based on ethnicity, religion, race or group (SARA)")
    PORNOGRAPHY = "pornografi", _("Pornography")
    VIOLENCE = "kekerasan", _("Violence or threats")
    HOAX = "hoaks", _("Hoax or disinformation")
    PLAGIARISM = "plagiarisme", _("Plagiarism")
    COPYRIGHT = "hak-cipta", _("Copyright infringement")
    PRIVATE_DATA = "data-pribadi", _("Another person's private data")
    FRAUD = "penipuan", _("Fraud or scam")
    ACCOUNT = "akun", _("Fake account or impersonation")
    OTHER = "lainnya", _("Something else against the law or the guidelines")


# Reasons answered within the short deadline (threats, exposed private data, sexual content).
URGENT_REASONS = frozenset({Reason.VIOLENCE, Reason.PRIVATE_DATA, Reason.PORNOGRAPHY})


class Target(models.TextChoices):
    ARTICLE = "article", _("Article")
    COMMENT = "comment", _("Comment")
    ACCOUNT = "account", _("Account")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class ReportQuerySet(models.QuerySet["Report"]):
    def open(self) -> "ReportQuerySet":
        return self.filter(status=ReportStatus.OPEN)

    def about(self, target: str, target_id: int) -> "ReportQuerySet":
        return self.filter(target_type=target, target_id=target_id)


class Report(models.Model):
    # Kept when the reporter deletes their account (the work is not undone), without them.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reports"
    )
    target_type = models.CharField(max_length=10, choices=Target.choices)
    target_id = models.BigIntegerField()
    # The person whose content or account is reported, for the queue and notices.
    subject_id = models.BigIntegerField(null=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.TextField(blank=True, max_length=DETAIL_MAX)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by_action_id = models.BigIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "target_type", "target_id"],
                condition=Q(status="open"),
                name="report_one_open_per_reporter",
            )
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_queue"),
            models.Index(fields=["target_type", "target_id", "status"], name="report_target"),
            models.Index(fields=["reporter", "created_at"], name="report_reporter"),
        ]

    def __str__(self) -> str:
        return f"{self.target_type}:{self.target_id} ({self.reason})"

    @property
    def is_urgent(self) -> bool:
        return self.reason in URGENT_REASONS

    def deadline(self) -> Any:
        hours = (
            settings.MODERATION_URGENT_RESPONSE_HOURS
            if self.is_urgent
            else settings.MODERATION_RESPONSE_HOURS
        )
        return self.created_at + timedelta(hours=hours)

    @property
    def is_overdue(self) -> bool:
        return self.status == ReportStatus.OPEN and timezone.now() > self.deadline()


class ActionKind(models.TextChoices):
    DISMISS = "dismiss", _("Reports dismissed")
    HIDE = "hide", _("Content hidden")
    AUTO_HIDE = "auto_hide", _("Hidden automatically pending review")
    SUSPEND = "suspend", _("Account suspended")
    RESTORE = "restore", _("Restored")
    APPEAL_REJECTED = "appeal_rejected", _("Appeal rejected")
    APPEAL_GRANTED = "appeal_granted", _("Appeal granted")
    STAFF_EDIT = "staff_edit", _("Edited by staff")


class AppendOnly(Exception):
    pass


class ModerationAction(models.Model):
    """One entry of the moderation log: who did what, to what, when, why. Never changed."""

    kind = models.CharField(max_length=20, choices=ActionKind.choices)
    moderator_id = models.BigIntegerField(null=True)  # null: the system (automatic hide)
    subject_id = models.BigIntegerField(null=True)  # the person the action affects
    target_type = models.CharField(max_length=10, choices=Target.choices)
    target_id = models.BigIntegerField()
    rule = models.CharField(max_length=20, blank=True)  # a Community Guidelines section
    note = models.TextField(max_length=NOTE_MAX)
    report_ids = models.JSONField(default=list)
    details = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        indexes = [
            models.Index(fields=["created_at", "id"], name="modlog_time"),
            models.Index(fields=["target_type", "target_id"], name="modlog_target"),
            models.Index(fields=["subject_id", "created_at"], name="modlog_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_type}:{self.target_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("The moderation log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnly("The moderation log cannot be deleted from.")


# An open report or appeal, on the reporter's page and in the appeal's status alike.
WAITING_FOR_REVIEW = _("Waiting for review")


class AppealStatus(models.TextChoices):
    OPEN = "open", WAITING_FOR_REVIEW
    REJECTED = "rejected", _("Rejected: the decision stands")
    GRANTED = "granted", _("Granted: the decision was undone")


class Appeal(models.Model):
    action = models.OneToOneField(ModerationAction, on_delete=models.PROTECT, related_name="appeal")
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    statement = models.TextField(max_length=STATEMENT_MAX)
    status = models.CharField(
        max_length=10, choices=AppealStatus.choices, default=AppealStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_action_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        indexes = [models.Index(fields=["status", "created_at"], name="appeal_queue")]

    def __str__(self) -> str:
        return f"appeal of {self.action_id}"
