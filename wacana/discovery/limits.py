"""The search rate limit per client address, shared by the /cari page and the API."""

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


def check_search_limit(request: HttpRequest) -> None:
    """Count one search from the client's address; raises TooManySearches over the limit."""
    # The "limits" cache is shared by every server process (Redis, or the cache on
    # disk), so the limit holds for the site, and a search writes nothing to the database.
    limited = ratelimit.hit("search", client_ip(request))
    if limited:
        raise TooManySearches(limited.retry_after)
