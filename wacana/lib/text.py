"""Text as people submit it, made safe to store and to serve in any format.

XML 1.0 (and so the Atom feeds, the sitemaps and any export in XML) cannot carry C0
control characters other than tab, line feed and carriage return, nor U+FFFE, U+FFFF
or lone surrogates: a title holding U+000B made every feed listing it answer 500, one
holding U+FFFE made them ill-formed. None of these characters means anything on a page,
so every text field drops them on input; the feed writer drops them again on output,
for rows stored before.
"""

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy

# Everything outside XML 1.0's Char production, except what Python strings cannot hold
# beyond U+10FFFF anyway.
_XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# On input NUL is left for the fields to refuse with a message ("Null characters are not
# allowed", as the API's parser does): it is never typed, only sent by hand.
_INPUT_FORBIDDEN_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Text a field cannot store (lone surrogates, NUL), refused the same way on pages and API.
NOT_ALLOWED_CHARACTERS = gettext_lazy("This text contains characters that are not allowed.")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (linear: one regex pass)."""
    return _XML_FORBIDDEN_RE.sub("", text)


def xml_safe_value(value: Any) -> Any:
    """A submitted string, or each string of a list or tuple (tags), without what XML
    forbids except NUL (refused by the fields instead)."""
    if isinstance(value, str):
        return _INPUT_FORBIDDEN_RE.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe_value(item) for item in value)
    return value


class XmlSafeInput:
    """Mix into a form: the submitted text loses what XML forbids before any field sees
    it, so lengths are checked and values stored clean. Passwords are left alone (they
    are hashed, never shown, and must match what the person types)."""

    base_fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        data = kwargs.get("data", args[0] if args else None)
        if isinstance(data, Mapping):
            cleaned = self._xml_safe_data(data)
            if "data" in kwargs or not args:
                kwargs["data"] = cleaned
            else:
                args = (cleaned, *args[1:])
        super().__init__(*args, **kwargs)

    def _xml_safe_data(self, data: Mapping[str, Any]) -> Any:
        keep = {
            name
            for name, field in self.base_fields.items()
            if isinstance(field.widget, forms.PasswordInput)
        }
        if isinstance(data, MultiValueDict):  # a QueryDict: several values per key
            copy = data.copy()
            for key, values in data.lists():
                if key not in keep:
                    copy.setlist(key, [xml_safe_value(value) for value in values])
            return copy
        return {key: value if key in keep else xml_safe_value(value) for key, value in data.items()}
