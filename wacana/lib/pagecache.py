"""Whole pages kept for anonymous readers: the article page, the listings (rubric and
category, tag, profile, /pilihan) and search results.

Most readers are anonymous, without a session or a message waiting: for them a page is
the same for everyone who asks in the same language, with or without saving data, so
it is rendered once and kept whole, compressed (`compression.variants_of`: as it is,
brotli and gzip), so a hit costs neither rendering nor compression. Anyone with a
pending message never gets nor fills a kept page; nor does anyone with a session, but
for signed-in readers of the pages that have holes (below).

What the view does before `serve` still runs on every request: the article page finds
the article (a hidden or deleted one is 404 before any cache is asked) and counts the
view (so counts stay exact), search checks its rate limit. The key holds everything the
page depends on:

- the host, scheme, path and query string, the language and saving data or not (the
  feeds and sitemaps, `kept_for_anonymous`, depend on nothing else);
- `version()`, moved by every change of what is public (publish, unpublish, hide,
  restore, delete, curation: `articles.actions._home_changed`) and by an edit of a public
  article, its picture or a category, so a hidden title leaves every kept page at once;
- what the view adds: `row_version()` of the rows shown (the article, its writer and
  category; the category, tag or writer of a listing), and `object_version()`s moved by
  writes the rows do not show (a comment edited: the thread's version).

Versions, never deletions (as for the home page): every process of the site shares the
cache (Redis, or the cache on this machine's disk), so all of them render afresh at once.
Versions are moved now and again after the commit, since a request rendering in between
would otherwise keep the old state under the new version. TIMEOUT bounds what the
versions do not see (a commenter's new display name): a minute, the same as the
public Cache-Control that nginx or a CDN may already keep a page for.

Signed-in readers of a listing, a profile or (most of them) an article
(`same_but_for_holes`) get the same kept page with the parts that differ for them (the
account menu, a follow button...) rendered for them and put in place
(wacana/lib/holes.py); a miss on their request renders the page as an anonymous reader
would see it, keeps it, then fills it. /mengikuti is kept so for its reader alone.
"""

import contextlib
import functools
import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from wacana.lib import compression, front, holes, inline_css, savedata, versionmark

TIMEOUT = 60
_VERSION_KEY = "pages:version"
# Part of every key: change it when what is stored changes shape.
_FORMAT = "p3"  # p3: profiles have the writer_actions hole
# Headers of the rendered response not kept: the kept ones are set again on each hit.
_NOT_KEPT = frozenset({"content-length", "content-encoding", "content-type"})


def _object_key(kind: str, pk: int) -> str:
    return f"pages:version:{kind}:{pk}"


def versions(*keys: str) -> str:
    """The current values of these version keys, in one cache read; a missing one (first
    use, or evicted) is created, as any new value does."""
    wanted = [_VERSION_KEY, *keys]
    found = cache.get_many(wanted)
    for key in wanted:
        if key not in found:
            cache.add(key, secrets.token_hex(4), None)
            found[key] = cache.get(key, "")
    for key in wanted:
        front.read(key, found[key])
    return ".".join(str(found[key]) for key in wanted)


def version() -> str:
    return versions()


def object_version(kind: str, pk: int) -> str:
    """The site's version and the object's, e.g. ("thread", article id)."""
    return versions(_object_key(kind, pk))


def _move(keys: list[str]) -> None:
    cache.set_many({key: secrets.token_hex(4) for key in keys}, None)
    versionmark.moved()


def _move_now_and_after_commit(keys: list[str]) -> None:
    _move(keys)
    transaction.on_commit(lambda: _move(keys))


def forget() -> None:
    """What the public sees changed: every kept page is rendered afresh."""
    _move_now_and_after_commit([_VERSION_KEY])


# The object version of a reader's /mengikuti, kept for them alone: moved by each follow
# or unfollow of theirs (of a writer: accounts.actions; of anything else: topics.actions).
FEED = "feed"


def touch(kind: str, pk: int) -> None:
    """One object's part of its pages changed (a comment on an article's thread)."""
    _move_now_and_after_commit([_object_key(kind, pk)])


def row_version(*rows: models.Model | None) -> str:
    """A digest of the loaded columns of these rows: any change of what they hold changes
    it. Deferred columns are left out (they are not loaded, so not shown)."""
    digest = hashlib.blake2b(digest_size=12)
    for row in rows:
        if row is None:
            digest.update(b"\x00")
            continue
        loaded = row.__dict__
        for field in row._meta.concrete_fields:
            digest.update(repr(loaded.get(field.attname)).encode())
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()


def same_for_everyone(request: HttpRequest, params: Iterable[str] = ()) -> bool:
    """An anonymous GET with no session and no message waiting, asking only for these
    query parameters: it sees exactly what every other such reader sees."""
    if request.method not in ("GET", "HEAD"):
        return False
    allowed = set(params)
    if any(name not in allowed for name in request.GET):
        return False
    user = getattr(request, "user", None)
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not (user is not None and user.is_authenticated)
    )


def same_but_for_holes(request: HttpRequest, params: Iterable[str] = ()) -> bool:
    """As `same_for_everyone`, or a signed-in reader with no message waiting: the page is
    the kept one but for its holes (see the module)."""
    if same_for_everyone(request, params):
        return True
    if request.method not in ("GET", "HEAD") or not _signed_in(request):
        return False
    allowed = set(params)
    return (
        all(name in allowed for name in request.GET)
        and not request.COOKIES.get("messages")
        # FallbackStorage keeps what the cookie cannot hold in the session.
        and "_messages" not in request.session
    )


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _key(request: HttpRequest, parts: Iterable[object]) -> str:
    light = "light" if savedata.saves_data(request) else "full"
    raw = "\x1f".join(
        [
            _FORMAT,
            inline_css.digest(),
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
            get_language() or "",
            light,
            *(str(part) for part in parts),
        ]
    )
    return "pages:page:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    """A page made for everyone: 200, whole, setting no cookie and holding no secret (a
    CSRF token, a session the render touched)."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


# "hit": the page was kept already; "miss": rendered now, and kept.
Outcome = Literal["hit", "miss"]


class KeptPage(HttpResponse):
    """A page `serve` answered with from what is kept, and how (`outcome`, which tests
    read). A page not kept is the view's own response, not a KeptPage."""

    def __init__(self, outcome: Outcome, content_type: str) -> None:
        super().__init__(content_type=content_type)
        self.outcome = outcome


def outcome(response: HttpResponseBase) -> Outcome | None:
    """How `serve` gave this response; None when it is not a kept page."""
    return response.outcome if isinstance(response, KeptPage) else None


def _respond(request: HttpRequest, entry: dict[str, Any], how: Outcome) -> KeptPage:
    response = compression.fill_from_variants(
        request, KeptPage(how, content_type=entry["content_type"]), entry["variants"]
    )
    for name, value in entry["headers"]:
        if name.lower() == "vary":
            patch_vary_headers(response, [v.strip() for v in value.split(",")])
        elif (
            name.lower() == "etag"
            and value.startswith('"')
            and response.has_header("Content-Encoding")
        ):
            # As CompressionMiddleware does: the compressed bytes are not the same bytes.
            response[name] = "W/" + value
        else:
            response[name] = value
    return response


def serve(
    request: HttpRequest,
    parts: Iterable[object],
    render: Callable[[], HttpResponse],
    timeout: int = TIMEOUT,
    *,
    one_reader: bool = False,
    before: front.Check | None = None,
    in_front: bool = True,
) -> HttpResponse:
    """The kept page for this request and `parts`, or `render()` kept for the next ones.

    Call only when `same_for_everyone(request)` (or `same_but_for_holes`); the caller has
    done what must run on every request (finding the object, counting a view, a limit).
    `one_reader`: a signed-in reader's own page (their id in `parts`: /mengikuti), kept
    as it is, never compressed (only ever filled) nor given to anyone else.
    `in_front`: an anonymous hit may be answered before Django next time (wacana/lib/
    front.py), with `before` run first; False where the view must run for every request
    (search's limit)."""
    reader = _signed_in(request)
    if one_reader and not reader:
        return render()
    key = _key(request, parts)
    found = cache.get(key)
    if isinstance(found, dict) and found.get("format") == _FORMAT:
        if reader:
            return _filled(request, found, "hit") or render()
        if in_front:
            front.offer(request, before)
        return _respond(request, found, "hit")
    with _as_anonymous(request) if reader else contextlib.nullcontext(), holes.keeping() as nonce:
        response = render()
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.render()  # the sitemaps' TemplateResponse: its bytes are what is kept
        keepable = _keepable(request, response)
    page, marked = (b"", None) if response.streaming else holes.strip(response.content, nonce)
    if not keepable:
        if reader:
            return render()  # rendered as nobody: render again, for this reader
        if marked != ():
            response.content = page
        return response
    entry = {
        "format": _FORMAT,
        "variants": {"": page} if one_reader else compression.variants_of(page),
        "holes": marked,
        "content_type": response["Content-Type"],
        "headers": [
            (name, value) for name, value in response.items() if name.lower() not in _NOT_KEPT
        ],
    }
    cache.set(key, entry, timeout)
    if reader:
        return _filled(request, entry, "miss") or render()
    return _respond(request, entry, "miss")


@contextlib.contextmanager
def _as_anonymous(request: HttpRequest) -> Iterator[None]:
    """The page as an anonymous reader sees it, for a signed-in reader's miss."""
    user = request.user
    request.user = AnonymousUser()
    try:
        yield
    finally:
        request.user = user


def _filled(request: HttpRequest, entry: dict[str, Any], how: Outcome) -> KeptPage | None:
    """The kept page with its holes filled for this signed-in reader; None where it has
    none to fill (a page without the site's frame) or they cannot be trusted."""
    marked = entry.get("holes")
    if not marked:
        return None
    body = holes.fill(request, entry["variants"][""], marked)
    if body is None:
        return None
    # Not compressed here: it now carries the reader's CSRF token, so CompressionMiddleware
    # compresses it with the BREACH padding, as any signed-in page.
    response = KeptPage(how, content_type=entry["content_type"])
    response.content = body
    for name, value in entry["headers"]:
        if name.lower() == "vary":
            patch_vary_headers(response, [v.strip() for v in value.split(",")])
        elif name.lower() not in ("etag", "cache-control"):
            # Not the anonymous bytes' ETag, nor their public Cache-Control: this page is
            # this reader's (CacheHeadersMiddleware makes it private).
            response[name] = value
    return response


def kept_for_anonymous(
    params: Iterable[str] = (), timeout: int = TIMEOUT
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A view whose page depends on nothing but the address and what `version()` follows
    (the feeds, the sitemaps): kept whole for readers who share it."""
    allowed = tuple(params)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def kept(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not same_for_everyone(request, allowed):
                return view(request, *args, **kwargs)
            return serve(request, (version(),), lambda: view(request, *args, **kwargs), timeout)

        return kept

    return decorate
