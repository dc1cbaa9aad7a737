"""Uploaded media is served with nosniff and a restrictive CSP on the path production
uses: the WSGI application granian runs (issue 10.15)."""

import io
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client

import wacana.wsgi
from wacana.lib.front import Front
from wacana.lib.media import with_media
from wacana.testing.api import api_for
from wacana.testing.images import image_bytes

pytestmark = pytest.mark.django_db

CSP = "default-src 'none'; img-src 'self'; sandbox"


def call(
    app: Any, path: str, method: str = "GET", **environ: str
) -> tuple[int, dict[str, str], bytes]:
    # As Django's test client does: the request must not close the test's database
    # connection (its transaction holds the test's rows) when it starts or ends.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        return _call(app, path, method, **environ)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _call(
    app: Any, path: str, method: str = "GET", **environ: str
) -> tuple[int, dict[str, str], bytes]:
    env: dict[str, Any] = {"PATH_INFO": path, "REQUEST_METHOD": method, **environ}
    setup_testing_defaults(env)
    env["wsgi.input"] = io.BytesIO(b"")
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen["status"] = int(status.split()[0])
        seen["headers"] = {name.lower(): value for name, value in headers}

    chunks = app(env, start_response)
    body = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return seen["status"], seen["headers"], body


@pytest.fixture
def app(settings: Any) -> Any:
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    return with_media(get_wsgi_application())


def test_the_production_application_is_wrapped() -> None:
    # The front (kept pages, wacana.lib.front), then media, then Django.
    assert isinstance(wacana.wsgi.application, Front)
    media = wacana.wsgi.application.application
    assert not isinstance(media, WSGIHandler)
    assert media.application.__class__ is WSGIHandler


def test_an_uploaded_avatar_is_served_with_nosniff_csp_and_a_long_cache(
    app: Any, writer: Any
) -> None:
    assert api_for(writer).upload("/me/avatar", "a.png", image_bytes()).status_code == 200
    writer.refresh_from_db()
    url = writer.avatar.url
    status, headers, body = call(app, url)
    assert status == 200
    assert headers["content-type"] == "image/webp"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == CSP
    assert "immutable" in headers["cache-control"]
    assert "access-control-allow-origin" not in headers
    assert body[:4] == b"RIFF"
    # A conditional request is answered 304, HEAD without a body.
    status, _headers, body = call(app, url, HTTP_IF_NONE_MATCH=headers["etag"])
    assert status == 304 and body == b""
    status, headers, body = call(app, url, "HEAD")
    assert status == 200 and body == b"" and headers["x-content-type-options"] == "nosniff"


def test_a_file_with_another_name_gets_the_headers_and_a_short_cache(
    app: Any, settings: Any
) -> None:
    # A file someone managed to place there that a browser might sniff as HTML.
    (Path(settings.MEDIA_ROOT) / "catatan.txt").write_text("<html><script>alert(1)</script>")
    status, headers, _body = call(app, "/media/catatan.txt")
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == CSP
    assert "immutable" not in headers["cache-control"]


@pytest.mark.parametrize(
    "path", ["/media/../wacana/settings.py", "/media/%2e%2e/secret_key", "/media/tidak-ada.webp"]
)
def test_nothing_outside_media_nor_a_missing_file_is_served(app: Any, path: str) -> None:
    status, _headers, body = call(app, path)
    # Django refuses a path leaving the folder as suspicious (400), a missing file 404.
    assert status in (400, 404)
    assert b"SECRET_KEY" not in body


def test_pages_are_still_answered_by_django(app: Any) -> None:
    status, headers, _body = call(app, "/tentang")
    assert status == 200
    assert headers["content-type"].startswith("text/html")


def test_the_test_client_path_has_the_same_headers(writer: Any) -> None:
    assert api_for(writer).upload("/me/avatar", "a.png", image_bytes()).status_code == 200
    writer.refresh_from_db()
    response = Client().get(writer.avatar.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == CSP
