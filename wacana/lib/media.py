"""Serving uploaded media (/media/...) with headers that keep a file an inert image.

Every upload is re-encoded as WebP, but a browser must still never sniff a file into
HTML or run anything in it: nosniff, and a CSP that allows nothing but the image
(`sandbox` makes even a document opened directly an opaque, script-less origin).

`make run` used granian's static route, which cannot add headers; the WSGI
application now serves /media itself through WhiteNoise, which answers conditional
and HEAD requests and streams the file with the server's file wrapper. In
"autorefresh" mode it looks on disk per request (one stat), so a file uploaded a
moment ago is found and a deleted one is gone at once. Names carrying a random token
never change content, so they are cached for a year.
"""

import re
from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.views.static import serve
from whitenoise import WhiteNoise

MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
}
# {pk}-{token}-{width}.webp (avatars, featured images) and {pk}-{token}.webp (body images).
HASHED_NAME = re.compile(r"/\d+-[0-9a-f]{12,32}(-\d+)?\.(webp|avif)$")
MAX_AGE = 60 * 60  # for any other name
FOREVER = 60 * 60 * 24 * 365


def serves_local_media() -> bool:
    return settings.MEDIA_URL.startswith("/") and settings.STORAGES["default"]["BACKEND"].endswith(
        "FileSystemStorage"
    )


def _add_headers(headers: Any, path: str, url: str) -> None:
    for name, value in MEDIA_HEADERS.items():
        headers[name] = value


def _immutable(path: str, url: str) -> bool:
    return bool(HASHED_NAME.search(url))


def with_media(application: Any) -> Any:
    """The WSGI application, answering /media/ from MEDIA_ROOT before Django sees it."""
    if not serves_local_media():
        return application
    media = WhiteNoise(
        application,
        autorefresh=True,
        max_age=MAX_AGE,
        allow_all_origins=False,
        add_headers_function=_add_headers,
        immutable_file_test=_immutable,
    )
    media.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
    return media


def serve_media(request: HttpRequest, path: str) -> HttpResponse | FileResponse:
    """The same headers where Django serves media itself (tests; a file not found)."""
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    for name, value in MEDIA_HEADERS.items():
        response[name] = value
    response["Cache-Control"] = (
        f"max-age={FOREVER}, public, immutable"
        if _immutable("", request.path)
        else f"max-age={MAX_AGE}, public"
    )
    return response
