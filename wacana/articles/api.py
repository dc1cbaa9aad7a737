"""The API's articles, categories and tags endpoints (documented at /api/v1/docs)."""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from wacana.accounts.auth import api_user, optional, signed_in
from wacana.accounts.models import NO_SUCH_WRITER, User
from wacana.accounts.roles import is_editor
from wacana.accounts.validators import USERNAME_MAX, is_username_shaped
from wacana.articles import actions, writing
from wacana.articles import series as series_actions
from wacana.articles.access import can_edit, get_article_for_reading
from wacana.articles.forms import NO_SUCH_CATEGORY, ArticleForm, SeriesForm
from wacana.articles.limits import check_write_limit
from wacana.articles.models import (
    BODY_MAX,
    CAPTION_MAX,
    SERIES_DESCRIPTION_MAX,
    SERIES_NAME_MAX,
    SERIES_PARTS_MAX,
    SOURCE_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    Article,
    ArticleTag,
    Category,
    RatingKind,
    Series,
    Tag,
)
from wacana.articles.models import Status as ArticleStatus
from wacana.lib.apierrors import ERRORS, ApiError, form_errors, invalid, not_a_choice, not_null
from wacana.lib.apischema import BIGINT_MAX, Cursor, Limit, omittable, text
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit, paginate
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
    status: str = Field(
        description="draft, published or hidden (by moderation: only its writer and staff see it).",
        json_schema_extra={"enum": list(ArticleStatus.values)},
    )
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
    ratings: dict[str, int] = Field(description="How many readers gave each rating kind.")
    editors_pick: bool = Field(description='Chosen by the editors ("Pilihan").')
    picked_at: datetime | None
    headline: bool = Field(description='A headline ("Artikel Utama") on the home page.')
    headline_at: datetime | None
    version: int = Field(
        description=(
            "Moves on every saved change: send it back as if_version (or If-Match) to be "
            "told, instead of overwriting, when someone else saved in between."
        )
    )
    publish_at: datetime | None = Field(
        description='A draft\'s scheduled publication ("Terbitkan nanti"), or null.'
    )
    response_to: int | None = Field(
        description=(
            'The id of the article this one responds to ("Tanggapan"), or null: not a '
            "response, or the original was deleted."
        )
    )

    series_id: int | None = Field(
        description=(
            'The series ("Seri") the article is a part of (GET /api/v1/series/{id}), or null.'
        )
    )

    @staticmethod
    def resolve_response_to(article: Article) -> int | None:
        return article.response_to_id

    @staticmethod
    def resolve_series_id(article: Article) -> int | None:
        return article.series_id

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
    pages: list[str] = Field(description="Each page's HTML, in order.")

    @staticmethod
    def resolve_pages(article: Article) -> list[str]:
        return [page.html for page in article.pages.all()]


class ArticleListing(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None


# The rules of the writing form (ArticleForm), from the same constants; the form then
# checks what a document cannot say (the category exists, the body's pages and markup).
CATEGORY_SLUG_MAX = 60
TAG_SLUG_MAX = 40
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
FILTER_SLUG_PATTERN = r"^[-a-zA-Z0-9_]*$"  # empty: no filter
Title = Annotated[str, text(TITLE_MAX, required=True, description="The headline.")]
CategorySlug = Annotated[
    str,
    Field(
        min_length=1,
        max_length=CATEGORY_SLUG_MAX,
        pattern=SLUG_PATTERN,
        description=(
            "The slug of a sub-category (GET /api/v1/categories, an entry whose parent is "
            "not null). An unknown slug, or a rubric's, is answered 422."
        ),
    ),
]
TagName = Annotated[str, Field(max_length=TAG_MAX)]
Tags = Annotated[
    list[TagName],
    Field(
        max_length=TAGS_MAX,
        description=(
            f"Up to {TAGS_MAX} tags of at most {TAG_MAX} characters (a leading # is "
            "dropped; tags that differ only in case or spacing count once). A tag needs a "
            "letter or digit."
        ),
    ),
]
Body = Annotated[
    str,
    Field(
        max_length=BODY_MAX,
        description=(
            "Markdown. A line holding only <!--nextpage--> starts a new page (at most 20 "
            "pages, 100,000 characters); too much markup is answered 422."
        ),
    ),
]
Caption = Annotated[str, text(CAPTION_MAX, description="The featured image's caption.")]
Source = Annotated[str, text(SOURCE_MAX, description="Who made the featured image.")]
PublishAt = Annotated[
    datetime | None,
    Field(
        description=(
            "Publish this draft later, at this time (without a zone: Asia/Jakarta); at "
            "least a few minutes ahead and within a year, else 422."
        ),
    ),
]
Version = Annotated[
    int,
    Field(
        ge=0,
        le=BIGINT_MAX,
        description=(
            "The version last read: when the article has moved on since, the change is "
            "refused with 409 instead of overwriting another's save (or send If-Match)."
        ),
    ),
]
WriteStatus = Literal["draft", "published"]
ResponseTo = Annotated[
    int | None,
    Field(
        ge=1,
        le=BIGINT_MAX,
        strict=True,
        description=(
            'Makes the new article a response ("Tanggapan") to this published article (its '
            "id); its writer is told when the response is published. A draft, hidden or "
            "missing article: 422. Set at creation only."
        ),
    ),
]


class ArticleIn(Schema):
    title: Title
    body: Body = ""
    category: CategorySlug
    tags: Tags = []
    status: WriteStatus = "draft"
    image_caption: Caption = ""
    image_source: Source = ""
    publish_at: PublishAt = None
    response_to: ResponseTo = None


class ArticlePatch(Schema):
    """Only the fields sent change; none may be null but publish_at (null cancels a
    schedule)."""

    title: Title = omittable()
    body: Body = omittable()
    category: CategorySlug = omittable()
    tags: Tags = omittable()
    status: WriteStatus = omittable(
        "draft unpublishes, published publishes (and cancels a schedule)."
    )
    image_caption: Caption = omittable()
    image_source: Source = omittable()
    publish_at: PublishAt = None
    if_version: Version = omittable()


class ListingQuery(Schema):
    category: str | None = Field(
        None,
        max_length=CATEGORY_SLUG_MAX,
        pattern=FILTER_SLUG_PATTERN,
        description="Only this rubric or sub-category (its slug); an unknown one: 422.",
    )
    author: str | None = Field(
        None,
        max_length=USERNAME_MAX,
        pattern=r"^[A-Za-z0-9_.]*$",
        description="Only this writer's articles (a username); an unknown one: 422.",
    )
    tag: str | None = Field(
        None,
        max_length=TAG_SLUG_MAX,
        pattern=FILTER_SLUG_PATTERN,
        description="Only articles with this tag (its slug); an unknown one: 422.",
    )
    sort: Literal["latest", "popular", "top_rated"] = "latest"
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


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


SLUG_RE = re.compile(SLUG_PATTERN)


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


def _full(article_id: int, user: Any) -> Article:
    article = get_article_for_reading(user, article_id)
    return article


@router.get("/articles", response={200: ArticleListing, **ERRORS}, auth=None)
def list_articles(request: HttpRequest, query: Query[ListingQuery]) -> dict[str, Any]:
    """Published articles, newest first (or most read, or best rated), page by page."""
    checked_limit(query.limit)
    articles = Article.objects.published().select_related("author", "category").defer("body")
    if query.category:
        category = (
            Category.objects.filter(slug=query.category).first()
            if _slug_shaped(query.category, 60)
            else None
        )
        if category is None:
            raise invalid({"category": [str(NO_SUCH_CATEGORY)]})
        articles = articles.in_category(category)
    if query.author:
        username = query.author.lower()
        author = (
            User.objects.active().filter(username=username).first()
            if is_username_shaped(username)
            else None
        )
        if author is None:
            raise invalid({"author": [str(NO_SUCH_WRITER)]})
        articles = articles.by(author)
    if query.tag:
        tag = Tag.objects.filter(slug=query.tag).first() if _slug_shaped(query.tag, 40) else None
        if tag is None:
            raise invalid({"tag": [_("This tag does not exist.")]})
        articles = articles.filter(pk__in=ArticleTag.objects.public_of(tag).values("article_id"))
    page = paginate(articles, query.cursor, query.limit, time_field=SORT_FIELDS[query.sort])
    return {"items": page.items, "next_cursor": page.next_cursor}


def _schedule_time(value: datetime) -> datetime:
    # A time without a zone is Jakarta's, as on the writing page.
    if timezone.is_naive(value):
        value = value.replace(tzinfo=JAKARTA)
    writing.check_schedule(value)
    return value


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
    """Write an article: a draft, published at once, or scheduled (publish_at). Counts
    toward the per-account write limit (429)."""
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
            actions.publish_article(user, article)
        elif when is not None:
            writing.schedule_publication(user, article, when)
    return Status(201, _full(article.pk, user))


@router.get("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, auth=optional)
def get_article(request: HttpRequest, article_id: int) -> Article:
    """A published article, for anyone; a draft or hidden article only for its writer
    (and staff), otherwise 404."""
    return _full(article_id, request.user)


def _for_change(request: HttpRequest, article_id: int) -> Article:
    user = _user(request)
    article = get_article_for_reading(user, article_id)
    if not can_edit(user, article):
        raise ApiError(403, _("Only the writer and the editors may change this article."))
    return article


@router.patch("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, auth=signed_in)
def update_article(request: HttpRequest, article_id: int, payload: ArticlePatch) -> Article:
    """Change the fields sent (the writer, or an editor); `status` publishes or unpublishes.
    A stale if_version (or If-Match) is 409; an article hidden by moderation is 409."""
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
        raise not_null(nulls)
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
        writing.save_writing(user, article, changes, if_version=expected, rendered=rendered)
        if status == "published":
            if article.publish_at:
                writing.schedule_publication(user, article, None)
            actions.publish_article(user, article)
        elif status == "draft":
            actions.unpublish_article(user, article)
        if scheduling and status != "published":
            writing.schedule_publication(user, article, when)
    return _full(article.pk, user)


@router.delete("/articles/{article_id}", response={204: None, **ERRORS}, auth=signed_in)
def delete_article(request: HttpRequest, article_id: int) -> Status[None]:
    article = _for_change(request, article_id)
    actions.delete_article(_user(request), article)
    return Status(204, None)


@router.post("/articles/{article_id}/image", response={200: ArticleOut, **ERRORS}, auth=signed_in)
def upload_image(request: HttpRequest, article_id: int, file: File[UploadedFile]) -> Article:
    """The featured image (multipart/form-data, field `file`), replacing any before."""
    article = _for_change(request, article_id)
    count_upload(_user(request).pk)
    actions.set_featured_image(article, file)
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
    kind: RatingKind = Field(description="One of the codes of GET /api/v1/ratings/kinds.")


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
        raise invalid({"kind": [not_a_choice()]})
    article = _rateable(request, article_id)
    return {"ratings": actions.rate_article(user, article, payload.kind)}


@router.delete("/articles/{article_id}/rating", response={204: None, **ERRORS}, auth=signed_in)
def withdraw_rating(request: HttpRequest, article_id: int) -> Status[None]:
    article = _rateable(request, article_id)
    actions.withdraw_rating(_user(request), article)
    return Status(204, None)


# --- the reading list ("Simpan") ------------------------------------------------------


class ReadingListQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


@router.get("/me/reading-list", response={200: ArticleListing, **ERRORS}, auth=signed_in)
def reading_list(request: HttpRequest, query: Query[ReadingListQuery]) -> dict[str, Any]:
    """The caller's reading list ("Simpan"), the last saved first."""
    checked_limit(query.limit)
    page = paginate(
        actions.reading_list(_user(request)), query.cursor, query.limit, time_field="saved_at"
    )
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
        raise actions.EditorsOnly
    article = get_article_for_reading(user, article_id)
    actions.curate(user, article, kind, on)
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


# --- responses ("Tanggapan") ------------------------------------------------------------


class ResponsesQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


@router.get(
    "/articles/{article_id}/responses", response={200: ArticleListing, **ERRORS}, auth=optional
)
def responses(
    request: HttpRequest, article_id: int, query: Query[ResponsesQuery]
) -> dict[str, Any]:
    """The published responses to an article, newest first, page by page (404 when the
    caller may not see the article)."""
    checked_limit(query.limit)
    article = get_article_for_reading(request.user, article_id)
    page = paginate(actions.public_responses(article), query.cursor, query.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


# --- series ("Seri") ----------------------------------------------------------------------

SeriesName = Annotated[str, text(SERIES_NAME_MAX, required=True, description="The series' name.")]
SeriesDescription = Annotated[
    str, text(SERIES_DESCRIPTION_MAX, description="A sentence or two on the series.")
]
ArticleId = Annotated[int, Field(ge=1, le=BIGINT_MAX, strict=True)]


class SeriesIn(Schema):
    name: SeriesName
    description: SeriesDescription = ""


class SeriesPatch(Schema):
    """Only the fields sent change; none may be null."""

    name: SeriesName = omittable()
    description: SeriesDescription = omittable()


class SeriesPartsIn(Schema):
    articles: list[ArticleId] = Field(
        max_length=SERIES_PARTS_MAX,
        description=(
            f"Every part, in order (at most {SERIES_PARTS_MAX}): the caller's own articles, "
            "each once and in no other series (else 422). Articles left out leave the "
            "series; [] empties it."
        ),
    )


class SeriesFields(Schema):
    """What SeriesSummary (from a Series) and SeriesOut (from a SeriesShown) show."""

    id: int
    name: str
    slug: str
    description: str
    url: str
    author: AuthorOut
    updated_at: datetime


class SeriesSummary(SeriesFields):
    @staticmethod
    def resolve_url(series: Series) -> str:
        return series.get_absolute_url()

    @staticmethod
    def resolve_author(series: Series) -> dict[str, str]:
        owner = series.owner
        return {
            "username": owner.username,
            "display_name": owner.display_name,
            "url": owner.get_absolute_url(),
        }


@dataclass(frozen=True)
class SeriesShown:
    """A series with the parts one viewer may see: what SeriesOut shows."""

    series: Series
    parts: list[Article]


class SeriesOut(SeriesFields):
    parts: list[ArticleSummary] = Field(
        description=(
            "The parts in order: every one for the writer and staff, the published ones "
            "for anyone else."
        )
    )

    # It reads a SeriesShown: the series' fields as SeriesSummary shows them, then its parts.
    @staticmethod
    def resolve_id(shown: SeriesShown) -> int:
        return shown.series.pk

    @staticmethod
    def resolve_name(shown: SeriesShown) -> str:
        return shown.series.name

    @staticmethod
    def resolve_slug(shown: SeriesShown) -> str:
        return shown.series.slug

    @staticmethod
    def resolve_description(shown: SeriesShown) -> str:
        return shown.series.description

    @staticmethod
    def resolve_url(shown: SeriesShown) -> str:
        return SeriesSummary.resolve_url(shown.series)

    @staticmethod
    def resolve_author(shown: SeriesShown) -> dict[str, str]:
        return SeriesSummary.resolve_author(shown.series)

    @staticmethod
    def resolve_updated_at(shown: SeriesShown) -> datetime:
        return shown.series.updated_at

    @staticmethod
    def resolve_parts(shown: SeriesShown) -> list[Article]:
        return shown.parts


class SeriesListing(Schema):
    items: list[SeriesSummary]
    next_cursor: str | None


class MySeriesQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


def _series_out(series: Series, viewer: Any) -> SeriesShown:
    """The series with the parts `viewer` may see, for SeriesOut."""
    return SeriesShown(series, list(series_actions.parts(series, viewer)))


def _series_form(data: dict[str, Any]) -> dict[str, Any]:
    form = SeriesForm(data=data)
    if not form.is_valid():
        raise invalid(form_errors(form))
    return form.cleaned_data


def _own_series(request: HttpRequest, series_id: int) -> Series:
    series = get_object_or_404(Series.objects.select_related("owner"), pk=series_id)
    if not series_actions.may_edit(_user(request), series):
        raise ApiError(403, _("Only the writer of this series can change it."))
    return series


@router.get("/me/series", response={200: SeriesListing, **ERRORS}, auth=signed_in)
def my_series(request: HttpRequest, query: Query[MySeriesQuery]) -> dict[str, Any]:
    """The caller's series, the last changed first."""
    checked_limit(query.limit)
    mine = Series.objects.filter(owner=_user(request)).select_related("owner")
    page = paginate(mine, query.cursor, query.limit, time_field="updated_at")
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/series", response={201: SeriesOut, **ERRORS}, auth=signed_in)
def create_series(request: HttpRequest, payload: SeriesIn) -> Status[SeriesShown]:
    """A new, empty series of the caller's; set its parts with PUT /series/{id}/articles."""
    user = _user(request)
    data = _series_form(payload.dict())
    series = series_actions.create_series(user, data["name"], data["description"])
    return Status(201, _series_out(series, user))


@router.get("/series/{series_id}", response={200: SeriesOut, **ERRORS}, auth=optional)
def get_series(request: HttpRequest, series_id: int) -> SeriesShown:
    """A series and its parts; a series without a published part is 404 to anyone but
    its writer and staff."""
    series = get_object_or_404(Series.objects.select_related("owner"), pk=series_id)
    out = _series_out(series, request.user)
    if not out.parts and not series_actions.may_see_all(request.user, series):
        raise Http404
    return out


@router.patch("/series/{series_id}", response={200: SeriesOut, **ERRORS}, auth=signed_in)
def update_series(request: HttpRequest, series_id: int, payload: SeriesPatch) -> SeriesShown:
    """Rename the series or change its description (its writer only)."""
    series = _own_series(request, series_id)
    sent = payload.dict(exclude_unset=True)
    nulls = [name for name, value in sent.items() if value is None]
    if nulls:
        raise not_null(nulls)
    data = _series_form({"name": series.name, "description": series.description} | sent)
    series_actions.change_series(
        series,
        name=data["name"] if "name" in sent else None,
        description=data["description"] if "description" in sent else None,
    )
    return _series_out(series, _user(request))


@router.delete("/series/{series_id}", response={204: None, **ERRORS}, auth=signed_in)
def delete_series(request: HttpRequest, series_id: int) -> Status[None]:
    """Delete the series (its writer only); its articles stay, in no series."""
    series_actions.delete_series(_own_series(request, series_id))
    return Status(204, None)


@router.put("/series/{series_id}/articles", response={200: SeriesOut, **ERRORS}, auth=signed_in)
def set_series_parts(request: HttpRequest, series_id: int, payload: SeriesPartsIn) -> SeriesShown:
    """Set the series' parts and their order at once (its writer only)."""
    series = _own_series(request, series_id)
    series_actions.set_parts(series, list(payload.articles))
    return _series_out(series, _user(request))
