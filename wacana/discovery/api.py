"""Discovery endpoints of the JSON API: search (GET /api/v1/search) and the following
feed (GET /api/v1/me/feed)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.validators import USERNAME_MAX
from wacana.articles.api import ArticleListing, ArticleSummary
from wacana.articles.models import Article
from wacana.discovery import search
from wacana.discovery.following import feed_page
from wacana.discovery.forms import SearchForm
from wacana.discovery.limits import check_search_limit
from wacana.lib.apierrors import ERRORS, form_errors, invalid
from wacana.lib.apischema import NOT_BLANK, Cursor, Limit
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit

router = Router(tags=["discovery"])


class SearchResult(ArticleSummary):
    snippet: str = Field(
        description="The body around the first match, HTML-escaped but for <mark> around matches."
    )
    title_html: str = Field(
        description="The title, escaped the same way, with its matching words marked."
    )

    # Made from a hit by `of`: ArticleSummary's fields from its article, these from it.
    @staticmethod
    def resolve_snippet(article: Article, context: dict[str, search.Hit]) -> str:
        return str(context["hit"].snippet_html)

    @staticmethod
    def resolve_title_html(article: Article, context: dict[str, search.Hit]) -> str:
        return str(context["hit"].title_html)

    @classmethod
    def of(cls, hit: search.Hit) -> "SearchResult":
        return cls.model_validate(hit.article, context={"hit": hit})


class SearchListing(Schema):
    items: list[SearchResult]
    next_cursor: str | None


DATE_PATTERN = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"  # empty: no bound


class SearchQuery(Schema):
    q: str = Field(
        min_length=1,
        max_length=search.MAX_QUERY_CHARS,
        pattern=NOT_BLANK,
        description=(
            f"The words to find (at most {search.MAX_TERMS} words). Words the search "
            "ignores (such as yang, dan) alone: 422."
        ),
    )
    category: str = Field(
        "",
        max_length=60,
        pattern=r"^[-a-zA-Z0-9_]*$",
        description="A rubric's or sub-category's slug (GET /api/v1/categories); unknown: 422.",
    )
    author: str = Field(
        "",
        max_length=USERNAME_MAX,
        pattern=r"^[A-Za-z0-9_.]*$",
        description="A writer's username; unknown: 422.",
    )
    date_from: str = Field(
        "",
        alias="from",
        pattern=DATE_PATTERN,
        description="Published on or after this day (YYYY-MM-DD, Asia/Jakarta), 2000-9998.",
    )
    date_to: str = Field(
        "",
        alias="to",
        pattern=DATE_PATTERN,
        description="Published on or before this day (YYYY-MM-DD), not before `from`.",
    )
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


# The operation ids are the ones these endpoints had before they moved here (clients
# generated from the OpenAPI document use them).
@router.get(
    "/search",
    response={200: SearchListing, **ERRORS},
    auth=None,
    operation_id="wacana_discovery_api_search_search_articles",
)
def search_articles(request: HttpRequest, query: Query[SearchQuery]) -> SearchListing:
    """Public articles matching `q` (Indonesian stemming: `bermain` finds `permainan`),
    best match first: all words in the title, then some, then body only; newest first
    within each. Filters: category (rubric or sub-category slug), author (username),
    from/to (YYYY-MM-DD, days in Asia/Jakarta)."""
    checked_limit(query.limit)
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
    page = search.search(form.terms, form.filters(), query.cursor, query.limit)
    # Each item validated by `of`; a SearchListing is sent as it is, not validated again.
    return SearchListing.model_construct(
        items=[SearchResult.of(hit) for hit in page.items], next_cursor=page.next_cursor
    )


class FeedQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


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
    """The following feed ("Mengikuti"): the articles of the writers, rubrics,
    sub-categories, tags and topics the caller follows, newest first, each once."""
    user = api_user(request)
    checked_limit(query.limit)
    page = feed_page(user, query.cursor, query.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}
