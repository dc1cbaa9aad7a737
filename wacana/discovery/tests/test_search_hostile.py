"""No query can cause a 500: FTS syntax, quotes, operators, huge, emoji, NUL, empty."""

from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacana.accounts.models import User
from wacana.discovery import search
from wacana.discovery.search import MAX_QUERY_CHARS
from wacana.discovery.stemming import distinct_stems
from wacana.testing.api import Api, assert_error_shape
from wacana.testing.content import publish

pytestmark = pytest.mark.django_db


def ask(api: Api, q: str) -> Any:
    return api.get("/search?" + urlencode({"q": q}))


HOSTILE = [
    "AND",
    "OR NOT",
    "bola NOT",
    "NEAR(bola kopi)",
    "NEAR",
    "*",
    "bola*",
    "^bola",
    "title:bola",
    "{title}: bola",
    "body : kopi",
    '"',
    '"bola',
    'bola" OR "1"="1',
    "(",
    "((bola)",
    ")",
    "-bola",
    "+bola",
    "bola & !kopi | teh",
    "bola:*",
    "'",
    "bola'; DROP TABLE discovery_searchentry; --",
    "\\",
    ":",
    "🙂",
    "🙂 bola 🇮🇩",
    "   ",
    "!!!",
    "...---...",
    "<script>alert(1)</script>",
    "ß ﬁ Ⅻ ①",
    "𝔟𝔬𝔩𝔞",
    "بولا 球",
    "a" * 41,
    "9" * 40,
    "1e5 0x1f 12.5",
]
TOO_LONG = ["bola " * 41, "x" * 10_000, " ".join(f"kata{n}" for n in range(13))]


@pytest.fixture
def ball(writer: User) -> int:
    return publish(writer, "Bola kopi", "Teh dan bola.").pk


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_answer_normally_on_the_api(anon_api: Api, ball: int, q: str) -> None:
    response = ask(anon_api, q)
    if not q.strip():
        assert_error_shape(response, 422, "q")
        return
    assert response.status_code == 200, response.content
    ids = [item["id"] for item in response.json()["items"]]
    assert ids in ([], [ball])


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_answer_normally_on_the_page(client: Client, ball: int, q: str) -> None:
    response = client.get("/cari", {"q": q})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


@pytest.mark.parametrize("q", TOO_LONG)
def test_too_long_a_query_is_explained(client: Client, anon_api: Api, ball: int, q: str) -> None:
    body = assert_error_shape(ask(anon_api, q), 422, "q")
    assert str(MAX_QUERY_CHARS) in body["errors"]["q"][0]
    response = client.get("/cari", {"q": q})
    assert response.status_code == 400
    assert b'class="error"' in response.content


def test_nul_characters_are_refused_politely(client: Client, anon_api: Api, ball: int) -> None:
    assert_error_shape(ask(anon_api, "bola\x00"), 422, "q")
    assert client.get("/cari", {"q": "bola\x00"}).status_code == 400


def test_words_the_operators_would_be_are_searched_as_words(writer: User, anon_api: Api) -> None:
    article = publish(writer, "Near and far", "Not or.")
    for q in ("near", "AND", "not OR", '"far"'):
        items = ask(anon_api, q).json()["items"]
        assert [item["id"] for item in items] == [article.pk], q


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=st.text(max_size=220))
def test_any_text_is_answered_without_an_error(anon_api: Api, ball: int, q: Any) -> None:
    response = ask(anon_api, q)
    assert response.status_code in (200, 422), (q, response.content)
    if response.status_code == 200:
        ids = [item["id"] for item in response.json()["items"]]
        assert ids in ([], [ball])
    else:
        assert_error_shape(response, 422)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Titles pass the article form first, which refuses NUL (PostgreSQL can't store it) and
# drops lone surrogates (no database can store them as UTF-8).
@given(
    title=st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        min_size=1,
        max_size=60,
    ),
    word=st.integers(0, 5),
)
def test_any_title_is_found_by_its_own_words(writer: User, title: str, word: int) -> None:
    """Whatever the text, a word of an article's title finds that article: index and
    query are stemmed by the same rule on both databases."""
    terms = distinct_stems(title)
    if not terms:
        return
    with transaction.atomic():
        article = publish(writer, title.strip()[:150] or "x", "")
        one = terms[word % len(terms)]
        page = search.search([one], search.Filters(), limit=100)
        assert article.pk in [hit.article.pk for hit in page.items], (title, one)
        transaction.set_rollback(True)
