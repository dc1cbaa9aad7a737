"""One refusal type, two mappings: the API's error shape and the page's form and messages."""

from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.testing import TestClient

from wacana.lib import apierrors, cursor, refusal
from wacana.lib.busy import TryAgainLater
from wacana.lib.images import ImageRejected
from wacana.lib.refusal import Invalid, RateLimited, Refusal
from wacana.lib.uploads import TooManyUploads


class Closed(Refusal):
    status = 409

    def default_message(self) -> str:
        return "Sudah ditutup."


RAISED: dict[str, Refusal] = {
    "plain": Refusal("Tidak boleh."),
    "subclass": Closed(),
    "field": Refusal("Nama sudah dipakai.", status=409, field="username"),
    "errors": Refusal("Ada yang salah.", errors={"a": ["A salah."], "b": ["B salah."]}),
    "invalid": Invalid("Pilih waktu nanti.", field="publish_at"),
    "limited": RateLimited(90, "Tunggu dulu."),
    "upload": TooManyUploads(61),
    "image": ImageRejected("Bukan gambar.", status=415),
    "busy": TryAgainLater(),
    "api": apierrors.ApiError(403, "Hanya moderator."),
}


def _client() -> TestClient:
    api = NinjaAPI(urls_namespace="refusal-test")
    apierrors.install(api)

    @api.get("/{name}")
    def refuse(request: Any, name: str) -> None:
        raise RAISED[name]

    return TestClient(api)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return _client()


@pytest.mark.parametrize(
    ("name", "status", "body", "headers"),
    [
        ("plain", 422, {"detail": "Tidak boleh."}, {}),
        ("subclass", 409, {"detail": "Sudah ditutup."}, {}),
        (
            "field",
            409,
            {"detail": "Nama sudah dipakai.", "errors": {"username": ["Nama sudah dipakai."]}},
            {},
        ),
        (
            "errors",
            422,
            {"detail": "Ada yang salah.", "errors": {"a": ["A salah."], "b": ["B salah."]}},
            {},
        ),
        (
            "invalid",
            422,
            {
                "detail": _("Some fields are not valid. Please check them."),
                "errors": {"publish_at": ["Pilih waktu nanti."]},
            },
            {},
        ),
        ("limited", 429, {"detail": "Tunggu dulu."}, {"Retry-After": "90"}),
        ("busy", 503, None, {"Retry-After": "5"}),
        ("api", 403, {"detail": "Hanya moderator."}, {}),
    ],
)
def test_the_api_mapping(
    client: TestClient, name: str, status: int, body: Any, headers: dict[str, str]
) -> None:
    response = client.get(f"/{name}")
    assert response.status_code == status
    if body is not None:
        assert response.json() == body
    else:
        assert set(response.json()) == {"detail"}
    for header, value in headers.items():
        assert response[header] == value


def test_uploads_and_images_are_refused_at_the_field_file(client: TestClient) -> None:
    response = client.get("/upload")
    assert response.status_code == 429 and response["Retry-After"] == "61"
    body = response.json()
    assert body["errors"] == {"file": [body["detail"]]} and "2" in body["detail"]
    response = client.get("/image")
    assert response.status_code == 415
    assert response.json() == {"detail": "Bukan gambar.", "errors": {"file": ["Bukan gambar."]}}


def test_json_outside_ninja_has_the_same_shape() -> None:
    response = apierrors.refusal_json(RAISED["field"])
    assert response.status_code == 409
    assert response["Content-Type"] == "application/json"
    assert response.content.decode() == (
        '{"detail": "Nama sudah dipakai.", "errors": {"username": ["Nama sudah dipakai."]}}'
    )
    assert apierrors.refusal_json(RAISED["limited"])["Retry-After"] == "90"


class SignupForm(forms.Form):
    username = forms.CharField(required=False)
    email = forms.CharField(required=False)


def _form() -> SignupForm:
    form = SignupForm(data={"username": "sekar", "email": "s@example.com"})
    assert form.is_valid()
    return form


def test_to_form_puts_a_field_refusal_at_its_field() -> None:
    form = _form()
    refusal.to_form(form, RAISED["field"])
    assert form.errors == {"username": ["Nama sudah dipakai."]}


def test_to_form_puts_other_refusals_above_the_form() -> None:
    form = _form()
    refusal.to_form(form, RAISED["plain"])
    assert form.non_field_errors() == ["Tidak boleh."]
    assert not form.has_error("username")


def test_to_form_takes_each_field_error_and_a_field_it_lacks_goes_above() -> None:
    form = _form()
    refusal.to_form(
        form, Refusal("x", errors={"username": ["Dipakai."], "non_field_errors": ["Umum."]})
    )
    assert form.errors == {"username": ["Dipakai."], "__all__": ["Umum."]}
    form = _form()
    refusal.to_form(form, RAISED["image"])  # the API's "file" is no field of this form
    assert form.non_field_errors() == ["Bukan gambar."]


def test_to_form_may_name_the_page_s_own_field() -> None:
    form = _form()
    refusal.to_form(form, RAISED["image"], field="email")
    assert form.errors == {"email": ["Bukan gambar."]}


def test_to_messages_and_add_headers() -> None:
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    refusal.to_messages(request, RAISED["limited"])
    assert [str(m) for m in get_messages(request)] == ["Tunggu dulu."]
    response = refusal.add_headers(HttpResponse(status=429), RAISED["limited"])
    assert response["Retry-After"] == "90"


def test_rate_limits_round_their_wait_up_to_minutes() -> None:
    assert RateLimited(1).minutes == 1
    assert RateLimited(61).minutes == 2
    assert RateLimited(61).retry_after == 61
    assert RateLimited(61).headers == {"Retry-After": "61"}
    assert RateLimited(61).message  # a default sentence for people


def test_a_bad_cursor_and_a_bad_limit_are_refused_at_their_field() -> None:
    bad = cursor.BadCursor("zzz")
    assert isinstance(bad, ValueError) and bad.cursor == "zzz"
    assert apierrors.body_of(bad) == {
        "detail": _("Some fields are not valid. Please check them."),
        "errors": {"cursor": [_("This cursor is not valid; start again without it.")]},
    }
    assert cursor.checked_limit(100) == 100
    with pytest.raises(Invalid) as refused:
        cursor.checked_limit(0)
    assert refused.value.status == 422
    assert refused.value.field_errors() == {"limit": [_("Use a limit from 1 to 100.")]}
