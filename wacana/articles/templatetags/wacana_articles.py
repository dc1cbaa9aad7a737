from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def thousands(value: int) -> str:
    """1234 -> "1.234" in Indonesian, "1,234" in English."""
    return number_format(value or 0, force_grouping=True)
