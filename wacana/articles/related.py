"""The "more in this category" and "more from this writer" links under an article.

They are the same for every article of a category (or writer), so they are kept in the
cache for a short while instead of being queried on every page view; publishing,
unpublishing, hiding or deleting forgets them at once.
"""

from django.core.cache import cache

from wacana.articles.models import Article

RELATED_COUNT = 5
TTL_SECONDS = 120
Link = tuple[int, str, str]  # (id, url, title)


def _key(kind: str, owner_id: int) -> str:
    return f"related:v1:{kind}:{owner_id}"


def _links(queryset: object) -> list[Link]:
    return [(a.pk, a.get_absolute_url(), a.title) for a in queryset]  # type: ignore[attr-defined]


def _latest(kind: str, owner_id: int) -> list[Link]:
    key = _key(kind, owner_id)
    links = cache.get(key)
    if links is None:
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
        links = _links(articles.latest_first()[: RELATED_COUNT + 1])
        cache.set(key, links, TTL_SECONDS)
    return links


def _without(links: list[Link], article: Article) -> list[dict[str, str]]:
    return [{"url": url, "title": title} for pk, url, title in links if pk != article.pk][
        :RELATED_COUNT
    ]


def in_category(article: Article) -> list[dict[str, str]]:
    return _without(_latest("category", article.category_id), article)


def by_author(article: Article) -> list[dict[str, str]]:
    return _without(_latest("author", article.author_id), article)


def forget(article: Article) -> None:
    cache.delete_many([_key("category", article.category_id), _key("author", article.author_id)])
