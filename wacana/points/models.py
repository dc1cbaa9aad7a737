"""The points ledger (append-only) and the leaderboards computed from it.

PointEvent refers to people, articles and comments by id, not by foreign key, as the
moderation log does: an entry is never changed, not even when what it names is deleted
(a cascade or SET NULL would be an UPDATE or DELETE, which the triggers refuse).
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wacana.articles.models import Category
from wacana.points import rules


class AppendOnly(Exception):
    """The ledger is never changed or deleted from, only appended to."""


class Reason(models.TextChoices):
    """Why a reversal (a compensating event) was written."""

    WITHDRAWN = "withdrawn", _("the rating was withdrawn or changed to “Tidak Menarik”")
    COMMENT_GONE = "comment_gone", _("the comment was deleted or hidden")
    GIVER_SUSPENDED = "giver_suspended", _("the account that gave it was suspended")
    ARTICLE_DELETED = "article_deleted", _("the article was deleted")
    RESTORED = "restored", _("a moderator restored the content")


RULE_CHOICES = [(rule, rule) for rule in [*rules.DESCRIPTIONS, rules.REVERSAL]]


class PointEvent(models.Model):
    """One entry of the ledger: who gained or lost how many points, for what, when,
    under which version of the rules. A reversal is the opposite of earlier entries
    with the same key (never an edit of them)."""

    user_id = models.BigIntegerField()  # who the points are for
    amount = models.IntegerField()
    rule = models.CharField(max_length=20, choices=RULE_CHOICES)
    rule_version = models.PositiveSmallIntegerField()
    # What was earned for, e.g. "rating:<article>:<reader>", "comment:<comment>": the
    # entries with one key sum to what that thing is worth now (0 once taken back).
    key = models.CharField(max_length=80)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    reverses_id = models.BigIntegerField(null=True)  # a reversal: the entry it answers
    actor_id = models.BigIntegerField(null=True)  # who gave it (a reader, an editor)
    article_id = models.BigIntegerField(null=True)
    comment_id = models.BigIntegerField(null=True)
    category_id = models.BigIntegerField(null=True)  # the article's, for the rubric boards
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("point event")
        verbose_name_plural = _("point events")
        indexes = [
            models.Index(fields=["user_id", "created_at", "id"], name="points_user_time"),
            models.Index(fields=["key"], name="points_key"),
            models.Index(fields=["actor_id"], name="points_actor"),
            models.Index(fields=["article_id"], name="points_article"),
            models.Index(fields=["created_at"], name="points_time"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.amount:+d} {self.rule} ({self.key})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("The points ledger cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnly("The points ledger cannot be deleted from.")

    @property
    def rule_name(self) -> str:
        return rules.rule_name(self.rule)


class Period(models.TextChoices):
    WEEK = "week", _("This week")
    MONTH = "month", _("This month")


class LeaderboardEntry(models.Model):
    """One place on a leaderboard, as last computed by the worker (never on a request):
    the writers who gained most points over the last 7 or 30 days, overall (rubric
    null) or within one rubric."""

    period = models.CharField(max_length=5, choices=Period.choices)
    rubric = models.ForeignKey(Category, null=True, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leaderboard_places"
    )
    points = models.IntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("leaderboard place")
        verbose_name_plural = _("leaderboard places")
        ordering = ["period", "rubric", "position"]
        indexes = [
            models.Index(fields=["period", "rubric", "position"], name="leaderboard_board"),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.rubric_id or '-'} #{self.position}"
