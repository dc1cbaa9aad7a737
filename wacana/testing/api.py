"""The API client of the tests: a JSON client for /api/v1 holding a persona's token."""

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wacana.accounts import actions
from wacana.accounts.models import ApiToken, User
from wacana.testing.personas import PASSWORD


class Api:
    """A thin JSON client for /api/v1 that remembers a bearer token."""

    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client = client
        self.token = token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def call(
        self,
        method: str,
        path: str,
        data: Any = None,
        raw: str | bytes | None = None,
        content_type: str = "application/json",
        **extra: Any,
    ) -> Any:
        body = raw if raw is not None else (json.dumps(data) if data is not None else None)
        kwargs: dict[str, Any] = {"headers": {**self._headers(), **extra.pop("headers", {})}}
        if body is not None:
            kwargs.update(data=body, content_type=content_type)
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs, **extra)

    def get(self, path: str, **kw: Any) -> Any:
        return self.call("get", path, **kw)

    def post(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("post", path, data, **kw)

    def patch(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("patch", path, data, **kw)

    def put(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("put", path, data, **kw)

    def delete(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("delete", path, data, **kw)

    def upload(self, path: str, name: str, content: bytes, content_type: str = "image/png") -> Any:
        upload = SimpleUploadedFile(name, content, content_type=content_type)
        return self.client.post(f"/api/v1{path}", {"file": upload}, headers=self._headers())


def api_for(user: User) -> Api:
    """An API client with a fresh token of `user`'s."""
    # Marked as just used: a token's "last used" is written at most once per
    # API_TOKEN_LAST_USED_MINUTES, so tests that count queries see the steady state.
    token, key = actions.create_token(user)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return Api(Client(), key)


def assert_error_shape(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    """`response` is the API's error: `status`, a readable `detail`, messages for `field`."""
    assert response.status_code == status, response.content
    body: dict[str, Any] = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"].strip()
    if field is not None:
        assert field in body.get("errors", {}), body
        assert all(isinstance(m, str) and m for m in body["errors"][field])
    return body


def delete_account(user: User) -> None:
    """Delete `user`'s account the way they would, through `DELETE /api/v1/me` (the
    privacy app owns deletion; tests of the apps below it reach it through the API)."""
    response = api_for(user).delete("/me", {"password": PASSWORD})
    assert response.status_code == 204, response.content


@pytest.fixture
def anon_api(client: Client) -> Api:
    return Api(client)


@pytest.fixture
def reader_api(reader: User) -> Api:
    return api_for(reader)


@pytest.fixture
def writer_api(writer: User) -> Api:
    return api_for(writer)


@pytest.fixture
def mod_api(moderator: User) -> Api:
    return api_for(moderator)


@pytest.fixture
def editor_api(editor: User) -> Api:
    return api_for(editor)


@pytest.fixture
def admin_api(admin_user: User) -> Api:
    return api_for(admin_user)
