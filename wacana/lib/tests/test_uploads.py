"""Uploads are refused by declared size before the body is read, and rate-limited per
account on every path (issue 10.10)."""

import time
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article, Image
from wacana.testing.api import api_for, assert_error_shape
from wacana.testing.content import draft
from wacana.testing.images import image_bytes

pytestmark = pytest.mark.django_db

HUGE = str(300 * 1024 * 1024)


class UnreadableBody:
    """A wsgi.input that fails the test if anything reads it."""

    def __init__(self) -> None:
        self.reads = 0

    def read(self, *args: Any) -> bytes:
        self.reads += 1
        raise AssertionError("the body was read")

    readline = read

    def __iter__(self) -> Any:
        raise AssertionError("the body was read")


def post_huge(client: Client, path: str, **headers: str) -> tuple[Any, UnreadableBody]:
    body = UnreadableBody()
    started = time.monotonic()
    environ: dict[str, Any] = {"wsgi.input": body, "CONTENT_LENGTH": HUGE}
    response = client.generic(
        "POST",
        path,
        b"x",
        content_type="multipart/form-data; boundary=batas",
        headers=headers,
        **environ,
    )
    assert time.monotonic() - started < 2
    return response, body


@pytest.mark.parametrize(
    "path", ["/api/v1/me/avatar", "/api/v1/articles/1/image", "/api/v1/articles"]
)
def test_api_refuses_a_huge_declared_body_without_reading_it(writer: User, path: str) -> None:
    token = api_for(writer).token
    response, body = post_huge(Client(), path, Authorization=f"Bearer {token}")
    body_json = assert_error_shape(response, 413)
    assert response["Content-Type"].startswith("application/json")
    assert "MB" in body_json["detail"]
    assert body.reads == 0


def test_anonymous_huge_api_body_is_413_too() -> None:
    response, body = post_huge(Client(), "/api/v1/me/avatar")
    assert_error_shape(response, 413)
    assert body.reads == 0


@pytest.mark.parametrize("path", ["/akun/foto", "/tulis", "/tulis/gambar", "/masuk"])
def test_pages_refuse_a_huge_declared_body_with_a_readable_page(writer: User, path: str) -> None:
    client = Client()
    client.force_login(writer)
    response, body = post_huge(client, path)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "Unggahan terlalu besar" in response.content.decode()
    assert body.reads == 0


def test_a_body_just_under_the_cap_is_not_refused_by_size(writer: User, settings: Any) -> None:
    client = Client()
    client.force_login(writer)
    upload = SimpleUploadedFile("a.png", image_bytes(), "image/png")
    assert client.post("/akun/foto", {"avatar": upload}).status_code == 302


def test_django_upload_limits_are_capped(settings: Any) -> None:
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 1000
    assert settings.MAX_REQUEST_BYTES < 50 * 1024 * 1024


# --- the per-account upload limit ----------------------------------------------------


@pytest.fixture
def two_uploads(settings: Any) -> None:
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "upload": (2, 3600)}


def retry_after(response: Any) -> int:
    value = response.get("Retry-After", "")
    assert value.isdigit() and int(value) > 0, dict(response.headers)
    return int(value)


def upload(name: str = "a.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(), "image/png")


def test_api_avatar_uploads_are_limited_per_account(
    writer: User, reader: User, two_uploads: None
) -> None:
    api = api_for(writer)
    for _ in range(2):
        assert api.upload("/me/avatar", "a.png", image_bytes()).status_code == 200
    response = api.upload("/me/avatar", "a.png", image_bytes())
    assert_error_shape(response, 429, "file")
    assert retry_after(response)
    # Another account is not held back by this one.
    assert api_for(reader).upload("/me/avatar", "a.png", image_bytes()).status_code == 200


def test_api_featured_image_counts_toward_the_same_limit(writer: User, two_uploads: None) -> None:
    article = draft(writer)
    api = api_for(writer)
    assert api.upload("/me/avatar", "a.png", image_bytes()).status_code == 200
    assert api.upload(f"/articles/{article.pk}/image", "a.png", image_bytes()).status_code == 200
    response = api.upload(f"/articles/{article.pk}/image", "a.png", image_bytes())
    assert_error_shape(response, 429, "file")
    assert retry_after(response)


def test_page_avatar_uploads_are_limited(writer: User, two_uploads: None) -> None:
    client = Client()
    client.force_login(writer)
    for _ in range(2):
        assert client.post("/akun/foto", {"avatar": upload()}).status_code == 302
    response = client.post("/akun/foto", {"avatar": upload()})
    assert response.status_code == 429
    assert retry_after(response)
    assert response.context["avatar_form"].errors["avatar"]


def test_body_images_are_limited_on_both_page_paths(writer: User, two_uploads: None) -> None:
    client = Client()
    client.force_login(writer)
    assert client.post("/tulis/gambar", {"image": upload()}).status_code == 200
    article = draft(writer)
    data = {
        "title": article.title,
        "category": article.category.slug,
        "tags": "",
        "body": article.body,
        "body_image": upload(),
    }
    assert client.post(f"/tulis/{article.pk}", data).status_code == 302
    before = Image.objects.filter(owner=writer).count()
    response = client.post("/tulis/gambar", {"image": upload()})
    assert response.status_code == 429
    assert retry_after(response)
    assert response.json()["detail"]
    response = client.post(
        f"/tulis/{article.pk}", {**data, "body_image": upload(), "title": "Baru"}
    )
    assert response.status_code == 429
    assert retry_after(response)
    assert Image.objects.filter(owner=writer).count() == before
    assert Article.objects.get(pk=article.pk).title == article.title
