"""The API's account endpoints, tested from the outside through /api/v1."""

import hashlib
import io
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.crypto import get_random_string
from PIL import ExifTags, Image

from wacana.accounts import actions
from wacana.accounts.models import ApiToken, User
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.images import (
    NOT_ACCEPTABLE_IMAGES,
    bilevel_png,
    image_bytes,
    jpeg_with_gps,
)
from wacana.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {
    "username",
    "display_name",
    "tagline",
    "bio",
    "avatar_url",
    "url",
    "joined_at",
    "verified",
    "article_count",
    "follower_count",
    "following_count",
    "points",
    "rank",
}
OWN_FIELDS = PUBLIC_FIELDS | {"email"}
STRONG_PASSWORD = "Senja-di-Kupang-2024"
BAD_JSON_TYPES = [
    pytest.param(42, id="number"),
    pytest.param(4.5, id="float"),
    pytest.param(True, id="bool"),
    pytest.param(["budi"], id="list"),
    pytest.param({"nama": "budi"}, id="object"),
    pytest.param(None, id="null"),
]
MALFORMED_BODIES = [
    pytest.param("{", id="truncated"),
    pytest.param("{'username': 'budi'}", id="single-quotes"),
    pytest.param('{"username": "budi",}', id="trailing-comma"),
    pytest.param("not json at all", id="plain-text"),
]
NON_OBJECT_BODIES = [
    pytest.param("[]", id="empty-list"),
    pytest.param('["budi", "rahasia"]', id="list"),
    pytest.param('"budi"', id="string"),
    pytest.param("42", id="number"),
    pytest.param("true", id="bool"),
    pytest.param("null", id="null"),
]


# --- helpers --------------------------------------------------------------------------


def signup_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "username": "budisantoso",
        "email": "budi@example.com",
        "password": STRONG_PASSWORD,
        "display_name": "Budi Santoso",
    }
    body.update(overrides)
    return body


def raw_json_with(body: dict[str, Any], field: str, escaped: str) -> str:
    """`body` as JSON text whose `field` holds `escaped` verbatim (e.g. a lone surrogate)."""
    marker = "@@MARKER@@"
    return json.dumps({**body, field: marker}).replace(marker, escaped)


def assert_public_profile(body: dict[str, Any], user: User) -> None:
    assert set(body) >= PUBLIC_FIELDS, body
    assert body["username"] == user.username
    assert body["display_name"] == user.display_name
    assert body["tagline"] == user.tagline
    assert body["bio"] == user.bio
    assert body["url"] == f"/{user.username}"
    assert body["verified"] is user.verified
    for count in ("article_count", "follower_count", "following_count"):
        assert isinstance(body[count], int) and not isinstance(body[count], bool)
        assert body[count] >= 0
    joined = datetime.fromisoformat(body["joined_at"])
    assert joined.tzinfo is not None, "times carry an offset"
    assert abs(joined - user.date_joined) < timedelta(seconds=1)
    assert body["avatar_url"] is None or isinstance(body["avatar_url"], str)
    assert "password" not in body


def assert_own_profile(body: dict[str, Any], user: User) -> None:
    assert_public_profile(body, user)
    assert set(body) >= OWN_FIELDS
    assert body["email"] == user.email


def profile_state(user: User) -> tuple[Any, ...]:
    fresh = User.objects.get(pk=user.pk)
    return (
        fresh.username,
        fresh.email,
        fresh.display_name,
        fresh.tagline,
        fresh.bio,
        fresh.avatar.name,
        fresh.avatar_small.name,
        fresh.verified,
        fresh.is_staff,
        fresh.is_superuser,
        fresh.is_active,
        fresh.password,
    )


def strings_in(value: Any) -> list[str]:
    """Every string anywhere in a decoded JSON value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *strings_in(v)]]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def stored_image(name: str) -> tuple[Image.Image, bytes]:
    with default_storage.open(name) as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image, data


def session_client(user: User, *, csrf: bool) -> tuple[Client, dict[str, str]]:
    """A browser-like client signed in by session, with CSRF enforced.

    With csrf=True the CSRF cookie is set and the matching header is returned.
    """
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    if not csrf:
        return client, {}
    secret = get_random_string(32)
    client.cookies["csrftoken"] = secret
    return client, {"X-CSRFToken": secret}


def limit(settings: Any, **limits: tuple[int, int]) -> None:
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, **limits}


def retry_after(response: Any) -> int:
    assert "Retry-After" in response, dict(response.headers)
    value = response["Retry-After"]
    assert value.strip().isdigit(), value
    return int(value)


@pytest.fixture
def avatar_writer(writer: User, writer_api: Api) -> User:
    response = writer_api.upload("/me/avatar", "lama.png", image_bytes("PNG"))
    assert response.status_code == 200, response.content
    writer.refresh_from_db()
    assert writer.avatar.name and writer.avatar_small.name
    return writer


# --- POST /api/v1/accounts ------------------------------------------------------------


def test_it_creates_an_account_and_answers_the_public_profile(anon_api: Api) -> None:
    response = anon_api.post("/accounts", signup_body())
    assert response.status_code == 201, response.content
    body = response.json()
    user = User.objects.get(username="budisantoso")
    assert_public_profile(body, user)
    assert body["display_name"] == "Budi Santoso"
    assert body["tagline"] == "" and body["bio"] == "" and body["avatar_url"] is None
    assert body["verified"] is False
    assert "email" not in body, "the public profile never shows the address"
    assert user.email == "budi@example.com"
    assert user.check_password(STRONG_PASSWORD)
    assert STRONG_PASSWORD not in user.password


def test_the_new_account_can_sign_in(anon_api: Api) -> None:
    assert anon_api.post("/accounts", signup_body()).status_code == 201
    response = anon_api.post(
        "/auth/token", {"username": "budisantoso", "password": STRONG_PASSWORD}
    )
    assert response.status_code == 200
    me = Api(Client(), response.json()["token"]).get("/me")
    assert me.status_code == 200
    assert me.json()["email"] == "budi@example.com"


@pytest.mark.parametrize("username", ["abc", "a" * 30, "bu.di", "budi_santoso", "budi2024"])
def test_it_accepts_usernames_within_the_rules(anon_api: Api, username: str) -> None:
    response = anon_api.post("/accounts", signup_body(username=username))
    assert response.status_code == 201, response.content
    assert response.json()["username"] == username
    assert User.objects.filter(username=username).exists()


@pytest.mark.parametrize(
    "username",
    ["admin", "api", "Admin", "ADMIN", "akun", "daftar", "masuk", "feed", "static", "media"],
)
def test_it_refuses_reserved_usernames(anon_api: Api, username: str) -> None:
    response = anon_api.post("/accounts", signup_body(username=username))
    assert_error_shape(response, 422, "username")
    assert not User.objects.exists()


def _top_level_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for entry in patterns:
            route = str(entry.pattern)
            if route.startswith("^"):
                continue  # regex routes: the media files and the profile catch-all
            first = route.split("/", 1)[0]
            if isinstance(entry, URLResolver):
                if first:
                    names.add(first)
                else:
                    walk(entry.url_patterns)
            elif isinstance(entry, URLPattern) and first and "<" not in first:
                names.add(first)

    walk(get_resolver().url_patterns)
    return {name.lower() for name in names if 3 <= len(name) <= 30}


def test_it_refuses_every_site_route_as_a_username(anon_api: Api, settings: Any) -> None:
    settings.RATE_LIMITS_ENABLED = False
    routes = _top_level_route_names()
    assert {"admin", "api", "daftar", "tentang", "robots.txt"} <= routes
    accepted = []
    for index, route in enumerate(sorted(routes)):
        body = signup_body(username=route, email=f"rute{index}@example.com")
        response = anon_api.post("/accounts", body)
        if response.status_code != 422 or "username" not in response.json().get("errors", {}):
            accepted.append((route, response.status_code))
    assert accepted == [], "these routes can be taken as usernames"
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "username",
    [
        pytest.param("ab", id="too-short"),
        pytest.param("a" * 31, id="too-long-31"),
        pytest.param("a" * 1000, id="far-too-long"),
        pytest.param(".budi", id="leading-dot"),
        pytest.param("budi.", id="trailing-dot"),
        pytest.param("bu..di", id="double-dot"),
        pytest.param("budi santoso", id="space"),
        pytest.param("budi-santoso", id="hyphen"),
        pytest.param("budi@santoso", id="at-sign"),
        pytest.param("budi/santoso", id="slash"),
        pytest.param("budí", id="accent"),
        pytest.param("budi\U0001f334", id="emoji"),
        pytest.param("\u200fbudi", id="rtl-mark"),
        pytest.param("bu\u202edi", id="rtl-override"),
        pytest.param("bu\u200ddi", id="zero-width-joiner"),
        pytest.param("bu\u200bdi", id="zero-width-space"),
        pytest.param("\uff42\uff55\uff44\uff49", id="fullwidth"),
        pytest.param("budi\u0000", id="nul-byte"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        # The API takes a username as its document gives it: no spaces around.
        pytest.param(" budi ", id="surrounding-spaces"),
    ],
)
def test_it_refuses_usernames_outside_the_rules(anon_api: Api, username: str) -> None:
    response = anon_api.post("/accounts", signup_body(username=username))
    assert_error_shape(response, 422, "username")
    assert not User.objects.exists()


def test_it_never_stores_uppercase_in_a_username(anon_api: Api) -> None:
    response = anon_api.post("/accounts", signup_body(username="BudiSantoso"))
    if response.status_code == 201:
        assert response.json()["username"] == "budisantoso"
        assert User.objects.get().username == "budisantoso"
    else:
        assert_error_shape(response, 422, "username")
        assert not User.objects.exists()


@pytest.mark.parametrize("username", ["PENULIS", "Penulis", "penulis"])
def test_it_refuses_a_username_taken_ignoring_case(
    anon_api: Api, writer: User, username: str
) -> None:
    response = anon_api.post("/accounts", signup_body(username=username))
    assert_error_shape(response, 409, "username")
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    "email", ["penulis@example.com", "PENULIS@EXAMPLE.COM", "Penulis@Example.com"]
)
def test_a_registered_email_in_any_case_is_never_given_to_a_second_account(
    anon_api: Api, writer: User, email: str
) -> None:
    # The answer is a normal sign-up's (see test_signin_security for the comparison).
    response = anon_api.post("/accounts", signup_body(email=email))
    assert response.status_code == 201, response.content
    assert User.objects.get(username="budisantoso").email == ""
    assert User.objects.filter(email__iexact="penulis@example.com").get() == writer


@pytest.mark.parametrize(
    "email",
    [
        "penulis@example.com\u200d",
        "penulis@exa\u200bmple.com",
        "penulis@exam\u00adple.com",
        "penulis@\uff45xample.com",
    ],
    ids=["zwj", "zero-width-space", "soft-hyphen", "fullwidth"],
)
def test_invisible_or_lookalike_characters_do_not_get_around_a_taken_email(
    anon_api: Api, writer: User, email: str
) -> None:
    response = anon_api.post("/accounts", signup_body(email=email))
    assert response.status_code in (201, 422), response.content
    if response.status_code == 422:
        assert_error_shape(response, 422, "email")
    assert User.objects.filter(email__iexact="penulis@example.com").count() == 1
    assert not User.objects.exclude(email="").filter(username="budisantoso").exists()


def test_an_email_stored_with_capitals_is_not_given_again_when_sent_lowercase(
    anon_api: Api,
) -> None:
    actions.create_account(
        username="sekar", email="Sekar.Dewi@Example.COM", password=PASSWORD, display_name="S"
    )
    response = anon_api.post("/accounts", signup_body(email="sekar.dewi@example.com"))
    assert response.status_code == 201, response.content
    assert User.objects.get(username="budisantoso").email == ""


@pytest.mark.parametrize(
    "password",
    [
        pytest.param("12345678", id="numeric"),
        pytest.param("87654321098", id="numeric-long"),
        pytest.param("password", id="common"),
        pytest.param("qwertyuiop", id="common-keyboard"),
        pytest.param("kp7!", id="short"),
        pytest.param("budisantoso", id="same-as-username"),
        pytest.param("budisantoso99", id="like-username"),
        pytest.param("budi@example.com", id="same-as-email"),
    ],
)
def test_it_refuses_weak_passwords(anon_api: Api, password: str) -> None:
    response = anon_api.post("/accounts", signup_body(password=password))
    assert_error_shape(response, 422, "password")
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["username", "email", "password"])
def test_it_refuses_a_missing_required_field(anon_api: Api, field: str) -> None:
    body = signup_body()
    del body[field]
    response = anon_api.post("/accounts", body)
    assert_error_shape(response, 422, field)
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["username", "email", "password"])
def test_it_refuses_an_empty_required_field(anon_api: Api, field: str) -> None:
    response = anon_api.post("/accounts", signup_body(**{field: ""}))
    assert_error_shape(response, 422, field)
    assert not User.objects.exists()


@pytest.mark.parametrize("display_name", [None, "", "   "], ids=["missing", "empty", "blank"])
def test_a_missing_or_empty_display_name_becomes_the_username(
    anon_api: Api, display_name: str | None
) -> None:
    body = signup_body()
    if display_name is None:
        del body["display_name"]
    else:
        body["display_name"] = display_name
    response = anon_api.post("/accounts", body)
    assert response.status_code == 201, response.content
    assert response.json()["display_name"] == "budisantoso"
    assert User.objects.get().display_name == "budisantoso"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("username", "a" * 31, id="username"),
        pytest.param("email", "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "id", id="email"),
        pytest.param("password", "Kopi-" + "x" * 124, id="password"),
        pytest.param("display_name", "B" * 51, id="display_name"),
    ],
)
def test_it_refuses_fields_that_are_too_long(anon_api: Api, field: str, value: str) -> None:
    response = anon_api.post("/accounts", signup_body(**{field: value}))
    assert_error_shape(response, 422, field)
    assert not User.objects.exists()


def test_it_accepts_a_display_name_of_exactly_fifty_characters(anon_api: Api) -> None:
    response = anon_api.post("/accounts", signup_body(display_name="B" * 50))
    assert response.status_code == 201
    assert User.objects.get().display_name == "B" * 50


@pytest.mark.parametrize("field", ["username", "email", "password", "display_name"])
@pytest.mark.parametrize("value", BAD_JSON_TYPES)
def test_it_refuses_fields_of_the_wrong_json_type(anon_api: Api, field: str, value: Any) -> None:
    response = anon_api.post("/accounts", signup_body(**{field: value}))
    assert_error_shape(response, 422, field)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "email",
    [
        "budi",
        "budi@",
        "@example.com",
        "budi@@example.com",
        "budi example@example.com",
        "budi@example.com\u200d",
        "\u202ebudi@example.com",
        "budi\u0000@example.com",
        "budi@example.com\nBcc: x@example.com",
    ],
)
def test_it_refuses_malformed_email_addresses(anon_api: Api, email: str) -> None:
    response = anon_api.post("/accounts", signup_body(email=email))
    assert_error_shape(response, 422, "email")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("password", "Senja\u0000di-Kupang-2024"),
        ("display_name", "Budi\u0000Santoso"),
    ],
    ids=["password", "display_name"],
)
def test_it_refuses_nul_bytes(anon_api: Api, field: str, value: str) -> None:
    response = anon_api.post("/accounts", signup_body(**{field: value}))
    assert_error_shape(response, 422, field)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "display_name",
    [
        "Budi \U0001f334 Santoso",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467 Keluarga",
        "\U0001f1ee\U0001f1e9 Indonesia",
        "Dewi\u0301 Lestari",
        "\u0628\u0648\u062f\u064a",
    ],
    ids=["emoji", "zwj-family", "flag", "combining-accent", "arabic"],
)
def test_it_keeps_unicode_display_names_exactly(anon_api: Api, display_name: str) -> None:
    response = anon_api.post("/accounts", signup_body(display_name=display_name))
    assert response.status_code == 201, response.content
    assert response.json()["display_name"] == display_name
    assert User.objects.get().display_name == display_name


@pytest.mark.parametrize("mark", ["\u200f", "\u202e", "\u2066", "\u200b"])
def test_display_names_with_direction_or_invisible_marks_never_break(
    anon_api: Api, mark: str
) -> None:
    display_name = f"Budi{mark}Santoso"
    response = anon_api.post("/accounts", signup_body(display_name=display_name))
    if response.status_code == 201:
        assert User.objects.get().display_name == response.json()["display_name"]
    else:
        assert_error_shape(response, 422, "display_name")
        assert not User.objects.exists()


@pytest.mark.parametrize("field", ["username", "email", "password", "display_name"])
@pytest.mark.parametrize(
    "escaped",
    ["\\ud800", "bu\\udfffdi", "Senja-di-Kupang-\\ud800-2024"],
    ids=["high", "low", "long"],
)
def test_it_refuses_lone_surrogates(anon_api: Api, field: str, escaped: str) -> None:
    raw = raw_json_with(signup_body(), field, escaped)
    response = anon_api.post("/accounts", raw=raw)
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not User.objects.exists()


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_it_refuses_malformed_json(anon_api: Api, raw: str) -> None:
    response = anon_api.post("/accounts", raw=raw)
    assert_error_shape(response, 400)
    assert not User.objects.exists()


@pytest.mark.parametrize("raw", NON_OBJECT_BODIES)
def test_it_refuses_json_that_is_not_an_object(anon_api: Api, raw: str) -> None:
    response = anon_api.post("/accounts", raw=raw)
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not User.objects.exists()


def test_it_refuses_an_empty_body(anon_api: Api) -> None:
    response = anon_api.post("/accounts", raw="")
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not User.objects.exists()


def test_it_refuses_a_form_encoded_body(anon_api: Api) -> None:
    raw = "username=budisantoso&email=budi%40example.com&password=Senja-di-Kupang-2024"
    response = anon_api.post("/accounts", raw=raw, content_type="application/x-www-form-urlencoded")
    assert 400 <= response.status_code < 500, response.content
    assert_error_shape(response, response.status_code)
    assert not User.objects.exists()


def test_it_refuses_a_body_over_the_size_limit(anon_api: Api) -> None:
    response = anon_api.post("/accounts", signup_body(display_name="B" * (3 * 1024 * 1024)))
    assert response.status_code in (413, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not User.objects.exists()


def test_sign_up_ignores_privileged_fields(anon_api: Api) -> None:
    body = signup_body(is_staff=True, is_superuser=True, verified=True, article_count=99)
    response = anon_api.post("/accounts", body)
    if response.status_code == 201:
        user = User.objects.get()
        assert not user.is_staff and not user.is_superuser and not user.verified
        assert user.article_count == 0
    else:
        assert_error_shape(response, 422)
        assert not User.objects.exists()


# --- POST /api/v1/auth/token ----------------------------------------------------------


def test_it_issues_a_token_for_the_right_password(anon_api: Api, writer: User) -> None:
    response = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) >= {"token"}
    assert isinstance(body["token"], str) and len(body["token"]) >= 20
    me = Api(Client(), body["token"]).get("/me")
    assert me.status_code == 200
    assert me.json()["username"] == "penulis"


def test_it_signs_in_with_the_username_in_any_case(anon_api: Api, writer: User) -> None:
    response = anon_api.post("/auth/token", {"username": "PENULIS", "password": PASSWORD})
    assert response.status_code == 200, response.content


def test_each_sign_in_gets_a_different_token(anon_api: Api, writer: User) -> None:
    first = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    second = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert first.json()["token"] != second.json()["token"]
    assert ApiToken.objects.filter(user=writer).count() == 2


def test_tokens_are_stored_only_as_hashes(anon_api: Api, writer: User) -> None:
    token = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD}).json()[
        "token"
    ]
    rows = list(ApiToken.objects.values())
    assert len(rows) == 1
    for value in rows[0].values():
        assert token not in str(value)
    assert rows[0]["key_hash"] == hashlib.sha256(token.encode()).hexdigest()


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("penulis", "salah-sandi-123"),
        ("penulis", PASSWORD.upper()),
        ("penulis", PASSWORD + " "),
        ("penulis", ""),
        ("tidakada", PASSWORD),
        ("", PASSWORD),
        ("pen\u200dulis", PASSWORD),
        ("a" * 5000, PASSWORD),
        ("penulis", "x" * 5000),
    ],
    ids=[
        "wrong",
        "wrong-case",
        "trailing-space",
        "empty-password",
        "unknown-user",
        "empty-username",
        "zwj",
        "long-username",
        "long-password",
    ],
)
def test_it_refuses_wrong_credentials_with_401(
    anon_api: Api, writer: User, username: str, password: str
) -> None:
    response = anon_api.post("/auth/token", {"username": username, "password": password})
    assert_error_shape(response, 401)
    assert "token" not in response.json()
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("username", ["penulis\u0000", "\u0000penulis", "pen\u0000ulis"])
def test_a_nul_byte_in_the_username_never_signs_in(
    anon_api: Api, writer: User, username: str
) -> None:
    response = anon_api.post("/auth/token", {"username": username, "password": PASSWORD})
    assert response.status_code in (401, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not ApiToken.objects.exists()


def test_it_refuses_a_token_to_a_deactivated_account(anon_api: Api, writer: User) -> None:
    writer.is_active = False
    writer.save()
    response = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert_error_shape(response, 401)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("field", ["username", "password"])
def test_sign_in_refuses_a_missing_field(anon_api: Api, writer: User, field: str) -> None:
    body = {"username": "penulis", "password": PASSWORD}
    del body[field]
    response = anon_api.post("/auth/token", body)
    assert_error_shape(response, 422, field)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("field", ["username", "password"])
@pytest.mark.parametrize("value", BAD_JSON_TYPES)
def test_sign_in_refuses_fields_of_the_wrong_json_type(
    anon_api: Api, writer: User, field: str, value: Any
) -> None:
    body = {"username": "penulis", "password": PASSWORD, field: value}
    response = anon_api.post("/auth/token", body)
    assert_error_shape(response, 422, field)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("field", ["username", "password"])
def test_sign_in_refuses_lone_surrogates(anon_api: Api, writer: User, field: str) -> None:
    raw = raw_json_with({"username": "penulis", "password": PASSWORD}, field, "\\ud800")
    response = anon_api.post("/auth/token", raw=raw)
    assert response.status_code in (400, 401, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_sign_in_refuses_malformed_json(anon_api: Api, writer: User, raw: str) -> None:
    response = anon_api.post("/auth/token", raw=raw)
    assert_error_shape(response, 400)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("raw", NON_OBJECT_BODIES)
def test_sign_in_refuses_json_that_is_not_an_object(anon_api: Api, writer: User, raw: str) -> None:
    response = anon_api.post("/auth/token", raw=raw)
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert not ApiToken.objects.exists()


# --- DELETE /api/v1/auth/token --------------------------------------------------------


def test_it_revokes_the_token_it_is_called_with(writer: User) -> None:
    kept = actions.issue_token(writer)
    api = api_for(writer)
    response = api.delete("/auth/token")
    assert response.status_code == 204
    assert response.content == b""
    assert_error_shape(api.get("/me"), 401)
    assert_error_shape(api.delete("/auth/token"), 401)
    assert Api(Client(), kept).get("/me").status_code == 200
    assert ApiToken.objects.filter(user=writer).count() == 1


def test_revoking_a_token_leaves_other_peoples_tokens(writer: User, reader: User) -> None:
    reader_api = api_for(reader)
    writer_api = api_for(writer)
    assert reader_api.delete("/auth/token").status_code == 204
    assert writer_api.get("/me").status_code == 200
    assert ApiToken.objects.filter(user=writer).count() == 1
    assert not ApiToken.objects.filter(user=reader).exists()


def test_revoking_needs_a_token(anon_api: Api, writer: User) -> None:
    actions.issue_token(writer)
    assert_error_shape(anon_api.delete("/auth/token"), 401)
    assert ApiToken.objects.count() == 1


# --- authorization across the endpoints that need a caller ----------------------------

SIGNED_IN_CALLS = [
    pytest.param("get", "/me", None, id="GET-me"),
    pytest.param("patch", "/me", {"display_name": "Diganti"}, id="PATCH-me"),
    pytest.param("delete", "/me", {"password": PASSWORD}, id="DELETE-me"),
    pytest.param("get", "/me/export", None, id="GET-export"),
    pytest.param("upload", "/me/avatar", None, id="POST-avatar"),
    pytest.param("delete", "/auth/token", None, id="DELETE-token"),
]


def call(api: Api, method: str, path: str, body: Any) -> Any:
    if method == "upload":
        return api.upload(path, "foto.png", image_bytes("PNG"))
    if body is None:
        return getattr(api, method)(path)
    return getattr(api, method)(path, body)


@pytest.mark.parametrize(("method", "path", "body"), SIGNED_IN_CALLS)
def test_anonymous_callers_get_401(
    anon_api: Api, writer: User, method: str, path: str, body: Any
) -> None:
    before = profile_state(writer)
    assert_error_shape(call(anon_api, method, path, body), 401)
    assert profile_state(writer) == before


@pytest.mark.parametrize(
    "token",
    ["garbage", "wcn_" + "x" * 43, "x" * 500, "\u00e9\u00e9\u00e9"],
    ids=["garbage", "well-formed-unknown", "very-long", "non-ascii"],
)
@pytest.mark.parametrize(("method", "path", "body"), SIGNED_IN_CALLS)
def test_unknown_tokens_get_401(
    writer: User, token: str, method: str, path: str, body: Any
) -> None:
    before = profile_state(writer)
    assert_error_shape(call(Api(Client(), token), method, path, body), 401)
    assert profile_state(writer) == before


@pytest.mark.parametrize(("method", "path", "body"), SIGNED_IN_CALLS)
def test_a_revoked_token_stops_working(writer: User, method: str, path: str, body: Any) -> None:
    api = api_for(writer)
    assert api.delete("/auth/token").status_code == 204
    before = profile_state(writer)
    assert_error_shape(call(api, method, path, body), 401)
    assert profile_state(writer) == before


@pytest.mark.parametrize(("method", "path", "body"), SIGNED_IN_CALLS)
def test_a_deleted_accounts_token_stops_working(
    writer: User, method: str, path: str, body: Any
) -> None:
    api = api_for(writer)
    token = actions.issue_token(writer)
    assert api.delete("/me", {"password": PASSWORD}).status_code == 204
    assert_error_shape(call(Api(Client(), token), method, path, body), 401)
    assert not User.objects.filter(username="penulis").exists()


@pytest.mark.parametrize(("method", "path", "body"), SIGNED_IN_CALLS)
def test_a_deactivated_accounts_token_stops_working(
    writer: User, method: str, path: str, body: Any
) -> None:
    api = api_for(writer)
    User.objects.filter(pk=writer.pk).update(is_active=False)
    before = profile_state(writer)
    assert_error_shape(call(api, method, path, body), 401)
    assert profile_state(writer) == before


def test_a_token_acts_only_on_its_own_account(writer: User, reader: User) -> None:
    writer_before = profile_state(writer)
    reader_api = api_for(reader)

    me = reader_api.get("/me").json()
    assert me["username"] == "pembaca" and me["email"] == reader.email

    assert reader_api.patch("/me", {"display_name": "Raka Baru"}).status_code == 200
    assert reader_api.upload("/me/avatar", "foto.png", image_bytes("PNG")).status_code == 200
    export = reader_api.get("/me/export")
    assert writer.email not in export.content.decode()

    # The writer's password does not delete anyone through the reader's token.
    assert_error_shape(reader_api.delete("/me", {"password": PASSWORD + "x"}), 403)
    assert profile_state(writer) == writer_before
    assert User.objects.get(pk=reader.pk).display_name == "Raka Baru"


def test_the_writers_password_through_the_readers_token_deletes_only_the_reader(
    writer: User, reader: User
) -> None:
    # Both fixtures share PASSWORD; the token decides whose account goes.
    assert api_for(reader).delete("/me", {"password": PASSWORD}).status_code == 204
    assert User.objects.filter(pk=writer.pk).exists()
    assert not User.objects.filter(pk=reader.pk).exists()


# --- session authentication and CSRF ----------------------------------------------------


def test_session_auth_reads_the_own_profile(writer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    assert_own_profile(response.json(), writer)


def test_session_patch_without_csrf_token_is_refused(writer: User) -> None:
    client, _ = session_client(writer, csrf=False)
    before = profile_state(writer)
    response = client.patch(
        "/api/v1/me", json.dumps({"display_name": "Diretas"}), content_type="application/json"
    )
    assert_error_shape(response, 403)
    assert profile_state(writer) == before


def test_session_patch_with_csrf_token_works(writer: User) -> None:
    client, headers = session_client(writer, csrf=True)
    response = client.patch(
        "/api/v1/me",
        json.dumps({"display_name": "Lewat Sesi"}),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=writer.pk).display_name == "Lewat Sesi"


def test_session_delete_without_csrf_token_is_refused(writer: User) -> None:
    client, _ = session_client(writer, csrf=False)
    response = client.delete(
        "/api/v1/me", json.dumps({"password": PASSWORD}), content_type="application/json"
    )
    assert_error_shape(response, 403)
    assert User.objects.filter(pk=writer.pk).exists()


def test_session_delete_with_csrf_token_works_and_ends_the_session(writer: User) -> None:
    client, headers = session_client(writer, csrf=True)
    response = client.delete(
        "/api/v1/me",
        json.dumps({"password": PASSWORD}),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 204, response.content
    assert not User.objects.filter(pk=writer.pk).exists()
    assert_error_shape(client.get("/api/v1/me"), 401)


def test_session_avatar_upload_without_csrf_token_is_refused(writer: User) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client, _ = session_client(writer, csrf=False)
    upload = SimpleUploadedFile("foto.png", image_bytes("PNG"), content_type="image/png")
    response = client.post("/api/v1/me/avatar", {"file": upload})
    assert_error_shape(response, 403)
    assert not User.objects.get(pk=writer.pk).avatar


def test_bearer_tokens_need_no_csrf_token(writer: User) -> None:
    api = Api(Client(enforce_csrf_checks=True), actions.issue_token(writer))
    response = api.patch("/me", {"tagline": "Tanpa CSRF"})
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=writer.pk).tagline == "Tanpa CSRF"


# --- GET /api/v1/me ------------------------------------------------------------------


def test_it_answers_the_own_profile_with_email(writer: User, writer_api: Api) -> None:
    response = writer_api.get("/me")
    assert response.status_code == 200
    body = response.json()
    assert_own_profile(body, writer)
    assert body["display_name"] == "Sekar Penulis"
    assert body["tagline"] == "Guru" and body["bio"] == "Menulis."
    assert body["email"] == "penulis@example.com"


# --- PATCH /api/v1/me ----------------------------------------------------------------


def test_it_updates_the_profile(writer: User, writer_api: Api) -> None:
    response = writer_api.patch(
        "/me",
        {"display_name": "Sekar Ayu", "tagline": "Guru SD di Kupang", "bio": "Suka kopi."},
    )
    assert response.status_code == 200, response.content
    writer.refresh_from_db()
    assert (writer.display_name, writer.tagline, writer.bio) == (
        "Sekar Ayu",
        "Guru SD di Kupang",
        "Suka kopi.",
    )
    assert_own_profile(response.json(), writer)


def test_it_changes_only_the_fields_sent(writer: User, writer_api: Api) -> None:
    response = writer_api.patch("/me", {"tagline": "Penikmat kopi"})
    assert response.status_code == 200
    writer.refresh_from_db()
    assert writer.tagline == "Penikmat kopi"
    assert writer.display_name == "Sekar Penulis" and writer.bio == "Menulis."


def test_an_empty_patch_changes_nothing(writer: User, writer_api: Api) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", {})
    assert response.status_code == 200
    assert profile_state(writer) == before


@pytest.mark.parametrize("field", ["tagline", "bio"])
def test_tagline_and_bio_can_be_cleared(writer: User, writer_api: Api, field: str) -> None:
    response = writer_api.patch("/me", {field: ""})
    assert response.status_code == 200
    assert response.json()[field] == ""
    assert getattr(User.objects.get(pk=writer.pk), field) == ""


@pytest.mark.parametrize(
    ("field", "length"), [("display_name", 50), ("tagline", 100), ("bio", 500)]
)
def test_it_accepts_fields_at_their_maximum_length(
    writer: User, writer_api: Api, field: str, length: int
) -> None:
    response = writer_api.patch("/me", {field: "k" * length})
    assert response.status_code == 200, response.content
    assert getattr(User.objects.get(pk=writer.pk), field) == "k" * length


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("display_name", "", id="display_name-empty"),
        pytest.param("display_name", "   ", id="display_name-blank"),
        pytest.param("display_name", "k" * 51, id="display_name-too-long"),
        pytest.param("tagline", "k" * 101, id="tagline-too-long"),
        pytest.param("bio", "k" * 501, id="bio-too-long"),
        pytest.param("bio", "k" * 100_000, id="bio-far-too-long"),
        pytest.param("display_name", "Sekar\u0000", id="display_name-nul"),
        pytest.param("tagline", "Guru\u0000SD", id="tagline-nul"),
        pytest.param("bio", "\u0000", id="bio-nul"),
    ],
)
def test_it_refuses_bad_profile_values_and_keeps_the_old_ones(
    writer: User, writer_api: Api, field: str, value: str
) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", {field: value})
    assert_error_shape(response, 422, field)
    assert profile_state(writer) == before


@pytest.mark.parametrize("field", ["display_name", "tagline", "bio"])
@pytest.mark.parametrize("value", BAD_JSON_TYPES)
def test_patch_refuses_fields_of_the_wrong_json_type(
    writer: User, writer_api: Api, field: str, value: Any
) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", {field: value})
    assert_error_shape(response, 422, field)
    assert profile_state(writer) == before


def test_a_refused_patch_saves_none_of_its_fields(writer: User, writer_api: Api) -> None:
    before = profile_state(writer)
    response = writer_api.patch(
        "/me", {"display_name": "Nama Baru", "tagline": "Baru", "bio": "k" * 501}
    )
    assert_error_shape(response, 422, "bio")
    assert profile_state(writer) == before


@pytest.mark.parametrize("field", ["display_name", "tagline", "bio"])
@pytest.mark.parametrize("escaped", ["\\ud800", "a\\udc00b"], ids=["high", "low"])
def test_patch_refuses_lone_surrogates(
    writer: User, writer_api: Api, field: str, escaped: str
) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", raw=raw_json_with({}, field, escaped))
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert profile_state(writer) == before


@pytest.mark.parametrize(
    "value",
    [
        "Sekar \U0001f334",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\U0001f1ee\U0001f1e9",
        "\u0633\u0643\u0627\u0631",
        "\U0001f334" * 50,
    ],
    ids=["emoji", "zwj", "flag", "arabic", "fifty-emoji"],
)
@pytest.mark.parametrize("field", ["display_name", "tagline", "bio"])
def test_patch_keeps_unicode_exactly(writer: User, writer_api: Api, field: str, value: str) -> None:
    response = writer_api.patch("/me", {field: value})
    assert response.status_code == 200, response.content
    assert response.json()[field] == value
    assert getattr(User.objects.get(pk=writer.pk), field) == value


@pytest.mark.parametrize("mark", ["\u200f", "\u202e", "\u2066", "\u200b"])
def test_patch_with_direction_or_invisible_marks_never_breaks(
    writer: User, writer_api: Api, mark: str
) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", {"display_name": f"Sekar{mark}Ayu"})
    if response.status_code == 200:
        assert User.objects.get(pk=writer.pk).display_name == response.json()["display_name"]
    else:
        assert_error_shape(response, 422, "display_name")
        assert profile_state(writer) == before


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_patch_refuses_malformed_json(writer: User, writer_api: Api, raw: str) -> None:
    before = profile_state(writer)
    assert_error_shape(writer_api.patch("/me", raw=raw), 400)
    assert profile_state(writer) == before


@pytest.mark.parametrize("raw", NON_OBJECT_BODIES)
def test_patch_refuses_json_that_is_not_an_object(writer: User, writer_api: Api, raw: str) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", raw=raw)
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert profile_state(writer) == before


def test_patch_cannot_change_username_email_or_privileges(writer: User, writer_api: Api) -> None:
    before = profile_state(writer)
    response = writer_api.patch(
        "/me",
        {
            "username": "diganti",
            "email": "penyerang@example.com",
            "verified": True,
            "is_staff": True,
            "is_superuser": True,
            "password": "baru-sekali-123",
            "avatar_url": "https://evil.example/x.png",
            "follower_count": 10_000,
        },
    )
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422:
        assert_error_shape(response, 422)
    assert profile_state(writer) == before


def test_patch_refuses_an_oversized_body(writer: User, writer_api: Api) -> None:
    before = profile_state(writer)
    response = writer_api.patch("/me", {"bio": "k" * (3 * 1024 * 1024)})
    assert response.status_code in (413, 422), response.content
    assert_error_shape(response, response.status_code)
    assert profile_state(writer) == before


# --- POST /api/v1/me/avatar ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp"), ("GIF", "image/gif")],
)
def test_it_stores_the_avatar_as_two_webp_squares(
    writer: User, writer_api: Api, fmt: str, mime: str
) -> None:
    response = writer_api.upload(
        "/me/avatar", f"foto.{fmt.lower()}", image_bytes(fmt, (400, 300)), mime
    )
    assert response.status_code == 200, response.content
    writer.refresh_from_db()
    body = response.json()
    assert_own_profile(body, writer)
    assert body["avatar_url"] == writer.avatar.url
    for name, side in ((writer.avatar.name, 256), (writer.avatar_small.name, 96)):
        image, _ = stored_image(name)
        assert image.format == "WEBP"
        assert image.size == (side, side)


def test_the_public_profile_shows_the_new_avatar(
    anon_api: Api, writer: User, writer_api: Api
) -> None:
    assert writer_api.upload("/me/avatar", "foto.png", image_bytes("PNG")).status_code == 200
    writer.refresh_from_db()
    assert anon_api.get("/users/penulis").json()["avatar_url"] == writer.avatar.url


def test_it_strips_exif_and_gps_from_the_avatar(writer: User, writer_api: Api) -> None:
    response = writer_api.upload("/me/avatar", "foto.jpg", jpeg_with_gps(), "image/jpeg")
    assert response.status_code == 200, response.content
    writer.refresh_from_db()
    for name in (writer.avatar.name, writer.avatar_small.name):
        image, data = stored_image(name)
        assert len(image.getexif()) == 0
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "exif" not in image.info
        assert b"KameraRahasia" not in data
        assert b"SeriPribadi" not in data
        assert b"EXIF" not in data and b"Exif" not in data


def test_a_new_avatar_removes_the_old_files(
    avatar_writer: User, writer_api: Api, django_capture_on_commit_callbacks: Any
) -> None:
    old = [avatar_writer.avatar.name, avatar_writer.avatar_small.name]
    with django_capture_on_commit_callbacks(execute=True):
        response = writer_api.upload("/me/avatar", "baru.jpg", image_bytes("JPEG"), "image/jpeg")
    assert response.status_code == 200
    avatar_writer.refresh_from_db()
    assert avatar_writer.avatar.name not in old
    assert default_storage.exists(avatar_writer.avatar.name)
    for name in old:
        assert not default_storage.exists(name)


def _over_25_megapixels() -> bytes:
    return bilevel_png((6000, 5000))


@pytest.mark.parametrize(
    ("make", "name", "mime"),
    [
        *NOT_ACCEPTABLE_IMAGES,
        pytest.param(_over_25_megapixels, "besar.png", "image/png", id="over-25-megapixels"),
    ],
)
def test_it_refuses_files_that_are_not_acceptable_images_and_keeps_the_old_avatar(
    avatar_writer: User, writer_api: Api, make: Any, name: str, mime: str
) -> None:
    before = profile_state(avatar_writer)
    response = writer_api.upload("/me/avatar", name, make(), mime)
    assert response.status_code in (413, 415, 422), response.content
    assert_error_shape(response, response.status_code, "file")
    assert profile_state(avatar_writer) == before
    assert default_storage.exists(avatar_writer.avatar.name)
    assert default_storage.exists(avatar_writer.avatar_small.name)


def test_it_refuses_a_file_over_5_mb_with_413(avatar_writer: User, writer_api: Api) -> None:
    data = image_bytes("PNG")
    data += b"\x00" * (5 * 1024 * 1024 + 1 - len(data))
    before = profile_state(avatar_writer)
    response = writer_api.upload("/me/avatar", "besar.png", data)
    assert_error_shape(response, 413, "file")
    assert profile_state(avatar_writer) == before
    assert default_storage.exists(avatar_writer.avatar.name)


def test_it_refuses_an_upload_without_a_file(avatar_writer: User, writer_api: Api) -> None:
    before = profile_state(avatar_writer)
    response = writer_api.client.post(
        "/api/v1/me/avatar", {"gambar": "bukan-file"}, headers=writer_api._headers()
    )
    assert_error_shape(response, 422, "file")
    assert profile_state(avatar_writer) == before


def test_it_refuses_an_avatar_sent_as_json(avatar_writer: User, writer_api: Api) -> None:
    before = profile_state(avatar_writer)
    response = writer_api.post("/me/avatar", {"file": "aGFsbw=="})
    assert 400 <= response.status_code < 500, response.content
    assert_error_shape(response, response.status_code)
    assert profile_state(avatar_writer) == before


# --- GET /api/v1/me/export -------------------------------------------------------------


def test_the_export_holds_the_personal_data_but_no_token_key(
    avatar_writer: User, writer_api: Api
) -> None:
    second = actions.issue_token(avatar_writer)
    response = writer_api.get("/me/export")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    strings = strings_in(response.json())
    text = response.content.decode()
    assert "penulis@example.com" in strings
    assert "Sekar Penulis" in strings
    assert "Guru" in strings
    assert "Menulis." in strings
    assert "penulis" in strings
    assert any(avatar_writer.avatar.name in s for s in strings), "avatar url missing"
    hints = list(ApiToken.objects.filter(user=avatar_writer).values_list("hint", flat=True))
    assert len(hints) == 2
    for hint in hints:
        assert any(hint in s for s in strings), f"token hint {hint} missing"
    assert writer_api.token is not None
    for key in (writer_api.token, second):
        assert key not in text
        assert hashlib.sha256(key.encode()).hexdigest() not in text
    assert avatar_writer.password not in text


def test_the_export_holds_only_the_callers_data(writer: User, reader: User) -> None:
    response = api_for(reader).get("/me/export")
    assert response.status_code == 200
    text = response.content.decode()
    assert "pembaca@example.com" in text
    assert "penulis@example.com" not in text and "Sekar Penulis" not in text


# --- DELETE /api/v1/me -----------------------------------------------------------------


def test_deleting_the_account_removes_user_tokens_and_avatar_files(
    anon_api: Api,
    avatar_writer: User,
    writer_api: Api,
    reader: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    pk = avatar_writer.pk
    files = [avatar_writer.avatar.name, avatar_writer.avatar_small.name]
    other_token = actions.issue_token(avatar_writer)
    reader_api = api_for(reader)
    with django_capture_on_commit_callbacks(execute=True):
        response = writer_api.delete("/me", {"password": PASSWORD})
    assert response.status_code == 204, response.content
    assert response.content == b""
    assert not User.objects.filter(pk=pk).exists()
    assert not ApiToken.objects.filter(user_id=pk).exists()
    for name in files:
        assert not default_storage.exists(name), name
    assert_error_shape(anon_api.get("/users/penulis"), 404)
    assert_error_shape(writer_api.get("/me"), 401)
    assert_error_shape(Api(Client(), other_token).get("/me"), 401)
    signin = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert_error_shape(signin, 401)
    assert reader_api.get("/me").status_code == 200


@pytest.mark.parametrize(
    "password",
    [PASSWORD + "x", PASSWORD.upper(), " " + PASSWORD, "salah", "x" * 128],
    ids=["suffix", "upper", "leading-space", "wrong", "long"],
)
def test_deleting_needs_the_right_password(
    avatar_writer: User, writer_api: Api, password: str
) -> None:
    before = profile_state(avatar_writer)
    response = writer_api.delete("/me", {"password": password})
    assert_error_shape(response, 403, "password")
    assert profile_state(avatar_writer) == before
    assert ApiToken.objects.filter(user=avatar_writer).count() == 1
    assert default_storage.exists(avatar_writer.avatar.name)
    assert writer_api.get("/me").status_code == 200


def test_deleting_with_an_empty_password_is_refused(writer: User, writer_api: Api) -> None:
    response = writer_api.delete("/me", {"password": ""})
    assert response.status_code in (403, 422), response.content
    assert_error_shape(response, response.status_code, "password")
    assert User.objects.filter(pk=writer.pk).exists()


def test_deleting_without_a_password_is_refused(writer: User, writer_api: Api) -> None:
    response = writer_api.delete("/me", {})
    assert_error_shape(response, 422, "password")
    assert User.objects.filter(pk=writer.pk).exists()


def test_deleting_without_a_body_is_refused(writer: User, writer_api: Api) -> None:
    response = writer_api.delete("/me")
    assert response.status_code in (400, 422), response.content
    assert_error_shape(response, response.status_code)
    assert User.objects.filter(pk=writer.pk).exists()


@pytest.mark.parametrize("value", BAD_JSON_TYPES)
def test_deleting_refuses_a_password_of_the_wrong_json_type(
    writer: User, writer_api: Api, value: Any
) -> None:
    response = writer_api.delete("/me", {"password": value})
    assert_error_shape(response, 422, "password")
    assert User.objects.filter(pk=writer.pk).exists()


@pytest.mark.parametrize(
    "raw",
    [*MALFORMED_BODIES, *NON_OBJECT_BODIES, pytest.param('{"password": "\\ud800"}', id="surr")],
)
def test_deleting_refuses_bad_json(writer: User, writer_api: Api, raw: str) -> None:
    response = writer_api.delete("/me", raw=raw)
    assert response.status_code in (400, 403, 422), response.content
    assert_error_shape(response, response.status_code)
    assert User.objects.filter(pk=writer.pk).exists()


def test_deleting_with_a_nul_in_the_password_is_refused(writer: User, writer_api: Api) -> None:
    response = writer_api.delete("/me", {"password": PASSWORD + "\u0000"})
    assert response.status_code in (403, 422), response.content
    assert_error_shape(response, response.status_code, "password")
    assert User.objects.filter(pk=writer.pk).exists()


# --- GET /api/v1/users/{username} ------------------------------------------------------


def test_it_shows_a_public_profile_to_anyone(anon_api: Api, writer: User) -> None:
    response = anon_api.get("/users/penulis")
    assert response.status_code == 200
    body = response.json()
    assert_public_profile(body, writer)
    assert body["display_name"] == "Sekar Penulis"
    assert body["tagline"] == "Guru" and body["bio"] == "Menulis."
    assert body["avatar_url"] is None
    assert "email" not in body
    assert "penulis@example.com" not in response.content.decode()


def test_a_signed_in_caller_sees_the_same_public_profile(writer: User, reader: User) -> None:
    response = api_for(reader).get("/users/penulis")
    assert response.status_code == 200
    assert "email" not in response.json()
    assert_public_profile(response.json(), writer)


def test_a_verified_writer_is_shown_as_verified(anon_api: Api) -> None:
    make_user("terverifikasi", verified=True)
    assert anon_api.get("/users/terverifikasi").json()["verified"] is True


@pytest.mark.parametrize(
    "path",
    [
        "tidakada",
        "ab",
        "a" * 31,
        "a" * 2000,
        "%F0%9F%98%80",
        "pen%E2%80%8Dulis",
        "%00",
        "penulis%00",
        "..",
        "admin",
        "%ED%A0%80",
        "%FF%FE",
    ],
)
def test_unknown_usernames_answer_404(anon_api: Api, writer: User, path: str) -> None:
    assert_error_shape(anon_api.get(f"/users/{path}"), 404)


def test_a_deactivated_account_answers_404(anon_api: Api, writer: User) -> None:
    writer.is_active = False
    writer.save()
    assert_error_shape(anon_api.get("/users/penulis"), 404)


# --- rate limits ----------------------------------------------------------------------


def test_sign_in_is_rate_limited_with_retry_after(
    anon_api: Api, writer: User, settings: Any
) -> None:
    limit(settings, login=(3, 60), login_account=(100, 900))
    for _ in range(3):
        ok = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
        assert ok.status_code == 200
    tokens = ApiToken.objects.count()
    response = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
    assert_error_shape(response, 429)
    assert 0 < retry_after(response) <= 60
    assert "token" not in response.json()
    assert ApiToken.objects.count() == tokens


def test_failed_sign_ins_to_one_account_are_limited_from_any_address(
    anon_api: Api, writer: User, settings: Any
) -> None:
    limit(settings, login=(100, 60), login_account=(2, 900))
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for index in range(2):
        wrong = anon_api.post(
            "/auth/token",
            {"username": "penulis", "password": "salah-sandi"},
            headers={"X-Forwarded-For": f"198.51.100.{index + 1}"},
        )
        assert_error_shape(wrong, 401)
    response = anon_api.post(
        "/auth/token",
        {"username": "penulis", "password": PASSWORD},
        headers={"X-Forwarded-For": "198.51.100.99"},
    )
    assert_error_shape(response, 429)
    assert 0 < retry_after(response) <= 900


def test_sign_up_is_rate_limited_with_retry_after(anon_api: Api, settings: Any) -> None:
    limit(settings, signup=(2, 3600))
    for index in range(2):
        body = signup_body(username=f"warga{index}", email=f"warga{index}@example.com")
        assert anon_api.post("/accounts", body).status_code == 201
    response = anon_api.post("/accounts", signup_body(username="warga9", email="w9@example.com"))
    assert_error_shape(response, 429)
    assert 0 < retry_after(response) <= 3600
    assert not User.objects.filter(username="warga9").exists()


def test_a_forged_forwarded_for_does_not_escape_the_sign_in_limit(
    anon_api: Api, writer: User, settings: Any
) -> None:
    limit(settings, login=(2, 60), login_account=(100, 900))
    settings.TRUSTED_PROXIES = []
    statuses = []
    for index in range(5):
        response = anon_api.post(
            "/auth/token",
            {"username": "penulis", "password": PASSWORD},
            headers={"X-Forwarded-For": f"203.0.113.{index + 1}"},
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert_error_shape(response, 429)
            assert retry_after(response) > 0
    assert statuses == [200, 200, 429, 429, 429]


def test_a_forged_forwarded_for_does_not_escape_the_sign_up_limit(
    anon_api: Api, settings: Any
) -> None:
    limit(settings, signup=(2, 3600))
    settings.TRUSTED_PROXIES = []
    statuses = []
    for index in range(4):
        body = signup_body(username=f"warga{index}", email=f"warga{index}@example.com")
        response = anon_api.post(
            "/accounts", body, headers={"X-Forwarded-For": f"203.0.113.{index + 1}"}
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert_error_shape(response, 429)
            assert retry_after(response) > 0
    assert statuses == [201, 201, 429, 429]
    assert User.objects.count() == 2


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_sign_in_limit(
    anon_api: Api, writer: User, settings: Any
) -> None:
    limit(settings, login=(2, 60), login_account=(100, 900))
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    body = {"username": "penulis", "password": PASSWORD}
    first = {"X-Forwarded-For": "203.0.113.10"}
    second = {"X-Forwarded-For": "203.0.113.20"}
    assert anon_api.post("/auth/token", body, headers=first).status_code == 200
    assert anon_api.post("/auth/token", body, headers=first).status_code == 200
    assert_error_shape(anon_api.post("/auth/token", body, headers=first), 429)
    assert anon_api.post("/auth/token", body, headers=second).status_code == 200
    # The client is the right-most untrusted hop; a spoofed left part changes nothing.
    spoofed = {"X-Forwarded-For": "10.9.8.7, 203.0.113.10"}
    assert_error_shape(anon_api.post("/auth/token", body, headers=spoofed), 429)


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_sign_up_limit(
    anon_api: Api, settings: Any
) -> None:
    limit(settings, signup=(1, 3600))
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    first = {"X-Forwarded-For": "203.0.113.10"}
    second = {"X-Forwarded-For": "203.0.113.20"}
    body_a = signup_body(username="warga_a", email="a@example.com")
    body_b = signup_body(username="warga_b", email="b@example.com")
    body_c = signup_body(username="warga_c", email="c@example.com")
    assert anon_api.post("/accounts", body_a, headers=first).status_code == 201
    assert_error_shape(anon_api.post("/accounts", body_c, headers=first), 429)
    assert anon_api.post("/accounts", body_b, headers=second).status_code == 201
    assert set(User.objects.values_list("username", flat=True)) == {"warga_a", "warga_b"}


@pytest.mark.parametrize("forwarded", ["not-an-ip", "", ",,,", "999.1.1.1", "127.0.0.1"])
def test_a_garbled_forwarded_for_behind_a_trusted_proxy_never_breaks(
    anon_api: Api, writer: User, settings: Any, forwarded: str
) -> None:
    limit(settings, login=(1, 60), login_account=(100, 900))
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    body = {"username": "penulis", "password": PASSWORD}
    headers = {"X-Forwarded-For": forwarded}
    assert anon_api.post("/auth/token", body, headers=headers).status_code == 200
    assert_error_shape(anon_api.post("/auth/token", body, headers=headers), 429)


def test_rate_limits_can_be_switched_off(anon_api: Api, writer: User, settings: Any) -> None:
    limit(settings, login=(1, 60), login_account=(1, 900), signup=(1, 3600))
    settings.RATE_LIMITS_ENABLED = False
    for _ in range(4):
        wrong = anon_api.post("/auth/token", {"username": "penulis", "password": "salah"})
        assert_error_shape(wrong, 401)
    for _ in range(4):
        ok = anon_api.post("/auth/token", {"username": "penulis", "password": PASSWORD})
        assert ok.status_code == 200
    for index in range(4):
        body = signup_body(username=f"warga{index}", email=f"warga{index}@example.com")
        assert anon_api.post("/accounts", body).status_code == 201
