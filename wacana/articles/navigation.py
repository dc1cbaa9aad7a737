"""The rubric bar under the header: the list of rubrics, kept in the cache.

Every HTML page shows it, so it must cost no query on a warm cache: like
SiteSettings.current(), the list lives in the cache and a change to any category
(saved or deleted, in the admin or in code) drops it, so the next page reads it again.
"""

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from wacana.articles.models import Category

CACHE_KEY = "rubric-nav:v1"
CACHE_SECONDS = 3600


def rubrics() -> list[dict[str, Any]]:
    """[{"id", "name", "url"}] for every rubric, in their editorial order."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = [
            {"id": rubric.pk, "name": rubric.name, "url": rubric.get_absolute_url()}
            for rubric in Category.objects.rubrics().only("pk", "name", "slug")
        ]
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return list(found)


def forget(**_: Any) -> None:
    cache.delete(CACHE_KEY)


def rubric_nav(request: HttpRequest) -> dict[str, Any]:
    """Context processor: lazy, so a page that never renders the bar never asks."""
    return {"nav_rubrics": SimpleLazyObject(rubrics)}


post_save.connect(forget, sender=Category, dispatch_uid="rubric-nav-save")
post_delete.connect(forget, sender=Category, dispatch_uid="rubric-nav-delete")
