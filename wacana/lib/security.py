"""Django's SecurityMiddleware, but no Cross-Origin-Opener-Policy on pages any shared
cache may hand to anyone (`Cache-Control: public`, wacana.lib.caching).

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

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware import security
from django.utils.cache import cc_delim_re

_HEADER = "Cross-Origin-Opener-Policy"


def is_public(response: HttpResponseBase) -> bool:
    """Whether this response says a shared cache may keep it for anyone."""
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    return any(d.split("=", 1)[0].strip().lower() == "public" for d in directives)


class SecurityMiddleware(security.SecurityMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        set_by_view = _HEADER in response
        response = super().process_response(request, response)
        if not set_by_view and is_public(response):
            del response[_HEADER]
        return response
