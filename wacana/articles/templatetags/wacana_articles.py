from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def thousands(value: int) -> str:
    """1234 -> "1.234" in Indonesian, "1,234" in English."""
    return number_format(value or 0, force_grouping=True)


@register.filter
def rating_total(counts: dict[str, int] | None) -> int:
    """All ratings an article received, from its stored per-kind counts (no query)."""
    return sum(counts.values()) if counts else 0
