import hashlib
import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from wacana.articles.listings import by_author
from wacana.lib import cursor

register = template.Library()

# Part of every card's key: change it when includes/article_card.html (or what it
# includes) changes, so no card rendered by the old template is served.
CARD_TEMPLATE_VERSION = "c1"
# Bounds what an unused card keeps in the cache: a change of the card changes its key.
CARD_SECONDS = 3600


def card_key(item: Any, *, save_data: bool, show_author: bool) -> str:
    """The key of an article's card: everything the card shows, so a change of any of it
    (an edit, a new picture, the count of reads, curation, the writer's or the
    category's name) is a new card everywhere, at once. Built from loaded columns only."""
    author, category = item.author, item.category
    shown = (
        item.pk,
        item.title,
        item.slug,
        item.published_at,
        item.updated_at,
        item.view_count,
        item.picked_at,
        item.headline_at,
        item.__dict__.get("image_small"),
        item.__dict__.get("image"),
        item.image_variants,
        author.username,
        author.display_name,
        author.verified,
        category.slug,
        category.name,
        save_data,
        show_author,
        get_language(),
    )
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"card:{CARD_TEMPLATE_VERSION}:{digest}"


@register.simple_tag(takes_context=True)
def article_cards(context: template.Context, items: Iterable[Any], show_author: bool = True) -> str:
    """The cards of a listing, each rendered once and kept (CARD_SECONDS), keyed by what
    it shows (`card_key`): a page of 20 cards costs one cache read and a render of the
    cards not kept yet. Nothing per reader is in a card (the reading list, which adds
    its own row and form, includes the card template itself)."""
    items = list(items)
    save_data = bool(context.get("save_data"))
    keys = [card_key(item, save_data=save_data, show_author=show_author) for item in items]
    found = cache.get_many(keys) if keys else {}
    rendered: dict[str, str] = {}
    card = get_template("includes/article_card.html")
    parts = []
    for item, key in zip(items, keys, strict=True):
        html = found.get(key) or rendered.get(key)
        if html is None:
            html = card.render({"item": item, "save_data": save_data, "show_author": show_author})
            rendered[key] = html
        parts.append(html)
    if rendered:
        cache.set_many(rendered, CARD_SECONDS)
    # Each part is the card template's own output (escaped by it).
    return mark_safe("".join(parts))  # noqa: S308


@register.simple_tag(takes_context=True)
def writer_articles(context: template.Context, writer: Any) -> cursor.Page:
    """A writer's published articles, one page (the cursor from the query string): the
    articles' part of the profile page, which accounts (a lower layer) renders. A cursor
    we did not make is a 404, as for every listing."""
    return by_author(writer, context["request"].GET.get("cursor"))


@register.filter
def thousands(value: int) -> str:
    """1234 -> "1.234" in Indonesian, "1,234" in English."""
    return number_format(value or 0, force_grouping=True)


@register.filter
def rating_total(counts: dict[str, int] | None) -> int:
    """All ratings an article received, from its stored per-kind counts (no query)."""
    return sum(counts.values()) if counts else 0


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\b(src|alt|width|height)="([^"]*)"')


def _placeholder(match: re.Match[str]) -> str:
    # The stored body is sanitised HTML: its attribute values are escaped already.
    found = dict(_ATTRIBUTE.findall(match.group(0)))
    src = found.get("src", "")
    if not src:
        return match.group(0)
    alt = found.get("alt", "")
    label = escape(gettext("Show image"))
    return (
        f'<a class="img-off" href="{src}" data-src="{src}" data-w="{found.get("width", "")}"'
        f' data-h="{found.get("height", "")}" data-alt="{alt}">{label}'
        + (f'<span class="img-off-alt">: {alt}</span>' if alt else "")
        + "</a>"
    )


# A picture that is itself a link ([![alt](src)](href)): links cannot nest, so it
# becomes the words of its link.
_LINKED_IMG = re.compile(r"(<a\b[^>]*>\s*)(<img\b[^>]*>)")


def _linked_placeholder(match: re.Match[str]) -> str:
    alt = dict(_ATTRIBUTE.findall(match.group(2))).get("alt", "")
    return f'{match.group(1)}<span class="img-off">{alt or escape(gettext("Show image"))}</span>'


@register.filter
def light_images(body: str) -> SafeString:
    """Saving data: every picture of a rendered body becomes a link to it ("Show image"),
    which light.js turns into the picture when tapped."""
    body = _LINKED_IMG.sub(_linked_placeholder, body)
    return mark_safe(_IMG.sub(_placeholder, body))  # noqa: S308 (sanitised at save)
