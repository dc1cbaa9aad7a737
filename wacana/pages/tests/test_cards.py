"""Issue 14, point 7: every listing of articles (home, rubric, tag, search, profile,
/pilihan, /mengikuti and /bacaan) shows the one card of includes/article_card.html, so
the same markup — label line, title, writer and date, fixed-size picture — everywhere."""

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Category, Tag
from wacana.testing.content import curate, publish
from wacana.testing.html import Element, html
from wacana.testing.personas import make_editor, make_user, signed_in

pytestmark = pytest.mark.django_db

CARD = "includes/article_card.html"


def _signature(card: Element) -> list[tuple[str, tuple[str, ...]]]:
    """The card's shape: its parts and, inside the text, the label line, the title and
    the byline (a search snippet or the reading list's form may come in between)."""
    parts = [child for child in card.children if isinstance(child, Element)]
    assert parts and parts[0].classes == {"card-text"}, card.raw_text
    text = [
        child
        for child in parts[0].children
        if isinstance(child, Element) and "card-snippet" not in child.classes
    ][:3]
    inner = [(child.tag, tuple(sorted(child.classes))) for child in text]
    assert text[1].select("a[href]"), "the title is a link"
    assert text[2].select("time[datetime]"), "the byline has the date"
    return [("li", ("card",))] + inner + [(p.tag, tuple(sorted(p.classes))) for p in parts[1:]]


@pytest.fixture
def site(db: Any) -> dict[str, Any]:
    writer = make_user("sekar", display_name="Sekar Ayu")
    reader = make_user("raka", display_name="Raka")
    article = publish(writer, "Sawah di Ujung Kampung")
    actions.update_article(writer, article, {"tags": [{"slug": "sawah", "name": "sawah"}]})
    curate(make_editor(), article, actions.PICK)
    account_actions.follow(reader, writer)
    actions.save_for_later(reader, article)
    return {"writer": writer, "reader": reader, "article": article}


def test_every_listing_shows_the_one_shared_card(client: Client, site: dict[str, Any]) -> None:
    writer: User = site["writer"]
    rubric = Category.objects.get(slug="sekolah").parent
    assert rubric is not None
    anonymous = {
        "home": "/",
        "rubric": rubric.get_absolute_url(),
        "tag": Tag.objects.get(slug="sawah").get_absolute_url(),
        "search": "/cari?q=sawah",
        "profile": writer.get_absolute_url(),
        "picks": "/pilihan",
    }
    reader = signed_in(site["reader"])
    pages = [(name, client, path) for name, path in anonymous.items()]
    pages += [("following", reader, "/mengikuti"), ("reading list", reader, "/bacaan")]
    shapes = {}
    article: Article = site["article"]
    for name, browser, path in pages:
        # Cards are kept once rendered (and anonymous pages whole): render them afresh.
        cache.clear()
        response = browser.get(path)
        assert response.status_code == 200, name
        assert CARD in [t.name for t in response.templates], f"{name} does not use {CARD}"
        cards = [
            card
            for card in html(response).select("li.card")
            if card.select(f"a[href='{article.get_absolute_url()}']")
        ]
        assert cards, f"{name}: no card for the article"
        shapes[name] = _signature(cards[0])
    first = shapes["home"]
    assert all(shape == first for shape in shapes.values()), shapes


def test_a_search_card_and_a_listing_card_never_stand_in_for_each_other(
    client: Client, site: dict[str, Any]
) -> None:
    """Listings keep their cards (`{% article_cards %}`); search results carry their
    marked title and snippet (search.Hit) and are never kept as cards: whichever page
    comes first, the other shows its own card of the same article."""
    listing = Tag.objects.get(slug="sawah").get_absolute_url()
    url = site["article"].get_absolute_url()

    def card_of(path: str) -> Element:
        (card,) = [
            c for c in html(client.get(path)).select("li.card") if c.select(f"a[href='{url}']")
        ]
        return card

    cache.clear()
    for _ in range(2):
        assert not card_of(listing).select("mark, .card-snippet")
        searched = card_of("/cari?q=sawah")
        assert [m.text for m in searched.select(".card-title mark")] == ["Sawah"]
        assert searched.select(".card-snippet")
