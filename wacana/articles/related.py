"""The "more in this category" and "more from this writer" links under an article.

They are the same for every article of a category (or writer), so they are kept in the
cache instead of being queried on every page view, and the anonymous article block that
shows them is cached too (detail.html). Both are keyed by a version per category and per
writer: publishing, unpublishing, hiding, restoring or deleting an article (and renaming
or moving a public one) moves the versions of its category and writer, so every cached
list and every cached article block that could link it is left behind at once, in every
process (the cache is shared: Redis, or the cache on disk), not when a timer runs out.
"""

import secrets
from typing import Any

from django.core.cache import cache
from django.db import transaction

from wacana.articles.models import Article

RELATED_COUNT = 5
# Only bounds what an unused list keeps in the cache: a change moves the version.
TTL_SECONDS = 600
Link = tuple[int, str, str]  # (id, url, title)


def _version_key(kind: str, owner_id: int) -> str:
    return f"related:version:{kind}:{owner_id}"


def _versions(article: Article) -> tuple[str, str]:
    """The current versions of the article's category and writer (one cache read)."""
    keys = [
        _version_key("category", article.category_id),
        _version_key("author", article.author_id),
    ]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # First use, or evicted: any new value does, since nothing is cached under it.
            cache.add(key, secrets.token_hex(4), None)
            found[key] = cache.get(key, "")
    return str(found[keys[0]]), str(found[keys[1]])


def _links_key(kind: str, owner_id: int, version: str) -> str:
    return f"related:v2:{kind}:{owner_id}:{version}"


def _query(kind: str, owner_id: int) -> list[Link]:
    articles = (
        Article.objects.published()
        .select_related("author")
        .only("title", "slug", "published_at", "author__username")
    )
    if kind == "category":
        articles = articles.filter(category_id=owner_id)
    else:
        articles = articles.filter(author_id=owner_id)
    # One more than shown, so the current article can be left out.
    return [
        (a.pk, a.get_absolute_url(), a.title) for a in articles.latest_first()[: RELATED_COUNT + 1]
    ]


def _without(links: list[Link], article: Article) -> list[dict[str, str]]:
    return [{"url": url, "title": title} for pk, url, title in links if pk != article.pk][
        :RELATED_COUNT
    ]


def for_article(article: Article) -> dict[str, Any]:
    """The links for the article page, and `related_version`, which is part of the key of
    every cached fragment that shows them."""
    category_version, author_version = _versions(article)
    wanted = {
        _links_key("category", article.category_id, category_version): (
            "category",
            article.category_id,
        ),
        _links_key("author", article.author_id, author_version): ("author", article.author_id),
    }
    found = cache.get_many(list(wanted))
    for key, (kind, owner_id) in wanted.items():
        if key not in found:
            found[key] = _query(kind, owner_id)
            cache.set(key, found[key], TTL_SECONDS)
    category_key, author_key = wanted
    return {
        "same_category": _without(found[category_key], article),
        "same_author": _without(found[author_key], article),
        "related_version": f"{category_version}.{author_version}",
    }


def _move(category_ids: set[int], author_id: int) -> None:
    cache.set_many(
        {_version_key("category", pk): secrets.token_hex(4) for pk in category_ids}
        | {_version_key("author", author_id): secrets.token_hex(4)},
        None,
    )


def forget(article: Article, *, old_category_id: int | None = None) -> None:
    """What lists or links to this article changed (it appeared, went or was renamed):
    move the versions now, and again after the commit, since a page rendered in between
    would cache the old state under the new versions."""
    categories = {article.category_id} | ({old_category_id} if old_category_id else set())
    author_id = article.author_id
    _move(categories, author_id)
    transaction.on_commit(lambda: _move(categories, author_id))
