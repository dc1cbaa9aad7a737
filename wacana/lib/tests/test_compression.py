"""Compression (issue 14.1): HTML, JSON, feeds and sitemaps in brotli or gzip, gzip with
Django's BREACH padding where a page carries a secret, and the cached home page
stored compressed."""

import gzip
from typing import Any

import brotli
import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.lib import compression
from wacana.testing.content import publish

pytestmark = pytest.mark.django_db

BOTH = "gzip, deflate, br"


def decoded(response: Any) -> bytes:
    encoding = response.get("Content-Encoding", "")
    if encoding == "br":
        return bytes(brotli.decompress(response.content))
    if encoding == "gzip":
        return gzip.decompress(response.content)
    assert not encoding, encoding
    return bytes(response.content)


def vary(response: Any) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


@pytest.fixture
def article_url(writer: User) -> str:
    return publish(
        writer, tags="kopi", body="Pagi itu sawah di Ende masih berkabut. " * 80
    ).get_absolute_url()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (BOTH, "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("*", "br"),
        ("", ""),
        ("identity", ""),
        ("gzip;q=0", ""),
    ],
)
def test_an_anonymous_article_page_is_compressed_as_the_client_accepts(
    client: Client, article_url: str, accept: str, expected: str
) -> None:
    plain = client.get(article_url).content
    response = client.get(article_url, headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.get("Content-Encoding", "") == expected
    assert "accept-encoding" in vary(response)
    assert decoded(response) == plain
    if expected:
        assert int(response["Content-Length"]) == len(response.content) < len(plain) / 2


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/api/v1/articles", "application/json"),
        ("/feed", "application/atom+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/tag/kopi", "text/html"),
        ("/api/v1/tidak-ada-sama-sekali-" + "x" * 300, "application/json"),
    ],
)
def test_json_feeds_sitemaps_and_errors_are_compressed(
    client: Client, article_url: str, path: str, content_type: str
) -> None:
    response = client.get(path, headers={"Accept-Encoding": BOTH})
    assert response["Content-Type"].startswith(content_type)
    body = decoded(response)
    if len(body) >= compression.MIN_LENGTH:
        assert response["Content-Encoding"] == "br"
    assert "accept-encoding" in vary(response)


def gzip_has_random_name(data: bytes) -> bool:
    # The FNAME flag of the gzip header: Django's BREACH padding (a random file name).
    return data[:2] == b"\x1f\x8b" and bool(data[3] & gzip.FNAME)


def test_a_signed_in_page_is_gzipped_with_breach_padding_never_brotli(
    writer: User, article_url: str
) -> None:
    client = Client()
    client.force_login(writer)
    plain = client.get(article_url).content
    lengths = set()
    for _ in range(6):
        response = client.get(article_url, headers={"Accept-Encoding": BOTH})
        assert response["Content-Encoding"] == "gzip"
        assert gzip_has_random_name(response.content)
        assert len(gzip.decompress(response.content)) == len(plain)
        lengths.add(len(response.content))
    assert len(lengths) > 1, "the padding makes the length vary"


def test_a_page_with_a_csrf_token_is_padded_even_for_anonymous_readers(client: Client) -> None:
    response = client.get("/masuk", headers={"Accept-Encoding": BOTH})
    assert b"csrfmiddlewaretoken" in decoded(response)
    assert response["Content-Encoding"] == "gzip"
    assert gzip_has_random_name(response.content)


def test_a_page_without_a_secret_is_not_padded(client: Client, article_url: str) -> None:
    response = client.get(article_url, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert not gzip_has_random_name(response.content)


def test_etag_and_304_still_work_on_compressed_pages(client: Client, article_url: str) -> None:
    first = client.get(article_url, headers={"Accept-Encoding": "gzip"})
    etag = first.get("ETag")
    assert etag, dict(first.headers)
    again = client.get(article_url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304
    assert not again.content
    assert "accept-encoding" in vary(again), "a 304 varies as its 200 does"


def test_the_feed_answers_304_to_its_compressed_etag(client: Client, article_url: str) -> None:
    first = client.get("/feed", headers={"Accept-Encoding": BOTH})
    assert first["Content-Encoding"] == "br"
    etag = first["ETag"]
    assert etag.startswith('W/"')
    again = client.get("/feed", headers={"Accept-Encoding": BOTH, "If-None-Match": etag})
    assert again.status_code == 304
    assert "accept-encoding" in vary(again)


def test_the_cached_home_is_stored_compressed_and_a_hit_compresses_nothing(
    client: Client, article_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = client.get("/").content  # fills the cache
    calls: list[str] = []
    real_br, real_gzip = brotli.compress, gzip.compress

    def counting_br(*args: Any, **kwargs: Any) -> Any:
        calls.append("br")
        return real_br(*args, **kwargs)

    def counting_gzip(*args: Any, **kwargs: Any) -> Any:
        calls.append("gzip")
        return real_gzip(*args, **kwargs)

    monkeypatch.setattr(brotli, "compress", counting_br)
    monkeypatch.setattr(gzip, "compress", counting_gzip)
    for accept, encoding in ((BOTH, "br"), ("gzip", "gzip"), ("", "")):
        response = client.get("/", headers={"Accept-Encoding": accept})
        assert response.get("Content-Encoding", "") == encoding
        assert "accept-encoding" in vary(response)
        assert decoded(response) == plain
    assert calls == []
    # The first rendering for a new version of the home fills every variant at once.
    from wacana.discovery import home

    home.forget()
    response = client.get("/", headers={"Accept-Encoding": BOTH})
    assert response["Content-Encoding"] == "br"
    assert sorted(calls) == ["br", "gzip"]


def test_the_cached_home_answers_304(client: Client, article_url: str) -> None:
    first = client.get("/", headers={"Accept-Encoding": BOTH})
    etag = first["ETag"]
    again = client.get("/", headers={"Accept-Encoding": BOTH, "If-None-Match": etag})
    assert again.status_code == 304
    assert "accept-encoding" in vary(again)
    other = client.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert other.status_code == 200, "another encoding is another representation"


def test_images_are_not_compressed_again(client: Client, writer: User) -> None:
    from wacana.testing.api import api_for
    from wacana.testing.images import image_bytes

    assert api_for(writer).upload("/me/avatar", "a.png", image_bytes()).status_code == 200
    writer.refresh_from_db()
    response = client.get(writer.avatar.url, headers={"Accept-Encoding": BOTH})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
