"""One answer for a write that cannot be done right now: 503 with Retry-After.

A database that stays locked past its wait (SQLite under many writers; a lock timeout
elsewhere), or an action refusing with TryAgainLater, is the server's momentary trouble,
not a bug: the client is told to try again shortly, in the API's error shape on /api/
and on a friendly page elsewhere, never with a 500. Nothing was half done: the
transaction of the request was rolled back.
"""

import logging
from typing import Any

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wacana.lib import apierrors
from wacana.lib.refusal import Refusal, add_headers

logger = logging.getLogger("wacana.busy")

RETRY_AFTER_SECONDS = 5


class TryAgainLater(Refusal):
    """Raised by an action that could not do its work now; nothing of it was kept."""

    status = 503

    def __init__(self, message: str = "") -> None:
        super().__init__(message, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    def default_message(self) -> str:
        return _("The site is very busy right now. Please try again in a few seconds.")


def is_busy_database(error: BaseException) -> bool:
    if not isinstance(error, OperationalError):
        return False
    text = str(error).lower()
    # SQLite's "database is locked" / "database table is locked"; PostgreSQL's lock
    # timeout ("canceling statement due to lock timeout").
    return "is locked" in text or "lock timeout" in text


def busy_response(request: HttpRequest, busy: TryAgainLater | None = None) -> HttpResponse:
    busy = busy or TryAgainLater()
    if request.path.startswith("/api/"):
        return apierrors.refusal_json(busy)
    body = render_to_string("503.html", {"detail": busy.message}, request=None)
    return add_headers(HttpResponse(body, status=busy.status), busy)


def refused_page(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    """A refusal no view turned into a form error or a message: its sentence on a page
    with its status (the API's shape under /api/), never a 500."""
    if apierrors.is_api_path(request.path):
        return apierrors.refusal_json(refusal)
    response = render(request, "refused.html", {"refusal": refusal}, status=refusal.status)
    return add_headers(response, refusal)


class BusyMiddleware:
    """Turns TryAgainLater and a locked database raised by a view into a 503, and any
    other refusal a view let through into a page with its sentence and status."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, TryAgainLater):
            logger.warning("%s %s: try again later (%s)", request.method, request.path, exception)
            return busy_response(request, exception)
        if is_busy_database(exception):
            logger.warning("%s %s: database busy (%s)", request.method, request.path, exception)
            return busy_response(request)
        if isinstance(exception, Refusal):
            logger.info("%s %s: refused (%s)", request.method, request.path, exception)
            return refused_page(request, exception)
        return None
