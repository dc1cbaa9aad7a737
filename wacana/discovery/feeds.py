"""Atom 1.0 feeds: the whole site, a category (a rubric with its sub-categories), a tag
and a writer. Each holds the latest public articles, newest first.

One feed object is made per request (it knows the request's scheme and host, for the
absolute links Atom needs). Its entries are loaded once, in a bounded number of queries
whatever the size of the site; a fingerprint of them gives the ETag and the newest entry
the Last-Modified, so a feed reader that already has this version gets a 304 before any
XML is written.

Content: each entry carries the excerpt as its summary, which keeps a feed of 20 entries
to a few kilobytes (issue 15: under 40 KB, where the first pages made it 182 KB). An
operator who wants whole articles in feed readers sets WACANA_FEED_CONTENT=first-page:
then each entry also carries the first page of the article as its content, when that
page is at most CONTENT_MAX characters of HTML (most are); a longer first page, and the
pages after the first, are left to the link. That bounds a feed at about ENTRIES *
CONTENT_MAX characters.
"""

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponsePermanentRedirect,
)
from django.http.request import split_domain_port
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe

from wacana.accounts.models import NO_SUCH_WRITER, User
from wacana.articles.models import (
    Article,
    ArticlePage,
    ArticleTag,
    Category,
    CategoryAlias,
    Tag,
)
from wacana.lib import pagecache
from wacana.lib.text import xml_safe

ENTRIES = 20
CONTENT_MAX = 20_000

# Links and pictures in article HTML are site-relative ("/media/...", "/user/1/slug").
_RELATIVE = re.compile(r'(\s(?:src|href))="/(?!/)')


def _named_title(name: str) -> str:
    """A feed's title: the category's or the writer's name, then the site's."""
    return _("%(name)s · Wacana") % {"name": name}


class XmlSafeGenerator(SimplerXMLGenerator):
    """Writes text and attribute values without the characters XML 1.0 forbids.

    Input is cleaned on save, but rows stored before (or written some other way) may
    still hold them: Django's writer would raise on a control character (a 500 for every
    feed listing the article) and write U+FFFE as is (ill-formed XML)."""

    def characters(self, content: str) -> None:
        super().characters(xml_safe(content) if content else content)

    def startElement(self, name: str, attrs: Any) -> None:
        if attrs:
            attrs = {key: xml_safe(str(value)) for key, value in attrs.items()}
        super().startElement(name, attrs)


class WacanaAtomFeed(Atom1Feed):
    """Atom1Feed plus <content type="html"> and categories with a label and scheme,
    written so that no stored text can make it fail or ill-formed."""

    def write(self, outfile: Any, encoding: str) -> None:
        # Atom1Feed.write with our generator.
        handler = XmlSafeGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for term, label, scheme in item.get("labelled_categories", ()):
            handler.addQuickElement(
                "category", "", {"term": term, "label": label, "scheme": scheme}
            )
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


def _feed_articles() -> Any:
    articles = (
        Article.objects.published()
        .filter(author__is_active=True)
        .select_related("author", "category__parent")
        .defer("body")
    )
    if settings.FEED_CONTENT != "first-page":
        return articles
    first_page = Prefetch(
        "pages", queryset=ArticlePage.objects.filter(number=1), to_attr="first_pages"
    )
    return articles.prefetch_related(first_page)


class ArticleFeed(Feed[Article, Any]):
    """What every Wacana feed shares; subclasses say which articles and how it is named."""

    feed_type = WacanaAtomFeed

    def __init__(self, request: HttpRequest) -> None:
        super().__init__()
        self.base = f"{request.scheme}://{request.get_host()}"
        # The tag URI's authority: the host name without its port.
        self.host = split_domain_port(request.get_host())[0].strip("[]") or "wacana"
        self.entries: list[Article] = []

    # -- what subclasses fill in --------------------------------------------------------

    def find(self, **kwargs: Any) -> Any:
        return None

    def articles(self, obj: Any) -> list[Article]:
        raise NotImplementedError

    def title(self, obj: Any) -> str:
        raise NotImplementedError

    def subtitle(self, obj: Any) -> str:
        raise NotImplementedError

    # -- the feed ----------------------------------------------------------------------

    def items(self, obj: Any) -> list[Article]:
        return self.entries

    def feed_guid(self, obj: Any) -> str:
        return self.base + self.link(obj)

    def link(self, obj: Any) -> str:
        raise NotImplementedError

    def item_title(self, item: Article) -> str:
        return item.title  # Atom titles are text: the XML writer escapes them

    def item_description(self, item: Article) -> str:
        return escape(item.excerpt)

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Article) -> str:
        # A tag URI (RFC 4151) that survives a change of title, slug or username.
        assert item.published_at is not None
        return f"tag:{self.host},{item.published_at:%Y-%m-%d}:article:{item.pk}"

    def item_author_name(self, item: Article) -> str:
        return item.author.name

    def item_author_link(self, item: Article) -> str:
        return self.base + item.author.get_absolute_url()

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.updated_at or item.published_at

    def item_extra_kwargs(self, item: Article) -> dict[str, Any]:
        categories = []
        category = item.category
        if category.parent is not None:
            parent = category.parent
            categories.append((parent.slug, parent.name, self.base + "/kategori/"))
        categories.append((category.slug, category.name, self.base + "/kategori/"))
        for tag in item.tag_list:
            categories.append((tag["slug"], tag["name"], self.base + "/tag/"))
        return {"labelled_categories": categories, "content": self._content(item)}

    def _content(self, item: Article) -> str | None:
        pages = getattr(item, "first_pages", [])
        if not pages or len(pages[0].html) > CONTENT_MAX:
            return None
        html = _RELATIVE.sub(rf'\1="{self.base}/', pages[0].html)
        if item.page_count > 1:
            html += '<p><a href="{}">{}</a></p>'.format(
                escape(self.base + item.page_url(2)),
                escape(_("Continue to page 2 of %(pages)d") % {"pages": item.page_count}),
            )
        return html

    # -- serving -------------------------------------------------------------------------

    def fingerprint(self, obj: Any) -> str:
        parts = [
            get_language() or "",
            self.base,
            self.title(obj),
            self.subtitle(obj),
        ]
        for item in self.entries:
            parts.append(
                "|".join(
                    str(value)
                    for value in (
                        item.pk,
                        item.published_at,
                        item.updated_at,
                        item.title,
                        item.slug,
                        item.author.username,
                        item.author.name,
                        item.category_id,
                        item.category.name,
                        item.page_count,
                    )
                )
            )
        return hashlib.blake2b("\x1e".join(parts).encode(), digest_size=16).hexdigest()

    def newest(self) -> datetime | None:
        dates = [item.updated_at or item.published_at for item in self.entries]
        return max((d for d in dates if d is not None), default=None)

    def serve(self, request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
        try:
            obj = self.find(**kwargs)
        except Moved as moved:
            return HttpResponsePermanentRedirect(moved.url)
        self.entries = self.articles(obj)
        etag = quote_etag(self.fingerprint(obj))
        newest = self.newest()
        last_modified = int(newest.timestamp()) if newest else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            generator = self.get_feed(obj, request)
            response = HttpResponse(content_type=WacanaAtomFeed.content_type)
            generator.write(response, "utf-8")
        # A 304 carries the validators too (RFC 9110), so caches can keep using them.
        response.headers["ETag"] = etag
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(last_modified)
        return response


class SiteFeed(ArticleFeed):
    def title(self, obj: Any) -> str:
        return _("Wacana: the latest articles")

    def subtitle(self, obj: Any) -> str:
        return _("New articles by writers from all over Indonesia, on Wacana.")

    def link(self, obj: Any = None) -> str:
        return "/"

    def articles(self, obj: Any) -> list[Article]:
        return list(_feed_articles().latest_first()[:ENTRIES])


class Moved(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class CategoryFeed(ArticleFeed):
    def find(self, **kwargs: Any) -> Category:
        found = Category.objects.filter(slug=kwargs["slug"]).first()
        if found is None:
            # A renamed or moved category keeps its old feed address, as its page does.
            alias = CategoryAlias.objects.select_related("category").filter(slug=kwargs["slug"])
            moved = alias.first()
            if moved is None:
                raise Http404(_("There is no such category."))
            raise Moved(reverse("discovery:category_feed", kwargs={"slug": moved.category.slug}))
        return found

    def title(self, obj: Category) -> str:
        return _named_title(obj.name)

    def subtitle(self, obj: Category) -> str:
        return obj.description or _("The latest %(name)s articles on Wacana.") % {"name": obj.name}

    def link(self, obj: Category) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Category) -> list[Article]:
        # A rubric's feed takes in its sub-categories (Article.rubric is copied for that).
        return list(_feed_articles().in_category(obj).latest_first()[:ENTRIES])


class TagFeed(ArticleFeed):
    def find(self, **kwargs: Any) -> Tag:
        found = Tag.objects.public().filter(slug=kwargs["slug"]).first()
        if found is None:
            raise Http404(_("There is no such tag."))
        return found

    def title(self, obj: Tag) -> str:
        return _("#%(name)s · Wacana") % {"name": obj.name}

    def subtitle(self, obj: Tag) -> str:
        return _("Articles tagged #%(name)s on Wacana.") % {"name": obj.name}

    def link(self, obj: Tag) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Tag) -> list[Article]:
        # The tag's own index (tag, is_public, published_at, article) finds the newest.
        links = ArticleTag.objects.public_of(obj).order_by("-published_at", "-article_id")
        ids = list(links.values_list("article_id", flat=True)[:ENTRIES])
        found = {article.pk: article for article in _feed_articles().filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


class WriterFeed(ArticleFeed):
    def find(self, **kwargs: Any) -> User:
        person = User.objects.active().filter(username=kwargs["username"]).first()
        if person is None:
            raise Http404(str(NO_SUCH_WRITER))
        return person

    def title(self, obj: User) -> str:
        return _named_title(obj.name)

    def subtitle(self, obj: User) -> str:
        return obj.tagline or _("Articles by %(name)s on Wacana.") % {"name": obj.name}

    def link(self, obj: User) -> str:
        return obj.get_absolute_url()

    def author_name(self, obj: User) -> str:
        return obj.name

    def author_link(self, obj: User) -> str:
        return self.base + obj.get_absolute_url()

    def articles(self, obj: User) -> list[Article]:
        return list(_feed_articles().by(obj).latest_first()[:ENTRIES])


def _view(feed_class: type[ArticleFeed]) -> Callable[..., HttpResponseBase]:
    @require_safe
    @pagecache.kept_for_anonymous()
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
        return feed_class(request).serve(request, **kwargs)

    view.__name__ = view.__qualname__ = f"{feed_class.__name__.lower()}_view"
    return view


site_feed = _view(SiteFeed)
category_feed = _view(CategoryFeed)
tag_feed = _view(TagFeed)
_writer_feed = _view(WriterFeed)


@require_safe
def writer_feed(request: HttpRequest, username: str) -> HttpResponseBase:
    if username != username.lower():
        return redirect("discovery:writer_feed", username=username.lower(), permanent=True)
    return _writer_feed(request, username=username)
