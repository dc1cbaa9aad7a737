"""The writing flow in real Chromium (issue 13): pasting from Word, Google Docs and web
pages; a new writer's whole journey at phone and desktop sizes; a connection that drops
mid-typing; two tabs on one article; scheduling then publication."""

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import TestCase
from django.utils import timezone
from playwright.sync_api import Page, expect

from wacana.accounts.models import User
from wacana.articles import writing
from wacana.articles.models import Article, Status
from wacana.lib.markdown import render
from wacana.testing.browser import sign_in
from wacana.testing.content import draft
from wacana.testing.images import image_bytes
from wacana.testing.language import indonesian
from wacana.testing.personas import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT_LABEL = "Description for readers who cannot see it (alt text)"
CAPTION_LABEL = "Keterangan gambar (opsional)"
SIZES = [(390, 844), (1366, 900)]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "writing"


# What the clipboard holds after copying from each tool (text/html), trimmed to the parts
# that matter but in each tool's own markup (mso- styles and Word's list paragraphs; Google
# Docs' <b style="font-weight:normal" id="docs-internal-guid-…"> wrapper and styled spans; a
# blog page's classes, scripts, images and embeds).
SAMPLES = Path(__file__).parent / "paste_samples"
WORD = (SAMPLES / "word.html").read_text()

GOOGLE_DOCS = (SAMPLES / "google_docs.html").read_text()

WEB_PAGE = (SAMPLES / "web_page.html").read_text()

WORD_NESTED = (SAMPLES / "word_nested.html").read_text()


def paste_html(page: Page, html: str) -> str:
    """Paste `html` into the editor as a browser would, then read back its Markdown."""
    editor = page.locator(".rich-body")
    editor.click()
    page.evaluate(
        """html => {
            const target = document.querySelector('.rich-body');
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'teks biasa');
            target.dispatchEvent(new ClipboardEvent('paste',
                {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        html,
    )
    markdown: str = page.evaluate("document.querySelector('[data-editor]').wacanaEditor.markdown()")
    return markdown


@pytest.fixture
def writing_page(page: Page) -> Page:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    expect(page.locator(".rich-body")).to_be_visible()
    return page


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def journey_page(request: pytest.FixtureRequest, page: Page) -> Page:
    """The writing page at a phone's and at a desktop's size (issue 13: Chromium at
    390 x 844 and 1,366 x 900)."""
    width, height = request.param
    page.set_viewport_size({"width": width, "height": height})
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    expect(page.locator(".rich-body")).to_be_visible()
    return page


def test_paste_from_word_keeps_structure_and_drops_the_rest(writing_page: Page) -> None:
    markdown = paste_html(writing_page, WORD)
    assert markdown.strip() == (
        "# Panen di Sikka\n\n"
        "Musim ini **jagung** tumbuh *lebih cepat*.\n\n"
        "- Benih lokal\n- Pupuk kandang\n\n"
        "1. Tanam\n2. Siram\n\n"
        "Baca [laporannya](https://contoh.id/panen) dan ini.\n\n"
        "Sel tabel"
    )


def test_paste_from_word_keeps_nested_lists_nested(writing_page: Page) -> None:
    # Word's list paragraphs say their depth only in their style ("mso-list:l0 level2
    # lfo1"); the bullets ("o", Wingdings "§") and numbers ("a.") are its own spans.
    markdown = paste_html(writing_page, WORD_NESTED)
    assert markdown.strip() == (
        "## Menanam Jagung\n\n"
        "1. Siapkan lahan\n"
        "   - Bersihkan rumput\n"
        "   - Gemburkan **tanah**\n"
        "     - Pakai cangkul\n"
        "2. Tanam benih\n"
        "   - Dua biji per lubang\n"
        "3. Siram\n\n"
        "Catatan: *jangan* terlalu dalam.\n\n"
        "- Alat\n"
        "  1. Cangkul\n"
        "  2. Ember\n"
        "- Bahan"
    ), markdown
    # And the server reads the same nesting from it.
    html = render(markdown)
    assert re.search(r"<li>Siapkan lahan\s*<ul>\s*<li>Bersihkan rumput</li>", html), html
    assert re.search(r"<li>Gemburkan <strong>tanah</strong>\s*<ul>\s*<li>Pakai cangkul</li>", html)
    assert re.search(r"<li>Alat\s*<ol>\s*<li>Cangkul</li>\s*<li>Ember</li>\s*</ol>", html), html


def test_a_list_nested_directly_in_a_list_joins_the_item_before_it(writing_page: Page) -> None:
    # Google Docs copies a nested list as a sibling of the items (<ul><li>…</li><ul>…).
    markdown = paste_html(
        writing_page,
        '<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-1a2b">'
        '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">'
        '<li dir="ltr" style="list-style-type:disc;" aria-level="1">'
        '<p dir="ltr" role="presentation">'
        '<span style="font-size:11pt;">Buah</span></p></li>'
        '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">'
        '<li dir="ltr" style="list-style-type:circle;" aria-level="2">'
        '<p dir="ltr" role="presentation">'
        '<span style="font-size:11pt;">Mangga</span></p></li></ul>'
        '<li dir="ltr" style="list-style-type:disc;" aria-level="1">'
        '<p dir="ltr" role="presentation">'
        '<span style="font-size:11pt;">Sayur</span></p></li></ul></b>',
    )
    assert markdown.strip() == "- Buah\n  - Mangga\n- Sayur", markdown


def test_paste_from_google_docs_ignores_its_bold_wrapper(writing_page: Page) -> None:
    markdown = paste_html(writing_page, GOOGLE_DOCS)
    assert markdown.strip() == (
        "## Pasar Terapung\n\n"
        "Pedagang datang **sebelum subuh** *dengan perahu*. Lihat "
        "[peta](https://www.google.com/url?q=https://contoh.id/pasar&sa=D).\n\n"
        "- Pisang\n- Jeruk"
    )


def test_paste_from_a_web_page_keeps_text_and_drops_scripts_images_and_styles(
    writing_page: Page,
) -> None:
    markdown = paste_html(writing_page, WEB_PAGE)
    assert "alert" not in markdown and "foto.jpg" not in markdown and "Bagikan" not in markdown
    assert "![" not in markdown and "<" not in markdown
    assert markdown.strip() == (
        "### Sejarah Singkat\n\n"
        "Kota ini **berdiri** pada *1908* menurut [arsip](https://contoh.id/sejarah).\n\n"
        "Foto lama\n\n"
        "1. Satu\n2. Dua\n\n"
        "> Kutipan"
    )


def shoot(page: Page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_new_writer_signs_up_writes_two_pages_with_a_photo_previews_and_publishes(
    page: Page, tmp_path: Path, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/daftar")
    form = page.locator("main form")
    username = f"guru{width}"
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=email]").fill(f"{username}@example.com")
    if form.locator("input[name=display_name]").count():
        form.locator("input[name=display_name]").fill("Bu Guru Ende")
    for name in ("password1", "password2", "password"):
        if form.locator(f"input[name={name}]").count():
            form.locator(f"input[name={name}]").fill(PASSWORD)
    form.locator("button[type=submit]").first.click()
    expect(page.locator("header details.menu")).to_be_visible()

    page.goto("/tulis")
    write = page.locator("main form.write")
    expect(page.locator(".rich-body")).to_be_visible()
    write.locator("input[name=title]").fill("Sekolah di Atas Bukit")
    expect(write.locator(".title-count")).to_have_text(re.compile(r"^21 "))
    write.locator("select[name=category]").select_option("sekolah")
    page.locator(".rich-body").click()
    page.keyboard.type("Anak-anak berjalan dua jam setiap pagi.")
    # Word count and reading time under the editor, as the writer types.
    expect(write.locator(".word-count")).to_have_text(
        indonesian("{words} words · about {minutes} min to read")
        .replace("{words}", "6")
        .replace("{minutes}", "1")
    )
    photo = tmp_path / "foto.png"
    photo.write_bytes(image_bytes("PNG", (1600, 900)))
    # A photo in the text: "Gambar", then the dialog asks what it shows and for a caption.
    with page.expect_file_chooser() as chooser:
        write.get_by_role("toolbar").get_by_role("button", name=indonesian("Image")).click()
    chooser.value.set_files(str(photo))
    dialog = page.get_by_role("dialog", name=indonesian("About this picture"))
    expect(dialog).to_be_visible()
    expect(dialog.locator("img")).to_have_js_property("naturalWidth", 1600)
    dialog.get_by_role("textbox", name=indonesian(ALT_LABEL)).fill("Murid menyeberang sungai")
    dialog.get_by_role("textbox", name=CAPTION_LABEL).fill("Jalan pintas lewat sungai")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    shoot(page, f"image-dialog-{width}", full_page=False)
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(page.locator(".rich-body .image-caption")).to_have_text("Jalan pintas lewat sungai")
    write.get_by_role("button", name=indonesian("New page")).click()
    page.keyboard.type("Di halaman kedua, hujan turun.")
    write.locator("input[name=image]").set_input_files(str(photo))
    # The check before publishing names what is missing, before anything is sent.
    write.locator("button[name=intent][value=publish]").click()
    check = write.locator(".publish-check")
    expect(check).to_be_visible()
    expect(check).to_contain_text(indonesian("Write a caption for the featured image."))
    write.locator("input[name=image_caption]").fill("Jalan setapak ke sekolah")
    write.locator("input[name=image_source]").fill("Dokumentasi pribadi")
    # A chosen photo shows at once (a blob: picture the page's policy allows) and does
    # not widen the page.
    expect(write.locator("img.featured-thumb")).to_have_js_property("naturalWidth", 1600)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The autosave has made a draft of it meanwhile.
    expect(write.locator(".save-status")).to_have_text(re.compile(r"^Tersimpan \d\d\.\d\d$"))
    shoot(page, f"write-{width}")

    page.get_by_role("button", name=indonesian("Preview")).first.click()
    preview = page.locator(".preview-pane section.preview")
    expect(preview).to_be_visible()
    expect(write).to_be_hidden()
    expect(preview.locator("h1")).to_have_text("Sekolah di Atas Bukit")
    expect(preview.locator(".author-card")).to_contain_text("Bu Guru Ende")
    expect(preview.locator("figure.featured img")).to_be_visible()
    expect(preview.locator("figure.featured figcaption")).to_contain_text(
        "Jalan setapak ke sekolah"
    )
    expect(preview.locator(".body figure figcaption")).to_have_text("Jalan pintas lewat sungai")
    expect(preview.locator("nav.pager a")).to_have_count(2)
    expect(preview.locator(".page-mark")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"preview-{width}")
    page.locator(".mode-switch").get_by_role("button", name=indonesian("Edit")).click()
    expect(write).to_be_visible()

    write.locator("button[name=intent][value=publish]").click()
    expect(page.locator("article.article h1")).to_have_text("Sekolah di Atas Bukit")
    article = Article.objects.get(author__username=username)
    assert article.status == Status.PUBLISHED and article.page_count == 2 and article.image
    assert article.image_caption == "Jalan setapak ke sekolah"
    expect(page.locator("figure.featured img")).to_be_visible()
    expect(page.locator("figure.featured figcaption")).to_contain_text("Dokumentasi pribadi")
    expect(page.locator("nav.pager")).to_be_visible()
    expect(page.locator("article .body")).to_contain_text("Anak-anak berjalan dua jam")
    figure = page.locator("article .body figure")
    expect(figure.locator("img")).to_have_attribute("alt", "Murid menyeberang sungai")
    expect(figure.locator("figcaption")).to_have_text("Jalan pintas lewat sungai")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"article-{width}")
    assert Article.objects.filter(author__username=username).count() == 1


def test_the_connection_drops_mid_typing_and_a_reload_restores_the_text(
    journey_page: Page,
) -> None:
    page = journey_page
    write = page.locator("main form.write")
    write.locator("input[name=title]").fill("Catatan Banjir")
    write.locator("select[name=category]").select_option("sekolah")
    page.locator(".rich-body").click()
    page.keyboard.type("Air naik pelan-pelan.")
    expect(write.locator(".save-status")).to_have_text(re.compile(r"^Tersimpan"))
    article = Article.objects.get(title="Catatan Banjir")
    assert page.url.endswith(f"/tulis/{article.pk}")

    size = page.viewport_size
    assert size
    page.context.set_offline(True)
    page.keyboard.type(" Listrik padam, sinyal hilang.")
    expect(write.locator(".save-status")).to_have_text(indonesian("Offline — saved on this device"))
    page.wait_for_timeout(3500)
    article.refresh_from_db()
    assert "Listrik padam" not in article.body
    # The tab is closed (or crashes) while still offline: what it tries on leaving fails.
    context = page.context
    page.evaluate("window.wacanaWriteClean && window.wacanaWriteClean()")
    page.close(run_before_unload=False)
    # Back online the closing tab's last save may still get through (or not): below,
    # either the server has the text or this device offers its copy back.
    context.set_offline(False)
    again = context.new_page()
    again.set_viewport_size(size)
    # This tab's autosave must not run before the check: the copy is offered first.
    again.goto(f"/tulis/{article.pk}")
    # The copy on this device is offered back; or, where the closing tab's last save got
    # through once the connection returned (writes bypass the service worker), the server
    # already has the text and the page opens with it. Either way nothing is lost.
    offer = again.locator(".restore-local")
    body = again.locator(".rich-body")
    expect(offer.or_(body.filter(has_text="Listrik padam, sinyal hilang."))).to_be_visible()
    if offer.is_visible():
        offer.get_by_role("button", name=indonesian("Bring it back")).click()
        expect(body).to_contain_text("Listrik padam, sinyal hilang.")
        # The restored copy is saved by the autosave a few seconds later (slow under load).
        expect(again.locator(".save-status")).to_have_text(
            re.compile(r"^Tersimpan"), timeout=20_000
        )
    expect(body).to_contain_text("Listrik padam, sinyal hilang.")
    article.refresh_from_db()
    assert "Listrik padam, sinyal hilang." in article.body


def test_leaving_the_page_right_after_typing_still_saves_to_the_server(
    writing_page: Page,
) -> None:
    writer = User.objects.get(username="sekar.penulis")
    article = draft(writer, body="Awal cerita.")
    page = writing_page
    page.goto(f"/tulis/{article.pk}")
    page.locator(".rich-body").click()
    page.keyboard.press("End")
    page.keyboard.type(" Ditulis sebelum pergi.")
    # Well within the three seconds after which the autosave would run on its own.
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/")
    for _ in range(50):
        article.refresh_from_db()
        if "sebelum pergi" in article.body:
            break
        page.wait_for_timeout(100)
    assert article.body.strip() == "Awal cerita. Ditulis sebelum pergi."


def test_the_same_article_in_two_tabs_warns_instead_of_overwriting(
    journey_page: Page,
) -> None:
    writer = User.objects.get(username="sekar.penulis")
    article = draft(writer, body="Awal cerita.")
    context = journey_page.context
    first, second = journey_page, context.new_page()
    assert first.viewport_size
    second.set_viewport_size(first.viewport_size)
    for tab in (first, second):
        tab.goto(f"/tulis/{article.pk}")
        expect(tab.locator(".rich-body")).to_be_visible()
    first.locator(".rich-body").click()
    first.keyboard.press("End")
    first.keyboard.type(" Dari tab pertama.")
    expect(first.locator(".save-status")).to_have_text(re.compile(r"^Tersimpan"))
    second.locator(".rich-body").click()
    second.keyboard.press("End")
    second.keyboard.type(" Dari tab kedua.")
    warning = second.locator(".conflict")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(indonesian("Keep mine").split()[0])
    article.refresh_from_db()
    assert article.body.strip() == "Awal cerita. Dari tab pertama."
    warning.get_by_role("button", name=indonesian("Keep mine")).click()
    expect(second.locator(".save-status")).to_have_text(re.compile(r"^Tersimpan"))
    article.refresh_from_db()
    assert article.body.strip() == "Awal cerita. Dari tab kedua."
    # The first tab, typing again, is warned in turn and may load the other text.
    first.keyboard.type("!")
    warned = first.locator(".conflict")
    expect(warned).to_be_visible()
    warned.get_by_role("button", name=indonesian("Load theirs")).click()
    expect(first.locator(".rich-body")).to_have_text("Awal cerita. Dari tab kedua.")


def test_scheduling_then_publication(journey_page: Page, browser: Any, live_server: Any) -> None:
    page = journey_page
    write = page.locator("main form.write")
    write.locator("input[name=title]").fill("Upacara Bendera")
    write.locator("select[name=category]").select_option("sekolah")
    page.locator(".rich-body").click()
    page.keyboard.type("Senin pagi semua murid berbaris.")
    write.locator("details.schedule summary").click()
    when = (timezone.localtime() + timedelta(hours=2)).replace(second=0, microsecond=0)
    write.locator("input[name=publish_at]").fill(when.strftime("%Y-%m-%dT%H:%M"))
    write.locator("button[name=intent][value=schedule]").click()
    expect(page.locator(".notice.scheduled")).to_be_visible()
    article = Article.objects.get(title="Upacara Bendera")
    assert article.status == Status.DRAFT and article.publish_at == when
    # Before the time: nobody else sees it.
    other = browser.new_context(base_url=live_server.url)
    anonymous = other.new_page()
    before = anonymous.goto(article.get_absolute_url())
    assert before is not None and before.status == 404
    # The time comes; the worker runs the stored task.
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    article.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert writing.publish_when_due(article.pk, article.publish_at.isoformat())
    other.close()
    # A new visitor (the first one's browser may keep the 404 for its max-age).
    later = browser.new_context(base_url=live_server.url)
    reader = later.new_page()
    response = reader.goto(article.get_absolute_url())
    assert response is not None and response.status == 200
    expect(reader.locator("article h1")).to_have_text("Upacara Bendera")
    later.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_the_revisions_page_reads_at_phone_and_desktop_sizes(page: Page, width: int) -> None:
    writer = make_user("sekar.penulis")
    article = draft(writer, body="Paragraf pertama.\n\nParagraf kedua yang lama.")
    writing.record_revision(article, writer)
    writing.save_writing(
        writer, article, {"body": "Paragraf pertama.\n\nParagraf kedua yang sudah diperbaiki."}
    )
    sign_in(page, "sekar.penulis")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/tulis/{article.pk}/revisi")
    page.get_by_role("button", name=indonesian("Show the differences")).click()
    expect(page.locator(".diff-body ins")).to_have_text("sudah diperbaiki.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"revisions-{width}")
