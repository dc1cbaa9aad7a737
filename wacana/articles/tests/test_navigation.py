"""The frame around every page: the one-row header and the rubric bar under it."""

import re
from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Category
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


def _bar(html: str) -> str:
    found = re.search(r'<nav class="rubric-bar".*?</nav>', html, re.S)
    assert found, "no rubric bar"
    return found.group(0)


def test_every_page_has_the_rubric_bar_in_editorial_order(client: Client) -> None:
    rubrics = list(Category.objects.rubrics())
    assert len(rubrics) > 3
    for path in ("/", "/cari", "/masuk", "/pedoman"):
        bar = _bar(client.get(path).content.decode())
        names = re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', bar)
        assert names == [rubric.name for rubric in rubrics], path
        assert "aria-current" not in bar


def test_the_rubric_page_and_its_sub_categories_mark_their_rubric(client: Client) -> None:
    child = Category.objects.subcategories().select_related("parent").first()
    assert child is not None and child.parent is not None
    bar = _bar(client.get(child.parent.get_absolute_url()).content.decode())
    assert re.findall(r'aria-current="(\w+)">([^<]+)<', bar) == [("page", child.parent.name)]
    bar = _bar(client.get(child.get_absolute_url()).content.decode())
    assert re.findall(r'aria-current="(\w+)">([^<]+)<', bar) == [("true", child.parent.name)]


def test_the_article_page_marks_its_rubric(client: Client, writer: User) -> None:
    from wacana.testing.content import publish

    article = publish(writer)
    bar = _bar(client.get(article.get_absolute_url()).content.decode())
    assert re.findall(r'aria-current="true">([^<]+)<', bar) == [article.rubric.name]


def test_the_bar_costs_no_query_once_cached(client: Client, django_assert_num_queries: Any) -> None:
    client.get("/masuk")
    with django_assert_num_queries(0):
        assert client.get("/masuk").status_code == 200


def test_a_renamed_rubric_shows_at_once(client: Client) -> None:
    client.get("/masuk")
    rubric = Category.objects.rubrics().first()
    assert rubric is not None
    rubric.name = "Rubrik Baru Sekali"
    rubric.save()
    assert "Rubrik Baru Sekali" in _bar(client.get("/masuk").content.decode())
    Category.objects.create(name="Rubrik Tambahan", slug="rubrik-tambahan", position=99)
    assert "Rubrik Tambahan" in _bar(client.get("/masuk").content.decode())


def test_the_header_has_one_row_of_parts_for_a_signed_in_reader(client: Client) -> None:
    user = make_user("sekar", display_name="Sekar")
    user.unread_notifications = 150
    user.save()
    client.force_login(user)
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    # The search button leads to the field even without JavaScript.
    assert 'href="#cari"' in header and 'id="cari"' in header
    assert 'placeholder="' in header
    # A long count is capped so the badge stays inside the bell's 44 px box.
    assert re.search(r'<span class="count">99\+', header)
    assert '<details class="menu">' in header
    assert 'href="/masuk"' not in header


def test_the_header_offers_sign_in_and_sign_up_to_anonymous_readers(client: Client) -> None:
    header = client.get("/").content.decode().split("</header>")[0]
    assert 'href="/masuk"' in header and 'href="/daftar"' in header
    assert 'details class="menu"' not in header
