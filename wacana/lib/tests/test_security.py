"""Cross-Origin-Opener-Policy (wacana/lib/security.py): on every page that holds a reader's
state or a form, never on a public page that any shared cache may give to anyone."""

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from wacana.accounts.models import User
from wacana.lib import security
from wacana.testing.content import publish
from wacana.testing.personas import make_moderator, make_user, signed_in

pytestmark = pytest.mark.django_db

COOP = "Cross-Origin-Opener-Policy"


def get(client: Client, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response


def test_public_pages_carry_no_opener_policy(writer: User) -> None:
    article = publish(writer, "Senja di Kalimas", tags="pelabuhan")
    for path in (
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        writer.get_absolute_url(),
        "/cari?q=senja",
    ):
        response = get(Client(), path)
        assert security.is_public(response), (path, response["Cache-Control"])
        assert COOP not in response, path
        # The rest of Django's security headers stay.
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", path


def test_forms_and_private_pages_keep_it(writer: User) -> None:
    article = publish(writer, "Senja di Kalimas")
    anonymous = Client()
    for path in ("/masuk", "/daftar"):
        response = get(anonymous, path)
        assert not security.is_public(response), path
        assert response[COOP] == "same-origin", path
    for who in (make_user("pembaca"), writer, make_moderator()):
        client = signed_in(who)
        for path in ("/", article.get_absolute_url(), "/akun/profil", "/tulis"):
            response = client.get(path)
            assert response.status_code in (200, 302), (path, response.status_code)
            assert not security.is_public(response), path
            assert response[COOP] == "same-origin", (who.username, path)


def test_only_public_responses_lose_it() -> None:
    request = RequestFactory().get("/")
    for cache_control, kept in (("public, max-age=60", False), ("private, no-cache", True)):
        response = HttpResponse()
        response["Cache-Control"] = cache_control
        response[COOP] = "same-origin"

        def view(_request: HttpRequest, answer: HttpResponse = response) -> HttpResponse:
            return answer

        assert (COOP in security.PublicPagesMiddleware(view)(request)) is kept, cache_control


@pytest.mark.parametrize(
    ("cache_control", "public"),
    [
        ("public, max-age=60, stale-while-revalidate=600", True),
        ("max-age=60,PUBLIC", True),
        ("private, no-cache", False),
        ("no-store", False),
        ("", False),
        ("max-age=60, publicity=1", False),
    ],
)
def test_is_public_reads_the_directive(cache_control: str, public: bool) -> None:
    response = HttpResponse()
    if cache_control:
        response["Cache-Control"] = cache_control
    assert security.is_public(response) is public
