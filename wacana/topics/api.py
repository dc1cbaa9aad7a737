"""Topics and follows in the JSON API: /topics (editors create and change them), an
article's topic (/articles/{id}/topic, its writer), follows of rubrics, sub-categories,
tags and topics (/me/follows), following the API's conventions (errors of
lib/apierrors.py, keyset cursors, token or session)."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from wacana.accounts.auth import api_user, optional, signed_in
from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles.access import get_article_for_reading
from wacana.articles.api import ArticleListing
from wacana.articles.models import Category, Tag
from wacana.lib.apierrors import ERRORS, ApiError, form_errors, invalid
from wacana.lib.apischema import Cursor, Limit, omittable, text
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit, paginate
from wacana.lib.uploads import count_upload
from wacana.topics import actions
from wacana.topics.forms import TopicForm
from wacana.topics.models import DESCRIPTION_MAX, SLUG_MAX, TITLE_MAX, Follow, Kind, Topic
from wacana.topics.views import SLUG_RE, topic_articles, visible_topic

router = Router(tags=["topics"])

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TARGET_SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
TopicSlug = Annotated[str, Field(min_length=1, max_length=SLUG_MAX, pattern=SLUG_PATTERN)]


class TopicOut(Schema):
    slug: str
    title: str
    description: str
    url: str
    picture: str | None = Field(description="The picture's URL (WebP), or null.")
    opens_at: datetime
    closes_at: datetime
    is_open: bool = Field(description="Writers may attach their articles now.")

    @staticmethod
    def resolve_url(topic: Topic) -> str:
        return topic.get_absolute_url()

    @staticmethod
    def resolve_picture(topic: Topic) -> str | None:
        return topic.picture.url if topic.picture else None

    @staticmethod
    def resolve_is_open(topic: Topic) -> bool:
        return topic.is_open()


class TopicListing(Schema):
    items: list[TopicOut]
    next_cursor: str | None


class TopicIn(Schema):
    title: Annotated[str, text(TITLE_MAX, required=True)]
    slug: Annotated[
        str,
        Field(
            max_length=SLUG_MAX,
            pattern=r"^([a-z0-9]+(-[a-z0-9]+)*)?$",
            description="The topic's address (must be free); empty: made from the title.",
        ),
    ] = ""
    description: Annotated[str, text(DESCRIPTION_MAX, required=True)]
    opens_at: datetime = Field(description="When writers may start attaching articles.")
    closes_at: datetime = Field(description="After opens_at, at most a year later.")


class TopicPatch(Schema):
    title: Annotated[str, text(TITLE_MAX, required=True)] = omittable()
    slug: TopicSlug = omittable("Must be free.")
    description: Annotated[str, text(DESCRIPTION_MAX, required=True)] = omittable()
    opens_at: datetime = omittable()
    closes_at: datetime = omittable()


class TopicQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


class TopicArticlesQuery(Schema):
    order: Literal["latest", "top_rated"] = Field(
        "latest", description="latest: newest first; top_rated: most positive ratings first."
    )
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


class ArticleTopicIn(Schema):
    topic: TopicSlug = Field(description="The slug of an open topic.")


class ArticleTopicOut(Schema):
    topic: TopicOut | None


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _validated(data: dict[str, Any], instance: Topic | None) -> dict[str, Any]:
    form = TopicForm(
        {
            **data,
            "opens_at": _local(data["opens_at"], "opens_at"),
            "closes_at": _local(data["closes_at"], "closes_at"),
        },
        instance=instance,
    )
    if not form.is_valid():
        raise invalid(form_errors(form))
    cleaned = dict(form.cleaned_data)
    # The API sends exact times (with their offset), not Jakarta wall-clock times.
    cleaned["opens_at"], cleaned["closes_at"] = data["opens_at"], data["closes_at"]
    if cleaned["closes_at"] <= cleaned["opens_at"]:
        raise invalid({"closes_at": [_("The topic must close after it opens.")]})
    return cleaned


def _local(when: datetime, field: str) -> str:
    if when.tzinfo is None:
        raise invalid(
            {field: [_("Give the time with its offset, e.g. 2027-01-31T08:00:00+07:00.")]}
        )
    from wacana.topics.forms import JAKARTA  # noqa: PLC0415 - one constant, kept beside the form

    try:
        # Near year 1 or 9999 the time in UTC (stored) or Jakarta (the form's) may fall
        # outside the years Python can hold.
        when.astimezone(UTC)
        return when.astimezone(JAKARTA).strftime("%Y-%m-%dT%H:%M:%S")
    except OverflowError:
        raise invalid({field: [_("This date is out of range.")]}) from None


def _topic_for_editor(request: HttpRequest, slug: str) -> Topic:
    user = _user(request)
    if not is_editor(user):
        raise actions.NotAnEditor
    if not SLUG_RE.match(slug):
        raise Http404
    return get_object_or_404(Topic, slug=slug)


@router.get("/topics", response={200: TopicListing, **ERRORS}, auth=optional)
def topics(request: HttpRequest, query: Query[TopicQuery]) -> dict[str, Any]:
    """Topics that have opened (open or closed), the newest opening first; editors also
    see those still to come."""
    checked_limit(query.limit)
    listed = Topic.objects.all() if is_editor(request.user) else Topic.objects.started()
    page = paginate(listed, query.cursor, query.limit, time_field="opens_at")
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/topics", response={201: TopicOut, **ERRORS}, auth=signed_in)
def create_topic(request: HttpRequest, payload: TopicIn) -> Status[Topic]:
    """Editors only (403 to others). Followers of the topics are told when it opens."""
    user = _user(request)
    if not is_editor(user):
        raise actions.NotAnEditor
    data = _validated(payload.dict(), None)
    return Status(201, actions.save_topic(user, None, data))


@router.get("/topics/{slug}", response={200: TopicOut, **ERRORS}, auth=optional)
def topic(request: HttpRequest, slug: str) -> Topic:
    """A topic that has opened; one still to come only for editors (404 to others)."""
    return visible_topic(request.user, slug)


@router.patch("/topics/{slug}", response={200: TopicOut, **ERRORS}, auth=signed_in)
def update_topic(request: HttpRequest, slug: str, payload: TopicPatch) -> Topic:
    """Change the fields sent; editors only."""
    found = _topic_for_editor(request, slug)
    sent = payload.dict(exclude_unset=True)
    current = {
        "title": found.title,
        "slug": found.slug,
        "description": found.description,
        "opens_at": found.opens_at,
        "closes_at": found.closes_at,
    }
    data = _validated(current | sent, found)
    return actions.save_topic(_user(request), found, data)


@router.post("/topics/{slug}/picture", response={200: TopicOut, **ERRORS}, auth=signed_in)
def topic_picture(request: HttpRequest, slug: str, file: File[UploadedFile]) -> Topic:
    """The topic's picture (multipart/form-data, field `file`); editors only."""
    found = _topic_for_editor(request, slug)
    count_upload(_user(request).pk)
    return actions.set_picture(_user(request), found, file)


@router.get("/topics/{slug}/articles", response={200: ArticleListing, **ERRORS}, auth=optional)
def topic_article_list(
    request: HttpRequest, slug: str, query: Query[TopicArticlesQuery]
) -> dict[str, Any]:
    """The topic's published articles, newest or best rated first."""
    checked_limit(query.limit)
    found = visible_topic(request.user, slug)
    order = "nilai" if query.order == "top_rated" else "terbaru"
    page = topic_articles(found, order, query.cursor, query.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


def _own_article(request: HttpRequest, article_id: int) -> Any:
    user = _user(request)
    if not 0 < article_id < 2**63:
        raise Http404
    article = get_article_for_reading(user, article_id)
    if article.author_id != user.pk:
        raise actions.NotYourArticle
    return article


@router.get(
    "/articles/{article_id}/topic", response={200: ArticleTopicOut, **ERRORS}, auth=optional
)
def article_topic(request: HttpRequest, article_id: int) -> dict[str, Any]:
    """The topic an article is on (null: none), for whoever may read the article."""
    if not 0 < article_id < 2**63:
        raise Http404
    article = get_article_for_reading(request.user, article_id)
    return {"topic": actions.topic_of(article)}


@router.put(
    "/articles/{article_id}/topic", response={200: ArticleTopicOut, **ERRORS}, auth=signed_in
)
def set_article_topic(
    request: HttpRequest, article_id: int, payload: ArticleTopicIn
) -> dict[str, Any]:
    """Put one's own article on an open topic (409 when the topic is not open, 403 for
    someone else's article); it leaves the topic it was on."""
    article = _own_article(request, article_id)
    found = Topic.objects.filter(slug=payload.topic).first()
    if found is None or (found.is_upcoming() and not is_editor(request.user)):
        raise invalid({"topic": [_("This topic does not exist.")]})
    actions.set_article_topic(_user(request), article, found)
    return {"topic": found}


@router.delete("/articles/{article_id}/topic", response={204: None, **ERRORS}, auth=signed_in)
def remove_article_topic(request: HttpRequest, article_id: int) -> Status[None]:
    """Take one's own article off its topic (allowed at any time)."""
    article = _own_article(request, article_id)
    actions.set_article_topic(_user(request), article, None)
    return Status(204, None)


# --- follows ----------------------------------------------------------------------------

# "rubric" and "subcategory" are what GET /me/follows says of a category: a listed follow's
# kind and slug also name it to unfollow (or follow again).
FollowKind = Literal["category", "rubric", "subcategory", "tag", "topic", "topics"]
_CATEGORY_KINDS = {"category": None, "rubric": True, "subcategory": False}


class FollowIn(Schema):
    kind: FollowKind = Field(
        description=(
            "category (a rubric or sub-category; or rubric, subcategory as listed), tag, "
            "topic, or topics (every new topic: told when one opens; no slug)."
        )
    )
    slug: Annotated[str, Field(max_length=100, pattern=r"^[-a-zA-Z0-9_]*$")] = Field(
        "",
        description="The category's, tag's or topic's slug (required); empty for kind topics.",
    )


class FollowOut(Schema):
    kind: str = Field(description="rubric, subcategory, tag, topic or topics.")
    slug: str
    name: str
    url: str
    followed_at: datetime


class FollowListing(Schema):
    items: list[FollowOut]
    next_cursor: str | None


class FollowQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


def _describe(row: Follow) -> dict[str, Any]:
    if row.kind == Kind.CATEGORY and row.category is not None:
        kind = "rubric" if row.category.is_rubric else "subcategory"
        return {
            "kind": kind,
            "slug": row.category.slug,
            "name": row.category.name,
            "url": row.category.get_absolute_url(),
            "followed_at": row.created_at,
        }
    if row.kind == Kind.TAG and row.tag is not None:
        return {
            "kind": "tag",
            "slug": row.tag.slug,
            "name": row.tag.name,
            "url": row.tag.get_absolute_url(),
            "followed_at": row.created_at,
        }
    if row.kind == Kind.TOPIC and row.topic is not None:
        return {
            "kind": "topic",
            "slug": row.topic.slug,
            "name": row.topic.title,
            "url": row.topic.get_absolute_url(),
            "followed_at": row.created_at,
        }
    from django.urls import reverse  # noqa: PLC0415 - only for this one row kind

    return {
        "kind": "topics",
        "slug": "",
        "name": _("Every new topic"),
        "url": reverse("topics:index"),
        "followed_at": row.created_at,
    }


def _target(kind: str, slug: str) -> Category | Tag | Topic | None:
    if kind == "topics":
        if slug:
            raise invalid({"slug": [_("Following every new topic takes no slug.")]})
        return None
    if not slug:
        raise invalid({"slug": [_("Say which one to follow.")]})
    if kind in _CATEGORY_KINDS:
        categories = Category.objects.filter(slug=slug)
        rubric = _CATEGORY_KINDS[kind]
        if rubric is not None:
            categories = categories.filter(parent__isnull=rubric)
        found: Category | Tag | Topic | None = categories.first()
    elif kind == "tag":
        found = Tag.objects.filter(slug=slug).first()
    else:
        found = Topic.objects.filter(slug=slug, opens_at__lte=timezone.now()).first()
    if found is None:
        raise ApiError(404, _("There is nothing with this slug to follow."))
    return found


@router.get("/me/follows", response={200: FollowListing, **ERRORS}, auth=signed_in)
def follows(request: HttpRequest, query: Query[FollowQuery]) -> dict[str, Any]:
    """The rubrics, sub-categories, tags and topics the caller follows, newest follow
    first (writers: GET /api/v1/users/{username}/following)."""
    checked_limit(query.limit)
    rows = Follow.objects.filter(follower=_user(request)).select_related("category", "tag", "topic")
    page = paginate(rows, query.cursor, query.limit, time_field="created_at")
    return {"items": [_describe(row) for row in page.items], "next_cursor": page.next_cursor}


@router.post("/me/follows", response={200: FollowOut, 201: FollowOut, **ERRORS}, auth=signed_in)
def follow(request: HttpRequest, payload: FollowIn) -> Status[dict[str, Any]]:
    """Follow a rubric, sub-category, tag or topic (or every new topic): 201, or 200
    when already followed. 409 past 1,000 such follows."""
    user = _user(request)
    target = _target(payload.kind, payload.slug)
    added = actions.follow(user, target)
    kind, fields = actions.kind_and_filter(target)
    row = Follow.objects.select_related("category", "tag", "topic").get(
        follower=user, kind=kind, **fields
    )
    return Status(201 if added else 200, _describe(row))


@router.delete("/me/follows/{kind}/{slug}", response={204: None, **ERRORS}, auth=signed_in)
def unfollow(
    request: HttpRequest,
    kind: Literal["category", "rubric", "subcategory", "tag", "topic"],
    slug: str,
) -> Status[None]:
    """Stop following a rubric, sub-category, tag or topic (204 also when not followed)."""
    if not SLUG_RE.match(slug):
        raise Http404
    actions.unfollow(_user(request), _target(kind, slug))
    return Status(204, None)


@router.delete("/me/follows/topics", response={204: None, **ERRORS}, auth=signed_in)
def unfollow_topics(request: HttpRequest) -> Status[None]:
    """Stop being told of every new topic."""
    actions.unfollow(_user(request), None)
    return Status(204, None)
