import hashlib
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wacana.accounts.roles import is_editor, is_moderator
from wacana.lib import pagecache

TITLE_MAX = 150
BODY_MAX = 100_000
PAGES_MAX = 20
TAGS_MAX = 10
TAG_MAX = 30
CAPTION_MAX = 200
SOURCE_MAX = 200
PAGE_BREAK = "<!--nextpage-->"


@lru_cache(maxsize=1024)
def _category_url(slug: str) -> str:
    # Listings show a category link per card: reverse() each slug once per process.
    return reverse("articles:category", kwargs={"slug": slug})


# An edit this soon after publishing is not shown as an update (Article.shows_update).
UPDATE_GRACE = timedelta(minutes=1)


class CategoryQuerySet(models.QuerySet["Category"]):
    def rubrics(self) -> "CategoryQuerySet":
        return self.filter(parent__isnull=True)

    def subcategories(self) -> "CategoryQuerySet":
        return self.filter(parent__isnull=False)


class Category(models.Model):
    """A rubric (no parent) or one of its sub-categories: two levels, no deeper."""

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    def get_absolute_url(self) -> str:
        return _category_url(self.slug)

    @property
    def is_rubric(self) -> bool:
        return self.parent_id is None

    @property
    def rubric_id(self) -> int:
        return self.parent_id or self.pk


class CategoryAlias(models.Model):
    """An old slug of a renamed or moved category, so its old URLs keep working."""

    slug = models.SlugField(max_length=60, unique=True)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name = _("old category address")
        verbose_name_plural = _("old category addresses")

    def __str__(self) -> str:
        return f"{self.slug} → {self.category.slug}"


class TagQuerySet(models.QuerySet["Tag"]):
    def public(self) -> "TagQuerySet":
        """Tags with at least one public article; a tag used only on drafts or hidden
        articles is not shown to anyone. One probe of the tag's own index per tag
        (ArticleTag "tag_latest" starts with tag, is_public), whatever the site's size."""
        return self.filter(
            models.Exists(ArticleTag.objects.filter(tag=models.OuterRef("pk"), is_public=True))
        )


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=TAG_MAX)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    # Published articles with this tag, moved by the article actions.
    article_count = models.PositiveIntegerField(default=0, editable=False)

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", kwargs={"slug": self.slug})


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


# The columns a card shows or is keyed by (wacana_articles.card_key): `for_cards`. A
# column the card template reads and this leaves out costs a query per card (the test
# of /mengikuti's queries sees it).
CARD_COLUMNS = (
    "title",
    "slug",
    "published_at",
    "updated_at",
    "view_count",
    "picked_at",
    "headline_at",
    "image",
    "image_small",
    "image_variants",
    "author__username",
    "author__display_name",
    "author__verified",
    "category__slug",
    "category__name",
)


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> "ArticleQuerySet":
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user: Any) -> "ArticleQuerySet":
        """What `user` may open: everything public, their own, and all for staff (who
        must read what they judge or edit)."""
        if is_moderator(user) or is_editor(user):
            return self
        if user.is_authenticated:
            return self.filter(Q(status=Status.PUBLISHED) | Q(author=user))
        return self.published()

    def in_category(self, category: Category) -> "ArticleQuerySet":
        if category.is_rubric:
            return self.filter(rubric=category)
        return self.filter(category=category)

    def by(self, author: Any) -> "ArticleQuerySet":
        return self.filter(author=author)

    def latest_first(self) -> "ArticleQuerySet":
        return self.order_by("-published_at", "-id")

    def for_listing(self) -> "ArticleQuerySet":
        return self.select_related("author", "category").defer("body")

    def for_cards(self) -> "ArticleQuerySet":
        """Only what a card shows ({% article_cards %}: includes/article_card.html and
        its key): for a listing read per reader (/mengikuti), where loading the rows
        whole, their writer's too, cost more than the rest of the page."""
        return self.select_related("author", "category").only(*CARD_COLUMNS)

    def picks(self) -> "ArticleQuerySet":
        """Editor's picks ("Pilihan"); newest pick first with `order_by("-picked_at")`."""
        return self.filter(picked_at__isnull=False)

    def headlines(self) -> "ArticleQuerySet":
        """Headlines ("Artikel Utama")."""
        return self.filter(headline_at__isnull=False)


def _width_of(name: str) -> int:
    """The width a rendition's name ends with ({pk}-{token}-{width}.webp), 0 if none."""
    tail = name.rsplit("-", 1)[-1].split(".", 1)[0]
    return int(tail) if tail.isdigit() else 0


def variant_name(name: str, width: int) -> str:
    """The name of the rendition `width` pixels wide of the picture `name` belongs to."""
    return f"{name.rsplit('-', 1)[0]}-{width}.webp"


@dataclass(frozen=True)
class Rendition:
    """One stored width of a featured image: its address and the box it is shown in."""

    url: str
    width: int
    height: int


def avif_name(name: str) -> str:
    return name.removesuffix(".webp") + ".avif"


class Article(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="articles"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    slug = models.SlugField(_("slug"), max_length=160, allow_unicode=False)
    body = models.TextField(_("body"), max_length=BODY_MAX, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    # The category's rubric, copied so that a rubric page is one index range.
    rubric = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="rubric_articles", editable=False
    )
    tags: "models.ManyToManyField[Tag, ArticleTag]" = models.ManyToManyField(
        Tag, through="ArticleTag", related_name="articles", blank=True
    )
    # [{"slug", "name"}], copied so the article page needs no query for its tags.
    tag_list = models.JSONField(default=list, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Set by the actions when the writer changes the content, not when a counter moves.
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    # Any change by the writer (drafts too): the dashboard's order. Set by save().
    changed_at = models.DateTimeField(_("last changed"), default=timezone.now, editable=False)

    excerpt = models.CharField(max_length=300, blank=True, editable=False)
    page_count = models.PositiveSmallIntegerField(default=1, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    image = models.ImageField(_("featured image"), upload_to="articles/", blank=True)
    image_medium = models.ImageField(upload_to="articles/", blank=True, editable=False)
    image_small = models.ImageField(upload_to="articles/", blank=True, editable=False)
    image_width = models.PositiveIntegerField(default=0, editable=False)
    image_height = models.PositiveIntegerField(default=0, editable=False)
    # Renditions of the featured image besides its three WebP widths, named after the same
    # stem (issue 18): "webp", a card thumbnail (THUMB_WIDTH); "avif", that and an AVIF
    # copy of every width (kept only where AVIF is the smaller). "" for pictures stored
    # before: they have their three WebP files only.
    image_variants = models.CharField(max_length=8, blank=True, default="", editable=False)
    image_caption = models.CharField(_("image caption"), max_length=CAPTION_MAX, blank=True)
    image_source = models.CharField(_("image source"), max_length=SOURCE_MAX, blank=True)

    # Hidden because its writer's account was suspended: lifting the suspension shows it again.
    hidden_with_account = models.BooleanField(default=False, editable=False)

    view_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    rating_counts = models.JSONField(default=dict, editable=False)
    # Positive ratings only (Tidak Menarik is not praise), for the top-rated listing.
    rating_score = models.PositiveIntegerField(default=0, editable=False)

    # Editorial curation, set only by the curation actions (never moves updated_at).
    picked_at = models.DateTimeField(
        _("editor's pick since"), null=True, blank=True, editable=False
    )
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("picked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    headline_at = models.DateTimeField(_("headline since"), null=True, blank=True, editable=False)
    headline_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("headline chosen by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The writer is told once per article and kind, however often editors toggle.
    pick_notified = models.BooleanField(default=False, editable=False)
    headline_notified = models.BooleanField(default=False, editable=False)

    # Writing: `version` moves on every saved change of the content, so a page that
    # loaded version 7 can tell it was changed elsewhere (autosave, another tab, the API).
    version = models.PositiveIntegerField(default=1, editable=False)
    # "Terbitkan nanti": a draft with a time is published by the task worker then.
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True, editable=False)

    # Responses ("Tanggapan", issue 16): the article this one answers. Set when the
    # response is created and never changed; a deleted original leaves NULL here and
    # `is_response` set, so the response says it answered something no longer there.
    response_to = models.ForeignKey(
        "self",
        verbose_name=_("response to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
        editable=False,
    )
    is_response = models.BooleanField(default=False, editable=False)
    # Public responses to this article, moved with the responses' visibility (_count_public).
    response_count = models.PositiveIntegerField(default=0, editable=False)

    # Series ("Seri", issue 16): at most one series per article, the writer's own, at
    # `series_position` (1, 2, ...) within it. Set only by the series actions.
    series = models.ForeignKey(
        "Series",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
        editable=False,
    )
    series_position = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "published_at", "id"], name="article_latest"),
            models.Index(
                fields=["status", "category", "published_at", "id"], name="article_category"
            ),
            models.Index(fields=["status", "rubric", "published_at", "id"], name="article_rubric"),
            models.Index(fields=["author", "status", "published_at", "id"], name="article_author"),
            models.Index(fields=["status", "view_count", "id"], name="article_popular"),
            models.Index(fields=["status", "rating_score", "id"], name="article_top_rated"),
            models.Index(fields=["status", "picked_at", "id"], name="article_picks"),
            models.Index(fields=["status", "headline_at", "id"], name="article_headlines"),
            # The picks listing, newest publication first, without scanning non-picks.
            models.Index(
                fields=["status", "published_at", "id"],
                condition=Q(picked_at__isnull=False),
                name="article_picks_published",
            ),
            models.Index(fields=["author", "changed_at", "id"], name="article_dashboard"),
            # An article's public responses, newest first, page by page.
            models.Index(
                fields=["response_to", "status", "published_at", "id"], name="article_responses"
            ),
            models.Index(fields=["series", "series_position", "id"], name="article_series"),
        ]

    def __str__(self) -> str:
        return self.title

    # What the writer changes; counters, curation and moderation flags are not their edit.
    WRITER_FIELDS = frozenset(
        {"title", "body", "category", "status", "image", "image_caption", "image_source"}
    )

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if fields is None or self.WRITER_FIELDS & set(fields):
            self.changed_at = timezone.now()
            if fields is not None:
                kwargs["update_fields"] = {*fields, "changed_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Asked for many times per page (pager, canonical, share links): reverse once.
        key = (self.author_id, self.slug)
        cached = self.__dict__.get("_url")
        if cached is None or cached[0] != key:
            url = reverse(
                "articles:detail",
                kwargs={"username": self.author.username, "pk": self.pk, "slug": self.slug or "-"},
            )
            cached = self.__dict__["_url"] = (key, url)
        return cached[1]

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def reading_time(self) -> str:
        """ "7 minutes read", in the language of the page (the article's meta line)."""
        return ngettext(
            "%(minutes)s minute read", "%(minutes)s minutes read", self.reading_minutes
        ) % {"minutes": self.reading_minutes}

    @property
    def shows_update(self) -> bool:
        """Whether the page says "Updated:": the content changed more than UPDATE_GRACE
        after publication. A fix saved within the minute of publishing is part of it."""
        return bool(
            self.updated_at
            and self.published_at
            and self.updated_at - self.published_at > UPDATE_GRACE
        )

    @property
    def editors_pick(self) -> bool:
        return self.picked_at is not None

    @property
    def headline(self) -> bool:
        return self.headline_at is not None

    # --- The featured image's renditions (see image_variants) ---------------------------

    THUMB_WIDTH = 240
    # A card's picture slot at its widest (10rem on a wide screen, 6.5rem on a phone).
    CARD_SLOT_WIDTH = 160

    def _renditions(self, thumbnail: bool) -> list[tuple[str, int]]:
        """(storage name, width) of the WebP renditions, narrowest first: for a card (a
        slot of 104 to 160 px) the thumbnail and the small one, else the three widths."""
        if thumbnail:
            names = [self.image_small.name]
            if self.image_variants:
                names.insert(0, variant_name(self.image_small.name, self.THUMB_WIDTH))
        else:
            names = [self.image_small.name, self.image_medium.name, self.image.name]
        return [(name, _width_of(name)) for name in names if name]

    def image_files(self) -> list[str]:
        """Every stored file of the featured image (to delete them with it)."""
        names = [name for name, _width in self._renditions(thumbnail=False)]
        if self.image_variants:
            names.append(variant_name(self.image_small.name, self.THUMB_WIDTH))
        if self.image_variants == "avif":
            names += [avif_name(name) for name in names]
        return names

    def _srcset(self, avif: bool, thumbnail: bool) -> str:
        if avif and self.image_variants != "avif":
            return ""
        return ", ".join(
            f"{self.image.storage.url(avif_name(name) if avif else name)} {width}w"
            for name, width in self._renditions(thumbnail)
        )

    @property
    def image_srcset(self) -> str:
        return self._srcset(avif=False, thumbnail=False)

    @property
    def image_srcset_avif(self) -> str:
        return self._srcset(avif=True, thumbnail=False)

    @property
    def card_thumb(self) -> "Rendition | None":
        """The smallest rendition that fills a card's picture slot: the one a reader saving
        data gets when tapping a card's placeholder (240 px where stored, else 360)."""
        renditions = self._renditions(thumbnail=True)
        if not renditions:
            return None
        filling = [r for r in renditions if r[1] >= self.CARD_SLOT_WIDTH] or renditions[-1:]
        name, width = filling[0]
        width = width or self.THUMB_WIDTH
        # The slot is 3:2 whatever the picture's shape (the picture covers it).
        return Rendition(self.image.storage.url(name), width, width * 2 // 3)

    @property
    def thumb_srcset(self) -> str:
        return self._srcset(avif=False, thumbnail=True)

    @property
    def thumb_srcset_avif(self) -> str:
        return self._srcset(avif=True, thumbnail=True)

    def page_url(self, number: int | str) -> str:
        base = self.get_absolute_url()
        return base if number == 1 else f"{base}?page={number}"


SERIES_NAME_MAX = 100
SERIES_DESCRIPTION_MAX = 300
SERIES_PARTS_MAX = 100
SERIES_PER_WRITER_MAX = 100


class Series(models.Model):
    """A writer's named, ordered group of their own articles ("Seri"). Its address holds
    its id and a slug of its name (as an article's): a renamed series keeps its links."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("writer"),
        on_delete=models.CASCADE,
        related_name="series",
    )
    name = models.CharField(_("name"), max_length=SERIES_NAME_MAX)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.CharField(_("description"), max_length=SERIES_DESCRIPTION_MAX, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        indexes = [models.Index(fields=["owner", "updated_at", "id"], name="series_of_writer")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "articles:series",
            kwargs={"username": self.owner.username, "pk": self.pk, "slug": self.slug or "-"},
        )


class ArticlePage(models.Model):
    """One page of an article, rendered to safe HTML when the article is saved."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveSmallIntegerField()
    html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_page_unique")
        ]
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.article_id}/{self.number}"


class ArticleTagQuerySet(models.QuerySet["ArticleTag"]):
    def public_of(self, tag: "Tag") -> "ArticleTagQuerySet":
        """The tag's public links, down its "tag_latest" index.

        `is_public__in=[True]`, not `is_public=True`: Django writes the latter as the bare
        column (`WHERE "is_public" AND "tag_id" = …`), which SQLite does not match against
        the index's second column, so it read every link of the tag and sorted them in a
        temporary B-tree (150 ms for a tag of 14,000 articles, against 3 ms)."""
        return self.filter(tag=tag, is_public__in=[True])


class ArticleTag(models.Model):
    """A tag on an article, with the article's public state copied for keyset listings."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    is_public = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True)

    objects = ArticleTagQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "tag"], name="article_tag_unique")
        ]
        indexes = [
            models.Index(fields=["tag", "is_public", "published_at", "article"], name="tag_latest")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.tag_id}"


class Image(models.Model):
    """An image uploaded for use in an article's body; width and height go in the HTML."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="images"
    )
    file = models.ImageField(upload_to="images/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return str(self.file.name)


class SiteSettings(models.Model):
    """Texts the operator edits in the admin: the disclaimer and the promo line."""

    disclaimer = models.TextField(
        _("disclaimer"),
        default=(
            "Wacana adalah platform blog. Konten ini menjadi tanggung jawab penulis dan "
            "tidak mewakili pandangan redaksi."
        ),
    )
    promo_text = models.CharField(_("promo line"), max_length=200, blank=True)
    promo_url = models.URLField(_("promo link"), blank=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    CACHE_KEY = "site-settings:v1"

    def __str__(self) -> str:
        return str(_("Site settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        # Its texts are on kept pages; the pages answered before Django follow this version.
        pagecache.forget()

    @property
    def version(self) -> str:
        """Changes whenever the texts do: part of the article fragment's cache key."""
        text = "\x1f".join((self.disclaimer, self.promo_text, self.promo_url))
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

    @classmethod
    def current(cls) -> "SiteSettings":
        """The one row, from the cache; article pages must not query for it."""
        found: SiteSettings | None = cache.get(cls.CACHE_KEY)
        if found is None:
            found = cls.objects.order_by("pk").first() or cls()
            cache.set(cls.CACHE_KEY, found, 300)
        return found


class RatingKind(models.TextChoices):
    """The "Beri Nilai" choices; the Indonesian words are the product's names for them."""

    AKTUAL = "aktual", _("Aktual")
    BERMANFAAT = "bermanfaat", _("Bermanfaat")
    INSPIRATIF = "inspiratif", _("Inspiratif")
    MENARIK = "menarik", _("Menarik")
    MENGHIBUR = "menghibur", _("Menghibur")
    UNIK = "unik", _("Unik")
    TIDAK_MENARIK = "tidak_menarik", _("Tidak Menarik")


# Every kind is praise except Tidak Menarik; only praise counts towards rating_score.
POSITIVE_RATINGS = frozenset(RatingKind.values) - {RatingKind.TIDAK_MENARIK.value}


class Rating(models.Model):
    """One reader's rating of one article; Article.rating_counts sums them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="article_ratings"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="ratings")
    kind = models.CharField(_("rating"), max_length=20, choices=RatingKind.choices)
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="rating_one_per_reader"),
            models.CheckConstraint(
                condition=Q(kind__in=RatingKind.values), name="rating_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.article_id}:{self.kind}"


class SavedArticle(models.Model):
    """An article on a reader's reading list ("Simpan")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_articles"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="saved_by")
    saved_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved article")
        verbose_name_plural = _("saved articles")
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="saved_article_unique")
        ]
        indexes = [models.Index(fields=["user", "saved_at", "id"], name="saved_latest")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.article_id}"


class DailyViews(models.Model):
    """Counted views of one article on one day (Asia/Jakarta), for "popular today/this week"."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    # Not in the admin, so no translated names (the catalogue is not this module's to edit).
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="daily_views_unique")
        ]
        indexes = [
            models.Index(fields=["day", "views"], name="daily_views_popular"),
            # "Popular today" reads the top of one day in (views, article) order: with
            # the article in the index the tie-break needs no sort of the whole day.
            models.Index(fields=["day", "views", "article"], name="daily_views_top"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.day}:{self.views}"


class Revision(models.Model):
    """One kept state of an article's text, by whoever saved it (the writer or staff).

    Autosaves by the same person within a few minutes update one revision instead of
    adding one each (wacana.articles.revisions keeps the list bounded)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved"))
    saved_at = models.DateTimeField()
    autosave = models.BooleanField(default=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("body"), blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [models.Index(fields=["article", "-id"], name="revision_latest")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.saved_at:%Y-%m-%d %H:%M}"
