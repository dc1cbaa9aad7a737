"""Every write of the topics app: topics (editors), an article joining a topic (its
writer), follows of rubrics, tags and topics, and telling followers of a new topic.
Pages, the API and the admin call these; nothing else writes these tables."""

import functools
import secrets
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Field
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles import hooks as article_hooks
from wacana.articles.models import Article, Category, Tag
from wacana.lib import images, pagecache
from wacana.lib.refusal import Refusal
from wacana.notifications import actions as notifications
from wacana.notifications.models import Notification
from wacana.topics.models import PICTURE_WIDTH, Follow, Kind, Topic, TopicArticle

# Follows of rubrics, tags and topics one account may hold (writers are counted apart).
FOLLOWS_MAX = 1000
FAN_OUT_BATCH = 1000


class NotAnEditor(Refusal):
    status = 403

    def default_message(self) -> str:
        return _("Only editors may create or change topics.")


class NotYourArticle(Refusal):
    status = 403
    field = "topic"

    def default_message(self) -> str:
        return _("Only the writer of an article may add it to a topic.")


class TopicNotOpen(Refusal):
    status = 409
    field = "topic"

    def __init__(self, topic: Topic) -> None:
        if topic.is_upcoming():
            message = _("The topic “%(title)s” is not open yet.") % {"title": topic.title}
        else:
            message = _("The topic “%(title)s” is closed; articles can no longer join it.") % {
                "title": topic.title
            }
        super().__init__(message)


class TooManyFollows(Refusal):
    status = 409

    def default_message(self) -> str:
        return _(
            "You follow %(max)d rubrics, tags and topics already, the most one account may. "
            "Stop following some first."
        ) % {"max": FOLLOWS_MAX}


def _check_editor(user: User) -> None:
    if not is_editor(user):
        raise NotAnEditor


# --- topics ---------------------------------------------------------------------------


def save_topic(editor: User, topic: Topic | None, data: dict[str, Any]) -> Topic:
    """Create a topic (topic None) or change one, from a valid TopicForm's data. Its
    followers hear of it once it opens (now, or by the worker at its opening)."""
    _check_editor(editor)
    with transaction.atomic():
        if topic is None:
            topic = Topic(created_by=editor)
        for name in ("title", "slug", "description", "opens_at", "closes_at"):
            setattr(topic, name, data[name])
        try:
            with transaction.atomic():
                topic.save()
        except IntegrityError:
            message = _("Another topic already has this address.")
            raise Refusal(message, status=409, field="slug") from None
        if not topic.announced:
            pk, when = topic.pk, topic.opens_at
            transaction.on_commit(lambda: _enqueue_announcement(pk, when))
        # The home lists the open topics.
        article_hooks.listings_changed()
        transaction.on_commit(article_hooks.listings_changed)
    return topic


def _enqueue_announcement(topic_id: int, when: datetime) -> None:
    from wacana.topics.tasks import announce_topic  # noqa: PLC0415 - tasks import this module

    if when <= timezone.now():
        announce_topic.enqueue(topic_id)
    else:
        # Stored with run_after: a worker started later still finds it.
        announce_topic.using(run_after=when).enqueue(topic_id)


def set_picture(editor: User, topic: Topic, upload: UploadedFile) -> Topic:
    """Re-encode the picture as WebP (EXIF gone); raises images.ImageRejected."""
    _check_editor(editor)
    picture = images.open_checked(
        upload,
        max_bytes=settings.ARTICLE_IMAGE_MAX_BYTES,
        max_pixels=settings.ARTICLE_IMAGE_MAX_PIXELS,
    )
    (encoded,) = images.resized_webp(picture, (PICTURE_WIDTH,))
    old = topic.picture.name
    with transaction.atomic():
        topic.picture.save(
            f"{topic.pk}-{secrets.token_hex(6)}.webp", ContentFile(encoded.data), save=False
        )
        topic.picture_width, topic.picture_height = encoded.width, encoded.height
        topic.save(update_fields=["picture", "picture_width", "picture_height"])
        article_hooks.listings_changed()
        if old:
            transaction.on_commit(lambda: default_storage.delete(old))
    return topic


def remove_picture(editor: User, topic: Topic) -> Topic:
    _check_editor(editor)
    old = topic.picture.name
    topic.picture = ""
    topic.picture_width = topic.picture_height = 0
    with transaction.atomic():
        topic.save(update_fields=["picture", "picture_width", "picture_height"])
        article_hooks.listings_changed()
        if old:
            transaction.on_commit(lambda: default_storage.delete(old))
    return topic


def announce(topic_id: int) -> int:
    """Tell the followers of the topics (kind "topics") of a topic that has opened; the
    worker's half. Once per topic and follower, whatever runs again (once_key)."""
    topic = Topic.objects.filter(pk=topic_id).first()
    if topic is None or not topic.is_open():
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        message = _("A new topic is open: “%(title)s”. Write on it!") % {"title": topic.title}
    once_key = f"new_topic:{topic.pk}"
    told, after = 0, Notification.objects.last_recipient_of(once_key)
    followers = Follow.objects.filter(kind=Kind.TOPICS).order_by("follower_id")
    while True:
        batch = list(
            followers.filter(follower_id__gt=after).values_list("follower_id", flat=True)[
                :FAN_OUT_BATCH
            ]
        )
        if not batch:
            break
        told += notifications.notify_many(
            batch,
            "new_topic",
            message,
            target_url=topic.get_absolute_url(),
            once_key=once_key,
        )
        after = batch[-1]
    Topic.objects.filter(pk=topic.pk).update(announced=True)
    return told


# --- an article on a topic --------------------------------------------------------------


def topic_of(article: Article) -> Topic | None:
    link = TopicArticle.objects.select_related("topic").filter(article=article).first()
    return link.topic if link else None


def set_article_topic(user: User, article: Article, topic: Topic | None) -> bool:
    """Put `article` on `topic` (None: on no topic); True when that changed anything.

    Only the article's writer may, and only while the topic is open (leaving a topic is
    allowed at any time). Inside the caller's transaction when there is one (the writing
    page's save), so a refusal rolls the save back."""
    if article.author_id != user.pk:
        raise NotYourArticle
    with transaction.atomic():
        current = TopicArticle.objects.select_for_update().filter(article=article).first()
        if topic is None:
            if current is None:
                return False
            current.delete()
            return True
        if current is not None and current.topic_id == topic.pk:
            return False
        if not topic.is_open():
            raise TopicNotOpen(topic)
        if current is not None:
            current.topic = topic
            current.attached_at = timezone.now()
            current.save(update_fields=["topic", "attached_at"])
        else:
            TopicArticle.objects.create(article=article, topic=topic)
    return True


def writing_saved(user: User, article: Article, data: Any) -> None:
    """The articles.writing_saved hook: the writing page's topic choice ("topic": a
    topic's slug, or "" for none). A form without the field changes nothing."""
    if "topic" not in data:
        return
    slug = str(data.get("topic") or "").strip()
    if not slug:
        set_article_topic(user, article, None)
        return
    topic = Topic.objects.filter(slug=slug[:100]).first()
    if topic is None:
        raise Refusal(_("This topic does not exist."), status=422, field="topic")
    set_article_topic(user, article, topic)


# --- follows ----------------------------------------------------------------------------

Target = Category | Tag | Topic | None


def kind_and_filter(target: Target) -> tuple[str, dict[str, Any]]:
    if isinstance(target, Category):
        return Kind.CATEGORY, {"category": target}
    if isinstance(target, Tag):
        return Kind.TAG, {"tag": target}
    if isinstance(target, Topic):
        return Kind.TOPIC, {"topic": target}
    return Kind.TOPICS, {}


def follow(user: User, target: Target) -> bool:
    """Follow a category, tag or topic (None: every new topic); True if newly followed.
    Idempotent; at most FOLLOWS_MAX such follows per account."""
    kind, fields = kind_and_filter(target)
    with transaction.atomic():
        if Follow.objects.filter(follower=user, kind=kind, **fields).exists():
            return False
        if Follow.objects.filter(follower=user).count() >= FOLLOWS_MAX:
            raise TooManyFollows
        try:
            with transaction.atomic():
                Follow.objects.create(follower=user, kind=kind, **fields)
        except IntegrityError:
            return False  # a request racing this one followed it first
    pagecache.touch(pagecache.FEED, user.pk)
    return True


def unfollow(user: User, target: Target) -> bool:
    kind, fields = kind_and_filter(target)
    deleted, _rows = Follow.objects.filter(follower=user, kind=kind, **fields).delete()
    if deleted:
        pagecache.touch(pagecache.FEED, user.pk)
    return bool(deleted)


def is_following(user: Any, target: Target) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    kind, fields = kind_and_filter(target)
    # Asked for each signed-in reader of a kept listing (its follow button): composing
    # the ORM's query cost 0.3 ms of CPU, running this one a twentieth of that.
    with connection.cursor() as db:
        db.execute(
            _following_sql(next(iter(fields), ""), connection.vendor),
            [user.pk, kind, *(target.pk for target in fields.values())],
        )
        return db.fetchone() is not None


@functools.cache
def _following_sql(field: str, vendor: str) -> str:
    """Whether a follow of one kind exists, of `field`'s target ("": the topics as a
    whole), in the names of the model's table and columns."""

    def column(name: str) -> str:
        found = Follow._meta.get_field(name)
        assert isinstance(found, Field)  # a concrete column
        return connection.ops.quote_name(found.column)

    where = f"{column('follower')} = %s AND {column('kind')} = %s"
    if field:
        where += f" AND {column(field)} = %s"
    table = connection.ops.quote_name(Follow._meta.db_table)
    return f"SELECT 1 FROM {table} WHERE {where} LIMIT 1"  # noqa: S608 - the model's names; values are parameters
