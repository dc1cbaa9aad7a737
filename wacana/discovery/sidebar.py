"""The sidebar of wide screens (home, rubric and article pages): the week's most read,
the latest editor's picks and the most used tags.

Kept whole in the cache for CACHE_SECONDS and keyed by the home's version, so curation
shows at once; a page costs no query for it on a warm cache, three on a cold one, and
none of them grows with the site (each is a LIMIT down an index or over the small
popular table; tags by their stored article_count).
"""

from typing import Any

from django.core.cache import cache

from wacana.articles.models import Tag
from wacana.discovery import home, popular

CACHE_SECONDS = 300
POPULAR = 5
PICKS = 4
TAGS = 10


def _link(article: Any) -> dict[str, str]:
    return {"title": article.title, "url": article.get_absolute_url()}


def _build() -> dict[str, list[dict[str, str]]]:
    tags = Tag.objects.filter(article_count__gt=0).order_by("-article_count", "name")[:TAGS]
    return {
        "popular": [_link(place.article) for place in popular.popular_week(POPULAR)],
        "picks": [_link(article) for article in home.picks_page(None, PICKS).items],
        "tags": [{"name": tag.name, "url": tag.get_absolute_url()} for tag in tags],
    }


def sidebar() -> dict[str, list[dict[str, str]]]:
    key = f"sidebar:v1:{home.version()}"
    found = cache.get(key)
    if found is None:
        found = _build()
        cache.set(key, found, CACHE_SECONDS)
    return dict(found)
