"""Request ids on every log line, and an access log that can be switched on.

RequestIdMiddleware takes the `X-Request-ID` a proxy sent (when it looks like an id:
letters, digits, `.`, `_`, `:`, `-`, at most 64) or makes one, keeps it for the log lines
written while the request runs, and sends it back in the response's `X-Request-ID`.
RequestIdFilter puts it on every log record as `request_id` ("-" outside a request).
With WACANA_ACCESS_LOG=1 the middleware writes one line per request to the
`wacana.access` logger: method, path (without the query string, which may hold search
words or tokens), status, duration and size; never the client's address.
"""

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

HEADER = "X-Request-ID"
_ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_current: contextvars.ContextVar[str] = contextvars.ContextVar("wacana_request_id", default="-")

access_logger = logging.getLogger("wacana.access")


def current_request_id() -> str:
    return _current.get()


def request_id_from(request: HttpRequest) -> str:
    return request_id_in(request.META)


def request_id_in(meta: Mapping[str, Any]) -> str:
    """The proxy's id for this request (its WSGI environ), or a new one."""
    offered: str = meta.get("HTTP_X_REQUEST_ID", "")
    if _ACCEPTED.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request)
        # Reset afterwards: server threads are reused, and the next request on this
        # thread must not inherit this id.
        token = _current.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if settings.ACCESS_LOG:
                self._log(request, response, started)
            return response
        finally:
            _current.reset(token)

    @staticmethod
    def _log(request: HttpRequest, response: HttpResponse, started: float) -> None:
        if isinstance(response, StreamingHttpResponse) or getattr(response, "streaming", False):
            size = response.get("Content-Length", "-")
        else:
            size = str(len(response.content))
        log_access(request.method or "", request.path, str(response.status_code), started, size)


def log_access(method: str, path: str, status: str, started: float, size: object) -> None:
    """One access-log line (also for pages answered before Django: wacana.lib.front)."""
    access_logger.info(
        "%s %s %s %.1fms %s",
        method,
        path,
        status,
        (time.monotonic() - started) * 1000,
        size,
    )
