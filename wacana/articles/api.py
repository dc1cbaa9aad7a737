"""The API's articles, categories and tags endpoints (documented at /api/v1/docs)."""

import re
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from wacana.accounts.api import ERRORS
from wacana.accounts.auth import api_user, optional, signed_in
from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.accounts.validators import is_username_shaped
from wacana.articles import actions, writing
from wacana.articles.access import can_edit, get_article_for_reading
from wacana.articles.forms import ArticleForm
from wacana.articles.limits import check_write_limit
from wacana.articles.models import Article, ArticleTag, Category, RatingKind, Tag
from wacana.articles.models import Status as ArticleStatus
from wacana.lib.apierrors import ApiError, form_errors, invalid
from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor, paginate
from wacana.lib.images import ImageRejected
from wacana.lib.uploads import count_upload

router = Router(tags=["articles"])
JAKARTA = ZoneInfo("Asia/Jakarta")


class AuthorOut(Schema):
    username: str
    display_name: str
    url: str


class CategoryRef(Schema):
    slug: str
    name: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    caption: str
    source: str


class ArticleSummary(Schema):
    id: int
    title: str
    slug: str
    url: str
    status: str
    author: AuthorOut
    category: CategoryRef
    tags: list[str]
    excerpt: str
    page_count: int
    image: ImageOut | None
    reading_minutes: int
    published_at: datetime | None
    updated_at: datetime | None
    view_count: int
    comment_count: int
    ratings: dict[str, int]
    editors_pick: bool
    picked_at: datetime | None
    headline: bool
    headline_at: datetime | None
    # Moves on every saved change: send it back as if_version (or If-Match) to be told,
    # instead of overwriting, when someone else saved in between.
    version: int
    # A draft's scheduled publication ("Terbitkan nanti"), or null.
    publish_at: datetime | None

    @staticmethod
    def resolve_url(article: Article) -> str:
        return article.get_absolute_url()

    @staticmethod
    def resolve_author(article: Article) -> dict[str, str]:
        author = article.author
        return {
            "username": author.username,
            "display_name": author.display_name,
            "url": author.get_absolute_url(),
        }

    @staticmethod
    def resolve_category(article: Article) -> dict[str, str]:
        return {"slug": article.category.slug, "name": article.category.name}

    @staticmethod
    def resolve_tags(article: Article) -> list[str]:
        return [tag["slug"] for tag in article.tag_list]

    @staticmethod
    def resolve_image(article: Article) -> dict[str, Any] | None:
        if not article.image:
            return None
        return {
            "url": article.image.url,
            "width": article.image_width,
            "height": article.image_height,
            "caption": article.image_caption,
            "source": article.image_source,
        }

    @staticmethod
    def resolve_ratings(article: Article) -> dict[str, int]:
        return dict(article.rating_counts)


class ArticleOut(ArticleSummary):
    pages: list[str]

    @staticmethod
    def resolve_pages(article: Article) -> list[str]:
        return [page.html for page in article.pages.all()]


class ArticleListing(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None


class ArticleIn(Schema):
    title: str
    body: str = ""
    category: str
    tags: list[str] = []
    status: Literal["draft", "published"] = "draft"
    image_caption: str = ""
    image_source: str = ""
    publish_at: datetime | None = None


class ArticlePatch(Schema):
    title: str | None = None
    body: str | None = None
    category: str | None = None
    tags: list[str] | None = None
    status: Literal["draft", "published"] | None = None
    image_caption: str | None = None
    image_source: str | None = None
    publish_at: datetime | None = None
    if_version: int | None = None


class ListingQuery(Schema):
    category: str | None = None
    author: str | None = None
    tag: str | None = None
    sort: Literal["latest", "popular", "top_rated"] = "latest"
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


class CategoryOut(Schema):
    slug: str
    name: str
    parent: str | None
    url: str

    @staticmethod
    def resolve_parent(category: Category) -> str | None:
        return category.parent.slug if category.parent else None

    @staticmethod
    def resolve_url(category: Category) -> str:
        return category.get_absolute_url()


class TagOut(Schema):
    slug: str
    name: str
    url: str
    article_count: int

    @staticmethod
    def resolve_url(tag: Tag) -> str:
        return tag.get_absolute_url()


SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")


def _slug_shaped(value: str, limit: int) -> bool:
    """Checked before a lookup: anything else (a NUL byte, say) can match nothing, and
    PostgreSQL would refuse the query outright."""
    return len(value) <= limit and bool(SLUG_RE.match(value))


SORT_FIELDS = {"latest": "published_at", "popular": "view_count", "top_rated": "rating_score"}


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    form = ArticleForm(data={**data, "tags": data.get("tags") or []})
    if not form.is_valid():
        raise invalid(form_errors(form))
    return form.cleaned_data


def _publish(user: User, article: Article) -> None:
    try:
        actions.publish_article(user, article)
    except actions.HiddenByModeration:
        raise ApiError(
            409, _("A moderator has hidden this article; only a moderator can restore it.")
        ) from None


def _full(article_id: int, user: Any) -> Article:
    article = get_article_for_reading(user, article_id)
    return article


@router.get("/articles", response={200: ArticleListing, **ERRORS}, auth=None)
def list_articles(request: HttpRequest, query: Query[ListingQuery]) -> dict[str, Any]:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    articles = Article.objects.published().select_related("author", "category").defer("body")
    if query.category:
        category = (
            Category.objects.filter(slug=query.category).first()
            if _slug_shaped(query.category, 60)
            else None
        )
        if category is None:
            raise invalid({"category": [_("This category does not exist.")]})
        articles = articles.in_category(category)
    if query.author:
        username = query.author.lower()
        author = (
            User.objects.active().filter(username=username).first()
            if is_username_shaped(username)
            else None
        )
        if author is None:
            raise invalid({"author": [_("No writer has that username.")]})
        articles = articles.by(author)
    if query.tag:
        tag = Tag.objects.filter(slug=query.tag).first() if _slug_shaped(query.tag, 40) else None
        if tag is None:
            raise invalid({"tag": [_("This tag does not exist.")]})
        articles = articles.filter(
            pk__in=ArticleTag.objects.filter(tag=tag, is_public=True).values("article_id")
        )
    try:
        page = paginate(articles, query.cursor, query.limit, time_field=SORT_FIELDS[query.sort])
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": page.items, "next_cursor": page.next_cursor}


def _schedule_time(value: datetime) -> datetime:
    # A time without a zone is Jakarta's, as on the writing page.
    if timezone.is_naive(value):
        value = value.replace(tzinfo=JAKARTA)
    try:
        writing.check_schedule(value)
    except writing.ScheduleRejected as rejected:
        raise invalid({"publish_at": [rejected.message]}) from None
    return value


def _schedule(user: User, article: Article, when: datetime | None) -> None:
    try:
        writing.schedule_publication(user, article, when)
    except writing.ScheduleRejected as rejected:
        raise invalid({"publish_at": [rejected.message]}) from None
    except actions.HiddenByModeration:
        raise ApiError(
            409, _("A moderator has hidden this article; only a moderator can restore it.")
        ) from None


def _if_version(request: HttpRequest, sent: dict[str, Any]) -> int | None:
    """The version the client last saw, from `if_version` or an If-Match header ("7",
    W/"7" or 7); None when it sent neither (no check, as before)."""
    if sent.get("if_version") is not None:
        return int(sent["if_version"])
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    value = header.removeprefix("W/").strip('"')
    if not value.isdigit() or len(value) > 9:
        raise invalid({"if_version": [_('If-Match must hold the article\'s version, e.g. "7".')]})
    return int(value)


@router.post("/articles", response={201: ArticleOut, **ERRORS}, auth=signed_in)
def create_article(request: HttpRequest, payload: ArticleIn) -> Status[Article]:
    user = _user(request)
    sent = payload.dict()
    publish_at = sent.pop("publish_at", None)
    when = _schedule_time(publish_at) if publish_at is not None else None
    if when is not None and payload.status == "published":
        raise invalid({"publish_at": [_("A published article cannot be scheduled.")]})
    data = _validated(sent)
    check_write_limit(user)
    # Rendered before the transaction opens: the database is never held while it runs.
    rendered = actions.render_body(data.get("body", ""))
    # One transaction: a publish that fails leaves no draft behind for a retry to double.
    with transaction.atomic():
        article = writing.save_writing(user, None, data, rendered=rendered)
        if payload.status == "published":
            _publish(user, article)
        elif when is not None:
            _schedule(user, article, when)
    return Status(201, _full(article.pk, user))


@router.get("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, auth=optional)
def get_article(request: HttpRequest, article_id: int) -> Article:
    return _full(article_id, request.user)


def _for_change(request: HttpRequest, article_id: int) -> Article:
    user = _user(request)
    article = get_article_for_reading(user, article_id)
    if not can_edit(user, article):
        raise ApiError(403, _("Only the writer and the editors may change this article."))
    return article


@router.patch("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, auth=signed_in)
def update_article(request: HttpRequest, article_id: int, payload: ArticlePatch) -> Article:
    user = _user(request)
    article = _for_change(request, article_id)
    sent = payload.dict(exclude_unset=True)
    expected = _if_version(request, sent)
    sent.pop("if_version", None)
    # publish_at: null cancels a schedule, so it is the one field that may be null.
    scheduling = "publish_at" in sent
    publish_at = sent.pop("publish_at", None)
    when = _schedule_time(publish_at) if publish_at is not None else None
    nulls = [name for name, value in sent.items() if value is None]
    if nulls:
        raise invalid({name: [_("This field cannot be null.")] for name in nulls})
    status = sent.pop("status", None)
    current = {
        "title": article.title,
        "body": article.body,
        "category": article.category.slug,
        "tags": [tag["name"] for tag in article.tag_list],
        "image_caption": article.image_caption,
        "image_source": article.image_source,
    }
    data = _validated(current | sent)
    check_write_limit(user)
    changes = {name: data[name] for name in sent}
    rendered = (
        actions.render_body(changes["body"])
        if "body" in changes and changes["body"] != article.body
        else None
    )
    # One transaction: the edit and the change of status happen together or not at all.
    with transaction.atomic():
        try:
            writing.save_writing(user, article, changes, if_version=expected, rendered=rendered)
        except writing.VersionConflict as moved:
            raise ApiError(
                409,
                writing.conflict_message(),
                {
                    "if_version": [
                        _("The article is now at version %(version)d.")
                        % {"version": moved.article.version}
                    ]
                },
            ) from None
        if status == "published":
            if article.publish_at:
                writing.schedule_publication(user, article, None)
            _publish(user, article)
        elif status == "draft":
            actions.unpublish_article(user, article)
        if scheduling and status != "published":
            _schedule(user, article, when)
    return _full(article.pk, user)


@router.delete("/articles/{article_id}", response={204: None, **ERRORS}, auth=signed_in)
def delete_article(request: HttpRequest, article_id: int) -> Status[None]:
    article = _for_change(request, article_id)
    actions.delete_article(_user(request), article)
    return Status(204, None)


@router.post("/articles/{article_id}/image", response={200: ArticleOut, **ERRORS}, auth=signed_in)
def upload_image(request: HttpRequest, article_id: int, file: File[UploadedFile]) -> Article:
    article = _for_change(request, article_id)
    count_upload(_user(request).pk)
    try:
        actions.set_featured_image(article, file)
    except ImageRejected as rejected:
        raise ApiError(rejected.status, rejected.message, {"file": [rejected.message]}) from None
    return _full(article.pk, _user(request))


@router.get("/categories", response=list[CategoryOut], auth=None)
def categories(request: HttpRequest) -> Any:
    """Every rubric followed by its sub-categories, in the site's order."""
    everything = list(Category.objects.select_related("parent").order_by("position", "name"))
    ordered: list[Category] = []
    for rubric in (c for c in everything if c.parent_id is None):
        ordered.append(rubric)
        ordered.extend(c for c in everything if c.parent_id == rubric.pk)
    return ordered


@router.get("/tags/{slug}", response={200: TagOut, **ERRORS}, auth=None)
def tag(request: HttpRequest, slug: str) -> Tag:
    if not _slug_shaped(slug, 40):
        raise Http404
    return get_object_or_404(Tag.objects.public(), slug=slug)


# --- ratings ("Beri Nilai") -----------------------------------------------------------


class RatingKindOut(Schema):
    code: str
    label: str


class RatingIn(Schema):
    kind: str


class RatingsOut(Schema):
    ratings: dict[str, int]


@router.get("/ratings/kinds", response=list[RatingKindOut], auth=None)
def rating_kinds(request: HttpRequest) -> list[dict[str, str]]:
    return [{"code": code, "label": str(label)} for code, label in RatingKind.choices]


def _rateable(request: HttpRequest, article_id: int) -> Article:
    article = get_article_for_reading(_user(request), article_id)
    if article.status != ArticleStatus.PUBLISHED:
        raise Http404
    return article


@router.put("/articles/{article_id}/rating", response={200: RatingsOut, **ERRORS}, auth=signed_in)
def rate(request: HttpRequest, article_id: int, payload: RatingIn) -> dict[str, Any]:
    user = _user(request)
    if payload.kind not in RatingKind.values:
        raise invalid({"kind": [_("This value is not one of the allowed choices.")]})
    article = _rateable(request, article_id)
    try:
        counts = actions.rate_article(user, article, payload.kind)
    except actions.OwnArticle:
        raise ApiError(403, _("You cannot rate your own article.")) from None
    except actions.NotRateable:
        raise Http404 from None
    return {"ratings": counts}


@router.delete("/articles/{article_id}/rating", response={204: None, **ERRORS}, auth=signed_in)
def withdraw_rating(request: HttpRequest, article_id: int) -> Status[None]:
    article = _rateable(request, article_id)
    actions.withdraw_rating(_user(request), article)
    return Status(204, None)


# --- the reading list ("Simpan") ------------------------------------------------------


class ReadingListQuery(Schema):
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


@router.get("/me/reading-list", response={200: ArticleListing, **ERRORS}, auth=signed_in)
def reading_list(request: HttpRequest, query: Query[ReadingListQuery]) -> dict[str, Any]:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    try:
        page = paginate(
            actions.reading_list(_user(request)), query.cursor, query.limit, time_field="saved_at"
        )
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": [saved.article for saved in page.items], "next_cursor": page.next_cursor}


@router.put("/me/reading-list/{article_id}", response={204: None, **ERRORS}, auth=signed_in)
def save_article(request: HttpRequest, article_id: int) -> Status[None]:
    user = _user(request)
    actions.save_for_later(user, get_article_for_reading(user, article_id))
    return Status(204, None)


@router.delete("/me/reading-list/{article_id}", response={204: None, **ERRORS}, auth=signed_in)
def unsave_article(request: HttpRequest, article_id: int) -> Status[None]:
    user = _user(request)
    actions.remove_saved(user, get_article_for_reading(user, article_id))
    return Status(204, None)


# --- editorial curation: editor's picks and headlines --------------------------------


def _curate(request: HttpRequest, article_id: int, kind: str, on: bool) -> Status[None]:
    user = _user(request)
    if not is_editor(user):
        raise ApiError(403, _("Only editors choose editor's picks and headlines."))
    article = get_article_for_reading(user, article_id)
    try:
        actions.curate(user, article, kind, on)
    except actions.NotPublic:
        raise ApiError(
            409, _("Only published articles can be editor's picks or headlines.")
        ) from None
    return Status(204, None)


@router.put("/articles/{article_id}/pick", response={204: None, **ERRORS}, auth=signed_in)
def pick(request: HttpRequest, article_id: int) -> Status[None]:
    """Editors only: mark the article an editor's pick ("Pilihan"); idempotent."""
    return _curate(request, article_id, actions.PICK, True)


@router.delete("/articles/{article_id}/pick", response={204: None, **ERRORS}, auth=signed_in)
def unpick(request: HttpRequest, article_id: int) -> Status[None]:
    """Editors only: take the article off the editor's picks; idempotent."""
    return _curate(request, article_id, actions.PICK, False)


@router.put("/articles/{article_id}/headline", response={204: None, **ERRORS}, auth=signed_in)
def make_headline(request: HttpRequest, article_id: int) -> Status[None]:
    """Editors only: make the article a headline ("Artikel Utama"); idempotent."""
    return _curate(request, article_id, actions.HEADLINE, True)


@router.delete("/articles/{article_id}/headline", response={204: None, **ERRORS}, auth=signed_in)
def remove_headline(request: HttpRequest, article_id: int) -> Status[None]:
    """Editors only: take the article off the headlines; idempotent."""
    return _curate(request, article_id, actions.HEADLINE, False)
