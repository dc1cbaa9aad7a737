"""Topics set by editors ("Topik Pilihan"), the articles written on them, and follows of
things other than writers: rubrics, sub-categories, tags, topics and the topics as a whole.

A writer's follow of another writer stays `accounts.Follow` (its counts live on User);
everything else one follows is a row here, one table for all kinds, so the following
feed reads every kind a person follows with the same few subqueries.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wacana.articles.models import Article, Category, Tag

TITLE_MAX = 120
SLUG_MAX = 80
DESCRIPTION_MAX = 300
PICTURE_WIDTH = 960


class TopicQuerySet(models.QuerySet["Topic"]):
    def open(self, now: Any = None) -> "TopicQuerySet":
        """Open now: writers may join them, the home shows them."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def started(self, now: Any = None) -> "TopicQuerySet":
        """Open or closed, not those still to come: what readers see listed."""
        return self.filter(opens_at__lte=now or timezone.now())


class Topic(models.Model):
    """A theme editors set for a while; writers attach their articles to it while open."""

    title = models.CharField(_("title"), max_length=TITLE_MAX)
    slug = models.SlugField(_("slug"), max_length=SLUG_MAX, unique=True)
    description = models.CharField(_("short description"), max_length=DESCRIPTION_MAX)
    picture = models.ImageField(_("picture"), upload_to="topics/", blank=True)
    picture_width = models.PositiveIntegerField(default=0, editable=False)
    picture_height = models.PositiveIntegerField(default=0, editable=False)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Followers of the topics were told of this one (once, however often it is edited).
    announced = models.BooleanField(default=False, editable=False)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="topic_closes_after_opening"
            )
        ]
        indexes = [models.Index(fields=["opens_at", "id"], name="topic_started")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", kwargs={"slug": self.slug})

    def is_open(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return bool(self.opens_at <= now < self.closes_at)

    def is_upcoming(self, now: Any = None) -> bool:
        return bool((now or timezone.now()) < self.opens_at)


class TopicArticle(models.Model):
    """An article written on a topic: one topic per article at most (the article is the
    key). The topic's listings join the article's own rows, which carry its state."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="topic_link")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="links")
    attached_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("article on a topic")
        verbose_name_plural = _("articles on topics")
        indexes = [models.Index(fields=["topic", "article"], name="topic_article")]

    def __str__(self) -> str:
        return f"{self.topic_id}:{self.article_id}"


class Kind(models.TextChoices):
    """What a row of Follow follows (a writer is accounts.Follow)."""

    CATEGORY = "category", _("Rubric or sub-category")
    TAG = "tag", _("Tag")
    TOPIC = "topic", _("Topic")
    TOPICS = "topics", _("Every new topic")


class Follow(models.Model):
    """`follower` follows a category (rubric or sub-category), a tag, a topic, or the
    topics as a whole (kind "topics", no target: told of each new topic)."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interest_rows"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow of a rubric, tag or topic")
        verbose_name_plural = _("follows of rubrics, tags and topics")
        constraints = [
            models.UniqueConstraint(
                fields=["follower", "category"],
                condition=Q(kind="category"),
                name="follow_category_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "tag"], condition=Q(kind="tag"), name="follow_tag_once"
            ),
            models.UniqueConstraint(
                fields=["follower", "topic"], condition=Q(kind="topic"), name="follow_topic_once"
            ),
            models.UniqueConstraint(
                fields=["follower"], condition=Q(kind="topics"), name="follow_topics_once"
            ),
            # Exactly the target its kind names, nothing else.
            models.CheckConstraint(
                condition=(
                    Q(kind="category", category__isnull=False, tag__isnull=True, topic__isnull=True)
                    | Q(kind="tag", category__isnull=True, tag__isnull=False, topic__isnull=True)
                    | Q(kind="topic", category__isnull=True, tag__isnull=True, topic__isnull=False)
                    | Q(kind="topics", category__isnull=True, tag__isnull=True, topic__isnull=True)
                ),
                name="follow_target_matches_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["follower", "kind", "created_at", "id"], name="interest_list"),
            models.Index(fields=["kind", "follower"], name="interest_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} → {self.kind}:{self.target_id}"

    @property
    def target_id(self) -> int | None:
        return self.category_id or self.tag_id or self.topic_id

    @property
    def target(self) -> Any:
        return {"category": self.category, "tag": self.tag, "topic": self.topic}.get(self.kind)
