"""The curated home page: its sections, what never appears on it, its cost, its cache,
the editor's picks listing, and the "popular today / this week" readers."""

import itertools
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.articles import actions, counting
from wacana.articles.models import Article, Category, DailyViews
from wacana.discovery import home, popular
from wacana.discovery.models import PopularArticle
from wacana.lib import pagecache
from wacana.testing.api import api_for
from wacana.testing.content import curate, draft, fresh, publish
from wacana.testing.html import html
from wacana.testing.images import upload
from wacana.testing.personas import make_editor, make_user, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db: Any) -> User:
    return make_editor()


def section(html: str, anchor: str) -> str:
    """The HTML of the home section whose heading has id `anchor` ("" if none)."""
    found = re.search(
        rf'<section class="home-section" aria-labelledby="{anchor}">(.*?)</section>', html, re.S
    )
    return found[1] if found else ""


def titles(fragment: str) -> list[str]:
    return re.findall(r'<a href="/[\w.]+/\d+/[\w-]+">([^<]+)</a>', fragment)


def views(article: Article, day: Any, n: int) -> None:
    DailyViews.objects.create(article=article, day=day, views=n)


def moment(hours_ago: int) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours_ago)


# --- sections ----------------------------------------------------------------------------


def test_an_empty_site_shows_no_empty_sections(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for anchor in ("utama", "pilihan", "populer-hari-ini", "populer-minggu-ini", "terbaru"):
        assert f'aria-labelledby="{anchor}"' not in html
    assert "Belum ada artikel. Jadilah yang pertama menulis!" in html


def test_every_section_shows_what_it_should(client: Client, writer: User, editor: User) -> None:
    reader = make_user("pembaca2")
    old_headline = publish(writer, "Utama Lama", at=moment(50))
    new_headline = publish(writer, "Utama Baru", at=moment(40))
    picked = publish(writer, "Pilihan Redaksi", category="bisnis", at=moment(30))
    liked = publish(writer, "Paling Disukai", category="bisnis", at=moment(20))
    read_today = publish(writer, "Ramai Hari Ini", at=moment(10))
    curate(editor, old_headline, actions.HEADLINE)
    curate(editor, new_headline, actions.HEADLINE)
    curate(editor, picked, actions.PICK)
    actions.rate_article(reader, fresh(liked), "inspiratif")
    today = popular.today()
    views(read_today, today, 40)
    views(picked, today - timedelta(days=3), 100)
    popular.refresh_week()

    html = client.get("/").content.decode()
    headlines = section(html, "utama")
    assert titles(headlines)[:2] == ["Utama Baru", "Utama Lama"]  # newest first, first big
    assert 'class="lead-story"' in headlines and "Utama Baru" in headlines.split("</article>")[0]
    assert titles(section(html, "pilihan")) == ["Pilihan Redaksi"]
    assert 'href="/pilihan"' in section(html, "pilihan")
    assert titles(section(html, "populer-hari-ini")) == ["Ramai Hari Ini"]
    assert titles(section(html, "populer-minggu-ini")) == ["Pilihan Redaksi", "Ramai Hari Ini"]
    assert titles(section(html, "nilai-tertinggi")) == ["Paling Disukai"]
    assert titles(section(html, "terbaru"))[0] == "Ramai Hari Ini"
    bisnis = Category.objects.get(slug="bisnis").parent
    assert bisnis is not None
    assert set(titles(section(html, f"rubrik-{bisnis.slug}"))) == {
        "Pilihan Redaksi",
        "Paling Disukai",
    }
    assert '<span class="label">Pilihan</span>' in section(html, "terbaru")
    assert '<span class="label label-headline">Artikel Utama</span>' in headlines
    # Headings in order: one h1, then the sections' h2, cards' h3.
    levels = [int(n) for n in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_each_rubric_shows_its_three_latest(client: Client, writer: User) -> None:
    for n in range(5):
        publish(writer, f"Sekolah {n}", category="sekolah", at=moment(100 - n))
    publish(writer, "Satu Bisnis", category="bisnis", at=moment(200))
    html = client.get("/").content.decode()
    rubric = Category.objects.get(slug="sekolah").parent
    assert rubric is not None
    assert titles(section(html, f"rubrik-{rubric.slug}")) == ["Sekolah 4", "Sekolah 3", "Sekolah 2"]
    bisnis = Category.objects.get(slug="bisnis").parent
    assert bisnis is not None
    assert titles(section(html, f"rubrik-{bisnis.slug}")) == ["Satu Bisnis"]


def test_hidden_unpublished_deleted_and_draft_articles_never_show(
    client: Client, writer: User, editor: User, moderator: User
) -> None:
    hidden = publish(writer, "Disembunyikan Moderator")
    unpublished = publish(writer, "Ditarik Penulis")
    deleted = publish(writer, "Dihapus Penulis")
    draft(writer, "Masih Draf")
    visible = publish(writer, "Tetap Tampil")
    for article in (hidden, unpublished, deleted, visible):
        curate(editor, article, actions.PICK)
        curate(editor, article, actions.HEADLINE)
        views(article, popular.today(), 10)
    popular.refresh_week()
    html = client.get("/").content.decode()  # cached now, with all four
    assert "Disembunyikan Moderator" in html

    actions.hide_article(fresh(hidden))
    actions.unpublish_article(writer, fresh(unpublished))
    actions.delete_article(writer, fresh(deleted))
    html = client.get("/").content.decode()
    for title in ("Disembunyikan Moderator", "Ditarik Penulis", "Dihapus Penulis", "Masih Draf"):
        assert title not in html, title
    for anchor in ("utama", "pilihan", "populer-hari-ini", "populer-minggu-ini", "terbaru"):
        assert "Tetap Tampil" in section(html, anchor), anchor


def test_latest_links_to_older_articles_by_cursor(client: Client, writer: User) -> None:
    for n in range(home.LATEST + 3):
        publish(writer, f"Tulisan {n:02d}", at=moment(100 - n))
    html = client.get("/").content.decode()
    latest = section(html, "terbaru")
    assert len(titles(latest)) == home.LATEST
    link = re.search(r'href="\?cursor=([^"]+)"', latest)
    assert link
    older = client.get(f"/?cursor={link[1]}")
    assert older.status_code == 200
    assert titles(older.content.decode()) == ["Tulisan 02", "Tulisan 01", "Tulisan 00"]
    assert 'content="noindex, follow"' in older.content.decode()
    for bad in ("xyz", "!!", "a" * 500, "ZnVu"):
        assert client.get("/", {"cursor": bad}).status_code == 404


# --- cost and cache -----------------------------------------------------------------------


def _queries(client: Client, path: str = "/") -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _fill(writer: User, editor: User, count: int, offset: int = 0) -> None:
    slugs = list(Category.objects.subcategories().values_list("slug", flat=True))
    reader = make_user(f"penilai{offset}")
    for n in range(offset, offset + count):
        article = publish(writer, f"Isi {n}", category=slugs[n % len(slugs)], at=moment(500 - n))
        if n % 3 == 0:
            curate(editor, article, actions.PICK)
        if n % 5 == 0:
            curate(editor, article, actions.HEADLINE)
        if n % 4 == 0:
            actions.rate_article(reader, fresh(article), "menarik")
        views(article, popular.today(), n + 1)
        views(article, popular.today() - timedelta(days=2), n + 2)
    popular.refresh_week()


def test_the_home_costs_the_same_whatever_the_number_of_articles_and_rubrics(
    client: Client, writer: User, editor: User
) -> None:
    _fill(writer, editor, 6)
    cache.clear()
    few = _queries(client)
    _fill(writer, editor, 40, offset=6)
    cache.clear()
    many = _queries(client)
    assert many == few, f"{few} queries with 6 articles, {many} with 46"
    # headlines, picks, latest, today, week, top rated, rubrics + their articles (2),
    # writers, site settings, the open topics; on this cold cache also the header's rubric
    # bar (1) and the sidebar (popular, picks, tags: 3), both cached site-wide. No query per
    # rubric or card.
    assert few <= 16
    html = client.get("/").content.decode()
    assert html.count('aria-labelledby="rubrik-') >= 5


def test_the_cached_home_costs_no_query_for_anonymous_readers(
    client: Client, writer: User, editor: User
) -> None:
    _fill(writer, editor, 10)
    client.get("/")
    assert _queries(client) == 0


def test_signed_in_readers_share_the_cached_sections(
    client: Client, writer: User, editor: User, reader: User
) -> None:
    _fill(writer, editor, 10)
    client.get("/")
    signed = signed_in(reader)
    signed.get("/")
    # The session and the user, nothing for the sections.
    assert _queries(signed) <= 3


def test_a_pick_shows_on_the_cached_home_at_once(
    client: Client, writer: User, editor: User
) -> None:
    article = publish(writer, "Baru Dipilih")
    html = client.get("/").content.decode()
    assert section(html, "pilihan") == ""
    assert api_for(editor).put(f"/articles/{article.pk}/pick").status_code == 204
    assert titles(section(client.get("/").content.decode(), "pilihan")) == ["Baru Dipilih"]
    assert api_for(editor).put(f"/articles/{article.pk}/headline").status_code == 204
    assert titles(section(client.get("/").content.decode(), "utama")) == ["Baru Dipilih"]
    assert api_for(editor).delete(f"/articles/{article.pk}/pick").status_code == 204
    assert section(client.get("/").content.decode(), "pilihan") == ""


def test_cache_control_is_public_for_anonymous_and_private_when_signed_in(
    client: Client, reader: User
) -> None:
    anonymous = client.get("/")
    assert "public" in anonymous["Cache-Control"] and "max-age=60" in anonymous["Cache-Control"]
    assert not anonymous.cookies
    signed = signed_in(reader).get("/")
    assert "private" in signed["Cache-Control"]


def test_the_home_is_in_english_for_english_readers(client: Client, writer: User) -> None:
    publish(writer, "Kabar Pagi")
    client.get("/")  # Indonesian sections cached
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert ">Latest<" in html and ">Terbaru<" not in html


# --- the picks listing --------------------------------------------------------------------


def test_the_picks_listing_is_keyset_paginated(
    client: Client, writer: User, editor: User, settings: Any
) -> None:
    settings.WACANA_PAGE_SIZE = 5  # two pages from eight picks, one of them hidden
    articles = [publish(writer, f"Pilihan {n:02d}") for n in range(8)]
    for article in articles:
        curate(editor, article, actions.PICK)
    publish(writer, "Bukan Pilihan")
    hidden = articles[3]
    actions.hide_article(fresh(hidden))

    first = client.get("/pilihan")
    assert first.status_code == 200
    html = first.content.decode()
    listed = titles(html)
    assert listed == ["Pilihan 07", "Pilihan 06", "Pilihan 05", "Pilihan 04", "Pilihan 02"]
    link = re.search(r'href="\?cursor=([^"]+)"', html)
    assert link
    with CaptureQueriesContext(connection) as deep:
        second = client.get(f"/pilihan?cursor={link[1]}")
    rest = titles(second.content.decode())
    assert rest == ["Pilihan 01", "Pilihan 00"]
    assert "Bukan Pilihan" not in html + second.content.decode()
    pagecache.forget()  # the first page was kept whole: render it again, to count
    with CaptureQueriesContext(connection) as shallow:
        client.get("/pilihan")
    assert len(deep) == len(shallow)
    assert client.get("/pilihan", {"cursor": "bukan-kursor"}).status_code == 404


def test_picks_are_sorted_by_publication_not_by_pick_time_or_id(
    client: Client, writer: User, editor: User
) -> None:
    now = datetime.now(UTC)
    # Written (ids) in one order, published in another, picked in a third.
    newest = publish(writer, "Terbit Kemarin", at=now - timedelta(days=1))
    oldest = publish(writer, "Terbit Tiga Hari Lalu", at=now - timedelta(days=3))
    middle = publish(writer, "Terbit Dua Hari Lalu", at=now - timedelta(days=2))
    assert newest.pk < middle.pk and oldest.pk < middle.pk
    for article in (oldest, newest, middle):
        curate(editor, article, actions.PICK)
    wanted = ["Terbit Kemarin", "Terbit Dua Hari Lalu", "Terbit Tiga Hari Lalu"]
    assert titles(client.get("/pilihan").content.decode()) == wanted
    assert titles(section(client.get("/").content.decode(), "pilihan")) == wanted


def test_the_picks_listing_when_there_are_none(client: Client) -> None:
    html = client.get("/pilihan").content.decode()
    assert "Redaksi belum memilih artikel apa pun." in html


# --- popular today / this week ------------------------------------------------------------


def test_popular_today_orders_by_views_and_breaks_ties_by_newest_article(writer: User) -> None:
    a, b, c, d = (publish(writer, f"Artikel {n}") for n in "ABCD")
    today = popular.today()
    views(a, today, 5)
    views(b, today, 9)
    views(c, today, 5)
    views(d, today - timedelta(days=1), 100)  # yesterday: not today
    assert [x.article.title for x in popular.popular_today()] == [
        "Artikel B",
        "Artikel C",
        "Artikel A",
    ]
    assert [x.views for x in popular.popular_today()] == [9, 5, 5]
    assert [x.article.title for x in popular.popular_today(limit=1)] == ["Artikel B"]


def test_hidden_articles_drop_out_of_both_lists_at_once(writer: User) -> None:
    a, b = publish(writer, "Artikel A"), publish(writer, "Artikel B")
    views(a, popular.today(), 10)
    views(b, popular.today(), 3)
    popular.refresh_week()
    actions.hide_article(fresh(a))
    assert [x.article.title for x in popular.popular_today()] == ["Artikel B"]
    assert [x.article.title for x in popular.popular_week()] == ["Artikel B"]


def test_this_week_is_today_and_the_six_days_before(writer: User) -> None:
    a, b, c = (publish(writer, f"Artikel {n}") for n in "ABC")
    today = popular.today()
    views(a, today - timedelta(days=7), 1000)  # eight days ago, counting today: out
    views(a, today, 1)
    views(b, today - timedelta(days=6), 30)  # seven days ago: in
    views(b, today - timedelta(days=1), 30)
    views(c, today - timedelta(days=2), 60)  # ties with B: the newer article first
    views(c, today + timedelta(days=1), 500)  # tomorrow (a wrong clock): out
    assert popular.refresh_week(today) == 3
    week = popular.popular_week()
    assert [x.article.title for x in week] == ["Artikel C", "Artikel B", "Artikel A"]
    assert [x.views for x in week] == [60, 60, 1]


def test_the_week_is_refreshed_after_a_flush_and_not_on_the_request_path(
    client: Client, writer: User
) -> None:
    article = publish(writer, "Dibaca Orang")
    client.get("/")
    assert not PopularArticle.objects.exists()  # reading the home computes nothing
    request_client = Client(HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile")
    request_client.get(article.get_absolute_url())
    assert counting.flush() == 1
    rows = list(PopularArticle.objects.values_list("article_id", "views", "rank"))
    assert rows == [(article.pk, 1, 1)]
    # A second flush within REFRESH_SECONDS does not recompute.
    DailyViews.objects.filter(article=article).update(views=50)
    other = make_user("pembaca3")
    visitor = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/120")
    visitor.force_login(other)
    visitor.get(article.get_absolute_url())
    counting.flush()
    assert PopularArticle.objects.get().views == 1


def test_the_week_keeps_a_bounded_number_of_places(writer: User) -> None:
    author = make_user("banyak")
    for n in range(popular.KEEP + 5):
        views(publish(author if n % 2 else writer, f"Artikel {n}"), popular.today(), n + 1)
    assert popular.refresh_week() == popular.KEEP
    assert PopularArticle.objects.count() == popular.KEEP
    with CaptureQueriesContext(connection) as captured:
        top = popular.popular_week()
    assert len(captured) == 1 and len(top) == 5
    assert top[0].article.title == f"Artikel {popular.KEEP + 4}"


def test_the_bench_data_fills_every_home_section(client: Client) -> None:
    from django.core.management import call_command

    call_command("generate_bench_data", "--writers", "5", "--articles", "60", stdout=None)
    assert Article.objects.published().picks().exists()
    assert Article.objects.published().headlines().exists()
    assert DailyViews.objects.filter(day=popular.today()).exists()
    assert PopularArticle.objects.exists()
    html = client.get("/").content.decode()
    for anchor in ("utama", "pilihan", "populer-hari-ini", "populer-minggu-ini", "terbaru"):
        assert titles(section(html, anchor)), anchor
    assert titles(section(html, "nilai-tertinggi"))


def test_a_message_for_an_anonymous_reader_shows_on_the_cached_home(
    client: Client, writer: User
) -> None:
    from wacana.testing.personas import PASSWORD

    publish(writer, "Kabar Pagi")
    assert "Kabar Pagi" in client.get("/").content.decode()  # the whole page is cached
    leaving = make_user("pamit")
    browser = signed_in(leaving)
    response = browser.post("/akun/hapus", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    html = response.content.decode()
    assert "Akun Anda beserta datanya telah dihapus. Sampai jumpa." in html
    assert "Kabar Pagi" in html
    assert "Sampai jumpa" not in client.get("/").content.decode()


def test_the_lead_storys_picture_is_asked_for_from_the_head(
    client: Client, writer: User, editor: User, reader: User
) -> None:
    # The home's largest picture (issue 18): found before the inlined styles are read.
    lead = publish(writer, "Sawah di Kaki Gunung")
    actions.set_featured_image(lead, upload(size=(1600, 900)))
    curate(editor, fresh(lead), actions.HEADLINE)
    lead = fresh(lead)
    for page in (client.get("/"), signed_in(reader).get("/")):
        document = html(page)
        preload = document.select("head link[rel=preload][as=image]")
        assert len(preload) == 1
        # The very candidates the lead's <picture> offers, so it is fetched once.
        picture = document.one(".lead-story picture")
        sources = [node["srcset"] for node in picture.select("source, img")]
        assert preload[0]["imagesrcset"] in sources
        assert preload[0]["fetchpriority"] == "high"
        assert preload[0]["imagesizes"] == picture.select("img")[0]["sizes"]
    # Saving data: the picture waits for a tap, so nothing is asked for.
    light = html(client.get("/", headers={"save-data": "on"}))
    assert light.select("head link[rel=preload]") == []
    # A lead without a picture: nothing to ask for.
    curate(editor, publish(writer, "Tanpa Gambar"), actions.HEADLINE)
    assert html(client.get("/")).select("head link[rel=preload]") == []


def test_the_writers_list_is_styled_by_the_home_s_own_css(writer: User) -> None:
    # Its rules once lived in tools.css, which reading pages never load: a bulleted list
    # of underlined names. The home inlines site.css, pages.css and discovery.css.
    publish(writer, "Senja di Kalimas")
    page = Client().get("/").content.decode()
    assert '<ul class="writers">' in page
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.S))
    assert ".writers{list-style:none" in styles
    assert ".writers a{display:flex" in styles
