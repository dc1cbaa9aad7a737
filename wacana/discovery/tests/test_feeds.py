"""Atom feeds: the site, a category, a tag, a writer.

Each feed is read back with feedparser (a real feed reader's parser) and checked entry by
entry; nothing hidden, drafted or written by a suspended writer may appear.
"""

import re
from datetime import timedelta
from typing import Any

import feedparser
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.http import http_date

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Category, Status
from wacana.discovery import feeds
from wacana.lib import pagecache
from wacana.moderation.actions import suspend_account
from wacana.testing.content import publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def rubric_and_child() -> tuple[Category, Category]:
    child = Category.objects.filter(parent__isnull=False).select_related("parent").first()
    assert child is not None and child.parent is not None
    return child.parent, child


def other_rubric(not_this: Category) -> Category:
    found = Category.objects.rubrics().exclude(pk=not_this.pk).first()
    assert found is not None
    return found


def parsed(client: Client, url: str, **headers: Any) -> Any:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def titles(feed: Any) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.fixture
def cast(writer: User) -> dict[str, Any]:
    """Public articles in a sub-category and in another rubric, plus what must not show."""
    rubric, child = rubric_and_child()
    elsewhere = other_rubric(rubric)
    other = make_user("wulan", display_name="Wulan Sari")
    banned = make_user("dilarang", display_name="Penulis Diskors")
    items = {
        "in_child": publish(
            writer, "Nasi jagung & <sambal> dari Madura", category=child, tags=("Kuliner",)
        ),
        "in_rubric": publish(writer, "Rubrik utama, tanpa sub-kategori", category=rubric),
        "in_elsewhere": publish(other, "Catatan dari kebun kopi Kintamani", category=elsewhere),
        "draft": actions.create_article(
            writer, {"title": "Masih draf, jangan tampil", "body": "Draf.", "category": child}
        ),
        "hidden": publish(other, "Disembunyikan moderator", category=child, tags=("Kuliner",)),
        "banned": publish(
            banned, "Tulisan penulis yang diskors", category=child, tags=("Kuliner",)
        ),
    }
    actions.hide_article(items["hidden"])
    suspend_account(banned)
    return {"rubric": rubric, "child": child, "elsewhere": elsewhere, **items}


NEVER = ("Masih draf, jangan tampil", "Disembunyikan moderator", "Tulisan penulis yang diskors")


def test_site_feed_is_valid_atom_with_every_public_article(client: Client, cast: Any) -> None:
    feed = parsed(client, "/feed")
    assert feed.feed.link == BASE + "/"
    assert feed.feed.title and feed.feed.subtitle
    assert set(titles(feed)) == {
        "Nasi jagung & <sambal> dari Madura",  # text, not double-escaped HTML
        "Rubrik utama, tanpa sub-kategori",
        "Catatan dari kebun kopi Kintamani",
    }
    assert not set(NEVER) & set(titles(feed))
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        article = Article.objects.get(title=entry.title)
        assert entry.link == BASE + article.get_absolute_url()
        assert re.fullmatch(rf"tag:testserver,\d{{4}}-\d\d-\d\d:article:{article.pk}", entry.id)
        assert entry.author == article.author.name
        assert entry.author_detail.href == BASE + article.author.get_absolute_url()
        assert entry.published_parsed and entry.updated_parsed
        assert entry.summary == article.excerpt
        assert "content" not in entry  # summaries only, unless the operator says otherwise
    newest_first = [e.published for e in feed.entries]
    assert newest_first == sorted(newest_first, reverse=True)


def test_entries_carry_rubric_sub_category_and_tags(client: Client, cast: Any) -> None:
    feed = parsed(client, "/feed")
    entry = next(e for e in feed.entries if e.title.startswith("Nasi jagung"))
    terms = {(tag.term, tag.label, tag.scheme) for tag in entry.tags}
    assert terms == {
        (cast["rubric"].slug, cast["rubric"].name, BASE + "/kategori/"),
        (cast["child"].slug, cast["child"].name, BASE + "/kategori/"),
        ("kuliner", "kuliner", BASE + "/tag/"),  # as the form stores a tag
    }


def test_site_feed_holds_the_latest_twenty(client: Client, writer: User) -> None:
    _, child = rubric_and_child()
    made = [
        publish(writer, f"Catatan harian ke-{n}", category=child) for n in range(feeds.ENTRIES + 3)
    ]
    start = timezone.now() - timedelta(days=30)
    for n, article in enumerate(made):
        Article.objects.filter(pk=article.pk).update(published_at=start + timedelta(hours=n))
    feed = parsed(client, "/feed")
    assert titles(feed) == [f"Catatan harian ke-{n}" for n in range(feeds.ENTRIES + 2, 2, -1)]


def test_rubric_feed_includes_its_sub_categories(client: Client, cast: Any) -> None:
    rubric_feed = parsed(client, f"/kategori/{cast['rubric'].slug}/feed")
    assert set(titles(rubric_feed)) == {
        "Nasi jagung & <sambal> dari Madura",
        "Rubrik utama, tanpa sub-kategori",
    }
    assert rubric_feed.feed.link == BASE + cast["rubric"].get_absolute_url()
    child_feed = parsed(client, f"/kategori/{cast['child'].slug}/feed")
    assert titles(child_feed) == ["Nasi jagung & <sambal> dari Madura"]
    other_feed = parsed(client, f"/kategori/{cast['elsewhere'].slug}/feed")
    assert titles(other_feed) == ["Catatan dari kebun kopi Kintamani"]


def test_tag_feed_leaves_out_hidden_and_suspended(client: Client, cast: Any) -> None:
    feed = parsed(client, "/tag/kuliner/feed")
    assert titles(feed) == ["Nasi jagung & <sambal> dari Madura"]
    assert feed.feed.link == BASE + "/tag/kuliner"


def test_writer_feed(client: Client, cast: Any, writer: User) -> None:
    feed = parsed(client, f"/{writer.username}/feed")
    assert set(titles(feed)) == {
        "Nasi jagung & <sambal> dari Madura",
        "Rubrik utama, tanpa sub-kategori",
    }
    assert feed.feed.author_detail.name == writer.name
    assert feed.feed.author_detail.href == BASE + writer.get_absolute_url()
    upper = client.get(f"/{writer.username.upper()}/feed")
    assert upper.status_code == 301
    assert upper["Location"] == f"/{writer.username}/feed"


@pytest.mark.parametrize(
    "url",
    [
        "/kategori/tidak-ada/feed",
        "/tag/tidak-ada/feed",
        "/tidakada/feed",
        "/dilarang/feed",  # suspended
        "/ab/feed",  # not username-shaped
        "/kategori/feed/feed",
        "/kategori/%00/feed",
        "/tag/" + "a" * 5000 + "/feed",
        "/tag/kopi%27%20OR%201=1/feed",
        "/kategori/\u00e9t\u00e9/feed",
        "/" + "x" * 31 + "/feed",
        "/feed/feed",
    ],
)
def test_unknown_or_suspended_gives_404(client: Client, cast: Any, url: str) -> None:
    assert client.get(url).status_code == 404


def test_draft_only_writer_has_an_empty_but_valid_feed(client: Client, reader: User) -> None:
    _, child = rubric_and_child()
    actions.create_article(reader, {"title": "Draf saja", "body": "Belum.", "category": child})
    feed = parsed(client, f"/{reader.username}/feed")
    assert feed.entries == []


def test_feed_is_a_slug_not_a_trap(client: Client, writer: User) -> None:
    """A tag or category whose slug is "feed" keeps its own page; "feed" is no username."""
    rubric, _ = rubric_and_child()
    category = actions.save_category(Category(name="Feed", slug="feed", parent=rubric))
    publish(writer, "Tentang umpan berita", category=category, tags=("Feed",))
    assert client.get("/kategori/feed").templates[0].name == "articles/category.html"
    assert client.get("/tag/feed").templates[0].name == "articles/tag.html"
    assert titles(parsed(client, "/kategori/feed/feed")) == ["Tentang umpan berita"]
    assert titles(parsed(client, "/tag/feed/feed")) == ["Tentang umpan berita"]
    from wacana.accounts.validators import RESERVED_USERNAMES

    assert {"feed", "sitemap.xml", "robots.txt"} <= RESERVED_USERNAMES


def test_only_get_and_head(client: Client, cast: Any) -> None:
    assert client.post("/feed").status_code == 405
    assert client.post("/PENULIS/feed").status_code == 405
    assert client.post("/tag/kuliner/feed").status_code == 405
    assert client.head("/feed").status_code == 200


def test_conditional_get(client: Client, cast: Any, writer: User) -> None:
    # Last-Modified counts whole seconds: the edit below must land in a later one.
    Article.objects.update(published_at=timezone.now() - timedelta(hours=1))
    cast["in_rubric"].refresh_from_db()
    first = client.get("/feed")
    etag, modified = first["ETag"], first["Last-Modified"]
    dates = [a.updated_at or a.published_at for a in Article.objects.published()]
    newest = max(d for d in dates if d is not None)
    assert modified == http_date(int(newest.timestamp()))
    assert client.get("/feed", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/feed", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # An edit moves both; a hide changes the ETag (the entry set is different).
    actions.update_article(writer, cast["in_rubric"], {"title": "Judul yang diperbaiki"})
    edited = client.get("/feed", HTTP_IF_NONE_MATCH=etag)
    assert edited.status_code == 200
    assert "Judul yang diperbaiki" in titles(feedparser.parse(edited.content))
    assert client.get("/feed", HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    etag = edited["ETag"]
    actions.hide_article(Article.objects.get(title="Catatan dari kebun kopi Kintamani"))
    after_hide = client.get("/feed", HTTP_IF_NONE_MATCH=etag)
    assert after_hide.status_code == 200
    assert "Catatan dari kebun kopi Kintamani" not in titles(feedparser.parse(after_hide.content))


def test_public_cache_headers_for_anonymous_readers(client: Client, cast: Any) -> None:
    response = client.get("/feed")
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]  # the language may come from a cookie
    # A revalidation keeps the same policy (else a shared cache would learn "private").
    again = client.get("/feed", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == response["Cache-Control"]
    assert again["ETag"] == response["ETag"]


@pytest.mark.parametrize("content", ["summary", "first-page"])
def test_query_count_does_not_grow_with_entries(
    client: Client, writer: User, settings: Any, content: str
) -> None:
    settings.FEED_CONTENT = content
    _, child = rubric_and_child()
    other = make_user("wulan")
    publish(writer, "Satu", category=child, tags=("Kopi", "Teh"))

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert not any("OFFSET" in q["sql"].upper() for q in captured.captured_queries)
        return len(captured.captured_queries)

    urls = ["/feed", f"/kategori/{child.slug}/feed", "/tag/kopi/feed", f"/{writer.username}/feed"]
    few = {url: queries(url) for url in urls}
    for n in range(feeds.ENTRIES + 5):
        author = writer if n % 2 else other
        publish(author, f"Tulisan ke-{n}", category=child, tags=("Kopi", f"Tagar{n}"))
    many = {url: queries(url) for url in urls}
    assert many == few
    assert max(many.values()) <= 4


def test_content_is_the_first_page_with_absolute_links(
    client: Client, writer: User, settings: Any
) -> None:
    settings.FEED_CONTENT = "first-page"
    _, child = rubric_and_child()
    body = (
        "Halaman pertama, lihat [pedoman](/pedoman).\n\n<!--nextpage-->\n\n"
        "Halaman kedua yang tidak ikut."
    )
    article = publish(writer, "Dua halaman", category=child, body=body)
    entry = parsed(client, "/feed").entries[0]
    content = entry.content[0].value
    assert 'href="http://testserver/pedoman"' in content
    assert "Halaman kedua" not in content
    assert f'href="{BASE}{article.page_url(2)}"' in content


def test_oversized_first_page_is_left_to_the_link(
    client: Client, writer: User, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.FEED_CONTENT = "first-page"
    _, child = rubric_and_child()
    publish(writer, "Panjang sekali", category=child, body="Kalimat panjang tentang laut. " * 50)
    monkeypatch.setattr(feeds, "CONTENT_MAX", 200)
    entry = parsed(client, "/feed").entries[0]
    assert "content" not in entry
    assert entry.summary


def test_feed_texts_are_indonesian(client: Client, cast: Any) -> None:
    feed = parsed(client, "/feed")
    with translation.override("id"):
        expected = feeds.SiteFeed.title(None, None)  # type: ignore[arg-type]
    assert feed.feed.title == expected != "Wacana: the latest articles"
    assert feed.feed.language == "id"


@pytest.mark.parametrize("page", ["home", "category", "tag", "profile"])
def test_pages_announce_their_feed(client: Client, cast: Any, writer: User, page: str) -> None:
    url, feed_url = {
        "home": ("/", "/feed"),
        "category": (f"/kategori/{cast['child'].slug}", f"/kategori/{cast['child'].slug}/feed"),
        "tag": ("/tag/kuliner", "/tag/kuliner/feed"),
        "profile": (f"/{writer.username}", f"/{writer.username}/feed"),
    }[page]
    html = client.get(url).content.decode()
    head = html.split("</head>")[0]
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
    assert any(f'href="{feed_url}"' in link for link in links), links
    assert all('title="' in link for link in links)
    if page != "home":
        body = html.split("</head>")[1]
        assert f'href="{feed_url}"' in body  # a visible link too, without JavaScript


def test_suspension_and_draft_never_reach_any_feed(client: Client, cast: Any) -> None:
    urls = [
        "/feed",
        f"/kategori/{cast['rubric'].slug}/feed",
        f"/kategori/{cast['child'].slug}/feed",
        "/tag/kuliner/feed",
    ]
    for url in urls:
        assert not set(NEVER) & set(titles(parsed(client, url)))
    assert Article.objects.filter(status=Status.DRAFT, title=NEVER[0]).exists()


def test_a_renamed_category_keeps_its_old_feed_address(client: Client, cast: Any) -> None:
    child = cast["child"]
    old_slug = child.slug
    child.slug = "catatan-baru"
    actions.save_category(child)
    response = client.get(f"/kategori/{old_slug}/feed")
    assert response.status_code == 301
    assert response["Location"] == "/kategori/catatan-baru/feed"
    assert titles(parsed(client, response["Location"])) == ["Nasi jagung & <sambal> dari Madura"]


def test_a_feed_of_long_articles_stays_small_with_summaries(
    client: Client, writer: User, settings: Any
) -> None:
    """Issue 15: at most 40 KB a response; the whole first pages only where chosen."""
    _, child = rubric_and_child()
    paragraph = "Pagi itu kabut turun di lereng dan para petani berangkat ke ladang. " * 12
    body = "\n\n".join([paragraph] * 12)  # about 10,000 characters, one page
    for n in range(feeds.ENTRIES):
        publish(writer, f"Catatan ladang ke-{n}", category=child, body=body)
    small = client.get("/feed", headers={"accept-encoding": "identity"})
    assert small.get("Content-Encoding") is None
    assert len(small.content) <= 40 * 1024, len(small.content)
    assert len(feedparser.parse(small.content).entries) == feeds.ENTRIES
    settings.FEED_CONTENT = "first-page"
    pagecache.forget()  # the summaries' feed is kept for anonymous readers
    whole = client.get("/feed", headers={"accept-encoding": "identity"})
    entries = feedparser.parse(whole.content).entries
    assert len(entries) == feeds.ENTRIES and "kabut turun" in entries[0].content[0].value
    assert len(whole.content) > 4 * len(small.content)
