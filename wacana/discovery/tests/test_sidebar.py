"""The wide-screen sidebar: most read, editor's picks and popular tags, cached site-wide."""

import re
from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.conftest import warm_frame
from wacana.testing.content import curate, publish
from wacana.testing.personas import make_editor

pytestmark = pytest.mark.django_db


def _sidebar(html: str) -> str:
    found = re.search(r'<aside class="sidebar".*?</aside>', html, re.S)
    assert found, "no sidebar"
    return found.group(0)


def test_home_rubric_and_article_pages_have_the_sidebar_and_others_do_not(
    client: Client, writer: User
) -> None:
    article = publish(writer, "Kebun Kopi di Lereng Ijen", category="sekolah")
    actions.update_article(writer, article, {"tags": [{"name": "kopi", "slug": "kopi"}]})
    curate(make_editor(), article)
    for path in ("/", "/kategori/pendidikan", article.get_absolute_url()):
        side = _sidebar(client.get(path).content.decode())
        assert 'href="/tag/kopi"' in side, path
    # The home lists the picks in its own section, so its sidebar leaves them out.
    assert article.get_absolute_url() not in _sidebar(client.get("/").content.decode())
    assert article.get_absolute_url() in _sidebar(
        client.get("/kategori/pendidikan").content.decode()
    )
    for path in ("/cari", "/pedoman", "/masuk"):
        assert 'class="sidebar"' not in client.get(path).content.decode()


def test_the_sidebar_costs_no_query_once_cached_and_follows_curation_at_once(
    client: Client, writer: User, django_assert_num_queries: Any
) -> None:
    first = publish(writer, "Tulisan pertama", category="sekolah")
    warm_frame(client)
    with django_assert_num_queries(3):  # the rubric, its listing and its sub-categories
        html = client.get("/kategori/bisnis").content.decode()
    assert 'class="sidebar"' not in html  # nothing read, picked or tagged yet: no box
    curate(make_editor(), first)
    side = _sidebar(client.get("/kategori/bisnis").content.decode())
    assert first.get_absolute_url() in side
