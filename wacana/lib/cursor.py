"""Keyset (cursor) pagination: page 1,000 costs what page 1 costs.

A cursor is the sort key of the last item shown, (time, id), encoded opaquely. The
next page asks for rows strictly after it in (time desc, id desc) order, which an index
on (..., time, id) answers as one range scan, whatever the depth.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from wacana.lib.refusal import Invalid

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def page_size() -> int:
    """Items on a page of the site's listings: `WACANA_PAGE_SIZE` where set (tests set a
    small one, so a walk over every page needs few rows), else DEFAULT_LIMIT."""
    return int(getattr(settings, "WACANA_PAGE_SIZE", DEFAULT_LIMIT))


class BadCursor(Invalid, ValueError):
    """A cursor we did not make: at the field "cursor" in the API, a 404 on pages."""

    field = "cursor"

    def __init__(self, cursor: object = "") -> None:
        super().__init__()
        self.cursor = cursor

    def default_message(self) -> str:
        return _("This cursor is not valid; start again without it.")


def no_such_page() -> Http404:
    """What a page raises for a cursor it did not make: a 404 with one sentence."""
    return Http404(_("This page of the list does not exist."))


def checked_limit(limit: int) -> int:
    """`limit` when it is from 1 to MAX_LIMIT; else an Invalid refusal at the field "limit"."""
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid(_("Use a limit from 1 to 100."), field="limit")
    return limit


@dataclass(frozen=True)
class Key:
    at: datetime | int
    id: int


def encode(key: Key) -> str:
    value = f"d{key.at.isoformat()}" if isinstance(key.at, datetime) else f"i{int(key.at)}"
    raw = f"{value}|{key.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> Key:
    if not cursor or len(cursor) > 100:
        raise BadCursor(cursor)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        value_text, id_text = raw.split("|")
        kind, value_text = value_text[:1], value_text[1:]
        at: datetime | int
        if kind == "d":
            at = datetime.fromisoformat(value_text)
            if at.tzinfo is None:
                raise BadCursor(cursor)
        elif kind == "i":
            at = int(value_text)
        else:
            raise BadCursor(cursor)
        key = Key(at, int(id_text))
    except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError) as error:
        raise BadCursor(cursor) from error
    # Ids and counts are 64-bit signed in every database we run on.
    if not 0 <= key.id < 2**63 or (isinstance(key.at, int) and not 0 <= key.at < 2**63):
        raise BadCursor(cursor)
    return key


def after(key: Key, time_field: str, id_field: str) -> Q:
    # (t, id) < (key.at, key.id), written so that the planner sees a range on t.
    return Q(**{f"{time_field}__lt": key.at}) | Q(**{time_field: key.at, f"{id_field}__lt": key.id})


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None


def paginate(
    queryset: QuerySet[Any],
    cursor: str | None,
    limit: int | None = None,
    time_field: str = "published_at",
    id_field: str = "id",
) -> Page:
    """One page of `queryset` (newest first); raises BadCursor for a cursor we didn't make."""
    limit = max(1, min(MAX_LIMIT, page_size() if limit is None else limit))
    if cursor:
        key = decode(cursor)
        if isinstance(key.at, datetime) != _is_time(queryset.model, time_field):
            raise BadCursor(cursor)  # a cursor made for another sort order
        queryset = queryset.filter(**{f"{time_field}__lte": key.at}).filter(
            after(key, time_field, id_field)
        )
    rows = list(queryset.order_by(f"-{time_field}", f"-{id_field}")[: limit + 1])
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = encode(Key(_get(last, time_field), _get(last, id_field)))
    return Page(items, next_cursor)


def _is_time(model: Any, path: str) -> bool:
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return isinstance(model._meta.get_field(name), models.DateTimeField)


def _get(obj: Any, path: str) -> Any:
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj
