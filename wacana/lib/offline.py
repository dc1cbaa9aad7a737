"""What the service worker (/sw.js) is told about a page, in two response headers.

- `X-Wacana-Reader`: whose copy this is. `anon` for everyone signed out; for a signed-in
  reader an opaque value derived from their session (not their id, and new at each
  sign-in). The worker keeps pages in one cache per reader value and deletes every other
  reader's cache the moment a page names someone else, so a shared phone never shows
  one person's pages (reading list, signed-in article pages) to the next.
- `X-Wacana-Offline`: whether the worker may keep this page for reading offline:
  `article` (a public article the reader opened: the last RECENT_ARTICLES are kept),
  `saved` (one on the reader's reading list: kept while it stays there) or `list` (the
  reading list page itself). Pages without it are never stored.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

READER_HEADER = "X-Wacana-Reader"
KIND_HEADER = "X-Wacana-Offline"
ARTICLE, SAVED, LIST = "article", "saved", "list"
RECENT_ARTICLES = 20
# Pictures the worker keeps (the featured images and pictures of the pages it keeps).
RECENT_PICTURES = 60
ANONYMOUS = "anon"
# Sent when someone signs out or deletes their account: the browser drops its HTTP cache
# and the site's storage (the worker's caches and registration, local copies of drafts).
CLEAR_SITE_DATA = '"cache", "storage"'


def reader_of(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    session_key = getattr(getattr(request, "session", None), "session_key", None) or ""
    # Token-less and unguessable: says nothing about who, only "not the same person".
    return salted_hmac("wacana.offline.reader", f"{user.pk}:{session_key}").hexdigest()[:24]


def mark(response: HttpResponse, kind: str) -> None:
    response[KIND_HEADER] = kind


class OfflineReaderMiddleware:
    """Names the reader on every HTML page (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response[READER_HEADER] = reader_of(request)
        return response
