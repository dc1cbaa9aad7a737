"""Writes with side effects for articles. Views and the API call these, nothing else."""

import io
import secrets
from collections.abc import Iterable
from typing import Any

import PIL.Image
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.articles import hooks, related
from wacana.articles.models import (
    POSITIVE_RATINGS,
    Article,
    ArticlePage,
    ArticleQuerySet,
    ArticleTag,
    Category,
    CategoryAlias,
    Image,
    Rating,
    RatingKind,
    SavedArticle,
    Status,
    Tag,
)
from wacana.articles.tasks import notify_followers
from wacana.lib import images, markdown, pagecache
from wacana.lib.busy import TryAgainLater, is_busy_database
from wacana.lib.refusal import Refusal
from wacana.notifications.actions import notify
from wacana.notifications.models import Kind

WORDS_PER_MINUTE = markdown.WORDS_PER_MINUTE
FEATURED_WIDTHS = (1200, 720, 360)


def _slug_for(title: str, limit: int = 80) -> str:
    slug = slugify(title)
    if len(slug) > limit:
        # Cut at a word boundary, so the address doesn't end in half a word.
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-") or "artikel"


def _image_dimensions(srcs: Iterable[str]) -> dict[str, tuple[int, int]]:
    prefix = settings.MEDIA_URL + "images/"
    names = {src[len(settings.MEDIA_URL) :] for src in srcs if src.startswith(prefix)}
    if not names:
        return {}
    return {
        settings.MEDIA_URL + image.file.name: (image.width, image.height)
        for image in Image.objects.filter(file__in=names)
    }


def render_body(body: str) -> markdown.Rendered:
    """Render and clean a body: call it before opening the transaction that stores it,
    so the database is never held while Markdown is rendered."""
    return markdown.render_article(body, _image_dimensions)


def _store_pages(article: Article, rendered: markdown.Rendered | None) -> None:
    if rendered is None:
        rendered = render_body(article.body)
    article.page_count = len(rendered.pages)
    article.word_count = rendered.word_count
    article.reading_minutes = rendered.reading_minutes
    article.excerpt = rendered.excerpt
    ArticlePage.objects.filter(article=article).delete()
    ArticlePage.objects.bulk_create(
        ArticlePage(article=article, number=n, html=html)
        for n, html in enumerate(rendered.pages, 1)
    )


def _set_tags(article: Article, tags: list[dict[str, str]]) -> None:
    old = set(article.tags.values_list("pk", flat=True))
    wanted: list[Tag] = []
    for tag in tags:
        found, _ = Tag.objects.get_or_create(slug=tag["slug"], defaults={"name": tag["name"]})
        wanted.append(found)
    new = {tag.pk for tag in wanted}
    if article.is_public:
        Tag.objects.filter(pk__in=old - new).update(article_count=F("article_count") - 1)
        Tag.objects.filter(pk__in=new - old).update(article_count=F("article_count") + 1)
    ArticleTag.objects.filter(article=article, tag_id__in=old - new).delete()
    ArticleTag.objects.bulk_create(
        ArticleTag(
            article=article,
            tag_id=pk,
            is_public=article.is_public,
            published_at=article.published_at,
        )
        for pk in new - old
    )
    article.tag_list = [{"slug": t.slug, "name": t.name} for t in wanted]


def create_article(
    author: User, data: dict[str, Any], rendered: markdown.Rendered | None = None
) -> Article:
    """Create a draft from validated form data.

    The body is rendered first (or was, by the caller: `rendered`), outside the
    transaction, so a long render never holds the database's write lock."""
    if rendered is None:
        rendered = render_body(data.get("body", ""))
    with transaction.atomic():
        return _create_article(author, data, rendered)


def _create_article(author: User, data: dict[str, Any], rendered: markdown.Rendered) -> Article:
    category: Category = data["category"]
    original = data.get("response_to")
    if original is not None:
        original = respondable(original.pk if isinstance(original, Article) else original)
    article = Article(
        author=author,
        title=data["title"],
        slug=_slug_for(data["title"]),
        body=data.get("body", ""),
        category=category,
        rubric_id=category.rubric_id,
        image_caption=data.get("image_caption", ""),
        image_source=data.get("image_source", ""),
        response_to=original,
        is_response=original is not None,
    )
    article.save()
    _store_pages(article, rendered)
    _set_tags(article, data.get("tags", []))
    article.save(
        update_fields=["page_count", "word_count", "reading_minutes", "excerpt", "tag_list"]
    )
    return article


def update_article(
    editor: User,
    article: Article,
    data: dict[str, Any],
    rendered: markdown.Rendered | None = None,
) -> Article:
    """Change an article's content from validated form data (any subset of fields).

    Every path that edits (the writing page, the API, the admin) comes here, so the rule
    for edits by staff lives here too: a change to someone else's title or category is
    logged for moderation and its writer told. A changed body is rendered before the
    transaction opens (or was, by the caller: `rendered`)."""
    if rendered is None and "body" in data and data["body"] != article.body:
        rendered = render_body(data["body"])
    with transaction.atomic():
        return _update_article(editor, article, data, rendered)


def _update_article(
    editor: User, article: Article, data: dict[str, Any], rendered: markdown.Rendered | None
) -> Article:
    changes = staff_changes(editor, article, data)
    fields: set[str] = set()
    old_category_id = article.category_id
    for name in ("title", "body", "image_caption", "image_source"):
        if name in data and data[name] != getattr(article, name):
            setattr(article, name, data[name])
            fields.add(name)
    if "title" in fields:
        article.slug = _slug_for(article.title)
        fields.add("slug")
    if "category" in data and data["category"].pk != article.category_id:
        article.category = data["category"]
        article.rubric_id = data["category"].rubric_id
        fields |= {"category", "rubric"}
    if "body" in fields:
        _store_pages(article, rendered)
        fields |= {"page_count", "word_count", "reading_minutes", "excerpt"}
    if "tags" in data:
        before = list(article.tag_list)
        _set_tags(article, data["tags"])
        if article.tag_list != before:
            fields.add("tag_list")
    if fields:
        if article.published_at:
            article.updated_at = timezone.now()
            fields.add("updated_at")
        article.save(update_fields=sorted(fields))
        hooks.article_changed(article)
        if article.is_public:
            # Its title and card on the home, the sidebar, every kept page and search.
            _home_changed()
        if article.is_public and fields & {"title", "category"}:
            # Other articles' cached "more" links show its title under its category.
            related.forget(article, old_category_id=old_category_id)
    if changes:
        hooks.staff_edited(editor, article, changes)
    return article


def staff_changes(
    editor: User, article: Article, data: dict[str, Any], sent: Any = None
) -> dict[str, tuple[Any, Any]]:
    """The title and category changes an edit by someone other than the writer would make.

    Computed before the edit is saved (afterwards the old values are gone); `sent` limits
    it to the fields the editor actually sent.
    """
    if editor.pk == article.author_id:
        return {}
    names = set(data if sent is None else sent)
    changes: dict[str, tuple[Any, Any]] = {}
    if "title" in names and "title" in data and data["title"] != article.title:
        changes["title"] = (article.title, data["title"])
    category = data.get("category") if "category" in names else None
    if category is not None and category.pk != article.category_id:
        changes["category"] = (article.category.slug, category.slug)
    return changes


def _count_public(article: Article, delta: int) -> None:
    # Every change of what is public passes here (with _visibility_changed after it).
    User.objects.filter(pk=article.author_id).update(article_count=F("article_count") + delta)
    Tag.objects.filter(articletag__article=article).update(article_count=F("article_count") + delta)
    if article.response_to_id:
        # The original's "Tanggapan (n)" counts its public responses.
        Article.objects.filter(pk=article.response_to_id).update(
            response_count=F("response_count") + delta
        )


def _enqueue_follower_notice(article_id: int) -> None:
    """Queue the followers' notice inside the publishing transaction: the queue lives in
    the same database, so the publish and its notice commit together or not at all."""
    try:
        notify_followers.enqueue(article_id)
    except Exception as error:
        if is_busy_database(error):
            raise
        # The raise rolls the publish back; the writer is asked to try again.
        raise TryAgainLater(
            _("The article could not be published just now. Please try again in a moment.")
        ) from error


class HiddenByModeration(Refusal):
    """Only a moderator's restore brings a hidden article back, not its writer."""

    status = 409

    def default_message(self) -> str:
        return _("A moderator has hidden this article; only a moderator can restore it.")


@transaction.atomic
def publish_article(user: User, article: Article) -> Article:
    if article.status == Status.PUBLISHED:
        return article
    if article.status == Status.HIDDEN:
        raise HiddenByModeration
    was_public = article.is_public
    first_time = article.published_at is None
    article.status = Status.PUBLISHED
    if first_time:
        article.published_at = timezone.now()
    article.save(update_fields=["status", "published_at"])
    if first_time:
        # Followers hear of it once, from the worker.
        _enqueue_follower_notice(article.pk)
        if article.response_to_id:
            _tell_original_writer(article)
        hooks.first_published(article)
    ArticleTag.objects.filter(article=article).update(
        is_public=True, published_at=article.published_at
    )
    if not was_public:
        _count_public(article, +1)
    _visibility_changed(article)
    return article


@transaction.atomic
def unpublish_article(user: User, article: Article) -> Article:
    """Back to draft: only its author and staff see it again."""
    if article.status != Status.PUBLISHED:
        return article
    article.status = Status.DRAFT
    article.save(update_fields=["status"])
    ArticleTag.objects.filter(article=article).update(is_public=False)
    _count_public(article, -1)
    _visibility_changed(article)
    return article


def _delete_files(names: list[str]) -> None:
    for name in names:
        if name:
            default_storage.delete(name)


@transaction.atomic
def delete_article(user: User, article: Article) -> None:
    if article.is_public:
        _count_public(article, -1)
        # The search entry goes with the row (a cascade); the caches must be told.
        _visibility_changed(article, deleted=True)
    files = article.image_files()
    hooks.deleting(article)
    article.delete()
    transaction.on_commit(lambda: _delete_files(files))


def set_featured_image(article: Article, upload: UploadedFile) -> Article:
    """Re-encode the upload (EXIF gone) at three widths; raises images.ImageRejected."""
    picture = images.open_checked(
        upload,
        max_bytes=settings.ARTICLE_IMAGE_MAX_BYTES,
        max_pixels=settings.ARTICLE_IMAGE_MAX_PIXELS,
    )
    large, medium, small = images.resized_webp(picture, FEATURED_WIDTHS)
    stem = f"{article.pk}-{secrets.token_hex(6)}"
    extra, variants = _variant_files(picture, (large, medium, small), f"articles/{stem}")
    old = article.image_files()
    with transaction.atomic():
        for name, data in extra:
            article.image.storage.save(name, ContentFile(data))
        article.image.save(f"{stem}-{large.width}.webp", ContentFile(large.data), save=False)
        article.image_medium.save(
            f"{stem}-{medium.width}.webp", ContentFile(medium.data), save=False
        )
        article.image_small.save(f"{stem}-{small.width}.webp", ContentFile(small.data), save=False)
        article.image_width, article.image_height = large.width, large.height
        article.image_variants = variants
        article.save(
            update_fields=[
                "image",
                "image_medium",
                "image_small",
                "image_width",
                "image_height",
                "image_variants",
            ]
        )
        transaction.on_commit(lambda: _delete_files(old))
        if article.is_public:
            _home_changed()  # its card's picture on the home and every kept listing
    return article


def _variant_files(
    picture: PIL.Image.Image, renditions: tuple[images.Encoded, ...], stem: str
) -> tuple[list[tuple[str, bytes]], str]:
    """The files beside the three WebP renditions, and what image_variants says of them.

    A card thumbnail, where the picture is wide enough for it to be smaller than the
    360 px rendition, and AVIF copies where Pillow writes AVIF and they are the smaller
    (flat drawings can come out larger than their WebP): issue 18. `stem` is the storage
    name of the renditions without their "-{width}.webp".
    """
    small = renditions[-1]
    if small.width < 360:
        return [], ""
    (thumb,) = images.resized_webp(picture, (Article.THUMB_WIDTH,))
    extra = [(f"{stem}-{thumb.width}.webp", thumb.data)]
    if not images.avif_available():
        return extra, "webp"
    webps = (*renditions, thumb)
    avifs = images.resized_webp(picture, tuple(w.width for w in webps), format="AVIF")
    if sum(len(a.data) for a in avifs) >= sum(len(w.data) for w in webps):
        return extra, "webp"
    return extra + [(f"{stem}-{a.width}.avif", a.data) for a in avifs], "avif"


def add_image_variants(article: Article) -> bool:
    """Give a featured image stored before issue 18 its thumbnail and AVIF copies, made
    from its largest rendition; False when it has them already or has no picture."""
    if article.image_variants or not article.image or not article.image_small:
        return False
    stored = []
    for field in (article.image, article.image_medium, article.image_small):
        with field.open("rb") as file:
            stored.append(file.read())
    picture = PIL.Image.open(io.BytesIO(stored[0]))
    picture.load()
    # The renditions were made never enlarging, so their widths follow from the largest.
    widths = (min(width, picture.width) for width in FEATURED_WIDTHS)
    renditions = tuple(images.Encoded(data, w, 0) for data, w in zip(stored, widths, strict=True))
    stem = article.image_small.name.rsplit("-", 1)[0]
    extra, variants = _variant_files(picture, renditions, stem)
    if not variants:
        return False
    storage = article.image.storage
    for name, data in extra:
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, ContentFile(data))
    Article.objects.filter(pk=article.pk).update(image_variants=variants)
    article.image_variants = variants
    return True


def remove_featured_image(article: Article) -> Article:
    old = article.image_files()
    article.image = article.image_medium = article.image_small = ""
    article.image_width = article.image_height = 0
    article.image_variants = ""
    article.save(
        update_fields=[
            "image",
            "image_medium",
            "image_small",
            "image_width",
            "image_height",
            "image_variants",
        ]
    )
    transaction.on_commit(lambda: _delete_files(old))
    if article.is_public:
        _home_changed()  # its card's picture on the home and every kept listing
    return article


def upload_body_image(owner: User, upload: UploadedFile) -> Image:
    """Store an image for an article body; the Markdown refers to it by its URL."""
    picture = images.open_checked(
        upload,
        max_bytes=settings.ARTICLE_IMAGE_MAX_BYTES,
        max_pixels=settings.ARTICLE_IMAGE_MAX_PIXELS,
    )
    (encoded,) = images.resized_webp(picture, (1200,))
    image = Image(owner=owner, width=encoded.width, height=encoded.height)
    image.file.save(
        f"{owner.pk}-{secrets.token_hex(8)}.webp", ContentFile(encoded.data), save=False
    )
    image.save()
    return image


@transaction.atomic
def save_category(category: Category) -> Category:
    """Save a category from the admin; a changed slug or rubric keeps old links working."""
    if category.pk:
        before = Category.objects.get(pk=category.pk)
        if before.slug != category.slug:
            CategoryAlias.objects.filter(slug=category.slug).delete()
            CategoryAlias.objects.update_or_create(
                slug=before.slug, defaults={"category": category}
            )
        category.save()
        if before.parent_id != category.parent_id:
            # The copied rubric of every article in it moves along (rare, admin only).
            Article.objects.filter(category=category).update(rubric_id=category.rubric_id)
            hooks.category_moved(category)
    else:
        category.save()
    pagecache.forget()  # its name on cards, crumbs and chips of kept pages
    return category


@transaction.atomic
def hide_article(article: Article, *, with_account: bool = False) -> bool:
    """Take an article out of public view (moderation). Returns whether it changed."""
    if article.status == Status.HIDDEN:
        return False
    was_public = article.is_public
    article.status = Status.HIDDEN
    article.hidden_with_account = with_account
    article.save(update_fields=["status", "hidden_with_account"])
    ArticleTag.objects.filter(article=article).update(is_public=False)
    if was_public:
        _count_public(article, -1)
    _visibility_changed(article)
    return True


@transaction.atomic
def restore_article(article: Article) -> bool:
    """Undo a hide: the article is public again if it had been published, else a draft."""
    if article.status != Status.HIDDEN:
        return False
    article.status = Status.PUBLISHED if article.published_at else Status.DRAFT
    article.hidden_with_account = False
    article.save(update_fields=["status", "hidden_with_account"])
    if article.is_public:
        ArticleTag.objects.filter(article=article).update(
            is_public=True, published_at=article.published_at
        )
        _count_public(article, +1)
    _visibility_changed(article)
    return True


def hide_articles_of(author: User) -> int:
    """A suspension hides every published article of the account."""
    hidden = 0
    for article in Article.objects.published().by(author):
        hidden += hide_article(article, with_account=True)
    return hidden


def restore_articles_of(author: User) -> int:
    """Lifting a suspension shows again what the suspension hid, and nothing else."""
    restored = 0
    for article in Article.objects.by(author).filter(
        status=Status.HIDDEN, hidden_with_account=True
    ):
        restored += restore_article(article)
    return restored


# --- responses ("Tanggapan") ----------------------------------------------------------


class NotRespondable(Refusal):
    """A response answers a published article only (not a draft, a hidden or a deleted
    one); said at the field "response_to"."""

    status = 422
    field = "response_to"

    def default_message(self) -> str:
        return _("You can only respond to a published article.")


def respondable(article_id: Any) -> Article:
    """The published article `article_id` names, to respond to; else NotRespondable."""
    if isinstance(article_id, bool) or not isinstance(article_id, int) or article_id < 1:
        raise NotRespondable
    found = (
        Article.objects.published()
        .select_related("author")
        .only("pk", "title", "slug", "status", "author_id", "author__username")
        .filter(pk=article_id)
        .first()
    )
    if found is None:
        raise NotRespondable
    return found


def _tell_original_writer(response: Article) -> None:
    """The original's writer hears of a response when it is first published (not of a
    draft, and not of their own response to themselves)."""
    original = (
        Article.objects.published()
        .select_related("author")
        .only("pk", "title", "author")
        .filter(pk=response.response_to_id or 0)
        .first()
    )
    if original is None or original.author_id == response.author_id:
        return
    writer = response.author
    names = {"name": writer.name, "title": original.title, "response": response.title}
    with translation.override(settings.LANGUAGE_CODE):
        message = _("%(name)s responded to your article “%(title)s” with “%(response)s”.") % names
    notify(
        original.author,
        Kind.RESPONSE,
        message,
        actor=writer,
        target_url=response.get_absolute_url(),
    )


def public_responses(article: Article) -> ArticleQuerySet:
    """The public responses to `article`, newest first, ready for cards."""
    return Article.objects.published().filter(response_to=article).for_listing().latest_first()


# --- ratings ("Beri Nilai") and the reading list ("Simpan") ----------------------------


class NotRateable(Refusal):
    """Only published articles take ratings (any other is not found, as its page)."""

    status = 404

    def default_message(self) -> str:
        return _("Not found.")


class OwnArticle(Refusal):
    """Writers do not rate their own articles."""

    status = 403

    def default_message(self) -> str:
        return _("You cannot rate your own article.")


def _recount(article: Article) -> dict[str, int]:
    """Store the exact counts per kind and the score; the caller holds the row lock."""
    rows = Rating.objects.filter(article=article).values("kind").annotate(n=Count("id"))
    counts = {row["kind"]: row["n"] for row in rows if row["n"]}
    ordered = {kind: counts[kind] for kind in RatingKind.values if kind in counts}
    article.rating_counts = ordered
    article.rating_score = sum(n for kind, n in ordered.items() if kind in POSITIVE_RATINGS)
    Article.objects.filter(pk=article.pk).update(
        rating_counts=article.rating_counts, rating_score=article.rating_score
    )
    # The counts are on its kept page: the page's version below the text moves, so the
    # copies answered before Django (wacana/lib/front.py) go at once too.
    pagecache.touch("thread", article.pk)
    return ordered


def _locked_for_rating(user: User, article: Article) -> Article:
    rows = Article.objects.select_for_update().only("pk", "status", "author_id", "category_id")
    locked = rows.get(pk=article.pk)
    if locked.status != Status.PUBLISHED:
        raise NotRateable
    if locked.author_id == user.pk:
        raise OwnArticle
    return locked


@transaction.atomic
def rate_article(user: User, article: Article, kind: str) -> dict[str, int]:
    """Give (or change) `user`'s one rating of `article`; returns the counts per kind."""
    if kind not in RatingKind.values:
        raise ValueError(kind)
    locked = _locked_for_rating(user, article)
    # update_or_create, spelt out: the kind it held before goes to the hook.
    current = Rating.objects.filter(user=user, article=locked).only("pk", "kind").first()
    before = current.kind if current is not None else None
    if current is None:
        Rating.objects.create(user=user, article=locked, kind=kind)
    elif current.kind != kind:
        current.kind = kind
        current.save(update_fields=["kind", "rated_at"])
    counts = _recount(locked)
    hooks.rated(user, locked, before, kind)
    article.rating_counts, article.rating_score = locked.rating_counts, locked.rating_score
    return counts


@transaction.atomic
def withdraw_rating(user: User, article: Article) -> dict[str, int]:
    """Take back `user`'s rating, if any (idempotent); returns the counts per kind."""
    rows = Article.objects.select_for_update().only("pk", "author_id", "category_id")
    locked = rows.get(pk=article.pk)
    current = Rating.objects.filter(user=user, article=locked).only("pk", "kind").first()
    if current is not None:
        current.delete()
        counts = _recount(locked)
        hooks.rated(user, locked, current.kind, None)
        article.rating_counts, article.rating_score = locked.rating_counts, locked.rating_score
        return counts
    return dict(article.rating_counts)


def rating_of(user: User, article: Article) -> str | None:
    return Rating.objects.filter(user=user, article=article).values_list("kind", flat=True).first()


def save_for_later(user: User, article: Article) -> bool:
    """Put `article` on the reading list (idempotent); True when it was not there yet."""
    _, created = SavedArticle.objects.get_or_create(user=user, article=article)
    return created


def remove_saved(user: User, article: Article) -> bool:
    """Take `article` off the reading list (idempotent); True when it was there."""
    return bool(SavedArticle.objects.filter(user=user, article=article).delete()[0])


def is_saved(user: User, article: Article) -> bool:
    return SavedArticle.objects.filter(user=user, article=article).exists()


def rating_and_saved(user: User, article: Article) -> tuple[str | None, bool]:
    """`user`'s rating of `article` and whether it is on their reading list: one plain
    query, asked on every signed-in view of an article (two ORM queries cost ten times
    its CPU)."""
    rating, saved_table = Rating._meta.db_table, SavedArticle._meta.db_table
    sql = (
        f"SELECT (SELECT kind FROM {rating} WHERE article_id = %s AND user_id = %s),"  # noqa: S608 - table names from the models, values as parameters
        f" EXISTS (SELECT 1 FROM {saved_table} WHERE article_id = %s AND user_id = %s)"
    )
    with connection.cursor() as db:
        db.execute(sql, [article.pk, user.pk, article.pk, user.pk])
        kind, saved = db.fetchone()
    return kind, bool(saved)


def reading_list(user: User) -> "QuerySet[SavedArticle]":
    """The saved rows whose article `user` may still read, ready for a listing."""
    readable = Q(article__status=Status.PUBLISHED) | Q(article__author=user)
    return (
        SavedArticle.objects.filter(user=user)
        .filter(readable)
        .select_related("article__author", "article__category")
        .defer("article__body")
    )


def remove_ratings_of(user: User) -> int:
    """Withdraw every rating `user` gave (account deletion), keeping the counts exact."""
    removed = 0
    for article in Article.objects.filter(ratings__user=user).only("pk", "rating_counts"):
        withdraw_rating(user, article)
        removed += 1
    return removed


# --- Editorial curation: editor's picks ("Pilihan") and headlines ("Artikel Utama") ----


class NotPublic(Refusal):
    """Only published articles that readers can see may be picked or made headlines."""

    status = 409

    def default_message(self) -> str:
        return _("Only published articles can be editor's picks or headlines.")


class EditorsOnly(Refusal):
    """Raised by the callers of `curate`, which check who may curate."""

    status = 403

    def default_message(self) -> str:
        return _("Only editors choose editor's picks and headlines.")


PICK = "pick"
HEADLINE = "headline"
_CURATION = {
    # kind: (time field, editor field, notified flag, notification kind)
    PICK: ("picked_at", "picked_by", "pick_notified", "picked"),
    HEADLINE: ("headline_at", "headline_by", "headline_notified", "headline"),
}


def _curation_message(kind: str, title: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        if kind == PICK:
            return _("Your article “%(title)s” was chosen by the editors as an editor's pick.") % {
                "title": title
            }
        return _("Your article “%(title)s” was chosen as a headline.") % {"title": title}


def _home_changed() -> None:
    """Lists cached across articles (the home page's sections) are stale: now, and again
    after the commit (a request rendering in between would otherwise cache the old state
    anew)."""
    hooks.listings_changed()
    transaction.on_commit(hooks.listings_changed)
    # And every page kept whole for anonymous readers (articles, listings, search).
    pagecache.forget()


def _visibility_changed(article: Article, *, deleted: bool = False) -> None:
    """Everything that must follow when an article's visibility changes (published,
    unpublished, hidden, restored, deleted), in one place: the other articles' cached
    related links, the derived copies of the article (the search index), and the cached
    listings (the home page). Called by each of those actions, inside its transaction."""
    related.forget(article)
    if not deleted:
        hooks.article_changed(article)
    _home_changed()


@transaction.atomic
def curate(editor: User, article: Article, kind: str, on: bool) -> bool:
    """Mark (on) or unmark an article as an editor's pick or a headline; idempotent.

    Returns whether anything changed. Raises NotPublic when marking an article that is
    not published. The writer is notified the first time per article and kind only, so
    an editor toggling does not spam them. Picking is not an edit: updated_at stays.
    The caller has checked that `editor` is an editor.
    """
    time_field, by_field, notified_field, notification_kind = _CURATION[kind]
    rows = Article.objects.filter(pk=article.pk)
    if on:
        now = timezone.now()
        changed = bool(
            rows.filter(status=Status.PUBLISHED, **{f"{time_field}__isnull": True}).update(
                **{time_field: now, by_field: editor}
            )
        )
        if not changed:
            current = rows.values_list("status", time_field).first()
            if current is None or current[0] != Status.PUBLISHED:
                raise NotPublic
            return False
        setattr(article, time_field, now)
        setattr(article, f"{by_field}_id", editor.pk)
        hooks.curated(editor, article, kind)
        # The flag flips in the same statement that claims it: told exactly once.
        if rows.filter(**{notified_field: False}).update(**{notified_field: True}):
            notify(
                article.author,
                notification_kind,
                _curation_message(kind, article.title),
                actor=editor,
                target_url=article.get_absolute_url(),
            )
    else:
        changed = bool(
            rows.filter(**{f"{time_field}__isnull": False}).update(
                **{time_field: None, by_field: None}
            )
        )
        setattr(article, time_field, None)
        setattr(article, f"{by_field}_id", None)
    if changed:
        _home_changed()
    return changed
