"""The search rate limit per client address, shared by the /cari page and the API."""

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.http import HttpRequest
from django.utils.translation import ngettext

from wacana.lib import ratelimit
from wacana.lib.apierrors import ApiError
from wacana.lib.clientip import client_ip


class TooManySearches(ApiError):
    def __init__(self, retry_after: int) -> None:
        if retry_after < 60:
            detail = ngettext(
                "You have searched very often. Please try again in %(n)d second.",
                "You have searched very often. Please try again in %(n)d seconds.",
                retry_after,
            ) % {"n": retry_after}
        else:
            minutes = (retry_after + 59) // 60
            detail = ngettext(
                "You have searched very often. Please try again in %(n)d minute.",
                "You have searched very often. Please try again in %(n)d minutes.",
                minutes,
            ) % {"n": minutes}
        super().__init__(429, detail, headers={"Retry-After": str(retry_after)})


def _cache_alias() -> str:
    # Without Redis the shared limits cache is a database table, and a search must not
    # write to the database: then each server process counts in its own memory (the
    # limit holds per process, a looser bound), never touching the database.
    if isinstance(caches["limits"], DatabaseCache):
        return "default"
    return "limits"


def check_search_limit(request: HttpRequest) -> None:
    """Count one search from the client's address; raises TooManySearches over the limit."""
    limited = ratelimit.hit("search", client_ip(request), cache_alias=_cache_alias())
    if limited:
        raise TooManySearches(limited.retry_after)
