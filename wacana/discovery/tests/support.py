"""Building blocks for the search tests: articles written and published through the actions."""

from datetime import datetime
from typing import Any

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.forms import TagsField
from wacana.articles.models import Article, Category
from wacana.discovery import search


def draft(
    author: User, title: str, body: str = "", category: str = "sekolah", tags: str = ""
) -> Article:
    data = {
        "title": title,
        "body": body,
        "category": Category.objects.get(slug=category),
        "tags": TagsField(required=False).clean(tags),
    }
    return actions.create_article(author, data)


def publish(
    author: User,
    title: str,
    body: str = "",
    category: str = "sekolah",
    tags: str = "",
    at: datetime | None = None,
) -> Article:
    article = draft(author, title, body, category, tags)
    if at is not None:
        article.published_at = at
        article.save(update_fields=["published_at"])
    return actions.publish_article(author, article)


def found(q: str, **filters: Any) -> list[int]:
    """Ids of every article search finds for `q`, best first, across all pages."""
    terms = search.query_stems(q)
    ids: list[int] = []
    after = None
    while True:
        page = search.search(terms, search.Filters(**filters), after, limit=2)
        ids += [article.pk for article in page.items]
        if page.next_cursor is None:
            return ids
        after = page.next_cursor
