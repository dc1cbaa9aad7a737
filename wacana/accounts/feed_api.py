"""GET /api/v1/me/feed. Its own router: it lists articles, whose
schemas import the accounts router, so living there would make an import cycle."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from wacana.accounts.api import ERRORS
from wacana.accounts.auth import signed_in
from wacana.accounts.feed import feed_page
from wacana.accounts.models import User
from wacana.articles.api import ArticleListing
from wacana.lib.apierrors import invalid
from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor

router = Router(tags=["accounts"])


class FeedQuery(Schema):
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


@router.get("/me/feed", response={200: ArticleListing, **ERRORS}, auth=signed_in)
def feed(request: HttpRequest, query: Query[FeedQuery]) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    try:
        page = feed_page(user, query.cursor, query.limit)
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": page.items, "next_cursor": page.next_cursor}
