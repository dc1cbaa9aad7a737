"""What the Indonesian interface says, as the catalogue stands (tests compare with it
rather than copying translations)."""

from typing import Any

from django.utils import translation


def indonesian(message: str, **params: Any) -> str:
    """What the Indonesian interface shows for `message` (with `params` filled in)."""
    with translation.override("id"):
        text = translation.gettext(message)
    return text % params if params else text


def indonesian_plural(singular: str, plural: str, count: int, **params: Any) -> str:
    with translation.override("id"):
        return translation.ngettext(singular, plural, count) % params
