"""A write that cannot be done now answers 503 with Retry-After, never 500."""

import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, RequestFactory

from wacana.articles import actions
from wacana.lib.busy import BusyMiddleware, TryAgainLater
from wacana.lib.refusal import RateLimited, Refusal
from wacana.testing.api import api_for
from wacana.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ARTICLE = {"title": "Senja", "body": "Isi.", "category": "puisi"}


def locked(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("database is locked")


def test_api_write_on_a_locked_database_answers_503_json(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: an HTML 500 page on /api/.
    monkeypatch.setattr(actions, "create_article", locked)
    response = api_for(make_user("penulis")).post("/articles", ARTICLE)
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert set(body) == {"detail"} and body["detail"]


def test_page_write_on_a_locked_database_answers_a_friendly_503(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_user("penulis")
    client = Client()
    assert client.login(username="penulis", password=PASSWORD)
    monkeypatch.setattr(actions, "create_article", locked)
    response = client.post("/tulis", {**ARTICLE, "category": "puisi", "intent": "save"})
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert int(response["Retry-After"]) > 0
    assert b"<h1>" in response.content and b"Traceback" not in response.content


def test_try_again_later_carries_its_own_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise TryAgainLater("Coba lagi sebentar.")

    monkeypatch.setattr(actions, "create_article", refuse)
    response = api_for(make_user("penulis")).post("/articles", ARTICLE)
    assert response.status_code == 503
    assert response.json() == {"detail": "Coba lagi sebentar."}


def test_other_database_errors_are_not_hidden_as_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("no such table: articles_article")

    monkeypatch.setattr(actions, "create_article", broken)
    api = api_for(make_user("penulis"))
    api.client.raise_request_exception = False
    assert api.post("/articles", ARTICLE).status_code == 500


def test_a_refusal_no_view_caught_is_its_page_not_a_500(rf: RequestFactory) -> None:
    request = rf.get("/sesuatu")
    request.user = AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    middleware = BusyMiddleware(lambda r: HttpResponse())
    refusal = RateLimited(120, "Tunggu dua menit.")
    response = middleware.process_exception(request, refusal)
    assert response is not None
    assert response.status_code == 429
    assert response["Retry-After"] == "120"
    assert "Tunggu dua menit." in response.content.decode()


def test_a_refusal_under_the_api_keeps_the_api_shape(rf: RequestFactory) -> None:
    request = rf.get("/api/v1/sesuatu")
    response = BusyMiddleware(lambda r: HttpResponse()).process_exception(
        request, Refusal("Tidak boleh.", status=403)
    )
    assert response is not None
    assert response.status_code == 403
    assert json.loads(response.content) == {"detail": "Tidak boleh."}


def test_other_exceptions_pass_through(rf: RequestFactory) -> None:
    response = BusyMiddleware(lambda r: HttpResponse()).process_exception(
        rf.get("/"), ValueError("bug")
    )
    assert response is None
