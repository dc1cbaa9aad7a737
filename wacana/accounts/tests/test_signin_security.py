"""Sign-in hardening (issue 10, points 2, 3, 4 and 11), on every path that signs in:
the page `/masuk`, the admin's `/admin/login/` and `POST /api/v1/auth/token`."""

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client

from wacana.accounts import signin
from wacana.accounts.models import User
from wacana.accounts.signin import DEVICE_COOKIE
from wacana.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

WRONG = "bukan-kata-sandinya-1"
STRONG_PASSWORD = "Senja-di-Kupang-2024"
PATHS = ["page", "api", "admin"]


def _post(client: Client, path: str, username: str, password: str, address: str) -> Any:
    headers = {"X-Forwarded-For": address}
    if path == "page":
        return client.post("/masuk", {"username": username, "password": password}, headers=headers)
    if path == "admin":
        data = {"username": username, "password": password, "next": "/admin/"}
        return client.post("/admin/login/", data, headers=headers)
    return client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
        headers=headers,
    )


def attempt(
    path: str,
    username: str,
    password: str,
    address: str = "203.0.113.1",
    client: Client | None = None,
) -> str:
    """One sign-in on `path`; "ok", "wrong" or "limited" (with Retry-After checked)."""
    response = _post(client or Client(), path, username, password, address)
    if response.status_code == 429:
        assert int(response["Retry-After"]) > 0
        if path == "api":
            assert response.json()["detail"]
        else:
            assert response.content.decode().count("Terlalu banyak percobaan") == 1
        return "limited"
    if path == "api":
        assert response.status_code in (200, 401), response.content
        return "ok" if response.status_code == 200 else "wrong"
    if response.status_code == 302:
        return "ok"
    assert response.status_code == 200, response.status_code
    assert response.context["form"].errors
    return "wrong"


@pytest.fixture
def limits(settings: Any) -> Callable[..., None]:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.RATE_LIMITS_ENABLED = True

    def set_limits(**values: tuple[int, int]) -> None:
        settings.RATE_LIMITS = {
            **settings.RATE_LIMITS,
            "login": (1000, 60),
            "login_account_address": (3, 900),
            "login_account": (1000, 3600),
            "login_device": (3, 900),
            **values,
        }

    set_limits()
    return set_limits


@pytest.fixture
def staff(db: Any) -> User:
    # A superuser, so the same account can sign in on all three paths.
    return make_user("pengelola", is_staff=True, is_superuser=True)


def _signed_out_device(path: str, address: str = "203.0.113.1") -> Client:
    """A client that signed in on `path` before (so holds a device cookie), signed out."""
    client = Client()
    assert attempt(path, "pengelola", PASSWORD, address, client) == "ok"
    assert DEVICE_COOKIE in client.cookies
    client.cookies.pop(django_settings.SESSION_COOKIE_NAME, None)
    return client


# --- 2. the admin shares the sign-in limits ----------------------------------------------


def test_the_admin_sign_in_is_limited_per_address(staff: User, limits: Any) -> None:
    limits(login=(3, 60), login_account_address=(1000, 900))
    for _ in range(3):
        assert attempt("admin", "pengelola", WRONG) == "wrong"
    assert attempt("admin", "pengelola", PASSWORD) == "limited"
    assert attempt("admin", "pengelola", PASSWORD, address="198.51.100.7") == "ok"


@pytest.mark.parametrize("failing_path", PATHS)
@pytest.mark.parametrize("final_path", PATHS)
def test_failures_on_any_sign_in_path_count_toward_one_lockout(
    staff: User, limits: Any, failing_path: str, final_path: str
) -> None:
    for _ in range(3):
        assert attempt(failing_path, "pengelola", WRONG) == "wrong"
    assert attempt(final_path, "pengelola", PASSWORD) == "limited"


def test_the_admin_signs_in_staff_only(staff: User, limits: Any) -> None:
    make_user("pembaca")
    client = Client()
    response = client.post("/admin/login/", {"username": "pembaca", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert DEVICE_COOKIE not in client.cookies
    assert attempt("admin", "pengelola", PASSWORD) == "ok"


def test_the_admin_sign_in_page_still_shows(client: Client) -> None:
    assert client.get("/admin/login/").status_code == 200


# --- 3. look-alike usernames reach the same counters -----------------------------------

LOOKALIKES = [
    pytest.param("pengelol\uff41", id="fullwidth-a"),
    pytest.param("\uff50\uff45\uff4e\uff47\uff45\uff4c\uff4f\uff4c\uff41", id="all-fullwidth"),
    pytest.param("PENGELOLA", id="capitals"),
    pytest.param(" Pengelola ", id="spaces"),
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("variant", LOOKALIKES)
def test_a_lookalike_username_does_not_sidestep_a_lockout(
    staff: User, limits: Any, path: str, variant: str
) -> None:
    for _ in range(3):
        assert attempt(path, "pengelola", WRONG) == "wrong"
    assert attempt(path, variant, PASSWORD) == "limited"


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("variant", LOOKALIKES)
def test_failures_with_a_lookalike_username_count_for_the_account(
    staff: User, limits: Any, path: str, variant: str
) -> None:
    for _ in range(3):
        assert attempt(path, variant, WRONG) == "wrong"
    assert attempt(path, "pengelola", PASSWORD) == "limited"


@pytest.mark.parametrize("path", PATHS)
def test_a_fullwidth_username_signs_in_the_same_on_every_path(
    staff: User, limits: Any, path: str
) -> None:
    assert attempt(path, "pengelol\uff41", PASSWORD) == "ok"


# --- 4. the guesser is locked, not the owner ---------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_a_guesser_locks_only_their_own_address(staff: User, limits: Any, path: str) -> None:
    for _ in range(3):
        assert attempt(path, "pengelola", WRONG, address="203.0.113.66") == "wrong"
    assert attempt(path, "pengelola", PASSWORD, address="203.0.113.66") == "limited"
    # The owner, elsewhere and on a device never used before, is not locked out.
    assert attempt(path, "pengelola", PASSWORD, address="198.51.100.10") == "ok"


@pytest.mark.parametrize("path", PATHS)
def test_a_device_that_signed_in_before_gets_through_a_lockout(
    staff: User, limits: Any, path: str
) -> None:
    limits(login_account=(5, 3600))
    device = _signed_out_device(path, address="198.51.100.10")
    # Guessers on many addresses lock every untrusted client out of the account ...
    for index in range(6):
        attempt(path, "pengelola", WRONG, address=f"203.0.113.{index + 1}")
    assert attempt(path, "pengelola", PASSWORD, address="192.0.2.50") == "limited"
    assert attempt(path, "pengelola", PASSWORD, address="203.0.113.1") == "limited"
    # ... but the owner's device signs in, even from a guesser's address.
    assert attempt(path, "pengelola", PASSWORD, address="203.0.113.1", client=device) == "ok"


@pytest.mark.parametrize("path", PATHS)
def test_failures_from_a_trusted_device_lock_only_that_device(
    staff: User, limits: Any, path: str
) -> None:
    device = _signed_out_device(path)
    for _ in range(3):
        assert attempt(path, "pengelola", WRONG, client=device) == "wrong"
    assert attempt(path, "pengelola", PASSWORD, client=device) == "limited"
    # They were counted for that device only: other clients, same address, are not locked.
    assert attempt(path, "pengelola", PASSWORD) == "ok"


@pytest.mark.parametrize("path", PATHS)
def test_a_device_cookie_for_another_account_or_forged_is_not_trusted(
    staff: User, limits: Any, path: str
) -> None:
    make_user("pembaca")
    other = Client()
    assert attempt("api", "pembaca", PASSWORD, client=other) == "ok"
    forged = Client()
    forged.cookies[DEVICE_COOKIE] = "pengelola:abc:forged-signature"
    for _ in range(3):
        assert attempt(path, "pengelola", WRONG) == "wrong"
    assert attempt(path, "pengelola", PASSWORD, client=other) == "limited"
    assert attempt(path, "pengelola", PASSWORD, client=forged) == "limited"


@pytest.mark.parametrize("path", PATHS)
def test_the_device_cookie_is_signed_http_only_and_set_only_on_success(
    staff: User, limits: Any, path: str
) -> None:
    client = Client()
    assert attempt(path, "pengelola", WRONG, client=client) == "wrong"
    assert DEVICE_COOKIE not in client.cookies
    assert attempt(path, "pengelola", PASSWORD, client=client) == "ok"
    cookie = client.cookies[DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and int(cookie["max-age"]) > 0
    assert cookie.value.startswith("pengelola:") and cookie.value.count(":") >= 2


def test_the_lockout_does_not_say_whether_the_password_was_right(staff: User, limits: Any) -> None:
    for _ in range(3):
        attempt("api", "pengelola", WRONG)
    right = _post(Client(), "api", "pengelola", PASSWORD, "203.0.113.1")
    wrong = _post(Client(), "api", "pengelola", WRONG, "203.0.113.1")
    assert right.status_code == wrong.status_code == 429
    assert right.json() == wrong.json()


# --- 11. unknown usernames cost the same as known ones -----------------------------------


class CountingHasher(MD5PasswordHasher):
    """MD5 (fast) that counts how many passwords it hashes (verify() hashes once)."""

    calls = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "case", ["right-password", "wrong-password", "inactive", "unknown", "malformed"]
)
def test_every_sign_in_hashes_the_password_exactly_once(
    staff: User, limits: Any, settings: Any, path: str, case: str
) -> None:
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    staff.set_password(PASSWORD)
    staff.save()
    if case == "inactive":
        staff.is_active = False
        staff.save()
    username = {"unknown": "tak_ada_orangnya", "malformed": "bukan nama!"}.get(case, "pengelola")
    password = PASSWORD if case == "right-password" else WRONG
    # The dummy hash is made once per process, on first use; not part of the attempt.
    signin._dummy_hash(tuple(settings.PASSWORD_HASHERS))
    CountingHasher.calls = 0
    outcome = attempt(path, username, password)
    assert outcome == ("ok" if case == "right-password" else "wrong")
    assert CountingHasher.calls == 1


# --- 11. sign-up does not tell whether an email address is registered ------------------


def _signup_body(**overrides: str) -> dict[str, str]:
    return {
        "username": "budisantoso",
        "email": "budi@example.com",
        "password": STRONG_PASSWORD,
        "display_name": "Budi Santoso",
    } | overrides


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _shape(body: Any) -> Any:
    return {key: type(value).__name__ for key, value in body.items()}


@pytest.mark.parametrize("email", ["penulis@example.com", "PENULIS@Example.COM"])
def test_api_sign_up_with_a_registered_email_answers_like_any_sign_up(
    writer: User, immediate_tasks: None, django_capture_on_commit_callbacks: Any, email: str
) -> None:
    api = "/api/v1/accounts"
    with django_capture_on_commit_callbacks(execute=True):
        fresh = Client().post(api, _signup_body(), content_type="application/json")
        taken = Client().post(
            api, _signup_body(username="budi_kedua", email=email), content_type="application/json"
        )
    assert fresh.status_code == taken.status_code == 201
    assert _shape(fresh.json()) == _shape(taken.json())
    assert fresh["Content-Type"] == taken["Content-Type"]
    assert taken.json()["username"] == "budi_kedua"
    # The new account does not get the address; its owner is told, and only they.
    second = User.objects.get(username="budi_kedua")
    assert second.email == "" and second.email_unconfirmed.lower() == "penulis@example.com"
    assert User.objects.get(email="penulis@example.com") == writer
    [notice] = mail.outbox
    assert notice.to == ["penulis@example.com"]
    assert "penulis" in notice.body and "/akun/sandi/lupa" in notice.body
    assert "Wacana" in notice.subject


def test_the_own_profile_does_not_tell_either(writer: User) -> None:
    api = "/api/v1/accounts"
    for body in (_signup_body(), _signup_body(username="budi_kedua", email="penulis@example.com")):
        assert Client().post(api, body, content_type="application/json").status_code == 201
        token = Client().post(
            "/api/v1/auth/token",
            {"username": body["username"], "password": STRONG_PASSWORD},
            content_type="application/json",
        )
        me = Client().get(
            "/api/v1/me", headers={"Authorization": f"Bearer {token.json()['token']}"}
        )
        assert me.status_code == 200
        assert me.json()["email"] == body["email"]


def test_the_export_holds_a_kept_back_address(writer: User) -> None:
    from wacana.accounts import actions

    other = actions.create_account(
        username="budi_kedua",
        email="penulis@example.com",
        password=STRONG_PASSWORD,
        display_name="B",
    )
    client = Client()
    client.force_login(other)
    account = client.get("/api/v1/me/export").json()["account"]
    assert account["email"] == "" and account["email_unconfirmed"] == "penulis@example.com"


def test_a_kept_back_address_never_receives_a_password_reset(
    writer: User, django_capture_on_commit_callbacks: Any
) -> None:
    body = _signup_body(username="budi_kedua", email="penulis@example.com")
    assert (
        Client().post("/api/v1/accounts", body, content_type="application/json").status_code == 201
    )
    mail.outbox.clear()
    response = Client().post("/akun/sandi/lupa", {"email": "penulis@example.com"})
    assert response.status_code == 302
    [reset] = mail.outbox
    assert "penulis" in reset.body and "budi_kedua" not in reset.body


def test_page_sign_up_with_a_registered_email_answers_like_any_sign_up(
    writer: User, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        fresh = Client().post("/daftar", _signup_body())
        taken = Client().post("/daftar", _signup_body(username="budi_kedua", email=writer.email))
    assert fresh.status_code == taken.status_code == 302
    assert fresh["Location"] == taken["Location"] == "/akun/profil"
    assert User.objects.get(username="budi_kedua").email == ""
    assert [message.to for message in mail.outbox] == [["penulis@example.com"]]


def test_a_normal_sign_up_mails_nobody(
    db: Any, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/api/v1/accounts", _signup_body(), content_type="application/json"
        )
    assert response.status_code == 201
    assert mail.outbox == []


def test_a_taken_username_is_still_refused_with_409(writer: User) -> None:
    response = Client().post(
        "/api/v1/accounts",
        _signup_body(username="penulis", email="lain@example.com"),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "username" in response.json()["errors"]
    assert "email" not in response.json()["errors"]
