"""Reading offline and saving data, from the server's side: the manifest, the service
worker's script and headers, the offline page, the headers that tell the worker what it
may keep and for whom, Save-Data and the /hemat-data setting, Clear-Site-Data."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, variant_name
from wacana.lib import offline, savedata
from wacana.pages import views
from wacana.testing.content import publish
from wacana.testing.html import html
from wacana.testing.images import upload
from wacana.testing.personas import signed_in

ROOT = Path(settings.BASE_DIR)
STATIC = ROOT / "static"


def _static_file(url: str) -> Path:
    assert url.startswith(settings.STATIC_URL), url
    return STATIC / url[len(settings.STATIC_URL) :]


# --- the installable app -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_manifest_describes_an_installable_app(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Wacana"
    assert data["display"] == "standalone"
    assert data["start_url"] == "/"
    assert data["scope"] == "/"
    assert data["lang"] == "id"
    assert "Indonesia" in data["description"] and "Tulis" in data["description"]
    sizes = {}
    for icon in data["icons"]:
        assert icon["type"] == "image/png"
        with Image.open(_static_file(icon["src"])) as image:
            assert image.format == "PNG"
            sizes[icon["sizes"]] = image.size
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_the_theme_colour_is_the_brand_token() -> None:
    css = (STATIC / "css" / "site.css").read_text()
    brand = re.search(r"--brand:(#[0-9a-fA-F]{6})", css)
    assert brand and brand.group(1) == views.THEME_COLOUR


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_registers_the_worker(client: Client) -> None:
    page = html(client.get("/"))
    assert [link["href"] for link in page.select("link[rel=manifest]")] == ["/manifest.webmanifest"]
    scripts = [script["src"] for script in page.select("script[src]")]
    assert any(src.endswith("js/offline.js") for src in scripts)
    assert 'register("/sw.js")' in (STATIC / "js" / "offline.js").read_text()
    # The article page loads one script, which registers the worker too.
    assert 'register("/sw.js")' in (STATIC / "js" / "article.js").read_text()


# --- the service worker --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_service_worker_is_served_from_the_root_and_never_cached(client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    version = re.search(r'var VERSION = "([0-9a-f]{12})";', script)
    assert version, script[:300]
    precache = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", script).group(1))  # type: ignore[union-attr]
    assert precache
    for url in precache:
        assert _static_file(url).is_file(), url
    assert 'var OFFLINE = "/offline";' in script
    assert f"var RECENT = {offline.RECENT_ARTICLES};" in script
    # The same text gives the same version (browsers then keep the installed worker).
    assert client.get("/sw.js").content.decode() == script


@pytest.mark.django_db
def test_the_service_worker_is_valid_javascript(client: Client, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the syntax check is skipped")
    target = tmp_path / "sw.js"
    target.write_bytes(client.get("/sw.js").content)
    for path in (target, STATIC / "js" / "offline.js", STATIC / "js" / "light.js"):
        checked = subprocess.run(
            [node, "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr


@pytest.mark.django_db
def test_the_offline_page_lists_with_its_script_and_says_so_without(client: Client) -> None:
    response = client.get("/offline")
    assert response.status_code == 200
    page = html(response)
    assert page.select("h1")[0].text == "Membaca tanpa koneksi"
    assert page.select("#offline-list")
    assert "JavaScript" in page.select("noscript")[0].raw_text
    assert any(s["src"].endswith("js/offline-page.js") for s in page.select("script[src]"))


# --- what the worker may keep, and for whom -----------------------------------------------


@pytest.mark.django_db
def test_public_articles_may_be_kept_and_others_not(client: Client, writer: User) -> None:
    article = publish(writer)
    response = client.get(article.get_absolute_url())
    assert response[offline.KIND_HEADER] == "article"
    assert response[offline.READER_HEADER] == "anon"
    # A draft its writer reads, or a hidden article an editor reads, is not kept.
    actions.unpublish_article(writer, article)
    own_draft = signed_in(writer).get(article.get_absolute_url())
    assert own_draft.status_code == 200
    assert offline.KIND_HEADER not in own_draft
    # Nor are other pages: the home page, search, the offline page.
    for path in ("/", "/cari?q=ende", "/offline"):
        assert offline.KIND_HEADER not in client.get(path)


@pytest.mark.django_db
def test_saved_articles_and_the_reading_list_are_kept_for_their_reader(
    writer: User, reader: User
) -> None:
    article = publish(writer)
    browser = signed_in(reader)
    assert browser.get(article.get_absolute_url())[offline.KIND_HEADER] == "article"
    assert browser.post(f"/simpan/{article.pk}", {"action": "save"}).status_code == 302
    assert browser.get(article.get_absolute_url())[offline.KIND_HEADER] == "saved"
    listing = browser.get("/bacaan")
    assert listing[offline.KIND_HEADER] == "list"
    assert html(listing).select("[data-offline-saved] .card-title a")[0]["href"] == (
        article.get_absolute_url()
    )


@pytest.mark.django_db
def test_each_signed_in_session_is_a_reader_of_its_own(writer: User, reader: User) -> None:
    article = publish(writer)
    url = article.get_absolute_url()
    first = signed_in(reader).get(url)[offline.READER_HEADER]
    again = signed_in(reader).get(url)[offline.READER_HEADER]
    other = signed_in(writer).get(url)[offline.READER_HEADER]
    assert len({first, again, other, "anon"}) == 4
    assert re.fullmatch(r"[0-9a-f]{24}", first) and reader.username not in first
    # The same session keeps its name, so its kept pages stay.
    browser = signed_in(reader)
    assert browser.get(url)[offline.READER_HEADER] == browser.get("/")[offline.READER_HEADER]


@pytest.mark.django_db
def test_signing_out_clears_what_the_browser_kept(reader: User) -> None:
    browser = signed_in(reader)
    response = browser.post("/keluar")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


# --- Save-Data -----------------------------------------------------------------------------


def _illustrated(writer: User) -> Any:
    picture = actions.upload_body_image(writer, upload("ladang.png", size=(900, 600)))
    article = publish(
        writer,
        body=f"Pagi itu sawah di Ende.\n\n![Ladang jagung]({picture.file.url})\n\nSelesai.",
        image_caption="Ladang jagung",
    )
    actions.set_featured_image(article, upload())
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_save_data_keeps_pictures_back_until_tapped(client: Client, writer: User) -> None:
    article = _illustrated(writer)
    url = article.get_absolute_url()
    full = client.get(url)
    assert "Save-Data" in full["Vary"] and "Cookie" in full["Vary"]
    assert len(html(full).select("figure.featured img")) == 1
    assert len(html(full).select("div.body img")) == 1

    light = client.get(url, HTTP_SAVE_DATA="on")
    assert "Save-Data" in light["Vary"]
    page = html(light)
    assert not page.select("figure.featured img") and not page.select("div.body img")
    placeholders = page.select("a.img-off")
    assert len(placeholders) == 2
    for link in placeholders:
        assert link.text.startswith("Tampilkan gambar")
        # Without JavaScript the placeholder is a link to the picture itself.
        assert link["href"].startswith(settings.MEDIA_URL) and link["href"] == link["data-src"]
        assert link["data-w"].isdigit() and link["data-h"].isdigit()
    # The featured picture's placeholder leads to its smallest rendition.
    assert placeholders[0]["href"] == article.image_small.url
    assert any(s["href"].endswith("css/light.css") for s in page.select("link[rel=stylesheet]"))
    assert any(s["src"].endswith("js/light.js") for s in page.select("script[src]"))
    # The cached article block is kept per variant: the next full reader gets pictures.
    assert len(html(client.get(url)).select("figure.featured img")) == 1
    assert not html(client.get(url, HTTP_SAVE_DATA="on")).select("figure.featured img")


@pytest.mark.django_db
def test_cards_wait_for_a_tap_too_and_the_cached_home_is_kept_per_variant(
    client: Client, writer: User
) -> None:
    article = _illustrated(writer)
    for _ in range(2):  # the second time from the cached whole page
        full = client.get("/")
        assert "Save-Data" in full["Vary"]
        assert html(full).select(".card-img img")
        light = client.get("/", HTTP_SAVE_DATA="on")
        assert "Save-Data" in light["Vary"]
        page = html(light)
        assert not page.select(".card-img img")
        card = page.select("a.card-img.img-off")[0]
        # The smallest rendition that fills the slot (160 px at most): 240 px, not 360.
        assert article.image_variants
        thumb = variant_name(article.image_small.name, Article.THUMB_WIDTH)
        assert card["href"] == card["data-src"] == default_storage.url(thumb)
        assert default_storage.exists(thumb)
        assert (card["data-w"], card["data-h"]) == ("240", "160")
        assert card["data-href"] == article.get_absolute_url()
    listing = client.get(article.category.get_absolute_url(), HTTP_SAVE_DATA="on")
    assert html(listing).select("a.card-img.img-off") and not html(listing).select(".card img")


@pytest.mark.django_db
def test_json_and_feeds_do_not_vary_with_save_data(client: Client) -> None:
    assert "Save-Data" not in client.get("/api/v1/articles").get("Vary", "")
    assert "Save-Data" not in client.get("/feed").get("Vary", "")


@pytest.mark.django_db
def test_the_setting_on_this_browser_overrides_the_header(client: Client, writer: User) -> None:
    article = _illustrated(writer)
    url = article.get_absolute_url()
    page = client.get("/hemat-data")
    assert page.status_code == 200
    assert html(page).select("input[name=hemat][value=auto]")[0].get("checked") is not None

    response = client.post("/hemat-data", {"hemat": "on"})
    assert response.status_code == 302
    assert client.cookies[savedata.COOKIE].value == "on"
    assert client.cookies[savedata.COOKIE]["httponly"]
    assert not html(client.get(url)).select("figure.featured img")
    assert html(client.get("/hemat-data")).select("input[value=on]")[0].get("checked") is not None

    client.post("/hemat-data", {"hemat": "off"})
    assert html(client.get(url, HTTP_SAVE_DATA="on")).select("figure.featured img")

    client.post("/hemat-data", {"hemat": "auto"})
    assert client.cookies[savedata.COOKIE].value == ""
    assert not html(client.get(url, HTTP_SAVE_DATA="on")).select("figure.featured img")
    assert html(client.get(url)).select("figure.featured img")


@pytest.mark.django_db
def test_a_setting_that_does_not_exist_is_refused_with_a_reason(client: Client) -> None:
    response = client.post("/hemat-data", {"hemat": "kadang"})
    assert response.status_code == 400
    assert "Pilih salah satu" in response.content.decode()
    assert savedata.COOKIE not in response.cookies


def test_the_proxy_cache_keys_pages_by_saving_data_too() -> None:
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    key = re.search(r'proxy_cache_key "([^"]+)";', conf)
    assert key and "$wacana_light" in key.group(1)
    assert '"$cookie_wacana_hemat:$http_save_data" $wacana_light' in conf


@pytest.mark.django_db
def test_a_picture_that_is_a_link_becomes_the_words_of_its_link(
    client: Client, writer: User
) -> None:
    picture = actions.upload_body_image(writer, upload("peta.png", size=(600, 400)))
    article = publish(
        writer,
        body=f'Lihat petanya.\n\n[![Peta "Ende"]({picture.file.url})](https://contoh.id/peta)',
    )
    page = html(client.get(article.get_absolute_url(), HTTP_SAVE_DATA="on"))
    assert not page.select("div.body img")
    link = page.select("div.body a")[0]
    assert link["href"] == "https://contoh.id/peta"
    assert link.text == 'Peta "Ende"'
    assert not link.select("a")


@pytest.mark.django_db
def test_a_card_of_a_picture_stored_before_the_thumbnail_waits_with_its_360_px_rendition(
    client: Client, writer: User
) -> None:
    article = _illustrated(writer)
    Article.objects.filter(pk=article.pk).update(image_variants="")
    card = html(client.get("/", HTTP_SAVE_DATA="on")).select("a.card-img.img-off")[0]
    assert card["href"] == card["data-src"] == article.image_small.url
    assert (card["data-w"], card["data-h"]) == ("360", "240")
