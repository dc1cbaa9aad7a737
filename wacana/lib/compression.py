"""Compressed responses: brotli where the client takes it, else gzip.

Django's GZipMiddleware does gzip only; django-compression-middleware adds brotli (and
zstd) but without Django's BREACH mitigation and without a way to store the
compressed bytes of a cached page. So: a small middleware here.

BREACH: a page that carries a secret (a CSRF token, a signed-in reader's data, a
cookie being set) and reflects input could leak the secret through its compressed
length. Such a page is gzipped with Django's mitigation (a random-length file name
in the gzip header, "Heal the BREACH"), and never sent as brotli, whose format has
no such field; Django's CSRF token is also masked afresh on every response. Pages
that are the same for every anonymous reader carry no secret and get brotli.

A page cached whole (the home page for anonymous readers) is stored once per
encoding (`cached_variants`), so a cache hit costs no compression at all.
"""

import functools
import gzip
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

import brotli
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers

BR, GZIP = "br", "gzip"
# Text types worth compressing; images and fonts are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/atom+xml",
    "application/rss+xml",
    "application/xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)
MIN_LENGTH = 200  # below this the headers cost more than compression saves
# Django's GZipMiddleware value: up to 100 random bytes in the gzip header.
BREACH_RANDOM_BYTES = 100
# Brotli's quality on the fly (fast, already smaller than gzip -6) and for pages
# compressed once and served from the cache many times (slowest, smallest).
BROTLI_QUALITY = 5
BROTLI_QUALITY_CACHED = 10  # 11 saves ~1% more for three times the CPU
GZIP_LEVEL_CACHED = 9
# gzip on the fly (signed-in pages, pages not kept): on a 25 KB article page level 4 took
# 0.27 ms of CPU for 8,237 bytes, Django's level 6 0.39 ms for 8,052 (2% smaller).
GZIP_LEVEL = 4


def accepted_encodings(request: HttpRequest) -> set[str]:
    """The encodings the client accepts (q=0 means "not this one")."""
    return _accepted(request.META.get("HTTP_ACCEPT_ENCODING", ""))


def _accepted(header: str) -> set[str]:
    header = header[:300]
    accepted = set()
    for part in header.split(","):
        name, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            accepted.add(name.strip().lower())
    if "*" in accepted:
        accepted |= {BR, GZIP}
    return accepted


def choose_encoding(request: HttpRequest, *, secret: bool) -> str | None:
    return encoding_for(request.META.get("HTTP_ACCEPT_ENCODING", ""), secret=secret)


def encoding_for(header: str, *, secret: bool) -> str | None:
    """The encoding to send for this Accept-Encoding header."""
    return _encoding_for(header[:300], secret)


@functools.lru_cache(maxsize=256)  # browsers send a handful of distinct headers
def _encoding_for(header: str, secret: bool) -> str | None:
    accepted = _accepted(header)
    if BR in accepted and not secret:
        return BR
    if GZIP in accepted:
        return GZIP
    return None


def carries_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response may hold something an attacker would want (see BREACH above)."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def compress(data: bytes, encoding: str, *, secret: bool) -> bytes:
    if encoding == BR:
        return bytes(brotli.compress(data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY))
    compressed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    if not secret:
        return compressed
    # BREACH, as Django's compress_string does it: a file name of random length in the
    # gzip header (Django's fixes the level at 6).
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    name = b"a" * secrets.randbelow(BREACH_RANDOM_BYTES) + b"\x00"
    return bytes(header) + name + compressed[10:]


def is_compressible(response: HttpResponseBase) -> bool:
    content_type = response.get("Content-Type", "").lower()
    return content_type.startswith(COMPRESSIBLE)


class CompressionMiddleware:
    """Compress HTML, JSON, feeds and sitemaps (see the module's docstring).

    It sits outside ConditionalGetMiddleware, which answers 304s from the ETag of the
    uncompressed body; a compressed body's strong ETag is made weak, as Django's
    GZipMiddleware does, so the two agree.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.status_code == 304:
            # A 304 carries the Vary its 200 would have (RFC 9110 15.4.5), or a shared
            # cache could answer another encoding's request from it. It comes from
            # ConditionalGetMiddleware, inside this one, before Vary was added here.
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if (
            not isinstance(response, HttpResponse)
            or response.streaming
            or not is_compressible(response)
            or response.has_header("Content-Encoding")
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        content = response.content
        if len(content) < MIN_LENGTH or (request.method == "HEAD" and not content):
            return response
        encoding = choose_encoding(request, secret=carries_secret(request, response))
        if encoding is None:
            return response
        compressed = compress(content, encoding, secret=carries_secret(request, response))
        if len(compressed) >= len(content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        response.headers["Content-Encoding"] = encoding
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        return response


# --- pages cached whole ----------------------------------------------------------------

Variants = dict[str, bytes]
ResponseT = TypeVar("ResponseT", bound=HttpResponse)


def variants_of(content: bytes) -> Variants:
    """The page as it is, and compressed once, as well as each format allows.

    Only for pages the same for every reader (no secret): no random padding."""
    return {
        "": content,
        BR: bytes(brotli.compress(content, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY_CACHED)),
        GZIP: gzip.compress(content, compresslevel=GZIP_LEVEL_CACHED, mtime=0),
    }


def response_from_variants(
    request: HttpRequest, variants: Variants, content_type: str = "text/html; charset=utf-8"
) -> HttpResponse:
    """The stored variant the client takes; nothing is compressed here."""
    return fill_from_variants(request, HttpResponse(content_type=content_type), variants)


def fill_from_variants(request: HttpRequest, response: ResponseT, variants: Variants) -> ResponseT:
    """`response_from_variants` into a response made by the caller (of its own class)."""
    encoding = choose_encoding(request, secret=False) or ""
    response.content = variants[encoding]
    if encoding:
        response.headers["Content-Encoding"] = encoding
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def cached_variants(
    cache: Any, key: str, timeout: int, render: Callable[[], HttpResponse]
) -> tuple[Variants, bool]:
    """The page's stored variants, rendering and compressing them on a miss.

    Returns the variants and whether they came from the cache."""
    found = cache.get(key)
    if isinstance(found, dict) and "" in found:
        return found, True
    variants = variants_of(render().content)
    cache.set(key, variants, timeout)
    return variants, False
