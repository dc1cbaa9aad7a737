"""sitemap.xml: an index over paged sitemaps that stays cheap at millions of articles.

Django's sitemaps page with COUNT(*) and OFFSET, whose cost grows with the depth of the
page. Here the big sections (articles, tags, writers) are paged by ranges of ids
instead: page N holds the public rows with id in [(N-1)·S+1, N·S]. The index needs one
MAX(id) per section (the end of the primary key) and each page is one range scan of
the primary key, whatever N is. Pages can be sparse, or even empty, where rows were
deleted, hidden or never published; that is allowed by the protocol.

The framework's own views write the XML: the index with its own template, the pages
with a leaner copy of its sitemap.xml (the same elements, without the branches for
changefreq, priority and hreflang alternates that Wacana does not use). Rows of the big
sections are read as tuples and their path and lastmod written out in Python, not by
the template: a 5,000-URL page rendered through model instances, reverse() and the
`date` filter cost most of a second of CPU. Pages therefore carry no Last-Modified
header (the framework sets it only from lastmod datetimes); ConditionalGetMiddleware's
ETag, a hash of the content, answers conditional GETs exactly, a hidden article
included. Absolute URLs use the request's scheme and host (django.contrib.sites is not
installed, so the framework uses a RequestSite).
"""

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wacana.accounts.models import User
from wacana.articles.models import Article, Category, Tag
from wacana.lib import pagecache

PAGE_SIZE = 5_000
_PAGE_RE = re.compile(r"^[0-9]{1,9}$", re.ASCII)


class Entry(NamedTuple):
    """One URL of an id-range page: its path and its lastmod already written out."""

    path: str
    lastmod: str = ""


class IdRangePage:
    def __init__(self, object_list: Sequence[Entry]) -> None:
        self.object_list = object_list


class IdRangePaginator:
    """The part of Django's Paginator that the sitemaps framework uses, by id ranges."""

    def __init__(
        self, queryset: QuerySet[Any], max_id: int, size: int, entry: Callable[[Any], Entry]
    ) -> None:
        self.queryset = queryset
        self.size = size
        self.entry = entry
        self.num_pages = max(1, -(-max_id // size))

    def page(self, number: Any) -> IdRangePage:
        text = str(number)
        if not _PAGE_RE.match(text):
            raise PageNotAnInteger(text)
        page = int(text)
        if not 1 <= page <= self.num_pages:
            raise EmptyPage(text)
        low, high = (page - 1) * self.size + 1, page * self.size
        rows = self.queryset.filter(pk__gte=low, pk__lte=high).order_by("pk")
        return IdRangePage([self.entry(row) for row in rows])


class IdRangeSitemap(Sitemap[Entry]):
    """Rows are read as tuples and written out as Entry, not as model instances whose
    URLs and dates the template would format one by one: a page holds thousands."""

    model: type[Any]

    def public(self) -> QuerySet[Any]:
        raise NotImplementedError

    def entry(self, row: Any) -> Entry:
        raise NotImplementedError

    @property
    # A property where Django's Sitemap has a cached_property of its Paginator.
    def paginator(self) -> IdRangePaginator:  # type: ignore[override]  # see above
        cached = self.__dict__.get("_paginator")
        if cached is None:
            max_id = self.model.objects.aggregate(top=Max("pk"))["top"] or 0
            cached = self.__dict__["_paginator"] = IdRangePaginator(
                self.public(), max_id, PAGE_SIZE, self.entry
            )
        return cached

    def location(self, item: Entry) -> str:
        return item.path

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default reads every item; the index does without a lastmod here.
        return None


class ArticleSitemap(IdRangeSitemap):
    model = Article

    def public(self) -> QuerySet[Any]:
        return (
            Article.objects.published()
            .filter(author__is_active=True)
            .values_list("id", "author__username", "slug", "published_at", "updated_at")
        )

    def entry(self, row: tuple[Any, ...]) -> Entry:
        # Article.get_absolute_url() without a reverse() per row (the tests compare them);
        # the date of the last edit, or of publication, in the site's time zone.
        pk, username, slug, published, updated = row
        when: datetime = updated or published
        local = when.astimezone(timezone.get_default_timezone())
        return Entry(f"/{username}/{pk}/{slug or '-'}", f"{local:%Y-%m-%d}")


class TagSitemap(IdRangeSitemap):
    model = Tag

    def public(self) -> QuerySet[Any]:
        # article_count counts published articles (moved by the article actions).
        return Tag.objects.filter(article_count__gt=0).values_list("slug", flat=True)

    def entry(self, row: str) -> Entry:
        return Entry(f"/tag/{row}")


class WriterSitemap(IdRangeSitemap):
    model = User

    def public(self) -> QuerySet[Any]:
        return User.objects.active().filter(article_count__gt=0).values_list("username", flat=True)

    def entry(self, row: str) -> Entry:
        return Entry(f"/{row}")


class CategorySitemap(Sitemap[Category]):
    def items(self) -> QuerySet[Category]:
        return Category.objects.only("id", "slug").order_by("position", "pk")


class StaticSitemap(Sitemap[str]):
    def items(self) -> list[str]:
        return [
            "discovery:home",
            "pages:about",
            "pages:guidelines",
            "pages:terms",
            "pages:privacy",
            "moderation:transparency",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
    "halaman": StaticSitemap,
    "kategori": CategorySitemap,
    "artikel": ArticleSitemap,
    "tag": TagSitemap,
    "penulis": WriterSitemap,
}


@require_safe
@pagecache.kept_for_anonymous()
def index(request: HttpRequest) -> HttpResponse:
    response: HttpResponse = sitemap_views.index(
        request, SITEMAPS, sitemap_url_name="discovery:sitemap_section"
    )
    return response


@require_safe
@pagecache.kept_for_anonymous(("p",))
def section(request: HttpRequest, section: str) -> HttpResponse:
    # One rule for every section: Django's own paginator would also take " 1" or "1.0".
    if "p" in request.GET and not _PAGE_RE.match(request.GET["p"]):
        raise Http404(_("This page of the sitemap does not exist."))
    response: HttpResponse = sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name="discovery/sitemap.xml"
    )
    return response
