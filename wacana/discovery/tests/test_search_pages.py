"""The /cari page: form, results, highlighting, empty states, cursor, caching, limits."""

from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.discovery import search
from wacana.testing.content import publish
from wacana.testing.html import Element as Node
from wacana.testing.html import html

pytestmark = pytest.mark.django_db


def first(node: Node, selector: str) -> Any:
    found = node.select(selector)
    return found[0] if found else None


def test_every_page_has_a_search_box_in_the_header(client: Client) -> None:
    page = html(client.get("/"))
    form = first(page, "header form[role=search]")
    assert form is not None and form["action"] == "/cari" and form["method"] == "get"
    field = first(form, "input[name=q]")
    assert field is not None
    label = first(form, f"label[for={field['id']}]")
    assert label is not None and label.text


def test_without_a_query_the_page_shows_only_the_form(client: Client, writer: User) -> None:
    publish(writer, "Bola sepak", "Isi.")
    response = client.get("/cari")
    assert response.status_code == 200
    page = html(response)
    assert first(page, "main form input[name=q]") is not None
    assert page.select("li.card") == [] and first(page, ".empty") is None
    assert client.get("/cari", {"q": "  "}).status_code == 200
    assert html(client.get("/cari", {"q": "  "})).select("li.card") == []


def test_results_show_as_cards_with_the_original_words_marked(client: Client, writer: User) -> None:
    article = publish(
        writer,
        "Permainan rakyat",
        "Pembuka. " + "Kata pengisi. " * 30 + 'Anak-anak bermain egrang & "gasing" <b>di</b> sini.',
    )
    response = client.get("/cari", {"q": "memainkan"})
    assert response.status_code == 200
    page = html(response)
    (card,) = page.select("li.card")
    assert first(card, "h3 a")["href"] == article.get_absolute_url()
    assert [mark.text for mark in card.select("h3 mark")] == ["Permainan"]
    snippet = first(card, ".card-snippet")
    assert [mark.text for mark in snippet.select("mark")] == ["bermain"]
    assert snippet.text.startswith("… ")  # the excerpt starts near the match
    assert 'egrang & "gasing" di sini.' in snippet.text  # markup gone, text escaped
    assert first(page, "meta[name=robots]")["content"].startswith("noindex")


def test_the_empty_state_says_so_and_offers_tips(client: Client, writer: User) -> None:
    publish(writer, "Bola", "Isi.")
    page = html(client.get("/cari", {"q": "layang-layang", "category": "umkm"}))
    empty = first(page, ".empty")
    assert empty is not None and "layang-layang" in empty.text
    assert len(empty.select("li")) == 3  # two tips and "without the filters"
    assert first(empty, "a")["href"] == "/cari?q=layang-layang"


def test_filters_apply_and_the_next_link_keeps_them(client: Client, writer: User) -> None:
    made = [publish(writer, f"Kopi ke-{n}", "Isi.", category="umkm") for n in range(22)]
    publish(writer, "Kopi sekolah", "Isi.", category="sekolah")
    page = html(
        client.get("/cari", {"q": "kopi", "category": "ekonomi", "author": writer.username})
    )
    cards = page.select("li.card")
    assert len(cards) == 20
    more = first(page, "nav.more a[rel=next]")["href"]
    assert "q=kopi" in more and "category=ekonomi" in more and f"author={writer.username}" in more
    rest = html(client.get("/cari" + more)).select("li.card h3 a")
    assert [a["href"] for a in rest] == [made[1].get_absolute_url(), made[0].get_absolute_url()]
    selected = first(page, "select[name=category] option[selected]")
    assert selected["value"] == "ekonomi"


def test_a_bad_cursor_is_a_404_like_other_listings(client: Client, writer: User) -> None:
    publish(writer, "Kopi", "Isi.")
    assert client.get("/cari", {"q": "kopi", "cursor": "rusak"}).status_code == 404
    assert client.get("/cari", {"q": "kopi", "cursor": "aTl8MQ"}).status_code == 404  # tier 9


def test_bad_filters_are_form_errors(client: Client) -> None:
    response = client.get("/cari", {"q": "kopi", "category": "x", "from": "2024-02-30"})
    assert response.status_code == 400
    page = html(response)
    assert first(page, "main [role=alert]") is not None
    assert len(page.select(".field.has-error")) == 2


def test_drafts_and_hidden_articles_are_not_shown_to_anyone(
    client: Client, writer: User, moderator: User
) -> None:
    hidden = publish(writer, "Kabar sungai", "Isi.")
    actions.hide_article(hidden)
    actions.create_article(
        writer,
        {"title": "Kabar gunung", "body": "", "category": hidden.category, "tags": []},
    )
    for user in (None, writer, moderator):
        browser = Client()
        if user:
            browser.force_login(user)
        assert html(browser.get("/cari", {"q": "kabar"})).select("li.card") == []


def test_anonymous_results_are_cached_briefly_and_signed_in_ones_not(
    client: Client, writer: User
) -> None:
    publish(writer, "Kopi", "Isi.")
    response = client.get("/cari", {"q": "kopi"})
    assert "public" in response["Cache-Control"] and "max-age=30" in response["Cache-Control"]
    assert "stale-while-revalidate" not in response["Cache-Control"]
    signed_in = Client()
    signed_in.force_login(writer)
    assert "private" in signed_in.get("/cari", {"q": "kopi"})["Cache-Control"]


def test_too_many_searches_get_a_friendly_page_and_a_429(
    client: Client, writer: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 60)}
    publish(writer, "Kopi", "Isi.")
    for _ in range(2):
        assert client.get("/cari", {"q": "kopi"}).status_code == 200
    response = client.get("/cari", {"q": "kopi"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert first(html(response), "main [role=alert]").text
    assert "private" in response["Cache-Control"]
    # The empty form costs nothing.
    assert client.get("/cari").status_code == 200


def test_the_api_limit_answers_429_with_retry_after(
    client: Client, writer: User, settings: Any
) -> None:
    from wacana.testing.api import assert_error_shape

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (1, 60)}
    assert client.get("/api/v1/search?q=kopi").status_code == 200
    response = client.get("/api/v1/search?q=kopi")
    assert_error_shape(response, 429)
    assert int(response["Retry-After"]) > 0


def test_the_result_count_is_the_number_of_matches_capped_and_cheap(
    client: Client, writer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(23):
        publish(writer, f"Kabar sawah {n}", "Isi tentang padi.")
    publish(writer, "Kabar pasar", "Isi tentang ikan.")
    one_page = html(client.get("/cari", {"q": "pasar"}))
    assert first(one_page, ".result-count").text == "1 hasil"
    page = html(client.get("/cari", {"q": "sawah"}))
    assert len(page.select("li.card")) == 20
    assert first(page, ".result-count").text == "23 hasil"  # all of them, not the page's 20
    for n in range(21):
        publish(writer, f"Kabar sawah dari kota {n}", "Isi.", category="bisnis")
    assert first(html(client.get("/cari", {"q": "sawah"})), ".result-count").text == "44 hasil"
    # Filters count too: only the sub-category's matches.
    only = html(client.get("/cari", {"q": "sawah", "category": "sekolah"}))
    assert first(only, ".result-count").text == "23 hasil"
    # Past the cap the count stops: a COUNT over at most cap + 1 rows.
    monkeypatch.setattr(search, "COUNT_CAP", 21)
    capped = html(client.get("/cari", {"q": "kabar"}))
    assert first(capped, ".result-count").text == "Lebih dari 21 hasil"
