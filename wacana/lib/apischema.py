"""The API's input rules, declared once: each is a pydantic constraint, so ninja checks it
before a handler runs (422 in the API's error shape) and the same declaration is what
the OpenAPI document shows (maxLength, pattern, minimum, maximum, enum).

The limits themselves are the models' and forms' constants (TITLE_MAX, BIO_MAX, ...),
imported by each app's api.py; the forms then apply the rules a document cannot state
(a category that exists, a password that is not too common). Lengths count characters
as sent, before the forms trim spaces or drop control characters, so the document is
exact: what it allows is never refused for its length, and what it forbids never
passes. `wacana/lib/tests/test_api_schema.py` checks each limit against its form.
"""

from typing import Annotated, Any

from pydantic import Field

from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT

# One character that stays once a form has dropped the control characters XML forbids
# (wacana.lib.text) and trimmed the spaces (Python's str.strip): a text matching this
# (the pattern is searched, not anchored) is not blank. Written for every regex dialect
# that reads it: JSON Schema's, pydantic's (Rust) and Python's.
_BLANK = r"\x00-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufffe\uffff"
NOT_BLANK = f"[^{_BLANK}]"


def not_blank(also_dropped: str = "") -> str:
    """NOT_BLANK for a field whose form also drops `also_dropped` (a regex class body)."""
    return f"[^{_BLANK}{also_dropped}]"


BIGINT_MAX = 2**63 - 1

# A cursor is what a listing gave as next_cursor (URL-safe base64 of its sort key).
CURSOR_MAX = 100
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def text(
    max_length: int,
    *,
    required: bool = False,
    pattern: str | None = None,
    description: str | None = None,
) -> Any:
    """The constraint of a text field of at most `max_length` characters; `required` text
    is not blank. Use as `Annotated[str, text(TITLE_MAX, required=True)]`."""
    return Field(
        max_length=max_length,
        min_length=1 if required else None,
        pattern=pattern or (NOT_BLANK if required else None),
        description=description,
    )


def omittable(description: str | None = None) -> Any:
    """The default of a PATCH field: it may be left out (unchanged), never sent as null
    (the document shows no default, and the type has no null)."""
    if description is None:
        return Field(None, json_schema_extra=_no_default)
    return Field(None, description=description, json_schema_extra=_no_default)


Limit = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_LIMIT,
        description=f"How many items a page holds: 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
    ),
]

Cursor = Annotated[
    str | None,
    Field(
        min_length=1,
        max_length=CURSOR_MAX,
        pattern=CURSOR_PATTERN,
        description=(
            "Leave out for the first page; then send the `next_cursor` of the page before. "
            "Opaque: a cursor the server did not make is answered 422."
        ),
    ),
]

Id = Annotated[int, Field(ge=1, le=BIGINT_MAX)]
