"""Hostile Markdown cannot stall the site (issue: `![` x 49,000 took 15-19 s per save,
inside the write transaction): every pass over a body is linear, costly bodies are
refused with 422, rendering happens before the transaction opens, saves are limited."""

import time
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, ArticlePage, Category
from wacana.discovery import search
from wacana.discussion.text import render_comment
from wacana.lib import markdown
from wacana.testing import hostile_bodies
from wacana.testing.api import api_for, assert_error_shape

# Generous, and CPU time of this thread (not wall time), so a busy test machine does not
# fail it: well under a second each.
CEILING_SECONDS = 3.0


@pytest.mark.parametrize("name", list(hostile_bodies.BODIES))
def test_each_hostile_body_is_refused_or_saved_quickly(name: str) -> None:
    body = hostile_bodies.BODIES[name]()
    cost = hostile_bodies.save_cost(body)
    assert cost.seconds < CEILING_SECONDS, (name, cost)


@pytest.mark.parametrize(
    "body",
    [
        "[" * 99_990,
        "![" * 49_000,
        "![a](" * 19_000,
        "[a](" * 24_000,
        "<a" * 49_000,
    ],
)
def test_the_search_index_text_is_linear(body: str) -> None:
    # These took 3-103 s before (`[^\]]*` rescanning to the end from every bracket).
    started = time.thread_time()
    search.plain_text_from_markdown(body)
    assert time.thread_time() - started < CEILING_SECONDS


def test_the_search_index_text_still_keeps_link_texts_and_drops_images() -> None:
    text = search.plain_text_from_markdown(
        "Baca [berita ini](https://a.id/x) ![foto](/m.webp) <b>tebal</b>"
    )
    assert text == "Baca berita ini tebal"


def test_many_bare_addresses_in_one_paragraph_render_in_linear_time() -> None:
    # `<http://` x 12,000 took 34 s: markdown-it-py's linkify rescanned the paragraph.
    started = time.thread_time()
    html = markdown.render("<http://" * 12_000)
    assert time.thread_time() - started < CEILING_SECONDS
    assert "<a href" not in html  # "http://" alone is no address


def test_bare_addresses_are_still_linked() -> None:
    html = markdown.render("Lihat https://wacana.example/tentang?a=1, lalu mailto:x dan selesai.")
    assert '<a href="https://wacana.example/tentang?a=1"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_a_comment_address_ending_in_many_parentheses_is_linear() -> None:
    started = time.thread_time()
    html = render_comment("http://a.id/x" + ")" * 50_000)
    assert time.thread_time() - started < CEILING_SECONDS
    assert 'href="http://a.id/x"' in html


def test_image_sources_come_from_the_parsed_body() -> None:
    body = "![a [b] c](/media/images/1.webp) ![](</media/images/2.webp>) `![x](/no.webp)`"
    tokens = markdown.parse_all(body)
    assert markdown.image_sources(tokens) == {"/media/images/1.webp", "/media/images/2.webp"}


# --- the form: a costly body is refused with a clear message -------------------------------


def _payload(body: str) -> dict[str, Any]:
    return {"title": "Judul", "body": body, "category": "pertanian"}


@pytest.mark.django_db
def test_the_api_refuses_a_body_with_too_much_markup(writer: User) -> None:
    api = api_for(writer)
    created = api.post("/articles", _payload("Awal."))
    assert created.status_code == 201
    started = time.thread_time()
    response = api.patch(f"/articles/{created.json()['id']}", {"body": "![" * 49_000})
    assert time.thread_time() - started < CEILING_SECONDS
    body = assert_error_shape(response, 422, "body")
    assert "terlalu banyak format" in body["errors"]["body"][0]
    assert Article.objects.get().body == "Awal."


@pytest.mark.django_db
def test_the_writing_page_refuses_a_body_with_too_much_markup(writer: User) -> None:
    client = Client()
    client.force_login(writer)
    response = client.post(
        "/tulis", {**_payload("*a" * 49_000), "intent": "preview"}, HTTP_ACCEPT_LANGUAGE="id"
    )
    assert response.status_code == 400
    assert "terlalu banyak" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_ordinary_long_article_is_accepted(writer: User) -> None:
    # 84 KB: 250 sections, each a heading, a paragraph with bold and a link, and a list.
    body = hostile_bodies.BODIES["a long real article (84 KB, 250 sections)"]()
    response = api_for(writer).post("/articles", _payload(body))
    assert response.status_code == 201, response.content
    assert Article.objects.get().page_count == 1


# --- rendering happens before the transaction ---------------------------------------------


@pytest.fixture
def render_depths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many transactions were open each time a body was rendered."""
    depths: list[int] = []
    real = markdown.render_article

    def spy(*args: Any, **kwargs: Any) -> markdown.Rendered:
        depths.append(len(connection.atomic_blocks))
        return real(*args, **kwargs)

    monkeypatch.setattr(markdown, "render_article", spy)
    return depths


@pytest.mark.django_db
def test_the_api_renders_before_opening_the_transaction(
    writer: User, render_depths: list[int]
) -> None:
    outside = len(connection.atomic_blocks)  # the test's own transaction
    api = api_for(writer)
    created = api.post("/articles", _payload("Satu."))
    assert api.patch(f"/articles/{created.json()['id']}", {"body": "Dua."}).status_code == 200
    assert render_depths == [outside, outside]
    assert ArticlePage.objects.get().html == "<p>Dua.</p>\n"


@pytest.mark.django_db
def test_the_writing_page_renders_before_opening_the_transaction(
    writer: User, render_depths: list[int]
) -> None:
    outside = len(connection.atomic_blocks)
    client = Client()
    client.force_login(writer)
    response = client.post("/tulis", {**_payload("Satu."), "intent": "save"})
    assert response.status_code == 302
    article = Article.objects.get()
    response = client.post(f"/tulis/{article.pk}", {**_payload("Dua."), "intent": "save"})
    assert response.status_code == 302
    assert render_depths == [outside, outside]
    assert ArticlePage.objects.get().html == "<p>Dua.</p>\n"


@pytest.mark.django_db
def test_the_admin_renders_before_opening_the_transaction(
    writer: User, admin_user: User, render_depths: list[int]
) -> None:
    category = Category.objects.get(slug="pertanian")
    article = actions.create_article(writer, {"title": "J", "body": "a", "category": category})
    render_depths.clear()
    outside = len(connection.atomic_blocks)
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "title": "J",
            "author": writer.pk,
            "category": category.pk,
            "status": "draft",
            "body": "Dua.",
            "image_caption": "",
            "image_source": "",
        },
    )
    assert response.status_code == 302
    assert render_depths == [outside]
    assert ArticlePage.objects.get().html == "<p>Dua.</p>\n"


@pytest.mark.django_db
def test_the_admin_refuses_a_body_with_too_much_markup(writer: User, admin_user: User) -> None:
    category = Category.objects.get(slug="pertanian")
    article = actions.create_article(writer, {"title": "J", "body": "a", "category": category})
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "title": "J",
            "author": writer.pk,
            "category": category.pk,
            "status": "draft",
            "body": "[a](" * 24_000,
            "image_caption": "",
            "image_source": "",
        },
    )
    assert response.status_code == 200
    assert "too_much_markup" in {
        e.code for e in response.context["adminform"].form.errors.as_data()["body"]
    }
    article.refresh_from_db()
    assert article.body == "a"


@pytest.mark.django_db
def test_the_action_renders_before_its_transaction_when_called_alone(
    writer: User, render_depths: list[int]
) -> None:
    outside = len(connection.atomic_blocks)
    category = Category.objects.get(slug="pertanian")
    article = actions.create_article(writer, {"title": "J", "body": "a", "category": category})
    actions.update_article(writer, article, {"body": "b"})
    actions.update_article(writer, article, {"title": "Judul lain"})  # no body: no render
    assert render_depths == [outside, outside]


# --- saves and previews are rate limited --------------------------------------------------


@pytest.mark.django_db
def test_api_saves_are_limited_with_429_and_retry_after(writer: User, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "article_write": (2, 60)}
    api = api_for(writer)
    created = api.post("/articles", _payload("Satu."))
    assert created.status_code == 201
    url = f"/articles/{created.json()['id']}"
    assert api.patch(url, {"body": "Dua."}).status_code == 200
    response = api.patch(url, {"body": "Tiga."})
    assert_error_shape(response, 429)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Article.objects.get().body == "Dua."
    # Someone else is counted on their own.
    other = api_for(User.objects.create_user("penulis2", "p2@example.com", "x-x-x-x-x-1"))
    assert other.post("/articles", _payload("Lain.")).status_code == 201


@pytest.mark.django_db
def test_page_saves_and_previews_are_limited_with_a_message(writer: User, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "article_write": (2, 60)}
    client = Client()
    client.force_login(writer)
    assert client.post("/tulis", {**_payload("Satu."), "intent": "preview"}).status_code == 200
    assert client.post("/tulis", {**_payload("Satu."), "intent": "save"}).status_code == 302
    article = Article.objects.get()
    response = client.post(
        f"/tulis/{article.pk}", {**_payload("Dua."), "intent": "save"}, HTTP_ACCEPT_LANGUAGE="id"
    )
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    page = response.content.decode()
    assert "Anda menyimpan terlalu cepat" in page
    assert "Dua." in page  # what was typed is kept in the form
    article.refresh_from_db()
    assert article.body == "Satu."
