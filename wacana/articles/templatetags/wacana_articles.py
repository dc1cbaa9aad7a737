import re
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from wacana.articles.listings import by_author
from wacana.lib import cursor

register = template.Library()


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
