"""A comment's text becomes HTML with nothing executable in it, whatever is typed."""

import html as entities

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacana.discussion.text import CONTROL_RE, render_comment
from wacana.testing.html import elements, html


def assert_harmless(fragment: str) -> None:
    for tag, attrs in elements(fragment):
        assert tag in {"p", "br", "a"}, fragment
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, fragment
            assert attrs["href"].lower().startswith(("http://", "https://")), fragment
            assert attrs["rel"] == "nofollow ugc noopener"
        else:
            assert not attrs, fragment


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<a href='javascript:alert(1)'>klik</a>",
        "javascript:alert(document.cookie)",
        "[klik](javascript:alert(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#x3C;script&#x3E;",
        "<svg onload=alert(1)>",
        'https://contoh.id/"><script>alert(1)</script>',
        "https://contoh.id/'onmouseover='alert(1)",
        "<!-- komentar --> <style>body{}</style>",
        "<iframe src=https://jahat.example></iframe>",
    ],
)
def test_markup_in_a_comment_is_shown_as_text(typed: str) -> None:
    rendered = render_comment(typed)
    assert_harmless(rendered)
    lowered = rendered.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<svg" not in lowered
    assert "javascript:" not in "".join(attrs.get("href", "") for _, attrs in elements(rendered))
    # What the reader sees is exactly what was typed (links keep their text).
    assert html(rendered).shown_text.strip() == typed.strip()


def test_entities_are_not_decoded_into_markup() -> None:
    rendered = render_comment("&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;")
    assert "&amp;lt;b&amp;gt;" in rendered
    assert html(rendered).shown_text.strip() == "&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;"


def test_http_and_https_addresses_become_links() -> None:
    rendered = render_comment(
        "Sumber: https://bps.go.id/id/statistik?tahun=2024&bulan=5. Lihat juga "
        "(http://contoh.id/halaman) dan https://id.wikipedia.org/wiki/Flores_(pulau)!"
    )
    hrefs = [attrs["href"] for tag, attrs in elements(rendered) if tag == "a"]
    assert hrefs == [
        "https://bps.go.id/id/statistik?tahun=2024&bulan=5",
        "http://contoh.id/halaman",
        "https://id.wikipedia.org/wiki/Flores_(pulau)",
    ]
    assert_harmless(rendered)


def test_other_schemes_and_bare_domains_stay_text() -> None:
    rendered = render_comment(
        "ftp://berkas.id mailto:a@b.id www.contoh.id data:text/html,x https://"
    )
    assert "<a" not in rendered


def test_line_breaks_and_paragraphs_are_kept() -> None:
    rendered = render_comment("Baris satu\nbaris dua\r\n\r\nParagraf baru\n\n\n\nlagi")
    assert rendered == "<p>Baris satu<br>baris dua</p><p>Paragraf baru</p><p>lagi</p>"


def test_emoji_and_indonesian_text_survive() -> None:
    assert render_comment("Mantap 👍🏽 sekali, Bu Guru! 🇮🇩") == (
        "<p>Mantap 👍🏽 sekali, Bu Guru! 🇮🇩</p>"
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(
                [
                    "<",
                    ">",
                    "&",
                    '"',
                    "'",
                    "<script>",
                    "</p>",
                    "javascript:",
                    "https://",
                    "http://x.id/",
                    "(",
                    ")",
                    "\n",
                    "\n\n",
                    "&lt;",
                    "<a href=",
                    " onerror=",
                ]
            ),
        ),
        max_size=20,
    ).map("".join)
)
def test_any_text_renders_to_harmless_html_that_shows_the_same_text(typed: str) -> None:
    rendered = render_comment(typed)
    assert_harmless(rendered)
    shown = html(rendered).shown_text
    expected = CONTROL_RE.sub("", typed)
    assert " ".join(entities.unescape(shown).split()) == " ".join(
        entities.unescape(expected).split()
    )
