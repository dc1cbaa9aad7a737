"""The article pages as HTML: reading, listings by category and tag, writing, the dashboard.

The texts the design names ("Diperbarui", "HALAMAN", "Sumber gambar", "Lihat foto",
"Lihat Konten ... Selengkapnya") are compared literally; other interface strings are
compared with what the Indonesian catalogue gives for them (`indonesian()`), and
everything else is found by structure (classes, hrefs, names).
"""

import json
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import (
    Article,
    ArticlePage,
    Category,
    Image,
    SiteSettings,
    Status,
    Tag,
)
from wacana.conftest import warm_frame
from wacana.lib import cursor
from wacana.testing.content import draft, publish
from wacana.testing.html import Element, html
from wacana.testing.images import not_an_image, upload
from wacana.testing.language import indonesian, indonesian_plural
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db

STATIC_DIR = Path(settings.BASE_DIR) / "static"
BREAK = "\n\n<!--nextpage-->\n\n"
PAGE_TEXTS = (
    "Pagi itu sawah di Ende masih berkabut.",
    "Siang harinya anak-anak pulang sekolah lewat pematang.",
    "Malamnya kami menulis catatan ini di bawah lampu minyak.",
)
THREE_PAGES = BREAK.join(PAGE_TEXTS)


# --- helpers -------------------------------------------------------------------------------


def jakarta(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A moment given in Western Indonesian Time (UTC+7), stored as UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


VOCABULARY = (
    "yang dan di ke dari untuk dengan pada ini itu tidak ada sawah sekolah guru murid "
    "kampung desa pasar nelayan perahu laut hujan kemarau jagung padi kopi teh warung "
    "jalan kabupaten provinsi pemerintah masyarakat anak ibu bapak pagi siang malam "
    "bekerja menulis membaca belajar mengajar berjalan pulang datang harga beras ikan "
    "panen musim angin gunung sungai jembatan listrik sinyal ponsel berita cerita"
)


def words(count: int, seed: int = 7) -> str:
    vocabulary = VOCABULARY.split()
    rng = random.Random(seed)
    sentences = []
    left = count
    while left > 0:
        length = min(left, rng.randint(8, 16))
        sentence = " ".join(rng.choice(vocabulary) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        left -= length
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def card_ids(page: Element) -> list[int]:
    ids = []
    for link in page.select("h3.card-title a"):
        found = re.fullmatch(r"/[\w.]+/(\d+)/[\w-]+", link["href"])
        assert found, link["href"]
        ids.append(int(found[1]))
    return ids


def form_data(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Sekolah di Atas Bukit",
        "category": "sekolah",
        "tags": "pendidikan, ntt",
        "body": "Anak-anak berjalan dua jam setiap pagi.",
        "image_caption": "",
        "image_source": "",
        "intent": "save",
    } | overrides


# --- the article page: every element ------------------------------------------------------


def test_author_card_rubric_category_title_time_views_and_reading_time(
    client: Client, writer: User
) -> None:
    writer.bio = "Guru SD di Ende. " + "Menulis tentang sekolah di pulau. " * 10
    writer.save()
    article = publish(writer, body=words(450), at=jakarta(2023, 12, 5, 19, 55))
    Article.objects.filter(pk=article.pk).update(view_count=12345)

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = html(response)
    assert page.one("html")["lang"] == "id"

    card = page.one("section.author-card")
    assert "Sekar Penulis" in card.one("a.author-link").text
    assert card.one(".tagline").text == "Guru"
    # The bio opens on "Selanjutnya" and closes on "Tutup"; the short version ends on a
    # whole word.
    short = card.one(".bio-short").text
    assert short.startswith("Guru SD di Ende. Menulis tentang sekolah di pulau.")
    assert short.endswith("…") and short[:-1].rstrip().split()[-1] in writer.bio.split()
    assert card.one("details summary .open-label").text == "Selanjutnya"
    assert card.one("details summary .close-label").text == "Tutup"
    assert card.one("details p").text.strip() == writer.bio.strip()
    # Signed out, "+ Ikuti" leads to sign-in and back to the article.
    follow = card.one("a.follow-btn")
    assert follow.text == "+ Ikuti"
    assert follow["href"] == "/masuk?next=" + article.get_absolute_url()
    assert [a["href"] for a in card.select("a")] == ["/penulis", follow["href"]]

    crumbs = page.one("p.crumbs").select("a")
    assert [(a["href"], a.text) for a in crumbs] == [
        ("/kategori/pendidikan", "Pendidikan"),
        ("/kategori/sekolah", "Sekolah"),
    ]
    assert page.one("main h1").text == "Catatan dari Ende"

    meta = page.one("p.meta")
    published = meta.select("time")[0]
    assert published.text == "5 Desember 2023 19:55"
    assert published["datetime"] == "2023-12-05T19:55:00+07:00"
    assert len(meta.select("time")) == 1  # never edited: no "Diperbarui"
    spans = [span.text for span in meta.select("span")]
    assert indonesian("%(n)s reads", n="12.345") in spans
    assert article.reading_minutes == 3
    assert (
        indonesian_plural("%(minutes)s minute read", "%(minutes)s minutes read", 3, minutes=3)
        in spans
    )


def test_an_edit_shows_the_updated_time(client: Client, writer: User) -> None:
    article = publish(writer, at=jakarta(2023, 12, 5, 19, 55))
    Article.objects.filter(pk=article.pk).update(view_count=5)  # a counter is not an edit
    assert len(html(client.get(article.get_absolute_url())).one("p.meta").select("time")) == 1

    article.refresh_from_db()
    actions.update_article(writer, article, {"body": "Isi yang sudah diperbaiki."})
    article.refresh_from_db()
    assert article.updated_at is not None
    Article.objects.filter(pk=article.pk).update(updated_at=jakarta(2024, 1, 2, 8, 5))

    meta = html(client.get(article.get_absolute_url())).one("p.meta")
    times = meta.select("time")
    assert [t.text for t in times] == ["5 Desember 2023 19:55", "2 Januari 2024 08:05"]
    updated = [span for span in meta.select("span") if span.select("time")]
    assert len(updated) == 1
    assert updated[0].text == "Diperbarui: 2 Januari 2024 08:05"


def test_an_edit_within_a_minute_of_publishing_is_not_shown_as_an_update(
    client: Client, writer: User
) -> None:
    published = jakarta(2023, 12, 5, 19, 55)
    article = publish(writer, at=published)
    actions.update_article(writer, article, {"body": "Isi dengan salah ketik yang diperbaiki."})
    for seconds, shown in ((0, False), (60, False), (61, True), (3600, True)):
        Article.objects.filter(pk=article.pk).update(
            updated_at=published + timedelta(seconds=seconds)
        )
        meta = html(client.get(article.get_absolute_url())).one("p.meta")
        assert (len(meta.select("time")) == 2) is shown, seconds
        assert ("Diperbarui" in meta.text) is shown, seconds


def test_disclaimer_and_promo_line_come_from_the_editable_site_settings(
    client: Client, writer: User
) -> None:
    article = publish(writer)
    url = article.get_absolute_url()
    page = html(client.get(url))
    assert page.one("p.disclaimer").text == SiteSettings().disclaimer
    assert not page.select("p.promo")

    site = SiteSettings.objects.create(
        disclaimer="Tulisan ini tanggung jawab penulisnya.",
        promo_text="Ikuti kanal WhatsApp Wacana",
        promo_url="https://whatsapp.com/channel/wacana",
    )
    page = html(client.get(url))
    assert page.one("p.disclaimer").text == "Tulisan ini tanggung jawab penulisnya."
    promo = page.one("p.promo a")
    assert (promo.text, promo["href"]) == (
        "Ikuti kanal WhatsApp Wacana",
        "https://whatsapp.com/channel/wacana",
    )

    site.disclaimer = "Isi artikel menjadi tanggung jawab penulis, bukan redaksi."
    site.promo_text = "Baca juga edisi mingguan kami"
    site.promo_url = ""
    site.save()
    page = html(client.get(url))
    assert page.one("p.disclaimer").text == site.disclaimer
    assert page.one("p.promo").text == "Baca juga edisi mingguan kami"
    assert not page.select("p.promo a")


def test_featured_image_with_caption_source_srcset_size_and_full_view(
    client: Client, writer: User, django_capture_on_commit_callbacks: Any
) -> None:
    article = publish(writer, image_caption="Sawah di Detusoko", image_source="Dokumentasi pribadi")
    actions.set_featured_image(article, upload(size=(1600, 900)))
    article.refresh_from_db()

    page = html(client.get(article.get_absolute_url()))
    figure = page.one("figure.featured")
    image = figure.one("img")
    assert image["src"] == article.image_medium.url
    candidates = [part.strip() for part in image["srcset"].split(",")]
    assert candidates == [
        f"{article.image_small.url} 360w",
        f"{article.image_medium.url} 720w",
        f"{article.image.url} 1200w",
    ]
    # Issue 18: sized for the column, the 240 px card thumbnail too, and AVIF first.
    assert image["sizes"] == "(max-width: 46rem) calc(100vw - 2rem), 44rem"
    assert image["fetchpriority"] == "high" and image.get("loading") != "lazy"
    assert article.image_variants in ("webp", "avif")
    thumb = f"{article.image_small.url[: -len('360.webp')]}240.webp"
    assert article.thumb_srcset == f"{thumb} 240w, {article.image_small.url} 360w"
    if article.image_variants == "avif":
        source = figure.one("picture source")
        assert source["type"] == "image/avif" and source["sizes"] == image["sizes"]
        avifs = [part.strip().split(" ") for part in source["srcset"].split(",")]
        assert [width for _url, width in avifs] == ["360w", "720w", "1200w"]
        for url, _width in avifs:
            with article.image.storage.open(url[len(settings.MEDIA_URL) :]) as file:
                assert file.read(12)[4:12] == b"ftypavif"
    else:
        assert not page.select("picture source")
    assert (image["width"], image["height"]) == ("1200", "675")
    assert image["alt"] == "Sawah di Detusoko"
    caption = figure.one("figcaption")
    assert "Sawah di Detusoko" in caption.text
    assert caption.one(".source").text == "Sumber gambar: Dokumentasi pribadi"
    view = caption.one("a.view-photo")
    assert view["href"] == article.image.url
    assert view.text == "Lihat foto"
    # The link is the 1200-pixel file itself (served by the media server, not Django).
    assert view["href"].startswith(settings.MEDIA_URL)
    with article.image.storage.open(view["href"][len(settings.MEDIA_URL) :]) as full:
        assert full.read(12)[8:] == b"WEBP"
    viewer = page.one("dialog.viewer img")
    assert (viewer["width"], viewer["height"]) == ("1200", "675")
    # Deleting the article deletes every rendition.
    files = article.image_files()
    assert len(files) == {"avif": 8, "webp": 4}[article.image_variants]
    assert all(article.image.storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_article(writer, article)
    assert not any(article.image.storage.exists(name) for name in files)


def test_an_article_without_image_has_no_figure(client: Client, writer: User) -> None:
    page = html(client.get(publish(writer).get_absolute_url()))
    assert not page.select("figure")
    assert not page.select("dialog.viewer")
    assert page.one("meta[name='twitter:card']")["content"] == "summary"


def test_the_page_navigator_walks_the_pages(client: Client, writer: User) -> None:
    article = publish(writer, body=THREE_PAGES)
    assert article.page_count == 3
    base = article.get_absolute_url()
    absolute = "http://testserver" + base

    first = html(client.get(base))
    pager = first.one("nav.pager")
    assert pager.one(".pager-label").text == "HALAMAN:"
    assert pager.one("span[aria-current=page]").text == "1"
    numbered = [(a.text, a["href"]) for a in pager.select("a") if a.text.isdigit()]
    assert numbered == [("2", f"{base}?page=2"), ("3", f"{base}?page=3")]
    assert pager.one(f"a[href='{base}?page=all']").text == indonesian("Show all")
    assert pager.one("a[rel=next]")["href"] == f"{base}?page=2"
    assert not pager.select("a[rel=prev]")
    body = first.one("div.body").text
    assert PAGE_TEXTS[0] in body
    assert PAGE_TEXTS[1] not in body
    assert first.one("link[rel=canonical]")["href"] == absolute
    assert first.one("link[rel=next]")["href"] == f"{absolute}?page=2"
    assert not first.select("link[rel=prev]")

    second = html(client.get(f"{base}?page=2"))
    assert second.one("nav.pager span[aria-current=page]").text == "2"
    body = second.one("div.body").text
    assert PAGE_TEXTS[1] in body
    assert PAGE_TEXTS[0] not in body
    assert PAGE_TEXTS[2] not in body
    assert second.one("nav.pager a[rel=prev]")["href"] == base
    assert second.one("nav.pager a[rel=next]")["href"] == f"{base}?page=3"
    assert second.one("link[rel=canonical]")["href"] == f"{absolute}?page=2"
    assert second.one("link[rel=prev]")["href"] == absolute
    assert second.one("link[rel=next]")["href"] == f"{absolute}?page=3"
    assert second.one("title").text.startswith("Catatan dari Ende")

    third = html(client.get(f"{base}?page=3"))
    assert PAGE_TEXTS[2] in third.one("div.body").text
    assert third.one("nav.pager a[rel=prev]")["href"] == f"{base}?page=2"
    assert not third.select("nav.pager a[rel=next]")
    assert third.one("link[rel=prev]")["href"] == f"{absolute}?page=2"
    assert not third.select("link[rel=next]")


def test_show_all_puts_every_page_on_one(client: Client, writer: User) -> None:
    article = publish(writer, body=THREE_PAGES)
    base = article.get_absolute_url()
    page = html(client.get(f"{base}?page=all"))
    body = page.one("div.body").text
    positions = [body.index(text) for text in PAGE_TEXTS]
    assert positions == sorted(positions)
    assert [mark["id"] for mark in page.select("div.body .page-mark")] == [
        "halaman-1",
        "halaman-2",
        "halaman-3",
    ]
    pager = page.one("nav.pager")
    assert pager.one("span[aria-current=page]").text == indonesian("All")
    assert [a.text for a in pager.select("a") if a.text.isdigit()] == ["1", "2", "3"]
    assert page.one("link[rel=canonical]")["href"] == "http://testserver" + base
    assert not page.select("link[rel=prev]")
    assert not page.select("link[rel=next]")


@pytest.mark.parametrize(
    "number",
    [
        "4",
        "0",
        "abc",
        "-1",
        "2.0",
        pytest.param("²", id="superscript-two"),
        "99999999999999999999",
    ],
)
def test_a_page_that_does_not_exist_is_404(client: Client, writer: User, number: str) -> None:
    article = publish(writer, body=THREE_PAGES)
    client.raise_request_exception = False
    response = client.get(article.get_absolute_url(), {"page": number})
    assert response.status_code == 404


def test_a_one_page_article_has_no_navigator_and_no_page_2(client: Client, writer: User) -> None:
    article = publish(writer)
    page = html(client.get(article.get_absolute_url()))
    assert not page.select("nav.pager")
    assert client.get(article.get_absolute_url(), {"page": "2"}).status_code == 404


def test_a_wrong_slug_or_username_redirects_to_the_canonical_address(
    client: Client, writer: User, reader: User
) -> None:
    article = publish(writer, body=THREE_PAGES)
    base = article.get_absolute_url()
    assert base == f"/penulis/{article.pk}/catatan-dari-ende"
    for wrong in (
        f"/penulis/{article.pk}/judul-lama",
        f"/pembaca/{article.pk}/catatan-dari-ende",
        f"/tidak_ada_orangnya/{article.pk}/catatan-dari-ende",
        f"/Penulis/{article.pk}/catatan-dari-ende",
        f"/penulis/{article.pk}",
        f"/penulis/{article.pk}/",
    ):
        response = client.get(wrong)
        assert response.status_code == 301, wrong
        assert response["Location"] == base, wrong
    response = client.get(f"/pembaca/{article.pk}/judul-lama", {"page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{base}?page=2"
    response = client.get(f"/penulis/{article.pk}/x", {"page": "all"})
    assert response["Location"] == f"{base}?page=all"
    assert client.get(f"/penulis/{article.pk + 1000}/catatan-dari-ende").status_code == 404


def test_share_links_whatsapp_first_then_x_facebook_telegram_and_copy(
    client: Client, writer: User
) -> None:
    article = publish(writer, title="Kopi & Teh #1: Apa Bedanya?")
    canonical = "http://testserver" + article.get_absolute_url()
    links = html(client.get(article.get_absolute_url())).one("nav.share").select("a")
    hosts = [urlsplit(a["href"]).netloc for a in links[:4]]
    assert hosts == ["wa.me", "x.com", "www.facebook.com", "t.me"]
    queries = [parse_qs(urlsplit(a["href"]).query) for a in links[:4]]
    assert queries[0]["text"] == [f"Kopi & Teh #1: Apa Bedanya? {canonical}"]
    assert queries[1]["url"] == [canonical]
    assert queries[1]["text"] == ["Kopi & Teh #1: Apa Bedanya?"]
    assert queries[2]["u"] == [canonical]
    assert queries[3]["url"] == [canonical]
    assert queries[3]["text"] == ["Kopi & Teh #1: Apa Bedanya?"]
    assert len(links) == 5
    assert "copy-link" in links[4].classes
    assert links[4]["href"] == canonical
    assert links[4].text == indonesian("Copy link")
    for link in links[:4]:
        assert link["target"] == "_blank"
        assert "noopener" in link["rel"].split()


def test_more_in_the_category_and_from_the_author(
    client: Client, writer: User, reader: User
) -> None:
    start = jakarta(2024, 3, 1, 8, 0)
    article = publish(writer, at=start)
    in_category = [
        publish(reader, title=f"Kabar sekolah {n}", at=start + timedelta(days=n))
        for n in range(1, 8)
    ]
    draft(reader, title="Draf kabar sekolah")
    publish(reader, title="Harga cabai naik", category="bisnis")
    by_author = [
        publish(writer, title=f"Tulisan lain {n}", category="bisnis", at=start + timedelta(n))
        for n in range(1, 8)
    ]
    draft(writer, title="Draf tulisan lain", category="bisnis")

    aside = html(client.get(article.get_absolute_url())).one("aside.related")
    more = aside.one("a.button")
    assert more["href"] == "/kategori/sekolah"
    assert more.text == "Lihat Konten Sekolah Selengkapnya"
    headings = [h.text for h in aside.select("h2")]
    assert headings == [
        indonesian("More in %(name)s", name="Sekolah"),
        indonesian("More from %(name)s", name="Sekar Penulis"),
    ]
    lists = aside.select("ul.links")
    assert len(lists) == 2
    newest_in_category = sorted(in_category, key=lambda a: a.published_at or start)[::-1][:5]
    assert [(a.text, a["href"]) for a in lists[0].select("a")] == [
        (a.title, a.get_absolute_url()) for a in newest_in_category
    ]
    newest_by_author = sorted(by_author, key=lambda a: a.published_at or start)[::-1][:5]
    assert [(a.text, a["href"]) for a in lists[1].select("a")] == [
        (a.title, a.get_absolute_url()) for a in newest_by_author
    ]


def test_head_title_description_canonical_open_graph_and_twitter(
    client: Client, writer: User
) -> None:
    article = publish(
        writer,
        title="Jalan Rusak di Kabupaten Kami",
        body="Sudah tiga tahun jalan ini berlubang. " * 3 + "\n\nParagraf kedua.",
        tags="jalan, ntt",
    )
    actions.set_featured_image(article, upload())
    article.refresh_from_db()
    canonical = "http://testserver" + article.get_absolute_url()

    page = html(client.get(article.get_absolute_url()))
    assert page.one("html")["lang"] == "id"
    assert page.one("title").text == "Jalan Rusak di Kabupaten Kami · Wacana"
    description = page.one("meta[name=description]")["content"]
    assert description == article.excerpt
    assert description.startswith("Sudah tiga tahun jalan ini berlubang.")
    assert page.one("link[rel=canonical]")["href"] == canonical
    assert page.one("meta[property='og:title']")["content"] == "Jalan Rusak di Kabupaten Kami"
    assert page.one("meta[property='og:url']")["content"] == canonical
    assert page.one("meta[property='og:image']")["content"] == "http://testserver" + (
        article.image.url
    )
    assert page.one("meta[name='twitter:card']")["content"] == "summary_large_image"
    tags = [(a.text, a["href"]) for a in page.select("ul.tags a")]
    assert tags == [("#jalan", "/tag/jalan"), ("#ntt", "/tag/ntt")]


def test_json_ld_describes_the_article(client: Client, writer: User) -> None:
    published = jakarta(2023, 12, 5, 19, 55)
    article = publish(writer, title="Panen Jagung di Sumba", at=published)
    page = html(client.get(article.get_absolute_url()))
    data = json.loads(page.one("script[type='application/ld+json']").raw_text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Panen Jagung di Sumba"
    assert data["author"]["name"] == "Sekar Penulis"
    assert data["author"]["url"] == "http://testserver/penulis"
    assert datetime.fromisoformat(data["datePublished"]) == published
    assert data["url"] == "http://testserver" + article.get_absolute_url()
    assert data["inLanguage"] == "id"


def test_a_title_with_a_closing_script_tag_cannot_break_out(client: Client, writer: User) -> None:
    title = 'Awas </script><script>alert("x")</script> & <!-- "kutip"'
    article = publish(writer, title=title)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = html(response)
    scripts = page.select("script")
    assert [s.get("type") or s.get("src", "")[:11] for s in scripts] == [
        "application/ld+json",
        "/static/js/",
    ]
    data = json.loads(page.one("script[type='application/ld+json']").raw_text)
    assert data["headline"] == title
    assert page.one("main h1").text == " ".join(title.split())
    assert page.one("meta[property='og:title']")["content"] == title


def test_a_reader_who_chooses_one_page_gets_all_pages_without_asking(
    writer: User, reader: User
) -> None:
    article = publish(writer, body=THREE_PAGES)
    url = article.get_absolute_url()
    client = signed_in(reader)
    body = html(client.get(url)).one("div.body").text
    assert PAGE_TEXTS[0] in body
    assert PAGE_TEXTS[1] not in body

    form = html(client.get(url)).one("form.pref")
    assert form["action"] == "/pengaturan/baca"
    assert form.one("input[name=all_pages]")["value"] == "1"
    response = client.post("/pengaturan/baca", {"all_pages": "1", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    reader.refresh_from_db()
    assert reader.read_all_pages

    body = html(client.get(url)).one("div.body").text
    assert all(text in body for text in PAGE_TEXTS)
    # An explicit page still shows that page.
    body = html(client.get(url, {"page": "2"})).one("div.body").text
    assert PAGE_TEXTS[1] in body
    assert PAGE_TEXTS[0] not in body
    # Anonymous readers and other readers still read page by page.
    assert PAGE_TEXTS[1] not in html(Client().get(url)).one("div.body").text

    client.post("/pengaturan/baca", {"all_pages": "0", "next": url})
    assert PAGE_TEXTS[1] not in html(client.get(url)).one("div.body").text


def test_the_reading_preference_never_redirects_elsewhere(reader: User) -> None:
    client = signed_in(reader)
    for target in ("https://jahat.example/", "//jahat.example/x"):
        response = client.post("/pengaturan/baca", {"all_pages": "1", "next": target})
        assert response.status_code == 302
        assert response["Location"] == "/"
    assert Client().post("/pengaturan/baca", {"all_pages": "1"}).status_code == 302
    reader.refresh_from_db()
    assert reader.read_all_pages


@pytest.mark.parametrize("status", [Status.DRAFT, Status.HIDDEN])
def test_drafts_and_hidden_articles_are_only_for_the_author_and_staff(
    writer: User, reader: User, admin_user: User, status: str
) -> None:
    article = publish(writer, body=THREE_PAGES)
    Article.objects.filter(pk=article.pk).update(status=status)
    url = article.get_absolute_url()
    assert Client().get(url).status_code == 404
    assert Client().get(url, {"page": "2"}).status_code == 404
    assert Client().get(f"/penulis/{article.pk}/salah").status_code == 404  # no slug leak
    assert signed_in(reader).get(url).status_code == 404
    for who in (writer, admin_user):
        response = signed_in(who).get(url)
        assert response.status_code == 200
        page = html(response)
        assert page.one("main h1").text == "Catatan dari Ende"
        assert page.one("meta[name=robots]")["content"] == "noindex"


def test_the_article_page_costs_at_most_six_queries(
    client: Client, writer: User, reader: User, django_assert_max_num_queries: Any
) -> None:
    article = publish(writer, body=THREE_PAGES, tags="sawah, ntt, pendidikan")
    actions.set_featured_image(article, upload())
    for n in range(8):
        publish(reader, title=f"Kabar sekolah {n}")
        publish(writer, title=f"Tulisan lain {n}", category="bisnis")
    url = article.get_absolute_url()
    warm_frame(client)  # the rubric bar and the sidebar, cached site-wide
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    page = html(response)
    assert len(page.select("aside.related ul.links a")) == 10
    with django_assert_max_num_queries(6):
        assert client.get(url, {"page": "all"}).status_code == 200


# --- listings ----------------------------------------------------------------------------


def _articles_for_listings(writer: User, count: int, offset: int = 0) -> None:
    """`count` articles, every other one by a writer of its own, all tagged "sawah"."""
    for n in range(offset, offset + count):
        author = writer if n % 2 else make_user(f"penulis{n}", display_name=f"Penulis {n}")
        publish(
            author,
            title=f"Artikel nomor {n}",
            tags="sawah",
            at=jakarta(2024, 1, 1, 8, 0) + timedelta(hours=n),
        )


def _count_queries(client: Client, url: str) -> tuple[int, Element]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), html(response)


@pytest.mark.parametrize(
    # The home page has sections of its own: discovery/tests/test_home.py counts its queries.
    "url",
    ["/kategori/sekolah", "/kategori/pendidikan", "/tag/sawah", "/penulis"],
)
def test_listings_cost_the_same_whatever_the_number_of_articles(
    client: Client, writer: User, url: str
) -> None:
    _articles_for_listings(writer, 5)
    client.get(url)  # warm-up: caches that fill once
    few, page = _count_queries(client, url)
    assert len(card_ids(page)) in (2, 5)
    _articles_for_listings(writer, 20, offset=5)
    # Publishing moves the home's version, so the sidebar (keyed by it) fills once again.
    client.get(url)
    many, page = _count_queries(client, url)
    assert len(card_ids(page)) in (12, 20)
    assert many == few, f"{url}: {few} queries for 5 articles, {many} for 25"
    assert few <= 8


def test_a_rubric_lists_the_articles_of_its_sub_categories(client: Client, writer: User) -> None:
    in_school = publish(writer, title="Guru honorer", category="sekolah")
    in_literacy = publish(writer, title="Taman baca", category="literasi")
    elsewhere = publish(writer, title="Harga cabai", category="bisnis")
    hidden = publish(writer, title="Yang disembunyikan", category="sekolah")
    Article.objects.filter(pk=hidden.pk).update(status=Status.HIDDEN)
    draft(writer, title="Masih draf", category="literasi")

    rubric = html(client.get("/kategori/pendidikan"))
    assert rubric.one("main h1").text == "Pendidikan"
    assert sorted(card_ids(rubric)) == sorted([in_school.pk, in_literacy.pk])
    chips = {a["href"] for a in rubric.select("ul.chips a")}
    assert {"/kategori/sekolah", "/kategori/literasi", "/kategori/perguruan-tinggi"} <= chips

    sub = html(client.get("/kategori/sekolah"))
    assert card_ids(sub) == [in_school.pk]
    assert sub.one("p.crumbs a")["href"] == "/kategori/pendidikan"
    assert card_ids(html(client.get("/kategori/bisnis"))) == [elsewhere.pk]
    assert client.get("/kategori/tidak-ada").status_code == 404


def test_keyset_pagination_walks_every_article_once(
    client: Client, writer: User, settings: Any
) -> None:
    settings.WACANA_PAGE_SIZE = 5  # three pages from a dozen articles
    start = jakarta(2024, 5, 1, 7, 0)
    ids = []
    for n in range(12):
        # Groups of three share a minute, so ties are broken by id.
        at = start + timedelta(minutes=n // 3)
        ids.append(publish(writer, title=f"Literasi {n}", category="literasi", at=at).pk)
    expected = [
        a.pk for a in Article.objects.filter(pk__in=ids).order_by("-published_at", "-id").only("id")
    ]

    seen: list[int] = []
    url = "/kategori/literasi"
    pages = 0
    while True:
        page = html(client.get(url))
        pages += 1
        on_page = card_ids(page)
        assert 0 < len(on_page) <= 5
        seen += on_page
        following = page.select("nav.more a[rel=next]")
        if not following:
            break
        href = following[0]["href"]
        assert href.startswith("?cursor=")
        url = "/kategori/literasi" + href
        assert pages < 10
    assert len(seen) == len(set(seen))
    assert seen == expected
    assert pages == 3


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("x", id="short"),
        pytest.param("!!!", id="not-base64"),
        pytest.param("bm9wZQ", id="no-separator"),
        pytest.param("a" * 101, id="too-long"),
        pytest.param(cursor.encode(cursor.Key(5, 1)), id="number-for-a-date"),
        pytest.param(
            cursor.encode(cursor.Key(datetime(2024, 1, 1, tzinfo=UTC), 10**30)), id="huge-id"
        ),
        pytest.param("ZDIwMjQtMDEtMDFUMDA6MDA6MDB8MQ", id="naive-date"),
        pytest.param("ZGJ1a2FuLXRhbmdnYWx8MQ", id="not-a-date"),
    ],
)
@pytest.mark.parametrize("url", ["/kategori/literasi", "/tag/sawah", "/penulis", "/"])
def test_a_bad_cursor_is_404_not_500(writer: User, url: str, bad: str) -> None:
    publish(writer, category="literasi", tags="sawah")
    client = Client(raise_request_exception=False)
    response = client.get(url, {"cursor": bad})
    assert response.status_code == 404, (url, bad, response.status_code)


def test_a_renamed_category_redirects_from_its_old_address(client: Client, writer: User) -> None:
    article = publish(writer, category="sekolah")
    school = Category.objects.get(slug="sekolah")
    school.slug = "sekolah-dasar"
    actions.save_category(school)

    response = client.get("/kategori/sekolah")
    assert response.status_code == 301
    assert response["Location"] == "/kategori/sekolah-dasar"
    assert card_ids(html(client.get("/kategori/sekolah-dasar"))) == [article.pk]
    crumbs = html(client.get(article.get_absolute_url())).one("p.crumbs").select("a")
    assert crumbs[1]["href"] == "/kategori/sekolah-dasar"

    school.slug = "sd"
    actions.save_category(school)
    for old in ("/kategori/sekolah", "/kategori/sekolah-dasar"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/kategori/sd"

    school.slug = "sekolah"  # back to the first name: the live category wins
    actions.save_category(school)
    assert client.get("/kategori/sekolah").status_code == 200
    assert client.get("/kategori/sd")["Location"] == "/kategori/sekolah"


def test_a_tag_page_lists_only_published_articles(client: Client, writer: User) -> None:
    shown = publish(writer, title="Panen raya", tags="Sawah, Padi")
    draft(writer, title="Draf sawah", tags="sawah")
    withdrawn = publish(writer, title="Ditarik lagi", tags="sawah")
    actions.unpublish_article(writer, withdrawn)
    publish(writer, title="Tanpa tag sawah", tags="padi")

    response = client.get("/tag/sawah")
    assert response.status_code == 200
    page = html(response)
    assert page.one("main h1").text == "#sawah"
    assert card_ids(page) == [shown.pk]
    assert Tag.objects.get(slug="sawah").article_count == 1
    assert client.get("/tag/tidak-ada").status_code == 404


# --- writing -------------------------------------------------------------------------------


def test_writing_needs_sign_in(client: Client) -> None:
    for url in ("/tulis", "/dasbor"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/masuk?next=")
    response = client.post("/tulis", form_data())
    assert response.status_code == 302
    assert not Article.objects.exists()


def test_the_write_form_offers_only_sub_categories(writer: User) -> None:
    response = signed_in(writer).get("/tulis")
    assert response.status_code == 200
    page = html(response)
    form = page.one("form.write")
    assert form["enctype"] == "multipart/form-data"
    values = {o["value"] for o in form.select("select[name=category] option") if o["value"]}
    assert "sekolah" in values
    assert not values & set(Category.objects.rubrics().values_list("slug", flat=True))
    assert form.select("select[name=category] optgroup")
    for name in ("title", "tags", "image_caption", "image_source", "image", "body_image"):
        assert form.select(f"input[name={name}]"), name
    assert form.select("textarea[name=body]")
    intents = [b["value"] for b in form.select("button[name=intent]")]
    assert intents == ["preview", "save", "publish", "schedule"]


def test_save_creates_a_draft_only_its_author_sees(writer: User) -> None:
    client = signed_in(writer)
    response = client.post("/tulis", form_data(body=THREE_PAGES))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/tulis/{article.pk}"
    assert article.status == Status.DRAFT
    assert article.published_at is None
    assert article.author == writer
    assert article.title == "Sekolah di Atas Bukit"
    assert article.slug == "sekolah-di-atas-bukit"
    assert article.category.slug == "sekolah"
    assert article.rubric.slug == "pendidikan"
    assert [t["slug"] for t in article.tag_list] == ["pendidikan", "ntt"]
    assert article.page_count == 3
    assert ArticlePage.objects.filter(article=article).count() == 3
    assert Tag.objects.get(slug="ntt").article_count == 0

    edit = html(client.get(f"/tulis/{article.pk}"))
    assert edit.one("input[name=title]")["value"] == "Sekolah di Atas Bukit"
    assert edit.one("textarea[name=body]").raw_text.strip() == THREE_PAGES
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_preview_renders_markdown_without_saving(writer: User) -> None:
    client = signed_in(writer)
    body = "# Bagian\n\n**tebal** dan ~~coret~~" + BREAK + "halaman dua <script>x</script>"
    response = client.post("/tulis", form_data(body=body, intent="preview"))
    assert response.status_code == 200
    assert not Article.objects.exists()
    page = html(response)
    preview = page.one("section.preview")
    assert preview.one("div.body h2").text == "Bagian"
    assert preview.one("div.body strong").text == "tebal"
    # As on the article page showing all pages: a mark per page and the page navigator.
    assert [mark.text for mark in preview.select("div.page-mark")] == ["Halaman 1", "Halaman 2"]
    assert len(preview.select("nav.pager a")) == 2
    assert "halaman dua" in preview.text
    assert not preview.select("script")
    assert page.one("textarea[name=body]").raw_text.strip() == body.strip()
    assert page.one("input[name=title]")["value"] == "Sekolah di Atas Bukit"

    article = draft(writer, title="Judul asli", body="Isi asli.")
    response = client.post(
        f"/tulis/{article.pk}", form_data(title="Judul baru", body="Isi baru.", intent="preview")
    )
    assert response.status_code == 200
    assert "Isi baru." in html(response).one("section.preview").text
    article.refresh_from_db()
    assert (article.title, article.body) == ("Judul asli", "Isi asli.")


def test_publish_from_the_form_lands_on_the_article(writer: User) -> None:
    client = signed_in(writer)
    response = client.post("/tulis", form_data(intent="publish"))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.status == Status.PUBLISHED
    assert article.published_at is not None
    assert Client().get(article.get_absolute_url()).status_code == 200
    assert Tag.objects.get(slug="ntt").article_count == 1
    writer.refresh_from_db()
    assert writer.article_count == 1

    second = draft(writer, title="Draf kedua")
    response = client.post(f"/tulis/{second.pk}", form_data(title="Draf kedua", intent="publish"))
    second.refresh_from_db()
    assert response["Location"] == second.get_absolute_url()
    assert second.status == Status.PUBLISHED


def test_unpublish_and_publish_again_through_the_status_form(writer: User) -> None:
    client = signed_in(writer)
    article = publish(writer, tags="ntt")
    response = client.post(f"/tulis/{article.pk}/status", {"intent": "unpublish"})
    assert response.status_code == 302
    assert response["Location"] == f"/tulis/{article.pk}"
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert Tag.objects.get(slug="ntt").article_count == 0
    writer.refresh_from_db()
    assert writer.article_count == 0

    response = client.post(f"/tulis/{article.pk}/status", {"intent": "publish"})
    assert response["Location"] == article.get_absolute_url()
    assert Client().get(article.get_absolute_url()).status_code == 200
    assert client.post(f"/tulis/{article.pk}/status", {"intent": "meledak"}).status_code == 400
    assert client.get(f"/tulis/{article.pk}/status").status_code == 405


def test_delete_asks_then_deletes(writer: User) -> None:
    client = signed_in(writer)
    article = publish(writer, tags="ntt")
    confirm = client.get(f"/tulis/{article.pk}/hapus")
    assert confirm.status_code == 200
    assert "Catatan dari Ende" in html(confirm).one("main").text
    assert Article.objects.filter(pk=article.pk).exists()

    response = client.post(f"/tulis/{article.pk}/hapus")
    assert response.status_code == 302
    assert response["Location"] == "/dasbor"
    assert not Article.objects.filter(pk=article.pk).exists()
    assert Client().get(article.get_absolute_url()).status_code == 404
    writer.refresh_from_db()
    assert writer.article_count == 0
    assert Tag.objects.get(slug="ntt").article_count == 0


@pytest.mark.parametrize("published", [False, True])
def test_another_user_cannot_open_or_change_someone_elses_article(
    writer: User, reader: User, published: bool
) -> None:
    article = publish(writer) if published else draft(writer)
    status = article.status
    other = signed_in(reader)
    assert other.get(f"/tulis/{article.pk}").status_code == 404
    response = other.post(f"/tulis/{article.pk}", form_data(title="Dibajak", intent="publish"))
    assert response.status_code == 404
    for intent in ("publish", "unpublish"):
        assert other.post(f"/tulis/{article.pk}/status", {"intent": intent}).status_code == 404
    assert other.get(f"/tulis/{article.pk}/hapus").status_code == 404
    assert other.post(f"/tulis/{article.pk}/hapus").status_code == 404
    article.refresh_from_db()
    assert (article.title, article.status) == ("Catatan dari Ende", status)


def test_staff_may_open_anyones_article_for_editing(writer: User, admin_user: User) -> None:
    article = draft(writer)
    assert signed_in(admin_user).get(f"/tulis/{article.pk}").status_code == 200


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("title", {"title": ""}),
        ("title", {"title": "   "}),
        ("title", {"title": "J" * 151}),
        ("category", {"category": "tidak-ada"}),
        ("category", {"category": "pendidikan"}),
        ("category", {"category": ""}),
        ("tags", {"tags": ", ".join(f"tag{n}" for n in range(11))}),
        ("tags", {"tags": "pendidikan, " + "t" * 31}),
        ("body", {"body": BREAK.join(f"Halaman {n}." for n in range(21))}),
    ],
)
@pytest.mark.parametrize("intent", ["save", "publish", "preview"])
def test_invalid_input_is_400_with_errors_and_nothing_is_saved(
    writer: User, field: str, overrides: dict[str, str], intent: str
) -> None:
    client = signed_in(writer)
    response = client.post("/tulis", form_data(intent=intent, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    page = html(response)
    assert page.one("div.form-errors")
    assert page.select(f"#id_{field}_error") or page.select(".has-error p.error")
    assert not Article.objects.exists()
    assert not Tag.objects.exists()


def test_tags_at_the_limits_are_accepted(writer: User) -> None:
    client = signed_in(writer)
    tags = ", ".join(f"tag{n}" for n in range(9)) + ", " + "t" * 30
    body = BREAK.join(f"Halaman {n}." for n in range(20))
    response = client.post("/tulis", form_data(title="J" * 150, tags=tags, body=body))
    assert response.status_code == 302
    article = Article.objects.get()
    assert len(article.tag_list) == 10
    assert article.page_count == 20


def test_an_invalid_edit_changes_nothing(writer: User) -> None:
    article = draft(writer, title="Judul asli", body="Isi asli.")
    client = signed_in(writer)
    response = client.post(f"/tulis/{article.pk}", form_data(title="", body="Isi baru."))
    assert response.status_code == 400
    article.refresh_from_db()
    assert (article.title, article.body) == ("Judul asli", "Isi asli.")
    assert html(response).one("textarea[name=body]").raw_text.strip() == "Isi baru."


def test_a_featured_image_uploads_with_the_form(client: Client, writer: User) -> None:
    writer_client = signed_in(writer)
    response = writer_client.post(
        "/tulis",
        form_data(
            intent="publish",
            image=upload(size=(1600, 900)),
            image_caption="Murid di depan kelas",
            image_source="Dokumentasi pribadi",
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.image.name.endswith(".webp")
    assert (article.image_width, article.image_height) == (1200, 675)
    for file in (article.image, article.image_medium, article.image_small):
        assert file.storage.exists(file.name)
    page = html(client.get(article.get_absolute_url()))
    assert page.one("figure.featured img")["src"] == article.image_medium.url
    assert "Murid di depan kelas" in page.one("figure.featured figcaption").text


def test_a_body_image_is_appended_as_markdown(client: Client, writer: User) -> None:
    writer_client = signed_in(writer)
    response = writer_client.post(
        "/tulis",
        form_data(body="Paragraf pertama.", intent="publish", body_image=upload(size=(800, 600))),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    image = Image.objects.get()
    assert image.owner == writer
    assert article.body.startswith("Paragraf pertama.")
    assert article.body.rstrip().endswith(f"![]({image.file.url})")
    shown = html(client.get(article.get_absolute_url())).one("div.body img")
    assert shown["src"] == image.file.url
    assert (shown["width"], shown["height"]) == (str(image.width), str(image.height))
    assert (image.width, image.height) == (800, 600)


def test_a_featured_image_that_is_not_an_image_is_refused_and_nothing_is_lost(
    writer: User,
) -> None:
    client = signed_in(writer)
    body = "Tulisan panjang yang sudah diketik dengan susah payah."
    response = client.post("/tulis", form_data(body=body, image=upload(content=not_an_image())))
    assert response.status_code == 400
    page = html(response)
    assert indonesian("The file is not an image we can read.") in page.one("div.form-errors").text
    assert page.one("input[name=title]")["value"] == "Sekolah di Atas Bukit"
    assert page.one("textarea[name=body]").raw_text.strip() == body
    assert not Article.objects.exists()
    # The page must not offer to edit or delete an article that was never saved.
    assert not page.select("a[href^='/tulis/']")
    assert not page.select("form[action^='/tulis/']")


def test_an_edit_with_a_file_that_is_not_an_image_keeps_the_old_picture(writer: User) -> None:
    client = signed_in(writer)
    article = draft(writer, title="Judul asli", body="Isi asli.")
    actions.set_featured_image(article, upload())
    article.refresh_from_db()
    old = article.image.name
    response = client.post(
        f"/tulis/{article.pk}",
        form_data(title="Judul baru", body="Isi baru.", image=upload(content=not_an_image())),
    )
    assert response.status_code == 400
    page = html(response)
    assert indonesian("The file is not an image we can read.") in page.one("div.form-errors").text
    assert page.one("input[name=title]")["value"] == "Judul baru"
    article.refresh_from_db()
    assert article.image.name == old
    assert article.image.storage.exists(old)
    assert (article.title, article.body) == ("Judul asli", "Isi asli.")


def test_a_body_image_that_is_not_an_image_is_refused_and_the_text_is_kept(
    writer: User,
) -> None:
    client = signed_in(writer)
    body = "Paragraf yang tidak boleh hilang."
    response = client.post(
        "/tulis", form_data(body=body, body_image=upload(content=not_an_image())), follow=True
    )
    assert response.status_code in (200, 400)
    page = html(response)
    errors = [li.text for li in page.select("ul.messages li.error")] + [
        p.text for p in page.select("div.form-errors p")
    ]
    assert indonesian("The file is not an image we can read.") in errors
    assert page.one("textarea[name=body]").raw_text.strip() == body
    assert not Image.objects.exists()
    for article in Article.objects.all():
        assert article.body == body


# --- the dashboard -------------------------------------------------------------------------


def test_the_dashboard_lists_own_drafts_and_published_articles_with_counts(
    writer: User, reader: User
) -> None:
    mine_draft = draft(writer, title="Draf rahasia")
    mine_public = publish(writer, title="Sudah terbit")
    Article.objects.filter(pk=mine_public.pk).update(
        view_count=1234, comment_count=56, rating_counts={"aktual": 2, "unik": 1}
    )
    publish(reader, title="Punya pembaca")
    draft(reader, title="Draf pembaca")

    response = signed_in(writer).get("/dasbor")
    assert response.status_code == 200
    cards = html(response).select("li.dash-card")
    assert len(cards) == 2
    by_title = {card.select("h2 a")[0].text: card for card in cards}
    assert set(by_title) == {"Draf rahasia", "Sudah terbit"}
    public = by_title["Sudah terbit"]
    assert public.select("h2 a")[0]["href"] == f"/tulis/{mine_public.pk}"
    assert public.one(f"a[href='{mine_public.get_absolute_url()}']")
    assert public.select(".label")[0].text == indonesian("Published")
    figures = [item.select("strong")[0].text for item in public.select(".dash-figures li")]
    assert figures == ["1.234", "3", "56"]
    private = by_title["Draf rahasia"]
    assert private.select("h2 a")[0]["href"] == f"/tulis/{mine_draft.pk}"
    assert private.select(".label")[0].text == indonesian("Draft")
    assert [item.select("strong")[0].text for item in private.select(".dash-figures li")] == [
        "0",
        "0",
        "0",
    ]
    assert "Punya pembaca" not in response.content.decode()
    assert "Draf pembaca" not in response.content.decode()


def test_the_dashboard_puts_the_last_changed_article_first(writer: User) -> None:
    older = publish(writer, title="Tulisan lama")
    newer = draft(writer, title="Draf baru")
    titles = [a.text for a in html(signed_in(writer).get("/dasbor")).select("li.dash-card h2 a")]
    assert titles == ["Draf baru", "Tulisan lama"]
    # Editing the older one moves it up; a new view or a pick (not the writer's) does not.
    actions.update_article(writer, older, {"title": "Tulisan lama, disunting"})
    Article.objects.filter(pk=newer.pk).update(view_count=99)
    titles = [a.text for a in html(signed_in(writer).get("/dasbor")).select("li.dash-card h2 a")]
    assert titles == ["Tulisan lama, disunting", "Draf baru"]


# --- the weight budget ---------------------------------------------------------------------

REQUESTING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


def _same_origin(url: str) -> bool:
    parts = urlsplit(url.strip())
    if url.strip().startswith("//"):
        return False
    return not parts.scheme or (parts.scheme == "http" and parts.netloc == "testserver")


def test_a_1200_word_article_page_fits_the_weight_budget(client: Client, writer: User) -> None:
    account_actions.set_avatar(writer, upload("wajah.png", size=(300, 300)))
    picture = actions.upload_body_image(writer, upload("ladang.png", size=(900, 600)))
    text = words(1200)
    paragraphs = text.split("\n\n")
    paragraphs.insert(3, "## Di ladang")
    paragraphs.insert(6, f"![Ladang jagung]({picture.file.url})")
    article = publish(
        writer,
        body="\n\n".join(paragraphs),
        tags="jagung, ntt, pertanian",
        image_caption="Ladang jagung",
        image_source="Dokumentasi pribadi",
    )
    actions.set_featured_image(article, upload())
    for n in range(5):
        publish(writer, title=f"Catatan lain nomor {n}", category="bisnis")
        publish(make_user(f"tetangga{n}"), title=f"Kabar sekolah nomor {n}")
    article.refresh_from_db()
    assert 1150 <= article.word_count <= 1250

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    markup = response.content
    page = html(response)
    assert len(page.select("div.body p")) > 10

    assets: list[str] = []
    for link in page.select("link"):
        rels = set(link.get("rel", "").split())
        assert "preconnect" not in rels and "dns-prefetch" not in rels
        if rels & FETCHED_LINKS:
            assert link.get("as") != "font"
            # A picture's preload may name its candidates only (imagesrcset), no href.
            for candidate in (link.get("href") or link.get("imagesrcset", "")).split(","):
                assert _same_origin(candidate.strip().split(" ")[0]), link.attrs
            if "stylesheet" in rels:
                assets.append(link["href"])
    for node in page.descendants():
        for attribute in REQUESTING.get(node.tag, ()):
            value = node.get(attribute)
            if value:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    assert _same_origin(url), node.attrs
        assert "url(" not in node.get("style", "")
    assets += [script["src"] for script in page.select("script[src]")]
    # Issue 18: the stylesheet is in the HTML (so counted there), nothing blocks the paint.
    assert not [link for link in page.select("link") if "stylesheet" in link.get("rel")]
    assert page.select("style")
    assert all("defer" in script.attrs for script in page.select("script[src]"))
    assert len(assets) >= 1

    total = len(markup)
    for url in assets:
        assert url.startswith(settings.STATIC_URL), url
        path = STATIC_DIR / urlsplit(url).path[len(settings.STATIC_URL) :]
        assert path.is_file(), url
        content = path.read_bytes()
        total += len(content)
        if path.suffix == ".css":
            css = content.decode()
            assert "@font-face" not in css
            assert "@import" not in css
            for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
                assert _same_origin(target) and not re.search(r"\.(woff2?|ttf|otf|eot)$", target)
    print(f"article page weight: {total} bytes, HTML {len(markup)}")
    assert total < 30 * 1024, f"{total} bytes (HTML {len(markup)})"

    images = page.select("img")
    assert len(images) >= 3  # avatar, featured image, picture in the body
    for image in images:
        assert image.get("width", "").isdigit(), image.attrs
        assert image.get("height", "").isdigit(), image.attrs
        assert int(image["width"]) > 0 and int(image["height"]) > 0, image.attrs


def test_the_same_origin_check_is_not_a_rubber_stamp() -> None:
    assert _same_origin("/static/css/site.css")
    assert _same_origin("http://testserver/media/a.webp")
    for url in ("https://fonts.googleapis.com/css", "//cdn.example/x.js", "http://evil/x.png"):
        assert not _same_origin(url)
