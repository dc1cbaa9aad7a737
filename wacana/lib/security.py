"""No Cross-Origin-Opener-Policy on pages any shared cache may hand to anyone
(`Cache-Control: public`, wacana.lib.caching); Django's SecurityMiddleware sets it on the
rest.

COOP cuts the link between a page and the windows that opened it or that it opens, so
that another site cannot probe or steer a window holding a reader's state (XS-Leaks, a
login form navigated away under its reader). A public page holds no such state: it is the
same bytes for every anonymous reader, and the sign-in and sign-up forms, the account
pages and every page of a signed-in reader are private, so they keep the header.

What it costs where it is sent: a browser can only learn of COOP from the response, so it
must set up a new browsing context group then, not while the request travels. Measured
with Chromium on a phone profile (Slow 4G, CPU slowed 4 times; scripts/bench/paint.py),
the article's featured picture was asked for ~25 ms later and painted 16-55 ms later
(issue 18).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re

HEADER = "Cross-Origin-Opener-Policy"


def is_public(response: HttpResponseBase) -> bool:
    """Whether this response says a shared cache may keep it for anyone."""
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    return any(d.split("=", 1)[0].strip().lower() == "public" for d in directives)


class PublicPagesMiddleware:
    """Outside Django's SecurityMiddleware: takes its COOP off public responses."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER in response and is_public(response):
            del response[HEADER]
        return response
