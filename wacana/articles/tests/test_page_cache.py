"""Whole pages kept for anonymous readers (wacana/lib/pagecache.py, issue 15): the article
page, the listings and search. A hit gives the same bytes; views count exactly on hits;
every change a reader would see renders the page afresh, at once; signed-in readers get
the kept listings and profiles with their own holes filled, never a kept article;
sessions, messages and Save-Data never share a kept page."""

import gzip
import re
from typing import Any

import brotli
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions, counting
from wacana.articles.models import Article, Tag
from wacana.articles.templatetags.wacana_articles import card_key
from wacana.discussion import actions as discussion_actions
from wacana.discussion.models import Comment
from wacana.lib import inline_css, offline, pagecache
from wacana.testing.content import comment, curate, fresh, publish
from wacana.testing.html import html
from wacana.testing.personas import make_editor, make_user, signed_in, with_role
from wacana.topics import actions as topic_actions

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"


def visit(path: str, client: Client | None = None, /, **headers: str) -> Any:
    response = (client or Client()).get(path, headers={"user-agent": BROWSER, **headers})
    return response


def kept(response: Any) -> str | None:
    """'hit', 'miss' (rendered and kept) or None (not kept)."""
    return pagecache.outcome(response)


def text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    body = response.content
    encoding = response.get("Content-Encoding")
    if encoding == "br":
        body = brotli.decompress(body)
    elif encoding == "gzip":
        body = gzip.decompress(body)
    return str(body.decode())


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer, "Senja di Kalimas", tags="pelabuhan")


def listing_paths(article: Article) -> list[str]:
    rubric = article.category.parent
    assert rubric is not None
    return [
        article.category.get_absolute_url(),
        rubric.get_absolute_url(),
        "/tag/pelabuhan",
        article.author.get_absolute_url(),
        "/cari?q=kalimas",
    ]


# --- hits -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["br", "gzip", ""])
def test_a_hit_gives_the_same_bytes_as_the_render_and_costs_no_render(
    article: Article, encoding: str
) -> None:
    url = article.get_absolute_url()
    first = visit(url, **{"accept-encoding": encoding})
    assert kept(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = visit(url, **{"accept-encoding": encoding})
    assert kept(second) == "hit"
    assert second.content == first.content
    assert second.get("Content-Encoding", "") == encoding
    assert "Senja di Kalimas" in text(second)
    # The article (found afresh: hidden ones are 404) and nothing of the render.
    assert len(queries) == 1, [q["sql"] for q in queries.captured_queries]
    for header in ("Content-Type", "Cache-Control", "X-Wacana-Offline", "Vary"):
        assert second[header] == first[header], header
    assert "Save-Data" in second["Vary"] and "Cookie" in second["Vary"]


def test_every_listing_and_search_is_kept_and_hit_with_the_same_bytes(article: Article) -> None:
    curate(make_editor(), article)
    for path in [*listing_paths(article), "/pilihan"]:
        first = visit(path, **{"accept-encoding": "br"})
        assert kept(first) == "miss", path
        second = visit(path, **{"accept-encoding": "br"})
        assert kept(second) == "hit", path
        assert second.content == first.content, path
        assert "Senja di" in text(second), path


def test_a_hit_takes_any_encoding_from_the_one_kept_page(article: Article) -> None:
    url = article.get_absolute_url()
    plain = visit(url, **{"accept-encoding": ""})
    as_brotli = visit(url, **{"accept-encoding": "br"})
    as_gzip = visit(url, **{"accept-encoding": "gzip"})
    assert kept(as_brotli) == kept(as_gzip) == "hit"
    assert text(as_brotli) == text(as_gzip) == text(plain)


# --- counting ----------------------------------------------------------------------------


def test_views_count_exactly_on_kept_pages(article: Article) -> None:
    url = article.get_absolute_url()
    sources = []
    for n in range(12):
        sources.append(kept(visit(url, Client(REMOTE_ADDR=f"198.51.100.{n + 1}"))))
    assert sources.count("hit") >= 11
    # A reader refreshing counts once per window, as before.
    visit(url, Client(REMOTE_ADDR="198.51.100.1"))
    counting.flush()
    assert fresh(article).view_count == 12
    # The flushed count is on the page: the row changed, so the page is rendered afresh.
    after = visit(url, Client(REMOTE_ADDR="198.51.100.99"))
    assert kept(after) == "miss"
    assert "12 kali dibaca" in text(after)


# --- what renders a kept page afresh ------------------------------------------------------


@pytest.mark.parametrize("change", ["hide", "unpublish", "delete", "suspend"])
def test_a_hidden_article_is_gone_from_the_next_anonymous_request(
    article: Article, writer: User, change: str
) -> None:
    url = article.get_absolute_url()
    visit(url)
    paths = listing_paths(article)
    for path in paths:
        visit(path)
        assert kept(visit(path)) == "hit", path
    if change == "hide":
        assert actions.hide_article(fresh(article))
    elif change == "unpublish":
        actions.unpublish_article(writer, fresh(article))
    elif change == "delete":
        actions.delete_article(writer, fresh(article))
    else:
        assert actions.hide_articles_of(writer) == 1
    assert visit(url).status_code in (404, 410)
    for path in paths:
        response = visit(path)
        assert kept(response) != "hit", path
        if response.status_code == 200:
            assert "Senja di" not in text(response), path


def test_an_edit_shows_at_once_on_the_page_and_every_listing(
    article: Article, writer: User
) -> None:
    url = article.get_absolute_url()
    for path in [url, *listing_paths(article)]:
        visit(path)
    actions.update_article(writer, fresh(article), {"title": "Senja di Kalimas Baru"})
    assert "Senja di Kalimas Baru" in text(visit(fresh(article).get_absolute_url()))
    for path in listing_paths(article):
        # Search marks the words it matched: Senja di <mark>Kalimas</mark> Baru.
        assert re.search(r"Kalimas(</mark>)? Baru", text(visit(path))), path


def test_a_new_article_and_a_pick_show_at_once(article: Article, writer: User) -> None:
    paths = listing_paths(article)
    for path in [*paths, "/pilihan"]:
        visit(path)
    later = publish(writer, "Pagi di Kalimas", tags="pelabuhan")
    for path in paths:
        assert "Pagi di" in text(visit(path)), path
    assert "Pagi di Kalimas" not in text(visit("/pilihan"))
    curate(make_editor(), later)
    assert "Pagi di Kalimas" in text(visit("/pilihan"))


def test_comments_show_at_once_posted_edited_and_hidden(article: Article) -> None:
    url = article.get_absolute_url()
    visit(url)
    commenter = make_user("komentator")
    posted = comment(commenter, article, "Pelabuhan itu ramai sekali.")
    assert "Pelabuhan itu ramai sekali." in text(visit(url))
    discussion_actions.edit_comment(commenter, posted, "Pelabuhan itu sepi sekali.")
    page = text(visit(url))
    assert "sepi sekali" in page and "ramai sekali" not in page
    assert discussion_actions.hide_comment(Comment.objects.get(pk=posted.pk))
    assert "sepi sekali" not in text(visit(url))


def test_a_rating_and_a_new_display_name_show_at_once(article: Article, writer: User) -> None:
    url = article.get_absolute_url()
    visit(url)
    actions.rate_article(make_user("penilai"), fresh(article), "inspiratif")
    ratings = html(visit(url, **{"accept-encoding": ""})).select(".rating-count")
    assert "1" in [node.text.strip() for node in ratings]
    category = article.category.get_absolute_url()
    visit(category)
    account_actions.update_profile(User.objects.get(pk=writer.pk), display_name="Nama Baru")
    assert "Nama Baru" in text(visit(url))
    assert "Nama Baru" in text(visit(category))


# --- signed-in readers: the kept page with their own holes ---------------------------------


def shared_listings(article: Article) -> list[str]:
    """The listings whose kept page signed-in readers share, with their own holes: every
    one, the writer's profile too."""
    return listing_paths(article)


def test_signed_in_readers_share_a_kept_listing_each_with_their_own_menu(
    article: Article,
) -> None:
    first = signed_in(make_user("pembaca_setia", display_name="Pembaca Setia"))
    second = signed_in(make_user("pembaca_lain", display_name="Pembaca Lain"))
    for path in [*shared_listings(article), "/pilihan"]:
        # A signed-in reader's miss keeps the page as nobody sees it, then fills it.
        mine = visit(path, first)
        assert kept(mine) == "miss", path
        assert "Pembaca Setia" in text(mine) and "Keluar" in text(mine), path
        anonymous = visit(path)
        assert kept(anonymous) == "hit", path
        page = text(anonymous)
        assert "Pembaca Setia" not in page and "csrfmiddlewaretoken" not in page, path
        assert "\x00" not in page and "Masuk" in page, path
        theirs = visit(path, second)
        assert kept(theirs) == "hit", path
        assert "Pembaca Lain" in text(theirs) and "Pembaca Setia" not in text(theirs), path
        assert "private" in theirs["Cache-Control"], path
        assert theirs.get("Content-Encoding") != "br", path  # it holds a CSRF token


def _without_tokens(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", page)


@pytest.mark.parametrize("who", ["reader", "follower", "writer", "editor", "moderator"])
def test_a_filled_page_is_byte_for_byte_the_page_rendered_for_the_reader(
    article: Article, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = {
        "reader": lambda: make_user("pembaca_setia"),
        "follower": lambda: make_user("wulan_baca"),
        "writer": lambda: article.author,
        "editor": lambda: make_editor("redaktur_x"),
        "moderator": lambda: with_role(make_user("mod_tiga"), "moderator"),
    }[who]()
    if who == "follower":
        topic_actions.follow(person, article.category)
        topic_actions.follow(person, Tag.objects.get(slug="pelabuhan"))
        account_actions.follow(person, article.author)
    browser = signed_in(person)
    paths = shared_listings(article)
    filled = {path: text(visit(path, browser, **{"accept-encoding": ""})) for path in paths}
    assert [kept(visit(path, browser)) for path in paths] == ["hit"] * len(paths)
    monkeypatch.setattr(pagecache, "same_but_for_holes", lambda *args: False)
    for path in paths:
        rendered = visit(path, browser, **{"accept-encoding": ""})
        assert kept(rendered) is None
        assert _without_tokens(filled[path]) == _without_tokens(text(rendered)), path
    profile = html(filled[article.author.get_absolute_url()])
    if who == "writer":
        assert not profile.select("form.follow") and not profile.select(".report-links")
        assert profile.select(f".profile a[href='{reverse('accounts:edit_profile')}']")
    else:
        button = profile.select("form.follow button")[0].text
        assert button == ("Berhenti mengikuti" if who == "follower" else "Ikuti")
        assert profile.select(".report-links a[data-report]")
    if who == "follower":
        assert "Berhenti mengikuti" in filled[paths[0]]


def test_the_menu_of_a_filled_page_follows_the_reader_at_once(article: Article) -> None:
    """The account menu is rendered once per process for what it shows of the reader
    (holes.once): any change of that is a new menu at once."""
    reader = make_user("pembaca_setia", display_name="Pembaca Setia")
    browser = signed_in(reader)
    path = article.category.get_absolute_url()

    def menu() -> Any:
        shown = visit(path, browser, **{"accept-encoding": ""})
        assert kept(shown) in ("hit", "miss")
        return html(shown).select("nav.account")[0]

    assert "Pembaca Setia" in menu().text and not menu().select(".count")
    User.objects.filter(pk=reader.pk).update(unread_notifications=3)
    assert menu().select(".count")[0].text.startswith("3")
    account_actions.update_profile(reader, display_name="Nama Lain", tagline="", bio="")
    assert "Nama Lain" in menu().text and "Pembaca Setia" not in menu().text
    assert not menu().select("a[href='/moderasi']")
    with_role(reader, "moderator")
    assert menu().select("a[href='/moderasi']")


def test_the_token_in_a_kept_menu_signs_out(article: Article) -> None:
    reader = make_user("pembaca_setia")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    path = article.category.get_absolute_url()
    visit(path, browser)  # the menu rendered once, then given again with this token
    page = html(visit(path, browser, **{"accept-encoding": ""}))
    form = page.select("nav.account form")[0]
    token = form.select("input[name=csrfmiddlewaretoken]")[0].get("value")
    assert browser.post(form.get("action"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert "_auth_user_id" not in browser.session


def test_the_token_in_a_filled_page_is_the_readers_own(article: Article) -> None:
    reader = make_user("pembaca_setia")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    path = article.category.get_absolute_url()
    visit(path)  # kept by an anonymous reader first
    page = html(visit(path, browser, **{"accept-encoding": ""}))
    form = page.select("form.follow")[0]
    token = form.select("input[name=csrfmiddlewaretoken]")[0].get("value")
    answer = browser.post(
        form.get("action"), {"csrfmiddlewaretoken": token, "action": "follow", "next": path}
    )
    assert answer.status_code == 302
    assert topic_actions.is_following(reader, article.category)
    # Their next visit shows the new state; nothing in the kept page moved.
    assert "Berhenti mengikuti" in text(visit(path, browser, **{"accept-encoding": ""}))
    assert "Berhenti mengikuti" not in text(visit(path))


def test_the_token_in_a_filled_profile_is_the_readers_own(article: Article) -> None:
    reader = make_user("pembaca_setia")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    path = article.author.get_absolute_url()
    visit(path)  # kept by an anonymous reader first
    shown = visit(path, browser, **{"accept-encoding": ""})
    assert kept(shown) == "hit"
    form = html(shown).select("form.follow")[0]
    token = form.select("input[name=csrfmiddlewaretoken]")[0].get("value")
    answer = browser.post(form.get("action"), {"csrfmiddlewaretoken": token, "action": "follow"})
    assert answer.status_code == 302
    assert account_actions.is_following(reader, article.author)
    # Their next visit (the message shown, then the kept page, kept afresh: the writer's
    # count of followers moved) has the new state; nothing of theirs is in the kept page.
    visit(path, browser)
    again = visit(path, browser, **{"accept-encoding": ""})
    assert kept(again) == "miss"
    assert "1 pengikut" in text(again)
    assert "Berhenti mengikuti" in text(again)
    assert "Berhenti mengikuti" not in text(visit(path))


def test_a_signed_in_reader_with_a_message_waiting_gets_the_page_rendered(
    article: Article,
) -> None:
    reader = make_user("pembaca_setia")
    browser = signed_in(reader)
    path = article.category.get_absolute_url()
    visit(path)
    follow_url = html(visit(path, browser)).select("form.follow")[0].get("action")
    browser.post(follow_url, {"action": "follow", "next": path})
    shown = visit(path, browser)
    assert kept(shown) is None
    assert html(shown).select(".messages li"), "the message is shown"
    assert kept(visit(path, browser)) == "hit"  # shown once, then the kept page again


def test_save_data_is_a_page_of_its_own(article: Article) -> None:
    url = article.category.get_absolute_url()
    full = visit(url, **{"accept-encoding": ""})
    light = visit(url, **{"accept-encoding": "", "save-data": "on"})
    assert kept(light) == "miss"
    assert light.content != full.content
    assert "light.css" in text(light) and "light.css" not in text(full)
    again = visit(url, **{"accept-encoding": ""})
    assert kept(again) == "hit" and again.content == full.content
    chosen = Client()
    chosen.cookies["wacana_hemat"] = "on"
    assert "light.css" in text(visit(url, chosen, **{"accept-encoding": ""}))


def test_a_session_a_message_or_an_unknown_parameter_is_not_kept(article: Article) -> None:
    url = article.get_absolute_url()
    with_session = Client()
    with_session.cookies["sessionid"] = "abc"
    assert kept(visit(url, with_session)) is None
    with_message = Client()
    with_message.cookies["messages"] = "x"
    assert kept(visit(url, with_message)) is None
    assert kept(visit(url + "?utm_source=wa")) is None
    assert kept(visit(url + "?page=1")) == "miss"


def test_an_english_reader_gets_the_english_page(article: Article) -> None:
    url = article.category.get_absolute_url()
    indonesian = text(visit(url))
    english = Client()
    english.cookies["django_language"] = "en"
    page = text(visit(url, english))
    assert page != indonesian
    assert 'lang="en"' in page and 'lang="id"' in indonesian


def test_search_keeps_its_rate_limit_on_kept_pages(article: Article, settings: Any) -> None:
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 60)}
    visitor = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [visit("/cari?q=kalimas", visitor).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert kept(visit("/cari?q=kalimas", Client(REMOTE_ADDR="198.51.100.8"))) == "hit"


def test_the_site_version_moves_with_forget() -> None:
    before = pagecache.version()
    pagecache.forget()
    assert pagecache.version() != before


# --- cards kept once rendered (articles.templatetags.wacana_articles.article_cards) -------

CARD = "includes/article_card.html"


def card_renders(response: Any) -> int:
    return sum(template.name == CARD for template in response.templates)


def test_a_listing_renders_only_the_cards_not_kept_yet(writer: User, settings: Any) -> None:
    for n in range(6):
        publish(writer, f"Kartu {n}", tags="kartu")
    reader = signed_in(make_user("pembaca_kartu"))  # signed in: no whole page kept
    path = "/tag/kartu"
    first = visit(path, reader, **{"accept-encoding": ""})
    assert card_renders(first) == 6
    with CaptureQueriesContext(connection):
        second = visit(path, reader, **{"accept-encoding": ""})
    assert card_renders(second) == 0
    cards = html(second).select("li.card")
    assert [c.text for c in cards] == [c.text for c in html(first).select("li.card")]
    publish(writer, "Kartu baru", tags="kartu")
    third = visit(path, reader, **{"accept-encoding": ""})
    assert card_renders(third) == 1  # the new card only
    assert len(html(third).select("li.card")) == 7


def test_an_edit_changes_the_card_everywhere(article: Article, writer: User) -> None:
    editor = make_editor()
    curate(editor, article)
    reader = make_user("pengikut_senja")
    account_actions.follow(reader, writer)
    browser = signed_in(reader)
    paths = [*listing_paths(article)[:4], "/pilihan", "/mengikuti"]
    public = paths[:-1]  # /mengikuti is for signed-in readers only
    for path in paths:
        assert "Senja di Kalimas" in text(visit(path, browser)), path
    for path in public:
        assert "Senja di Kalimas" in text(visit(path)), path
    actions.update_article(writer, fresh(article), {"title": "Fajar di Kalimas"})
    pages = [text(visit(path, browser)) for path in paths] + [text(visit(p)) for p in public]
    for path, page in zip(paths + public, pages, strict=True):
        assert "Fajar di Kalimas" in page and "Senja di Kalimas" not in page, path


def test_a_card_follows_reads_and_the_writers_name(article: Article, writer: User) -> None:
    reader = signed_in(make_user("pembaca_angka"))
    path = article.category.get_absolute_url()
    assert "0 kali dibaca" in text(visit(path, reader))
    for n in range(3):
        visit(article.get_absolute_url(), Client(REMOTE_ADDR=f"198.51.100.{n + 50}"))
    counting.flush()
    # A kept listing shows new reads when it is next rendered (within pagecache.TIMEOUT,
    # for signed-in readers as for anonymous ones); the card then follows them.
    assert "0 kali dibaca" in text(visit(path, reader))
    pagecache.forget()
    assert "3 kali dibaca" in text(visit(path, reader))
    account_actions.update_profile(User.objects.get(pk=writer.pk), display_name="Penulis Senja")
    assert "Penulis Senja" in text(visit(path, reader))
    # Saving data, a card is another card (its picture is a link until tapped).
    item = Article.objects.for_listing().get(pk=article.pk)
    assert card_key(item, save_data=True, show_author=True) != card_key(
        item, save_data=False, show_author=True
    )


# --- feeds and sitemaps (pagecache.kept_for_anonymous) --------------------------------------


def test_feeds_and_sitemaps_are_kept_and_follow_a_hidden_article(article: Article) -> None:
    url = article.get_absolute_url()
    paths = ["/feed", "/tag/pelabuhan/feed", f"/{article.author.username}/feed"]
    sitemap_index = text(visit("/sitemap.xml", **{"accept-encoding": ""}))
    sections = re.findall(r"<loc>https?://[^/]+(/sitemap-artikel\.xml[^<]*)</loc>", sitemap_index)
    paths += [section.replace("&amp;", "&") for section in sections]
    for path in paths:
        first = visit(path, **{"accept-encoding": "br"})
        assert kept(first) == "miss", path
        second = visit(path, **{"accept-encoding": "br"})
        assert kept(second) == "hit" and second.content == first.content, path
        assert url in text(second), path
    etag = visit("/feed")["ETag"]
    assert visit("/feed", **{"if-none-match": etag}).status_code == 304
    assert actions.hide_article(fresh(article))
    for path in paths:
        response = visit(path)
        assert kept(response) != "hit", path
        if response.status_code == 200:
            assert url not in text(response), path


def test_a_series_rename_and_reorder_show_at_once_on_its_parts(writer: User) -> None:
    from wacana.articles import series as series_actions

    first = publish(writer, "Danau bagian satu")
    second = publish(writer, "Danau bagian dua")
    series = series_actions.create_series(writer, "Jalan ke Danau")
    series_actions.set_parts(series, [first.pk, second.pk])
    url = fresh(first).get_absolute_url()
    visit(url)
    assert kept(visit(url)) == "hit"
    assert "Jalan ke Danau" in text(visit(url))
    series_actions.change_series(series, name="Menuju Danau")
    page = text(visit(url))
    assert "Menuju Danau" in page and "Jalan ke Danau" not in page
    series_actions.move_part(series, first.pk, 2)
    page = " ".join(html(visit(url)).one("article").text.split())
    assert "bagian 2 dari 2" in page


# --- the article page for signed-in readers: the kept page with its reader holes ------------

MULTI_PAGE = "Halaman pertama yang cukup panjang.\n\n<!--nextpage-->\n\nHalaman kedua, penutup."


def _rendered_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagecache, "same_but_for_holes", lambda *args: False)


@pytest.mark.parametrize("who", ["reader", "involved", "quiet"])
def test_a_filled_article_page_is_byte_for_byte_the_page_rendered_for_the_reader(
    writer: User, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = publish(writer, "Senja di Kalimas", body=MULTI_PAGE, tags="pelabuhan")
    if who != "quiet":  # quiet: no comment yet, so the thread's part is kept (holes.once)
        other = make_user("komentator_lain")
        first = comment(other, story, "Komentar pertama dari orang lain.")
        comment(writer, story, "Balasan penulis.", parent=first)
    person = make_user("pembaca_setia", display_name="Pembaca Setia")
    if who == "involved":
        # Follows the writer, rated, saved, commented, and has a comment hidden.
        account_actions.follow(person, writer)
        actions.rate_article(person, fresh(story), "inspiratif")
        actions.save_for_later(person, fresh(story))
        comment(person, story, "Komentar saya sendiri.")
        discussion_actions.hide_comment(comment(person, story, "Komentar yang disembunyikan."))
    browser = signed_in(person)
    paths = [story.get_absolute_url(), story.get_absolute_url() + "?page=2"]
    for path in paths:
        visit(path)  # kept by an anonymous reader
    # Twice: the second is filled from the parts each hole keeps in the process.
    for _ in range(2):
        filled = {path: visit(path, browser, **{"accept-encoding": ""}) for path in paths}
    assert [kept(response) for response in filled.values()] == ["hit", "hit"]
    _rendered_whole(monkeypatch)
    for path in paths:
        rendered = visit(path, browser, **{"accept-encoding": ""})
        assert kept(rendered) is None
        assert _without_tokens(text(filled[path])) == _without_tokens(text(rendered)), path
        assert filled[path][offline.KIND_HEADER] == rendered[offline.KIND_HEADER]
    page = text(filled[paths[0]])
    assert "Pembaca Setia" in page
    assert page.count("js/report.js") == 1  # the report dialog's script, once
    if who == "quiet":
        assert "Belum ada komentar" in page and 'id="komentar-baru"' in page
    else:
        assert "Komentar pertama dari orang lain." in page
    if who == "involved":
        assert "Berhenti mengikuti" in page and "Komentar yang disembunyikan." in page
        assert 'aria-pressed="true"' in page
        assert filled[paths[0]][offline.KIND_HEADER] == offline.SAVED


def test_the_writer_an_editor_a_moderator_and_a_whole_page_reader_get_it_rendered(
    article: Article, writer: User
) -> None:
    url = article.get_absolute_url()
    visit(url)
    whole_pages = make_user("pembaca_utuh")
    account_actions.set_reading_preference(whole_pages, True)
    for person in [
        writer,
        make_editor("redaktur_x"),
        with_role(make_user("mod_tiga"), "moderator"),
        whole_pages,
    ]:
        response = visit(url, signed_in(person))
        assert kept(response) is None, person.username
        assert response.status_code == 200


def test_an_article_page_filled_for_a_reader_keeps_nothing_of_theirs(article: Article) -> None:
    url = article.get_absolute_url()
    reader = make_user("pembaca_setia", display_name="Pembaca Setia")
    mine = visit(url, signed_in(reader))
    assert kept(mine) == "miss"  # their miss keeps the page as nobody sees it
    assert "Pembaca Setia" in text(mine)
    anonymous = visit(url)
    assert kept(anonymous) == "hit"
    page = text(anonymous)
    assert "Pembaca Setia" not in page and "csrfmiddlewaretoken" not in page
    assert "\x00" not in page and "data-report" not in page


def test_the_tokens_of_a_filled_article_page_are_the_readers_own(
    article: Article, writer: User
) -> None:
    reader = make_user("pembaca_setia")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    url = article.get_absolute_url()
    visit(url)
    page = html(visit(url, browser, **{"accept-encoding": ""}))
    form = page.select("form.follow")[0]
    token = form.select("input[name=csrfmiddlewaretoken]")[0].get("value")
    answer = browser.post(form.get("action"), {"csrfmiddlewaretoken": token, "action": "follow"})
    assert answer.status_code == 302
    assert account_actions.is_following(reader, writer)
    save = html(visit(url, browser, **{"accept-encoding": ""})).select("form.save-form")[0]
    token = save.select("input[name=csrfmiddlewaretoken]")[0].get("value")
    answer = browser.post(save.get("action"), {"csrfmiddlewaretoken": token, "action": "save"})
    assert answer.status_code == 302
    assert actions.is_saved(reader, article)


def test_a_filled_article_page_costs_the_same_few_queries_however_many_comments(
    article: Article, writer: User
) -> None:
    url = article.get_absolute_url()
    person = make_user("pembaca_setia")
    browser = signed_in(person)
    counted = []
    for many in (1, 4):
        while fresh(article).comment_count < many:
            comment(make_user(f"komentator{fresh(article).comment_count}"), article, "Setuju.")
        visit(url)  # kept anew by an anonymous reader (a comment moves the thread's version)
        with CaptureQueriesContext(connection) as queries:
            response = visit(url, browser)
        assert kept(response) == "hit"
        counted.append(len(queries))
    # The session with its reader and their roles, the stamp (which reads all the holes
    # show of the article), the reader's rating and saved state, following the writer,
    # the thread.
    assert counted[0] == counted[1] <= 5, counted


def test_a_new_rating_shows_at_once_to_every_signed_in_reader(article: Article) -> None:
    url = article.get_absolute_url()
    first, second = make_user("pembaca_satu"), make_user("pembaca_dua")
    browsers = {first: signed_in(first), second: signed_in(second)}

    def inspiring(person: User) -> tuple[str, str]:
        page = html(visit(url, browsers[person], **{"accept-encoding": ""}))
        button = page.select("form.rating-form button[value=inspiratif]")[0]
        return button.select(".rating-count")[0].text.strip(), str(button.get("aria-pressed"))

    assert inspiring(first) == inspiring(second) == ("0", "false")
    assert inspiring(first) == ("0", "false")  # its parts now kept in the process
    actions.rate_article(second, fresh(article), "inspiratif")
    assert inspiring(first) == ("1", "false")
    assert inspiring(second) == ("1", "true")
    actions.withdraw_rating(second, fresh(article))
    assert inspiring(second) == inspiring(first) == ("0", "false")


def test_a_deploy_that_changes_the_inlined_styles_renders_kept_pages_anew(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The new policy allows the new <style> only: an old kept copy would show unstyled.
    paths = [article.get_absolute_url(), article.category.get_absolute_url(), "/"]
    for path in paths:
        visit(path)
    assert [kept(visit(path)) for path in paths[:2]] == ["hit", "hit"]
    home = visit("/", **{"accept-encoding": ""}).content
    monkeypatch.setattr(inline_css, "digest", lambda: "another-deploy")
    assert [kept(visit(path)) for path in paths[:2]] == ["miss", "miss"]
    monkeypatch.setattr(inline_css, "text", lambda name: "body{color:red}")
    assert b"body{color:red}" in visit("/", **{"accept-encoding": ""}).content != home


@pytest.mark.parametrize(
    "query",
    ["?komentar=bukan-kursor", "?komentar=" + "x" * 5000, "?page=99", "?page=abc", "?page=-1"],
)
def test_hostile_parameters_of_a_kept_article_are_a_404_for_everyone(
    article: Article, query: str
) -> None:
    url = article.get_absolute_url()
    reader = signed_in(make_user("pembaca_setia"))
    visit(url)  # the page itself is kept
    for client in (None, reader):
        response = visit(url + query, client) if client else visit(url + query)
        assert response.status_code == 404, (query, client)
        assert kept(response) is None
    assert kept(visit(url)) == "hit"  # what was kept is untouched


@pytest.mark.parametrize("query", ["?cursor=bukan-kursor", "?cursor=" + "x" * 5000])
def test_a_broken_cursor_on_a_kept_listing_is_a_404_for_signed_in_readers_too(
    article: Article, query: str
) -> None:
    reader = signed_in(make_user("pembaca_setia"))
    for path in [*shared_listings(article), "/pilihan"]:
        visit(path, reader)  # kept, with the holes marked
        response = visit(path + ("&" + query[1:] if "?" in path else query), reader)
        assert response.status_code == 404, path
        assert kept(visit(path, reader)) == "hit", path
