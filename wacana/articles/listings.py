"""Listings other apps show (a writer's profile); keyset-paginated like every list."""

from django.http import Http404

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.lib import cursor


def by_author(author: User, after: str | None) -> cursor.Page:
    articles = Article.objects.published().by(author).select_related("category").defer("body")
    try:
        page = cursor.paginate(articles, after)
    except cursor.BadCursor:
        raise Http404 from None
    for article in page.items:
        article.author = author  # one writer: no join, no query per card
    return page
