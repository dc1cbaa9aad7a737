"""A real-browser journey: write, publish, read page by page, view the photo, on a phone.

Form fields are found by their `name`; buttons and links by their role and the text
the Indonesian interface gives them.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from wacana.articles.models import Article, Status
from wacana.testing.browser import sign_in
from wacana.testing.images import image_bytes
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Sekolah di Atas Bukit"
PAGES = (
    "Setiap pagi anak-anak Desa Wolojita berjalan dua jam menuju sekolah.",
    "Di kelas, Bu Maria mengajar tiga angkatan sekaligus dengan satu papan tulis.",
    "Sore harinya mereka pulang lewat kebun kopi sambil bernyanyi.",
)
PHONE_WIDTH = 360


def no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide"


def test_write_publish_read_every_page_and_view_the_photo_on_a_phone(
    page: Page, live_server: Any, tmp_path: Path
) -> None:
    make_user("sekar.penulis", display_name="Sekar Wulandari", tagline="Guru di Ende")
    sign_in(page, "sekar.penulis")

    # Write: title, category, tags and a three-page body in the rich-text editor, with
    # its "Halaman baru" button; the pages show as numbered dividers.
    page.goto("/tulis")
    form = page.locator("main form.write")
    form.locator("input[name=title]").fill(TITLE)
    form.locator("select[name=category]").select_option("sekolah")
    form.locator("input[name=tags]").fill("pendidikan, ntt")
    body = form.locator("textarea[name=body]")
    editor = form.get_by_role("textbox", name=indonesian("Article"))
    editor.click()
    page.keyboard.type(PAGES[0])
    new_page = form.get_by_role("button", name=indonesian("New page"))
    expect(new_page).to_be_visible()
    new_page.click()
    page.keyboard.type(PAGES[1])
    new_page.click()
    page.keyboard.type(PAGES[2])
    dividers = editor.locator(".page-break")
    expect(dividers).to_have_count(2)
    expect(dividers.nth(1)).to_have_text(indonesian("Page"))  # the number is CSS
    expect(editor).not_to_contain_text("nextpage")

    # The Markdown it posts, seen in Markdown mode: the stored <!--nextpage--> lines.
    markdown_mode = form.get_by_role("button", name="Markdown")
    markdown_mode.click()
    expect(markdown_mode).to_have_attribute("aria-pressed", "true")
    written = body.input_value()
    assert written.count("<!--nextpage-->") == 2
    assert [part.strip() for part in written.split("<!--nextpage-->")] == list(PAGES)
    markdown_mode.click()
    expect(editor).to_be_visible()

    # A featured image with its caption and source.
    picture = tmp_path / "sekolah.png"
    picture.write_bytes(image_bytes("PNG", (1600, 900)))
    form.locator("input[name=image]").set_input_files(picture)
    form.locator("input[name=image_caption]").fill("Murid berjalan ke sekolah")
    form.locator("input[name=image_source]").fill("Dokumentasi pribadi")

    # Publish: the writer lands on the article, page 1.
    form.locator("button[name=intent][value=publish]").click()
    expect(page).to_have_url(
        re.compile(rf"^{re.escape(live_server.url)}/sekar\.penulis/\d+/sekolah-di-atas-bukit$")
    )
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert article.page_count == 3
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    text = page.locator("article .body")
    expect(text).to_contain_text(PAGES[0])
    expect(text).not_to_contain_text(PAGES[1])

    # Page 2 through the navigator.
    pager = page.get_by_role("navigation", name=indonesian("Pages"))
    expect(pager).to_contain_text("HALAMAN")
    pager.get_by_role("link", name="2", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(text).to_contain_text(PAGES[1])
    expect(text).not_to_contain_text(PAGES[0])
    expect(text).not_to_contain_text(PAGES[2])
    expect(pager.locator("[aria-current=page]")).to_have_text("2")

    # Everything on one page.
    pager.get_by_role("link", name=indonesian("Show all")).click()
    expect(page).to_have_url(re.compile(r"\?page=all$"))
    for part in PAGES:
        expect(text).to_contain_text(part)

    # "Lihat foto": the full picture in a dialog, actually loaded.
    featured = page.locator("figure.featured")
    expect(featured).to_contain_text("Sumber gambar: Dokumentasi pribadi")
    featured.get_by_role("link", name="Lihat foto").click()
    viewer = page.get_by_role("dialog")
    expect(viewer).to_be_visible()
    photo = viewer.get_by_role("img", name="Murid berjalan ke sekolah")
    expect(photo).to_have_attribute("src", re.compile(r"\.webp$"))
    expect(photo).to_have_js_property("complete", True)
    assert photo.evaluate("img => img.naturalWidth") == article.image_width == 1200
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    expect(page).to_have_url(re.compile(r"\?page=all$"))

    # On a 360-pixel phone: nothing wider than the screen.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 740})
    page.reload()
    expect(text).to_contain_text(PAGES[2])
    no_horizontal_scroll(page)
    page.goto(article.get_absolute_url())
    expect(page.locator("figure.featured img")).to_be_visible()
    no_horizontal_scroll(page)

    # And the article is listed on its category page and its rubric's.
    for url in ("/kategori/sekolah", "/kategori/pendidikan"):
        page.goto(url)
        link = page.locator("main").get_by_role("link", name=TITLE)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", article.get_absolute_url())
        no_horizontal_scroll(page)
