"""The search rate limit per client address, shared by the /cari page and the API."""

from django.http import HttpRequest
from django.utils.translation import ngettext

from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip
from wacana.lib.refusal import RateLimited


class TooManySearches(RateLimited):
    def default_message(self) -> str:
        if self.retry_after < 60:
            return ngettext(
                "You have searched very often. Please try again in %(n)d second.",
                "You have searched very often. Please try again in %(n)d seconds.",
                self.retry_after,
            ) % {"n": self.retry_after}
        return ngettext(
            "You have searched very often. Please try again in %(n)d minute.",
            "You have searched very often. Please try again in %(n)d minutes.",
            self.minutes,
        ) % {"n": self.minutes}


def check_search_limit(request: HttpRequest) -> None:
    """Count one search from the client's address; raises TooManySearches over the limit."""
    # The "limits" cache is shared by every server process (Redis, or the cache on
    # disk), so the limit holds for the site, and a search writes nothing to the database.
    limited = ratelimit.hit("search", client_ip(request))
    if limited:
        raise TooManySearches(limited.retry_after)
