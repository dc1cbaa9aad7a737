"""API tokens (issue 10, point 6): revoked by every password change, listed and revoked
by their owner on the page and in the API, optionally expiring, "last used" kept cheaply."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wacana.accounts import actions
from wacana.accounts.models import ApiToken, User
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Hujan-di-Bandung-2025"


def works(key: str) -> bool:
    response = Api(Client(), key).get("/me")
    assert response.status_code in (200, 401), response.content
    return bool(response.status_code == 200)


# --- every password change revokes the tokens ------------------------------------------


def test_changing_the_password_on_the_page_revokes_every_token(writer: User, reader: User) -> None:
    keys = [actions.issue_token(writer), actions.issue_token(writer)]
    others = actions.issue_token(reader)
    client = Client()
    client.force_login(writer)
    response = client.post(
        "/akun/sandi",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert not any(works(key) for key in keys)
    assert works(others)
    # The page session itself goes on.
    assert client.get("/akun/profil").status_code == 200


def test_a_refused_password_change_keeps_the_tokens(writer: User) -> None:
    key = actions.issue_token(writer)
    client = Client()
    client.force_login(writer)
    response = client.post(
        "/akun/sandi",
        {"old_password": "salah", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert works(key)


def test_resetting_the_password_by_email_link_revokes_every_token(writer: User) -> None:
    key = actions.issue_token(writer)
    uid = urlsafe_base64_encode(force_bytes(writer.pk))
    link = f"/akun/sandi/atur/{uid}/{default_token_generator.make_token(writer)}"
    client = Client()
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302, response.content
    assert not works(key)


def test_an_administrator_setting_a_password_revokes_every_token(
    writer: User, admin_user: User
) -> None:
    key = actions.issue_token(writer)
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        f"/admin/accounts/user/{writer.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302, response.context["form"].errors
    writer.refresh_from_db()
    assert writer.check_password(NEW_PASSWORD)
    assert not works(key)


class FastPBKDF2(PBKDF2PasswordHasher):
    iterations = 1000


def test_a_hash_upgrade_at_sign_in_is_not_a_password_change(writer: User, settings: Any) -> None:
    key = actions.issue_token(writer)
    assert writer.password.startswith("md5$")
    settings.PASSWORD_HASHERS = [
        f"{__name__}.FastPBKDF2",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    response = Client().post("/masuk", {"username": "penulis", "password": PASSWORD})
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.password.startswith("pbkdf2_sha256$")
    assert works(key)


# --- listing and revoking: API ----------------------------------------------------------


def test_the_api_lists_only_the_callers_tokens(writer: User, reader: User) -> None:
    first = actions.create_token(writer, name="skrip cadangan")[0]
    actions.issue_token(reader)
    api = api_for(writer)
    response = api.get("/me/tokens")
    assert response.status_code == 200
    rows = response.json()
    assert {row["id"] for row in rows} == set(writer.api_tokens.values_list("id", flat=True))
    assert len(rows) == 2
    named = next(row for row in rows if row["id"] == first.pk)
    assert named["name"] == "skrip cadangan"
    assert named["hint"].startswith("wcn_") and named["created_at"]
    assert named["last_used_at"] is None and named["expires_at"] is None
    assert named["current"] is False
    current = next(row for row in rows if row["id"] != first.pk)
    assert current["current"] is True and current["last_used_at"] is not None
    assert not any("key" in row or "key_hash" in row for row in rows)


def test_the_token_list_needs_a_credential(anon_api: Api) -> None:
    assert_error_shape(anon_api.get("/me/tokens"), 401)
    assert_error_shape(anon_api.delete("/me/tokens"), 401)
    assert_error_shape(anon_api.delete("/me/tokens/1"), 401)


def test_the_api_revokes_one_token(writer: User) -> None:
    spare = actions.create_token(writer, name="lama")
    api = api_for(writer)
    assert api.delete(f"/me/tokens/{spare[0].pk}").status_code == 204
    assert not works(spare[1])
    assert works(api.token or "")


def test_nobody_revokes_another_persons_token(writer: User, reader: User) -> None:
    token, key = actions.create_token(writer)
    response = api_for(reader).delete(f"/me/tokens/{token.pk}")
    assert_error_shape(response, 404)
    assert works(key)


@pytest.mark.parametrize("token_id", ["0", "-1", "99999999999999999999999", "abc", "1.5"])
def test_revoking_a_token_by_a_bad_id_never_breaks(writer: User, token_id: str) -> None:
    response = api_for(writer).delete(f"/me/tokens/{token_id}")
    assert response.status_code in (404, 422), response.content
    assert_error_shape(response, response.status_code)


def test_the_api_revokes_all_the_callers_tokens(writer: User, reader: User) -> None:
    spare = actions.issue_token(writer)
    others = actions.issue_token(reader)
    api = api_for(writer)
    assert api.delete("/me/tokens").status_code == 204
    assert not works(spare) and not works(api.token or "")
    assert works(others)


def test_a_browser_session_revokes_tokens_with_its_csrf_token(writer: User) -> None:
    key = actions.issue_token(writer)
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    assert client.delete("/api/v1/me/tokens").status_code in (401, 403)
    assert works(key)


# --- expiry and names at issue ----------------------------------------------------------


def test_a_token_may_carry_a_name_and_an_expiry(anon_api: Api, writer: User) -> None:
    response = anon_api.post(
        "/auth/token",
        {"username": "penulis", "password": PASSWORD, "name": "ponsel", "expires_in_days": 7},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["token"].startswith("wcn_") and body["name"] == "ponsel"
    token = ApiToken.objects.get(pk=body["id"])
    assert token.expires_at is not None
    assert timedelta(days=6, hours=23) < token.expires_at - timezone.now() <= timedelta(days=7)
    assert works(body["token"])


def test_without_options_the_token_answer_keeps_its_shape(anon_api: Api, writer: User) -> None:
    response = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["token"], str) and body["expires_at"] is None and body["name"] == ""


def test_an_expired_token_stops_working(writer: User) -> None:
    token, key = actions.create_token(writer, expires_at=timezone.now() + timedelta(days=1))
    assert works(key)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not works(key)
    assert token.pk not in [row["id"] for row in api_for(writer).get("/me/tokens").json()]


@pytest.mark.parametrize(
    "options, field",
    [
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"expires_in_days": -3}, "expires_in_days"),
        ({"expires_in_days": 3651}, "expires_in_days"),
        ({"expires_in_days": 10**30}, "expires_in_days"),
        ({"expires_in_days": "seminggu"}, "expires_in_days"),
        ({"name": "x" * 101}, "name"),
        ({"name": 42}, "name"),
        ({"name": "nul\u0000"}, "name"),
    ],
)
def test_bad_token_options_are_refused_with_422(
    anon_api: Api, writer: User, options: dict[str, Any], field: str
) -> None:
    body = {"username": "penulis", "password": PASSWORD, **options}
    response = anon_api.post("/auth/token", body)
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not ApiToken.objects.exists()


# --- "last used" without a write per request --------------------------------------------


def _token_updates(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE") and "apitoken" in q["sql"]
    ]


def test_last_used_is_written_at_most_once_per_interval(writer: User, settings: Any) -> None:
    settings.API_TOKEN_LAST_USED_MINUTES = 10
    token, key = actions.create_token(writer)
    api = Api(Client(), key)
    with CaptureQueriesContext(connection) as first:
        assert api.get("/me").status_code == 200
    assert len(_token_updates(first)) == 1
    token.refresh_from_db()
    assert token.last_used_at is not None
    with CaptureQueriesContext(connection) as again:
        for _ in range(3):
            assert api.get("/me").status_code == 200
    assert _token_updates(again) == []
    stale = timezone.now() - timedelta(minutes=11)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=stale)
    with CaptureQueriesContext(connection) as later:
        assert api.get("/me").status_code == 200
    assert len(_token_updates(later)) == 1
    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_at > stale


# --- the page ----------------------------------------------------------------------------


def test_the_token_page_needs_sign_in(client: Client) -> None:
    response = client.get("/akun/token")
    assert response.status_code == 302 and "/masuk" in response["Location"]
    assert client.post("/akun/token/cabut-semua").status_code == 302


def test_the_token_page_lists_the_own_tokens_and_is_linked_from_settings(
    client: Client, writer: User, reader: User
) -> None:
    actions.create_token(writer, name="skrip cadangan")
    actions.create_token(reader, name="punya orang lain")
    client.force_login(writer)
    html = client.get("/akun/token").content.decode()
    assert "skrip cadangan" in html and "punya orang lain" not in html
    assert "Token API" in html
    assert 'href="/akun/token"' in client.get("/akun/profil").content.decode()


def test_the_page_revokes_one_own_token(client: Client, writer: User) -> None:
    token, key = actions.create_token(writer)
    client.force_login(writer)
    assert client.get(f"/akun/token/{token.pk}/cabut").status_code == 405
    response = client.post(f"/akun/token/{token.pk}/cabut")
    assert response.status_code == 302 and response["Location"] == "/akun/token"
    assert not works(key)


def test_the_page_does_not_revoke_another_persons_token(
    client: Client, writer: User, reader: User
) -> None:
    token, key = actions.create_token(writer)
    client.force_login(reader)
    assert client.post(f"/akun/token/{token.pk}/cabut").status_code == 404
    assert client.post("/akun/token/99999999999999999999/cabut").status_code == 404
    assert works(key)


def test_the_page_revokes_all_own_tokens(client: Client, writer: User, reader: User) -> None:
    keys = [actions.issue_token(writer), actions.issue_token(writer)]
    others = actions.issue_token(reader)
    client.force_login(writer)
    response = client.post("/akun/token/cabut-semua", follow=True)
    assert "2 token API telah dicabut" in response.content.decode()
    assert not any(works(key) for key in keys)
    assert works(others)


def test_the_export_holds_the_new_token_fields(writer: User) -> None:
    actions.create_token(writer, name="ponsel", expires_at=timezone.now() + timedelta(days=3))
    client = Client()
    client.force_login(writer)
    [row] = client.get("/api/v1/me/export").json()["api_tokens"]
    assert row["name"] == "ponsel" and row["expires_at"] and "last_used_at" in row
