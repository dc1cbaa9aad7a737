"""Discovery endpoints of the JSON API: search (GET /api/v1/search) and the following
feed (GET /api/v1/me/feed)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from wacana.accounts.api import ERRORS
from wacana.accounts.auth import api_user, signed_in
from wacana.articles.api import ArticleListing, ArticleSummary
from wacana.discovery import search
from wacana.discovery.following import feed_page
from wacana.discovery.forms import SearchForm
from wacana.discovery.limits import check_search_limit
from wacana.lib.apierrors import form_errors, invalid
from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor

router = Router(tags=["discovery"])


class SearchResult(ArticleSummary):
    # The body around the first match, HTML-escaped but for <mark> around matching words.
    snippet: str
    # The title, escaped the same way, with its matching words marked.
    title_html: str

    @staticmethod
    def resolve_snippet(article: Any) -> str:
        return str(article.search_snippet)

    @staticmethod
    def resolve_title_html(article: Any) -> str:
        return str(article.search_title)


class SearchListing(Schema):
    items: list[SearchResult]
    next_cursor: str | None


class SearchQuery(Schema):
    q: str = ""
    category: str = ""
    author: str = ""
    date_from: str = Field("", alias="from")
    date_to: str = Field("", alias="to")
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


# The operation ids are the ones these endpoints had before they moved here (clients
# generated from the OpenAPI document use them).
@router.get(
    "/search",
    response={200: SearchListing, **ERRORS},
    auth=None,
    operation_id="wacana_discovery_api_search_search_articles",
)
def search_articles(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    """Public articles matching `q` (Indonesian stemming: `bermain` finds `permainan`),
    best match first: all words in the title, then some, then body only; newest first
    within each. Filters: category (rubric or sub-category slug), author (username),
    from/to (YYYY-MM-DD, days in Asia/Jakarta)."""
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    form = SearchForm(
        {
            "q": query.q,
            "category": query.category,
            "author": query.author,
            "from": query.date_from,
            "to": query.date_to,
        }
    )
    if not form.is_valid():
        raise invalid(form_errors(form))
    if not form.cleaned_data["q"].strip():
        raise invalid({"q": [_("Type a word to search for.")]})
    check_search_limit(request)
    try:
        page = search.search(form.terms, form.filters(), query.cursor, query.limit)
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": page.items, "next_cursor": page.next_cursor}


class FeedQuery(Schema):
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


# The following feed (/mengikuti as a page): a listing, so discovery's; under the
# "accounts" tag, where the API's readers have always found it.
@router.get(
    "/me/feed",
    response={200: ArticleListing, **ERRORS},
    auth=signed_in,
    tags=["accounts"],
    operation_id="wacana_accounts_feed_api_feed",
)
def feed(request: HttpRequest, query: Query[FeedQuery]) -> dict[str, Any]:
    user = api_user(request)
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    try:
        page = feed_page(user, query.cursor, query.limit)
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": page.items, "next_cursor": page.next_cursor}
