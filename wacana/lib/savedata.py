"""Saving data: pages without pictures until tapped, and the smallest renditions.

A reader saves data when the browser says so (`Save-Data: on`, sent by Chrome's "Lite
mode" and by data-saver settings on many Android phones) or when they chose it on
/hemat-data, a per-browser cookie (`wacana_hemat`: `on` always, `off` never; without
it the header decides). Pages whose HTML depends on it say `Vary: Save-Data` (and, as
every page, `Vary: Cookie`), so no shared cache hands one reader's variant to another.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

COOKIE = "wacana_hemat"
CHOICES = ("auto", "on", "off")
COOKIE_AGE = 60 * 60 * 24 * 365


def header_asks(request: HttpRequest) -> bool:
    return _asks(request.META.get("HTTP_SAVE_DATA", ""))


def choice_of(request: HttpRequest) -> str:
    """The reader's setting on this browser: auto (the header decides), on or off."""
    return _choice(request.COOKIES.get(COOKIE, ""))


def saves_data(request: HttpRequest) -> bool:
    return saves_data_by(request.COOKIES.get(COOKIE, ""), request.META.get("HTTP_SAVE_DATA", ""))


def saves_data_by(cookie: str, header: str) -> bool:
    """The rule, from the cookie's value and the header's (each empty when absent); the
    front (wacana/lib/front.py) reads them from the raw request."""
    choice = _choice(cookie)
    return _asks(header) if choice == "auto" else choice == "on"


def _asks(header: str) -> bool:
    # The header's value is "on"; anything else (absent, "off") means no.
    return header.strip().lower() == "on"


def _choice(cookie: str) -> str:
    return cookie if cookie in ("on", "off") else "auto"


def save_data(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `save_data` for the templates (cards, the article page)."""
    return {"save_data": saves_data(request)}


class SaveDataMiddleware:
    """Adds `Vary: Save-Data` to HTML pages: the cards and the article's pictures
    differ with it. JSON, feeds, sitemaps and files do not."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Save-Data"])
        return response
