"""The rich-text editor in real Chromium: Markdown survives the trip through it (the demo
corpus and hostile input, compared as the server renders them), /tulis never scrolls
sideways, axe finds nothing serious, and the toolbar writes the Markdown the form posts."""

import base64
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

from wacana.articles import actions
from wacana.articles.demo_content import ARTICLES
from wacana.lib.markdown import render_pages
from wacana.testing.axe import serious_violations
from wacana.testing.browser import sign_in
from wacana.testing.content import draft
from wacana.testing.images import image_bytes
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUNDLE = Path(__file__).resolve().parents[3] / "static/js/editor.js"

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1)) dan ![x](javascript:alert(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "<http://evil.example/> <javascript:alert(1)>",
    "```\n<!--nextpage-->\n```",
    "teks<!--nextpage-->teks\n\n<!-- nextpage -->",
    "**tebal *miring _campur",
    "*a **b** c* dan ***tiga***",
    "snake_case_name dan __init__ dan _a_",
    "\\*bukan miring\\* \\# \\[x\\]",
    "&amp; &lt;script&gt; &#x3C;b&#x3E; &copy; &ampx; &nbsp;",
    "kolom | kolom | kolom",
    "1) satu\n2) dua",
    "3. tiga\n4. empat",
    "- a\n\n\n- b\n\n  lanjut",
    "* [ ] tugas\n* [x] selesai",
    "> kutipan\nmalas\n> > bersarang",
    "# h1\n###### h6\n####### bukan",
    "Setext\n======\n\nDua\n---",
    "```js\nkode <b>\n```\n\n    kode inden",
    "~~coret~~ dan ~tidak~",
    "| a | b |\n|---|:-:|\n| 1 | `|` |",
    "> | a |\n> |---|\n> | 1 |",
    "baris  \nberikut\\\nlagi",
    "\u0000 nol \u202e balik \u200b lebar-nol \ufeff",
    '[tautan](</jalan dengan spasi> "judul")',
    "[a]: http://contoh.id\n\n[ref][a] dan [a]",
    "***\n\n___\n\n- - -",
    "<!--nextpage-->\n\n<!--nextpage-->\n\nhanya satu halaman",
    "https://contoh.id/a_b_(c) dan www.contoh.id dan surat@contoh.id",
    "Kopi ☕ dan 🇮🇩, ḍ͟ā́ combining",
    '![alt *miring*](/media/images/1-abc.webp "judul")',
    '![a](/media/images/1-abc.webp "kutip \\"dalam\\" &amp; \\\\ garis \\& <b>")',
    "![a](/media/images/1-abc.webp 'tunggal \"ganda\"')\n\n![b](/media/images/2-abc.webp (kurung))",
    "`kode ``dalam`` kode`",
    "a\n\n\n\n\nb",
    "+ plus\n+ list",
    "10. sepuluh",
    "<div>blok html</div>\n\n<b>inline</b>",
    "\t tab di awal",
    "- satu\n  - dua\n    - tiga",
]


def server_html(markdown: str) -> list[str]:
    # Any image is "ours" here, so image Markdown renders as <img> and is compared too.
    return render_pages(markdown, lambda src: (800, 600))


def load_bundle(page: Page) -> None:
    page.set_content("<!doctype html><html lang=id><body></body></html>")
    page.add_script_tag(path=str(BUNDLE))


def through_editor(page: Page, texts: list[str]) -> list[dict[str, Any]]:
    answer: list[dict[str, Any]] = page.evaluate(
        """texts => texts.map(md => {
            if (!WacanaEditor.roundTrips(md)) return {accepted: false};
            return {accepted: true, markdown: WacanaEditor.serialize(WacanaEditor.parse(md))};
        })""",
        texts,
    )
    return answer


def test_the_demo_corpus_goes_through_the_editor_unchanged(page: Page) -> None:
    load_bundle(page)
    bodies = [str(article["body"]) for article in ARTICLES]
    results = through_editor(page, bodies)
    for article, body, result in zip(ARTICLES, bodies, results, strict=True):
        assert result["accepted"], f"{article['title']} would open in Markdown mode"
        assert server_html(result["markdown"]) == server_html(body), article["title"]


def test_a_page_break_typed_as_text_stays_text(page: Page) -> None:
    load_bundle(page)
    written = page.evaluate(
        """() => {
            const s = WacanaEditor.parse("");
            const doc = s.type.schema.nodes.doc.create(null,
                s.type.schema.nodes.paragraph.create(null, s.type.schema.text("<!--nextpage-->")));
            return WacanaEditor.serialize(doc);
        }"""
    )
    assert len(server_html(written)) == 1
    assert "&lt;!--nextpage--&gt;" in server_html(written)[0]


def test_hostile_markdown_either_round_trips_or_opens_as_markdown(page: Page) -> None:
    load_bundle(page)
    results = through_editor(page, HOSTILE)
    accepted = 0
    for text, result in zip(HOSTILE, results, strict=True):
        if result["accepted"]:
            accepted += 1
            assert server_html(result["markdown"]) == server_html(text), repr(text)
    # The check must not simply refuse everything.
    assert accepted >= len(HOSTILE) * 3 // 4, f"only {accepted} of {len(HOSTILE)} accepted"
    # Pictures with captions (the Markdown title), whatever their text, are shown in the
    # editor (not sent to Markdown mode) and come back the same.
    captioned = [text for text in HOSTILE if text.startswith("![a](/media/images/1-abc.webp ")]
    assert len(captioned) == 2
    for text, result in zip(HOSTILE, results, strict=True):
        if text in captioned:
            assert result["accepted"], text


def test_the_toolbar_writes_the_markdown_the_form_posts(page: Page) -> None:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    form = page.locator("main form.write")
    form.locator("input[name=title]").fill("Catatan Pasar")
    form.locator("select[name=category]").select_option("sekolah")
    editor = form.get_by_role("textbox", name=indonesian("Article"))
    toolbar = form.get_by_role("toolbar")
    editor.click()
    toolbar.get_by_role("button", name=indonesian("Subheading")).click()
    page.keyboard.type("Pagi di pasar")
    page.keyboard.press("Enter")
    bold = toolbar.get_by_role("button", name=indonesian("Bold"))
    bold.click()
    expect(bold).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("Ramai")
    page.keyboard.press("Control+b")
    page.keyboard.type(" sekali.")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name=indonesian("Bulleted list")).click()
    page.keyboard.type("ikan")
    page.keyboard.press("Enter")
    page.keyboard.type("sayur")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name=indonesian("Quote")).click()
    page.keyboard.type("Harga naik")
    toolbar.get_by_role("button", name=indonesian("Undo")).click()
    toolbar.get_by_role("button", name=indonesian("Redo")).click()
    form.locator("button[name=intent][value=preview]").click()

    # The preview is the server's rendering of what the editor posted.
    preview = page.locator("section.preview .body")
    expect(preview.locator("h2")).to_have_text("Pagi di pasar")
    expect(preview.locator("strong")).to_have_text("Ramai")
    expect(preview.locator("ul li")).to_have_text(["ikan", "sayur"])
    expect(preview.locator("blockquote")).to_have_text("Harga naik")
    posted = page.evaluate("document.querySelector('[data-editor]').wacanaEditor.markdown()")
    assert posted == "# Pagi di pasar\n\n**Ramai** sekali.\n\n- ikan\n- sayur\n\n> Harga naik\n"
    # "Sunting" goes back to the editor, which shows it as rich text still.
    page.locator(".mode-switch").get_by_role("button", name=indonesian("Edit")).click()
    expect(page.get_by_role("textbox", name=indonesian("Article")).locator("h2")).to_have_text(
        "Pagi di pasar"
    )


def test_italic_numbers_link_and_new_page_from_the_toolbar_and_the_keyboard(page: Page) -> None:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    form = page.locator("main form.write")
    editor = form.get_by_role("textbox", name=indonesian("Article"))
    toolbar = form.get_by_role("toolbar")
    editor.click()
    italic = toolbar.get_by_role("button", name=indonesian("Italic"))
    page.keyboard.press("Control+i")
    expect(italic).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("Miring")
    italic.click()
    page.keyboard.type(" lalu ")
    # The link's address is asked in a dialog; a bare domain is taken as https, and what
    # is no address is refused with a message.
    toolbar.get_by_role("button", name=indonesian("Link")).click()
    asked = page.get_by_role("dialog", name=indonesian("Link"))
    address = asked.get_by_role("textbox", name=indonesian("Address of the link"))
    expect(address).to_be_focused()
    address.fill("javascript:alert(1)")
    address.press("Enter")
    expect(asked.locator(".link-error")).to_be_visible()
    expect(address).to_have_attribute("aria-invalid", "true")
    address.fill("contoh.id/pasar")
    asked.get_by_role("button", name=indonesian("Insert")).click()
    expect(asked).to_be_hidden()
    expect(editor.locator("a[href='https://contoh.id/pasar']")).to_have_count(1)
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name=indonesian("Numbered list")).click()
    page.keyboard.type("satu")
    page.keyboard.press("Enter")
    page.keyboard.type("dua")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # "Halaman baru" from the keyboard (Ctrl+Enter): a divider, never the comment.
    page.keyboard.press("Control+Enter")
    page.keyboard.type("Halaman kedua.")
    divider = editor.locator(".page-break")
    expect(divider).to_have_count(1)
    expect(divider).to_contain_text(indonesian("Page"))
    assert "nextpage" not in editor.inner_text()
    posted = page.evaluate("document.querySelector('[data-editor]').wacanaEditor.markdown()")
    assert posted == (
        "*Miring* lalu <https://contoh.id/pasar>\n\n"
        "1. satu\n2. dua\n\n<!--nextpage-->\n\nHalaman kedua.\n"
    ), posted


def test_markdown_the_editor_would_change_opens_in_markdown_mode(page: Page) -> None:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    form = page.locator("main form.write")
    markdown_mode = form.get_by_role("button", name="Markdown")
    markdown_mode.click()
    body = form.locator("textarea[name=body]")
    nested_table = "> | a |\n> |---|\n> | 1 |\n"
    body.fill(nested_table)
    markdown_mode.click()
    expect(form.locator(".editor-notice")).to_be_visible()
    expect(body).to_be_visible()
    expect(markdown_mode).to_have_attribute("aria-pressed", "true")
    assert body.input_value() == nested_table


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_writing_page_never_scrolls_sideways(
    browser: Any, live_server: Any, javascript: bool
) -> None:
    make_user("sekar.penulis", display_name="Sekar Ayu Lestari Wulandari Pertiwi")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    try:
        page = context.new_page()
        sign_in_without_waiting_for_js(page)
        for width in (320, 390, 1366):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto("/tulis")
            expect(page.locator("textarea[name=body]")).to_be_attached()
            if javascript:
                expect(page.locator(".rich-body")).to_be_visible()
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"/tulis is {scroll}px wide at {width}px"
    finally:
        context.close()


def sign_in_without_waiting_for_js(page: Page) -> None:
    from wacana.testing.personas import PASSWORD

    page.goto("/masuk")
    form = page.locator("main form")
    form.locator("input[name=username]").fill("sekar.penulis")
    form.locator("input[name=password]").fill(PASSWORD)
    form.get_by_role("button").click()
    expect(page).not_to_have_url(re.compile(r"/masuk"))


@pytest.mark.parametrize("width", [390, 1366])
def test_the_writing_page_has_no_serious_accessibility_violations(
    page: Page, tmp_path: Path, width: int
) -> None:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/tulis")
    expect(page.locator(".rich-body")).to_be_visible()
    assert serious_violations(page) == []
    # The picture dialog, open, is as accessible: labelled, described, nothing serious.
    photo = tmp_path / "foto.png"
    photo.write_bytes(image_bytes("PNG", (800, 600)))
    page.locator("input.body-image-js").set_input_files(photo)
    dialog = page.get_by_role("dialog", name=indonesian("About this picture"))
    expect(dialog).to_be_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    small = page.evaluate(
        """[...document.querySelectorAll('.editor .toolbar button')]
            .map(b => b.getBoundingClientRect())
            .filter(r => r.width < 44 || r.height < 44).length"""
    )
    assert small == 0, "every toolbar button is at least 44 px square"


def test_a_phone_photo_is_scaled_uploaded_with_its_description_and_retried_after_a_failure(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wacana.testing.images import image_bytes

    # What reaches the server (the live server runs in this process).
    received: list[tuple[str, int, tuple[int, int]]] = []
    upload_body_image = actions.upload_body_image

    def recording(owner: Any, upload: Any) -> Any:
        with PILImage.open(upload) as picture:
            received.append((upload.content_type, upload.size, picture.size))
        upload.seek(0)
        return upload_body_image(owner, upload)

    monkeypatch.setattr(actions, "upload_body_image", recording)
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    form = page.locator("main form.write")
    editor = form.get_by_role("textbox", name=indonesian("Article"))
    editor.click()
    page.keyboard.type("Pagi di sawah.")
    photo = tmp_path / "sawah.png"
    photo.write_bytes(image_bytes("PNG", (3000, 2000)))
    upload_url = form.locator("input.body-image-js").get_attribute("data-url")
    assert upload_url

    # The first attempt fails: a message and a retry button, nothing inserted.
    page.route(f"**{upload_url}", lambda route: route.fulfill(status=502, body="Bad gateway"))
    form.locator("input.body-image-js").set_input_files(photo)
    # Before anything is sent, a dialog asks what the picture shows and for a caption.
    dialog = page.get_by_role("dialog", name=indonesian("About this picture"))
    expect(dialog).to_be_visible()
    alt = dialog.get_by_role("textbox", name=indonesian(ALT_LABEL))
    expect(alt).to_be_focused()
    expect(dialog.locator("img")).to_have_js_property("naturalWidth", 3000)
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(dialog.locator(".image-alt-error")).to_be_visible()
    expect(alt).to_have_attribute("aria-invalid", "true")
    expect(alt).to_be_focused()
    alt.fill("Sawah berkabut di Detusoko")
    dialog.get_by_role("textbox", name=CAPTION_LABEL).fill('Pagi di "Detusoko", Ende')
    alt.press("Enter")
    expect(dialog).to_be_hidden()
    status = form.locator(".editor-status")
    expect(status).to_contain_text(
        indonesian("The image could not be uploaded. Check the connection and try again.")
    )
    expect(editor.locator("img[src]")).to_have_count(0)
    page.unroute(f"**{upload_url}")

    # The retry sends the picture scaled in the browser: WebP, not the 3000 px PNG, with a
    # labelled progress bar while it travels.
    page.evaluate(
        """() => {
            window.progressSeen = [];
            const status = document.querySelector('.editor-status');
            new MutationObserver(() => {
                const bar = status.querySelector('progress');
                if (bar) window.progressSeen.push([bar.max, bar.getAttribute('aria-label')]);
            }).observe(status, {childList: true, subtree: true});
        }"""
    )
    status.get_by_role("button", name=indonesian("Try again")).click()
    image = editor.locator("img[src]")
    expect(image).to_have_attribute("alt", "Sawah berkabut di Detusoko")
    expect(editor.locator(".image-caption")).to_have_text('Pagi di "Detusoko", Ende')
    expect(status).to_be_hidden()
    assert [100, indonesian("Uploading the image…")] in page.evaluate("window.progressSeen")
    [(content_type, size, dimensions)] = received
    assert content_type == "image/webp"
    assert dimensions == (2000, 1333)
    assert size < len(photo.read_bytes())
    form.get_by_role("button", name="Markdown").click()
    markdown = form.locator("textarea[name=body]").input_value()
    assert re.fullmatch(
        r"Pagi di sawah\.\n\n!\[Sawah berkabut di Detusoko\]"
        r'\(/media/images/[\w-]+\.webp "Pagi di \\"Detusoko\\", Ende"\)\n',
        markdown,
    ), markdown
    # The server renders it as a figure with its caption.
    [html] = server_html(markdown)
    assert re.search(
        r'<figure><img src="/media/images/[\w-]+\.webp" alt="Sawah berkabut di Detusoko"[^>]*>'
        r'<figcaption>Pagi di "Detusoko", Ende</figcaption></figure>',
        html,
    ), html


CAPTION_LABEL = "Keterangan gambar (opsional)"
ALT_LABEL = "Description for readers who cannot see it (alt text)"


def drop_or_paste(page: Page, target: str, kind: str, data: str) -> None:
    """Paste or drop a PNG file (base64 `data`) onto `target`, as the browser would."""
    page.evaluate(
        """([selector, kind, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'tempel.png', {type: 'image/png'}));
            const target = document.querySelector(selector);
            const box = target.getBoundingClientRect();
            const at = {clientX: box.left + 10, clientY: box.top + 10};
            const event = kind === 'paste'
                ? new ClipboardEvent('paste', {clipboardData: transfer, bubbles: true,
                                               cancelable: true})
                : new DragEvent('drop', {dataTransfer: transfer, bubbles: true,
                                         cancelable: true, ...at});
            target.dispatchEvent(event);
        }""",
        [target, kind, data],
    )


def test_pasted_and_dropped_pictures_are_asked_about_then_uploaded_in_both_modes(
    page: Page,
) -> None:
    data = base64.b64encode(image_bytes("PNG", (640, 480))).decode()
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    form = page.locator("main form.write")
    editor = form.get_by_role("textbox", name=indonesian("Article"))
    editor.click()
    page.keyboard.type("Teks.")
    dialog = page.get_by_role("dialog", name=indonesian("About this picture"))

    # Pasted, then cancelled (Esc): nothing is uploaded or inserted.
    drop_or_paste(page, ".rich-body", "paste", data)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(editor.locator("img")).to_have_count(0)

    # Pasted, described, inserted.
    drop_or_paste(page, ".rich-body", "paste", data)
    dialog.get_by_role("textbox", name=indonesian(ALT_LABEL)).fill("Tangkapan layar")
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(editor.locator("img[alt='Tangkapan layar']")).to_have_count(1)

    # Dropped.
    drop_or_paste(page, ".rich-body", "drop", data)
    dialog.get_by_role("textbox", name=indonesian(ALT_LABEL)).fill("Foto jatuh")
    dialog.get_by_role("textbox", name=CAPTION_LABEL).fill("Keterangan")
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(editor.locator("img[alt='Foto jatuh']")).to_have_count(1)
    expect(editor.locator(".image-caption")).to_have_text("Keterangan")

    # A picture in the text: its description and caption can be changed later.
    editor.locator(".image-edit", has=page.locator("img[alt='Foto jatuh']")).get_by_role(
        "button", name=indonesian("Change description and caption")
    ).click()
    alt = dialog.get_by_role("textbox", name=indonesian(ALT_LABEL))
    expect(alt).to_have_value("Foto jatuh")
    expect(dialog.get_by_role("textbox", name=CAPTION_LABEL)).to_have_value("Keterangan")
    alt.fill("Foto yang jatuh")
    dialog.get_by_role("textbox", name=CAPTION_LABEL).fill("Keterangan baru")
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(editor.locator("img[alt='Foto yang jatuh']")).to_have_count(1)
    expect(editor.locator(".image-caption")).to_have_text("Keterangan baru")
    assert serious_violations(page) == []

    # The Markdown mode: dropped into the textarea, the same dialog, Markdown text.
    form.get_by_role("button", name="Markdown").click()
    body = form.locator("textarea[name=body]")
    drop_or_paste(page, "textarea[name=body]", "drop", data)
    dialog.get_by_role("textbox", name=indonesian(ALT_LABEL)).fill("Peta [desa]")
    dialog.get_by_role("textbox", name=CAPTION_LABEL).fill("Peta lama")
    dialog.get_by_role("button", name=indonesian("Insert")).click()
    expect(body).to_have_value(
        re.compile(r'!\[Peta \\\[desa\\\]\]\(/media/images/[\w-]+\.webp "Peta lama"\)')
    )
    assert re.search(r"!\[Tangkapan layar\]\(/media/images/[\w-]+\.webp\)", body.input_value())
    assert re.search(
        r'!\[Foto yang jatuh\]\(/media/images/[\w-]+\.webp "Keterangan baru"\)',
        body.input_value(),
    )


def test_the_category_list_can_be_searched(page: Page) -> None:
    make_user("sekar.penulis")
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    search = page.get_by_role("searchbox", name=indonesian("Search categories"))
    search.fill("sekol")
    select = page.locator("select[name=category]")
    expect(select).to_have_value("sekolah")
    visible = select.locator("option:not([hidden])")
    assert [value for value in visible.evaluate_all("os => os.map(o => o.value)") if value] == [
        "sekolah"
    ]
    search.fill("")
    assert select.locator("option[hidden]").count() == 0


def test_tag_suggestions_complete_the_last_tag_typed(page: Page) -> None:
    writer = make_user("sekar.penulis")
    actions.publish_article(writer, draft(writer, title="Terbit", tags="pendidikan, sekolah, ntt"))
    sign_in(page, "sekar.penulis")
    page.goto("/tulis")
    tags = page.locator("main form.write input[name=tags]")
    tags.fill("ntt, se")
    offered = page.locator("datalist#tag-suggestions option")
    expect(offered).to_have_count(1)
    expect(offered).to_have_attribute("value", "ntt, sekolah")
    # A tag already typed is not offered again.
    tags.fill("pendidikan, p")
    expect(offered).to_have_count(0)
