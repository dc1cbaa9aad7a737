"""wacana.lib.markdown: Markdown to safe HTML, split into pages, rendered once on save."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wacana.lib import markdown
from wacana.testing.html import elements

KNOWN = {"/media/images/7-abc.webp": (800, 600)}


def known(src: str) -> tuple[int, int] | None:
    return KNOWN.get(src)


def only(html: str, tag: str) -> dict[str, str]:
    found = [attrs for name, attrs in elements(html) if name == tag]
    assert len(found) == 1, html
    return found[0]


# --- CommonMark and its extensions -------------------------------------------------------


def test_commonmark_basics() -> None:
    html = markdown.render(
        "Paragraf dengan **tebal**, *miring* dan `kode`.\n\n"
        "> kutipan\n\n"
        "1. satu\n2. dua\n\n"
        "- apel\n- mangga\n\n"
        "```\ncetak('halo')\n```\n\n"
        "---\n\n"
        "[Wacana](https://wacana.example/tentang)"
    )
    expected = (
        "<p>Paragraf dengan <strong>tebal</strong>, <em>miring</em> dan <code>kode</code>.</p>"
    )
    assert expected in html
    assert "<blockquote>\n<p>kutipan</p>\n</blockquote>" in html
    assert "<ol>\n<li>satu</li>\n<li>dua</li>\n</ol>" in html
    assert "<ul>\n<li>apel</li>\n<li>mangga</li>\n</ul>" in html
    assert "<pre><code>cetak('halo')\n</code></pre>" in html or (
        "<pre><code>cetak(&#39;halo&#39;)\n</code></pre>" in html
    )
    assert "<hr>" in html
    link = only(html, "a")
    assert link["href"] == "https://wacana.example/tentang"


def test_an_ordered_list_keeps_its_start_number() -> None:
    html = markdown.render("3. tiga\n4. empat")
    assert only(html, "ol")["start"] == "3"


def test_tables() -> None:
    html = markdown.render("| Kota | Suhu |\n|---|---:|\n| Kupang | 31 |\n| Ende | 29 |")
    names = [tag for tag, _ in elements(html)]
    assert names[:1] == ["table"]
    assert names.count("th") == 2
    assert names.count("td") == 4
    assert "<th>Kota</th>" in html
    assert "Kupang</td>" in html


def test_strikethrough() -> None:
    html = markdown.render("harga ~~50.000~~ 35.000")
    assert re.search(r"<(s|del)>50\.000</\1>", html), html


def test_autolinks_and_links_get_nofollow_ugc_noopener() -> None:
    html = markdown.render(
        "Lihat https://contoh.example/berita dan www.wacana.id, "
        "<https://sudut.example/a> serta [tautan](https://lain.example/)."
    )
    links = [attrs for tag, attrs in elements(html) if tag == "a"]
    assert [link["href"] for link in links] == [
        "https://contoh.example/berita",
        "http://www.wacana.id",
        "https://sudut.example/a",
        "https://lain.example/",
    ]
    for link in links:
        assert set((link["rel"] or "").split()) == {"nofollow", "ugc", "noopener"}


def test_body_headings_start_at_h2() -> None:
    html = markdown.render("# Satu\n\n## Dua\n\n### Tiga\n\n###### Enam\n\nJudul\n=====")
    headings = [tag for tag, _ in elements(html) if re.fullmatch(r"h\d", tag)]
    assert headings == ["h2", "h3", "h4", "h6", "h2"]
    assert "<h1" not in html
    assert "<h2>Satu</h2>" in html
    assert "<h6>Enam</h6>" in html


def test_an_image_with_known_dimensions_carries_width_and_height() -> None:
    html = markdown.render("![Sawah di Flores](/media/images/7-abc.webp)", known)
    image = only(html, "img")
    assert image["src"] == "/media/images/7-abc.webp"
    assert image["alt"] == "Sawah di Flores"
    assert (image["width"], image["height"]) == ("800", "600")
    assert image["loading"] == "lazy"


def test_a_picture_alone_with_a_title_is_a_figure_with_its_caption() -> None:
    html = markdown.render(
        'Sebelum.\n\n![Sawah di Flores](/media/images/7-abc.webp "Sawah  di Detusoko, pagi")',
        known,
    )
    assert html.endswith(
        '<figure><img src="/media/images/7-abc.webp" alt="Sawah di Flores" width="800"'
        ' height="600" loading="lazy" decoding="async">'
        "<figcaption>Sawah di Detusoko, pagi</figcaption></figure>\n"
    ), html
    assert "<p>Sebelum.</p>" in html


def test_a_caption_is_text_and_passes_the_sanitiser() -> None:
    hostile = '![x](/media/images/7-abc.webp "<script>alert(1)</script> &amp; \\"kutip\\"")'
    html = markdown.render(hostile, known)
    assert "<script" not in html
    assert '<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "kutip"</figcaption>' in html
    assert_safe(html)


def test_a_title_elsewhere_is_no_caption() -> None:
    # In running text, in a heading, or on a picture from elsewhere: no figure.
    for text in (
        'Lihat ![a](/media/images/7-abc.webp "judul") ini.',
        '# ![a](/media/images/7-abc.webp "judul")',
        '- ![a](/media/images/7-abc.webp "judul")',
        '![a](https://gambar.example/foto.jpg "judul")',
        "![a](/media/images/7-abc.webp)",
    ):
        html = markdown.render(text, known)
        assert "<figure" not in html and "figcaption" not in html, html


def test_unknown_and_external_images_become_links() -> None:
    for src in ("/media/images/tidak-ada.webp", "https://gambar.example/foto.jpg"):
        html = markdown.render(f"![Foto pantai]({src})", known)
        assert "<img" not in html
        link = only(html, "a")
        assert link["href"] == src
        assert "Foto pantai" in html


def test_an_image_without_alt_text_links_with_its_address() -> None:
    html = markdown.render("![](https://gambar.example/foto.jpg)")
    assert "<img" not in html
    assert ">https://gambar.example/foto.jpg</a>" in html


def test_raw_html_is_shown_as_text() -> None:
    html = markdown.render("<b>tebal</b> <script>alert(1)</script>")
    assert "<b>" not in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html


# --- pages ---------------------------------------------------------------------------


def test_pages_split_on_lines_holding_only_the_marker() -> None:
    body = "Satu\n\n<!--nextpage-->\n\nDua\n  <!--nextpage-->\t\nTiga"
    assert markdown.split_pages(body) == ["Satu", "Dua", "Tiga"]


def test_the_marker_inside_a_line_of_text_does_not_split() -> None:
    body = (
        "Di sini <!--nextpage--> bukan pemisah.\n\n"
        "Juga bukan: `<!--nextpage-->` atau x<!--nextpage-->"
    )
    assert markdown.split_pages(body) == [body]
    html = markdown.render_pages(body)
    assert len(html) == 1
    assert "&lt;!--nextpage--&gt;" in html[0]


def test_empty_pages_are_dropped_and_windows_line_ends_work() -> None:
    body = "<!--nextpage-->\r\nSatu\r\n<!--nextpage-->\r\n\r\n<!--nextpage-->\r\nDua\r\n"
    assert markdown.split_pages(body) == ["Satu", "Dua"]
    assert markdown.split_pages("") == [""]
    assert markdown.split_pages("<!--nextpage-->") == [""]


def test_render_pages_renders_each_page() -> None:
    pages = markdown.render_pages(
        "# Awal\n\nsatu\n\n<!--nextpage-->\n\n**dua**\n\n<!--nextpage-->\n\ntiga"
    )
    assert len(pages) == 3
    assert pages[0] == "<h2>Awal</h2>\n<p>satu</p>\n"
    assert pages[1] == "<p><strong>dua</strong></p>\n"
    assert pages[2] == "<p>tiga</p>\n"
    assert all("nextpage" not in page for page in pages)


def test_plain_text_excerpt_and_word_count() -> None:
    html = markdown.render("## Judul\n\nSatu *dua* &amp; tiga.")
    text = markdown.plain_text_from_html(html)
    assert text == "Judul Satu dua & tiga."
    assert markdown.word_count(text) == 5
    long = " ".join(["kata"] * 100)
    cut = markdown.excerpt(long, limit=50)
    assert cut.endswith("…")
    assert len(cut) <= 51
    assert markdown.excerpt("pendek") == "pendek"


# --- no script, ever ---------------------------------------------------------------------

HOSTILE = [
    "<script>",
    "</script>",
    "<script>alert(1)</script>",
    "javascript:",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "onerror=",
    " onload=alert(1) ",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "[a](JAVASCRIPT:alert(1) 'judul')",
    "[a](<javascript:alert(1)>)",
    "![b](javascript:alert(1))",
    "![b](data:image/svg+xml;base64,PHN2Zz4=)",
    "[c](data:text/html;base64,PHNjcmlwdD4=)",
    "data:text/html,<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe src=javascript:alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "<!--nextpage-->",
    "<!-- komentar -->",
    "[ref]: javascript:alert(1)\n\n[ref]",
    "<javascript:alert(1)>",
    "<https://ok.example/?a=<script>>",
    "<vbscript:msgbox(1)>",
    "`<script>`",
    "```html\n<script>alert(1)</script>\n```",
    "| <script> | onerror= |\n|---|---|\n| x | y |",
    'www.example.com/?q="onerror=alert(1)',
    'https://example.com/"onmouseover="alert(1)',
]
SYNTAX = [
    "",
    " ",
    "\n",
    "\n\n",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "**",
    "*",
    "_",
    "~~",
    "`",
    "```\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    '"',
    "'",
    "&",
    "&amp;",
    "|",
    "|---|",
    "\\",
    "https://",
    "http://x.example/",
    "mailto:a@b.example",
    "/media/images/7-abc.webp",
    "    ",
    "---",
]
fragments = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(SYNTAX),
    st.text(max_size=12),
)
hostile_markdown = st.one_of(
    st.text(),
    st.lists(fragments, max_size=30).map("".join),
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")


def assert_safe(html: str) -> None:
    assert "<script" not in html.lower(), html
    for tag, attrs in elements(html):
        assert tag not in {"script", "iframe", "svg", "object", "embed", "style", "math"}, html
        for name, value in attrs.items():
            assert not re.fullmatch(r"on\w+", name), html
            assert name != "style", html
            if name in URL_ATTRIBUTES and value is not None:
                # Browsers drop ASCII whitespace and control characters inside a scheme.
                squeezed = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
                assert not squeezed.startswith(FORBIDDEN_SCHEMES), html


@settings(max_examples=300, deadline=None)
@given(hostile_markdown)
def test_no_text_renders_script_handlers_or_dangerous_urls(text: str) -> None:
    assert_safe(markdown.render(text, known))
    for page in markdown.render_pages(text, known):
        assert_safe(page)


def test_the_safety_check_itself_catches_what_it_should() -> None:
    # The property above is only as good as assert_safe: prove it fails on bad HTML.
    for bad in (
        "<p><script>x</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JaVa\tScript:alert(1)">x</a>',
        '<img src="data:image/png;base64,AAAA">',
    ):
        try:
            assert_safe(bad)
        except AssertionError:
            continue
        raise AssertionError(f"assert_safe let {bad!r} through")
