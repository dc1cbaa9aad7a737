from typing import Any

from django import template
from django.utils.formats import number_format

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
