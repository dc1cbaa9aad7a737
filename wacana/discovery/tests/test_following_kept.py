"""/mengikuti kept for each reader alone (issue 15): rendered once, then the kept page
with the reader's own account menu, until what is public or what they follow changes."""

import re
from typing import Any

import pytest
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.articles import actions
from wacana.articles.models import Tag
from wacana.lib import pagecache
from wacana.testing.content import fresh, publish
from wacana.testing.personas import make_user, signed_in
from wacana.topics import actions as topic_actions

pytestmark = pytest.mark.django_db

PATH = "/mengikuti"


def visit(client: Client, **headers: str) -> Any:
    response = client.get(PATH, headers={"accept-encoding": "", **headers})
    assert response.status_code == 200
    return response


def text(response: Any) -> str:
    return str(response.content.decode())


def test_each_reader_gets_their_own_feed_kept_with_their_own_menu() -> None:
    sekar, bayu = make_user("sekar_tulis"), make_user("bayu_tulis")
    publish(sekar, "Tulisan Sekar")
    publish(bayu, "Tulisan Bayu")
    first = make_user("pembaca_satu", display_name="Pembaca Satu")
    second = make_user("pembaca_dua", display_name="Pembaca Dua")
    account_actions.follow(first, sekar)
    account_actions.follow(second, bayu)
    mine, theirs = signed_in(first), signed_in(second)
    assert pagecache.outcome(visit(mine)) == "miss"
    kept = visit(mine)
    assert pagecache.outcome(kept) == "hit"
    assert "Tulisan Sekar" in text(kept) and "Tulisan Bayu" not in text(kept)
    assert "Pembaca Satu" in text(kept) and "\x00" not in text(kept)
    other = visit(theirs)
    assert pagecache.outcome(other) == "miss"  # never the first reader's page
    assert "Tulisan Bayu" in text(other) and "Tulisan Sekar" not in text(other)
    assert "Pembaca Dua" in text(other) and "Pembaca Satu" not in text(other)
    assert "private" in kept["Cache-Control"]
    assert visit(mine, **{"accept-encoding": "gzip, br"}).get("Content-Encoding") != "br"
    assert Client().get(PATH).status_code == 302  # nobody else, ever


def test_a_follow_an_unfollow_and_a_new_article_show_at_once() -> None:
    writer, other = make_user("sekar_tulis"), make_user("bayu_tulis")
    publish(writer, "Tulisan Sekar")
    publish(other, "Tulisan Bayu", tags="pelabuhan")
    reader = make_user("pembaca_satu")
    browser = signed_in(reader)
    account_actions.follow(reader, writer)
    assert "Tulisan Sekar" in text(visit(browser))
    topic_actions.follow(reader, Tag.objects.get(slug="pelabuhan"))
    assert "Tulisan Bayu" in text(visit(browser))
    account_actions.unfollow(reader, writer)
    assert "Tulisan Sekar" not in text(visit(browser))
    topic_actions.unfollow(reader, Tag.objects.get(slug="pelabuhan"))
    assert "Tulisan Bayu" not in text(visit(browser))
    account_actions.follow(reader, other)
    assert pagecache.outcome(visit(browser)) == "miss"
    assert pagecache.outcome(visit(browser)) == "hit"
    publish(other, "Tulisan Baru")
    assert "Tulisan Baru" in text(visit(browser))
    hidden = publish(other, "Akan Disembunyikan")
    assert "Akan Disembunyikan" in text(visit(browser))
    actions.unpublish_article(other, fresh(hidden))
    assert "Akan Disembunyikan" not in text(visit(browser))


def _without_tokens(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", page)


def test_the_kept_feed_is_byte_for_byte_the_page_rendered_for_the_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer = make_user("sekar_tulis")
    for n in range(3):
        publish(writer, f"Tulisan {n}")
    reader = make_user("pembaca_satu")
    account_actions.follow(reader, writer)
    browser = signed_in(reader)
    visit(browser)
    filled = visit(browser)
    assert pagecache.outcome(filled) == "hit"
    monkeypatch.setattr(pagecache, "same_but_for_holes", lambda *args: False)
    rendered = visit(browser)
    assert pagecache.outcome(rendered) is None
    assert _without_tokens(text(filled)) == _without_tokens(text(rendered))
