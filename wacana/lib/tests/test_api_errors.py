"""Every answer under /api/ is JSON in the contract's shape, errors included (issue 10.13)."""

import json
from typing import Any

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from wacana.accounts.models import ApiToken, User
from wacana.testing.api import assert_error_shape

pytestmark = pytest.mark.django_db


def assert_json_error(response: Any, status: int) -> dict[str, Any]:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = assert_error_shape(response, status)
    assert isinstance(body.get("errors", {}), dict)
    return body


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/articles"),
        ("patch", "/api/v1/me"),
        ("delete", "/api/v1/auth/token"),
        ("post", "/api/v1/reports"),
        ("put", "/api/v1/users/siapa/follow"),
    ],
)
def test_anonymous_unsafe_call_is_401_not_a_csrf_403(method: str, path: str) -> None:
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(path, "{}", content_type="application/json")
    body = assert_json_error(response, 401)
    assert "CSRF" not in body["detail"]


def test_bad_token_on_an_unsafe_call_is_401() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/articles",
        "{}",
        content_type="application/json",
        headers={"Authorization": "Bearer not-a-token"},
    )
    assert_json_error(response, 401)


def test_signed_in_session_without_csrf_token_is_403_json(writer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    response = client.patch("/api/v1/me", json.dumps({"bio": "x"}), content_type="application/json")
    body = assert_json_error(response, 403)
    assert "CSRF" in body["detail"]


def test_signed_in_session_with_csrf_token_still_works(writer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    secret = get_random_string(32)
    client.cookies["csrftoken"] = secret
    response = client.patch(
        "/api/v1/me",
        json.dumps({"bio": "Lewat sesi"}),
        content_type="application/json",
        headers={"X-CSRFToken": secret},
    )
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(
    "path", ["/api/v1/tidak-ada", "/api/v2/articles", "/api/", "/api/v1/articles/abc/x"]
)
def test_unknown_api_path_is_a_json_404(client: Client, path: str) -> None:
    assert_json_error(client.get(path), 404)
    assert_json_error(client.post(path, "{}", content_type="application/json"), 404)


def test_unknown_page_outside_the_api_stays_html(client: Client) -> None:
    response = client.get("/tidak/ada/sama/sekali")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_method_not_allowed_is_json_and_keeps_allow(client: Client) -> None:
    response = client.get("/api/v1/auth/token")
    assert_json_error(response, 405)
    assert "POST" in response["Allow"]


def test_server_error_in_the_api_is_json(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(ApiToken.objects, "for_key", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer abc"})
    body = assert_json_error(response, 500)
    assert "boom" not in body["detail"]


def test_oversized_api_body_is_a_json_413(client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(
        "/api/v1/auth/token",
        json.dumps({"username": "x" * 5000, "password": "y"}),
        content_type="application/json",
    )
    assert_json_error(response, 413)
