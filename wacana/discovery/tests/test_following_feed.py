"""The following feed merges each followed writer's newest articles (issue 15: one query
over every article of 50 busy writers took 2.3 s a page on the bench data)."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wacana.accounts import actions as account_actions
from wacana.articles import actions
from wacana.discovery import following
from wacana.lib import cursor
from wacana.testing.content import fresh, publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

START = datetime(2025, 1, 1, tzinfo=UTC)


def walk(reader: Any, limit: int) -> list[str]:
    titles: list[str] = []
    after = None
    while True:
        page = following.feed_page(reader, after, limit)
        titles += [article.title for article in page.items]
        if not page.next_cursor:
            return titles
        after = page.next_cursor


# Every way of reading it: one index range per follow (few follows), the scan, and the
# scan's window too short for a page, so the page is read per kind.
@pytest.mark.parametrize(("few", "window"), [(following.FEW, 400), (0, 400), (0, 2)])
def test_the_feed_is_every_followed_article_newest_first_across_pages(
    monkeypatch: pytest.MonkeyPatch, few: int, window: int
) -> None:
    monkeypatch.setattr(following, "FEW", few)
    monkeypatch.setattr(following, "WINDOW", window)
    reader = make_user("pembaca_feed")
    writers = [make_user(f"penulis_feed_{n}") for n in range(3)]
    stranger = make_user("bukan_diikuti")
    expected = []
    for n in range(10):
        author = writers[n % 3]
        publish(author, f"Tulisan {n:02d}", at=START + timedelta(hours=n))
        expected.append(f"Tulisan {n:02d}")
    publish(stranger, "Tidak diikuti", at=START + timedelta(hours=30))
    same_time = publish(writers[0], "Bersamaan", at=START + timedelta(hours=4))
    expected.insert(5, same_time.title)
    for writer in writers:
        account_actions.follow(reader, writer)
    hidden = publish(writers[1], "Disembunyikan", at=START + timedelta(hours=20))
    assert actions.hide_article(fresh(hidden))
    newest_first = list(reversed(expected))
    for limit in (1, 3, 4, 20):
        assert walk(reader, limit) == newest_first, limit
    assert following.feed_page(make_user("tidak_mengikuti"), None).items == []


def test_a_page_costs_the_same_queries_however_many_writers_are_followed() -> None:
    reader = make_user("pembaca_banyak")
    counts = []
    for n in range(12):
        writer = make_user(f"penulis_banyak_{n}")
        publish(writer, f"Artikel {n}", at=START + timedelta(hours=n))
        account_actions.follow(reader, writer)
        if n in (1, 11):
            with CaptureQueriesContext(connection) as queries:
                page = following.feed_page(reader, None, 5)
            counts.append(len(queries))
            assert len(page.items) == min(5, n + 1)
    assert counts[0] == counts[1] <= 3


def test_a_foreign_cursor_is_refused() -> None:
    reader = make_user("pembaca_kursor")
    with pytest.raises(cursor.BadCursor):
        following.feed_page(reader, cursor.encode(cursor.Key(5, 1)))
    with pytest.raises(cursor.BadCursor):
        following.feed_page(reader, "bukan-kursor")


def test_many_quiet_follows_scan_a_window_then_read_per_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thirty followed tags with one old article each: the scan stops at the WINDOW-th
    article instead of reading the whole site (650 ms of CPU on the bench data), then
    the page is read per kind."""
    from wacana.articles.models import Tag
    from wacana.topics import actions as topic_actions

    monkeypatch.setattr(following, "WINDOW", 5)
    busy = make_user("penulis_ramai")
    reader = make_user("pembaca_sepi")
    quiet = [
        publish(busy, f"Lama {n}", tags=f"sepi{n}", at=START + timedelta(hours=n)) for n in range(3)
    ]
    for n in range(12):
        publish(busy, f"Baru {n}", at=START + timedelta(days=30, hours=n))
    for n in range(3):
        topic_actions.follow(reader, Tag.objects.get(slug=f"sepi{n}"))
    for n in range(following.FEW):
        topic_actions.follow(reader, Tag.objects.create(name=f"kosong{n}", slug=f"kosong{n}"))
    with CaptureQueriesContext(connection) as queries:
        page = following.feed_page(reader, None, 10)
    assert [a.pk for a in page.items] == [a.pk for a in reversed(quiet)]
    scan = next(
        q["sql"] for q in queries.captured_queries if "EXISTS" in q["sql"] and " OR " in q["sql"]
    )
    assert ">=" in scan, "the scan is bounded by the window's publication time"
    assert len(queries.captured_queries) == 5  # follows, floor, scan, per kind, cards


@pytest.mark.parametrize("save_data", [False, True])
def test_the_page_loads_only_what_its_cards_show_and_they_are_the_same_cards(
    save_data: bool,
) -> None:
    """/mengikuti loads its articles with `for_cards` (only the columns a card shows):
    each card is the one a listing of whole rows renders, for no query more."""
    from django.core.cache import cache
    from django.template import Context

    from wacana.articles.models import Article
    from wacana.articles.templatetags.wacana_articles import article_cards
    from wacana.testing.personas import make_editor

    writer = make_user("penulis_kartu", display_name="Penulis Kartu", verified=True)
    reader = make_user("pembaca_kartu")
    account_actions.follow(reader, writer)
    plain = publish(writer, "Kartu Polos", at=START)
    shown = publish(writer, "Kartu Bergambar", at=START + timedelta(hours=1))
    Article.objects.filter(pk=shown.pk).update(
        image="articles/9-kartu-1200.webp",
        image_small="articles/9-kartu-360.webp",
        image_variants="avif",
        view_count=1234,
    )
    editor = make_editor("redaktur_kartu")
    actions.curate(editor, fresh(plain), actions.PICK, True)
    actions.curate(editor, fresh(plain), actions.HEADLINE, True)

    with CaptureQueriesContext(connection) as queries:
        page = following.feed_page(reader, None, cards=True)
        cache.clear()
        cards = article_cards(Context({"save_data": save_data}), page.items)
    assert len(queries.captured_queries) == 3  # follows, ids, cards: none per card
    whole = list(Article.objects.filter(pk__in=[a.pk for a in page.items]).for_listing())
    whole.sort(key=lambda article: [a.pk for a in page.items].index(article.pk))
    cache.clear()
    assert cards == article_cards(Context({"save_data": save_data}), whole)
    picture = "9-kartu-240" if save_data else "9-kartu-360"
    assert "Kartu Bergambar" in cards and picture in cards and "Penulis Kartu" in cards
    assert "Pilihan" in cards and "1.234" in cards
