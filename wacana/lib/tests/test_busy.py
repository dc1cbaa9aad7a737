"""A write that cannot be done now answers 503 with Retry-After, never 500."""

from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client

from wacana.articles import actions
from wacana.lib.busy import TryAgainLater
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
