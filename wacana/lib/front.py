"""Kept pages answered before Django: the front of the WSGI application.

Most requests are anonymous readers asking for a page that is kept whole already (the
home, an article page, a listing, a feed: wacana/lib/pagecache.py). Through Django such a
hit still costs its whole request cycle (eighteen middleware, URL resolution, the
view's own lookups): about 0.8 ms of CPU, when the kept bytes cost almost nothing. The
front answers these requests itself, in each process, from a copy of the response that
Django last gave for the very same request:

- **What it answers**: a GET with no session cookie, no message waiting and no
  conditional header, for a page whose view offered it (`offer`), after Django answered
  the same request (address, host, scheme, language, saving data or not, encoding) from
  its kept page (a hit, 200, setting no cookie). Everything else goes to Django, which
  also remembers pages for the front.
- **Never stale past what the versions follow**: each copy holds the version keys the
  page was made under (`read`: the site's version, an article's thread, the home's) and
  is answered only while every one still has its value, checked in one cache read per
  request (none while no version moved, as the machine's or Redis's mark tells:
  wacana/lib/versionmark.py).
  Publishing, hiding, deleting, editing, a comment, a rating, a renamed writer,
  category or tag (the admin included) move one of them, so the front stops answering
  at once, in every process.
- **The view's own rules still run**: an article page's copy carries a check that runs
  before each answer (`offer(before=...)`): the view count, counted exactly as the view
  counts it, and the article's stamp (read at most once a second per article:
  `articles.access.stamp_holds`). A check that fails (the cache or the database down)
  leaves the request to Django.
- **What the versions do not follow** (a view count just flushed, a listing card's
  counts) shows within a second on an article page and within `WACANA_FRONT_SECONDS`
  (5 by default; 0 turns the front off) on other pages, plus the kept page's own
  minute, as behind nginx's cache.

The copies live in the process's memory, at most `WACANA_FRONT_MEMORY_MB` (least recently
answered dropped first): nothing is shared, so nothing needs invalidating but by the
versions. The response is byte for byte Django's, with a new X-Request-ID.
"""

import dataclasses
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse
from django.http.cookie import parse_cookie

from wacana.lib import compression, requestlog, savedata, versionmark
from wacana.lib.hooks import Hook
from wacana.lib.language import page_language

logger = logging.getLogger(__name__)

# Where a view's offer waits for the front, in the request's WSGI environ.
_NOTE = "wacana.front"
# Version keys read while Django makes a response: None outside the front (the test
# Client, commands), so reading costs nothing there.
_reads: ContextVar[list[tuple[str, str]] | None] = ContextVar("wacana_front_reads", default=None)

# Told of each answer (view name, seconds), for the metrics (wacana/operations/metrics.py).
answered: Hook[[str, float]] = Hook("front.answered")

Check = Callable[[HttpRequest], bool]


def read(key: str, value: object) -> None:
    """A version key, and its value, that the page being made depends on."""
    found = _reads.get()
    if found is not None:
        found.append((key, str(value)))


def offer(request: HttpRequest, before: Check | None = None) -> None:
    """This anonymous reader's response, a kept page, may be answered by the front for
    the same request until a version it read moves. `before(request)`, if given, runs
    before each such answer: False drops the copy (the request then goes to Django)."""
    if _reads.get() is None:
        return
    match = getattr(request, "resolver_match", None)
    request.META[_NOTE] = {
        "before": before,
        "view": (match.view_name or "unnamed") if match else "unresolved",
    }


@dataclass(frozen=True, slots=True)
class _Copy:
    expires: float
    checks: tuple[tuple[str, str], ...]
    # The version mark before the page was made (None: no mark then): while it holds, no
    # version moved, and the checks need no cache read (wacana/lib/versionmark.py).
    mark: bytes | None
    followed: bool  # every key of `checks` moves the mark
    before: Check | None
    view: str
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    size: int


class Front:
    """The WSGI application in front of `application` (see the module)."""

    def __init__(self, application: Any, seconds: int, budget: int) -> None:
        self.application = application
        self.seconds = seconds
        self.budget = budget
        self._copies: OrderedDict[str, _Copy] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") != "GET":
            return self.application(environ, start_response)
        started = time.monotonic()
        key = _key(environ)
        if key is not None:
            copy = self._copies.get(key)
            if copy is not None and self._still_good(key, copy, environ):
                return self._answer(key, environ, copy, start_response, started)
        token = _reads.set([])
        try:
            mark = _mark_now() if key is not None else None
            return self._through(key, mark, environ, start_response)
        finally:
            _reads.reset(token)

    def _still_good(self, key: str, copy: _Copy, environ: dict[str, Any]) -> bool:
        try:
            good = self._checked(key, copy, environ)
        except Exception:
            # The cache or the database failed the check: Django answers as it would
            # without the front (it reconnects, or answers with its own error page).
            logger.warning("front: the check of a kept page failed; Django answers", exc_info=True)
            good = False
        if not good:
            self._drop(key, copy)
        return good

    def _checked(self, key: str, copy: _Copy, environ: dict[str, Any]) -> bool:
        if copy.expires <= time.monotonic():
            return False
        mark = _mark_now() if copy.followed else None
        if mark is None or mark != copy.mark:
            found = cache.get_many([name for name, _value in copy.checks])
            if any(str(found.get(name)) != value for name, value in copy.checks):
                return False
            if mark is not None:
                # Some version moved, not this page's: good again without a read until
                # the next move.
                self._renew(key, copy, mark)
        if copy.before is None:
            return True
        # A copy of the environ: WSGIRequest writes the decoded path back into it, which
        # Django's own request would fail to decode again (outside Latin-1).
        request = WSGIRequest(dict(environ))
        request.user = AnonymousUser()
        return copy.before(request)

    def _answer(
        self,
        key: str,
        environ: dict[str, Any],
        copy: _Copy,
        start_response: Callable[..., Any],
        started: float,
    ) -> Iterable[bytes]:
        request_id = requestlog.request_id_in(environ)
        start_response(copy.status, [*copy.headers, (requestlog.HEADER, request_id)])
        with self._lock:
            if key in self._copies:  # least recently answered goes first
                self._copies.move_to_end(key)
        if settings.ACCESS_LOG:
            status = copy.status.split(" ", 1)[0]
            # As Django's request.path: the server's Latin-1 string read as UTF-8.
            raw = environ.get("PATH_INFO", "")
            path = raw.encode("latin-1", "replace").decode("utf-8", "replace")
            requestlog.log_access("GET", path, status, started, len(copy.body))
        answered(copy.view, time.monotonic() - started)
        return [copy.body]

    def _through(
        self,
        key: str | None,
        mark: bytes | None,
        environ: dict[str, Any],
        start_response: Callable[..., Any],
    ) -> Any:
        seen: dict[str, Any] = {}

        def remember_start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, *rest)

        result = self.application(environ, remember_start)
        note = environ.get(_NOTE)
        if (
            key is not None
            and note is not None
            and seen.get("status", "").startswith("200 ")
            and isinstance(result, HttpResponse)
            and not any(name.lower() == "set-cookie" for name, _value in seen["headers"])
        ):
            reads = _reads.get() or []
            self._keep(key, mark, note, seen["status"], seen["headers"], result.content, reads)
        return result

    def _keep(
        self,
        key: str,
        mark: bytes | None,
        note: dict[str, Any],
        status: str,
        headers: list[tuple[str, str]],
        body: bytes,
        reads: list[tuple[str, str]],
    ) -> None:
        kept = tuple((n, v) for n, v in headers if n.lower() != requestlog.HEADER.lower())
        size = len(body) + len(key) + sum(len(n) + len(v) for n, v in kept) + 256
        if not reads or size > self.budget // 8:
            return  # a page under no version is never answered here; nor a huge one
        copy = _Copy(
            expires=time.monotonic() + self.seconds,
            checks=tuple(dict.fromkeys(reads)),
            mark=mark,
            followed=all(versionmark.covers(name) for name, _value in reads),
            before=note["before"],
            view=note["view"],
            status=status,
            headers=kept,
            body=body,
            size=size,
        )
        with self._lock:
            old = self._copies.pop(key, None)
            if old is not None:
                self._size -= old.size
            self._copies[key] = copy
            self._size += size
            while self._size > self.budget:
                _name, dropped = self._copies.popitem(last=False)
                self._size -= dropped.size

    def _renew(self, key: str, copy: _Copy, mark: bytes) -> None:
        with self._lock:
            if self._copies.get(key) is copy:
                self._copies[key] = dataclasses.replace(copy, mark=mark)

    def _drop(self, key: str, copy: _Copy) -> None:
        with self._lock:
            if self._copies.get(key) is copy:
                del self._copies[key]
                self._size -= copy.size


def _mark_now() -> bytes | None:
    try:
        return versionmark.value()
    except Exception:
        # The mark's file cannot be opened (permissions, a full disk): read the versions.
        logger.warning("front: no version mark; versions are read", exc_info=True)
        return None


def _key(environ: dict[str, Any]) -> str | None:
    """Everything Django's answer to a GET for a kept page depends on, as the request
    carries it (the address, host and scheme as sent, the language and saving-data
    cookies and header, the encoding taken); None for a request the front must leave to
    Django. Raw values, so nothing is parsed twice: a host Django refuses never got a
    copy to answer from."""
    if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
        return None  # Django answers 304 by the ETag
    path = environ.get("PATH_INFO", "")
    if path.startswith("/api/"):
        return None  # its language may follow Accept-Language
    raw_cookies = environ.get("HTTP_COOKIE", "")
    cookies = parse_cookie(raw_cookies) if raw_cookies else {}
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    saving = cookies.get(savedata.COOKIE, "")
    light = savedata.saves_data_by(saving, environ.get("HTTP_SAVE_DATA", ""))
    return "\x1f".join(
        (
            environ.get("wsgi.url_scheme", ""),
            environ.get(_PROXY_SCHEME, ""),
            environ.get("HTTP_X_FORWARDED_HOST", ""),
            environ.get("HTTP_HOST", ""),
            environ.get("SERVER_NAME", ""),
            environ.get("SERVER_PORT", ""),
            environ.get("SCRIPT_NAME", ""),
            path,
            environ.get("QUERY_STRING", ""),
            page_language(cookies.get(settings.LANGUAGE_COOKIE_NAME, "")),
            "light" if light else "full",
            compression.encoding_for(environ.get("HTTP_ACCEPT_ENCODING", ""), secret=False) or "",
        )
    )


# The header that says https behind a proxy (Django's SECURE_PROXY_SSL_HEADER), if any.
_PROXY_SCHEME = (getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or ("", ""))[0]


def wrap(application: Any) -> Any:
    """The site's WSGI application with the front before it (WACANA_FRONT_SECONDS > 0)."""
    if settings.FRONT_SECONDS <= 0:
        return application
    return Front(application, settings.FRONT_SECONDS, settings.FRONT_MEMORY_MB * 1024 * 1024)
