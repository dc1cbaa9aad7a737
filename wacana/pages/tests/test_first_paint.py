"""Issue 18: a page paints from its HTML alone, and a reader's browser revalidates it cheaply.

The small stylesheets are inlined (no render-blocking request), let in by their hash in
the Content-Security-Policy; the others' static files are immutable; the HTML carries an
ETag that a conditional GET answers with an empty 304.
"""

import base64
import hashlib
import re

import pytest
from django.test import Client

from wacana.lib import inline_css

pytestmark = pytest.mark.django_db

STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@pytest.mark.parametrize("url", ["/", "/cari?q=sawah", "/tentang"])
def test_pages_inline_their_css_and_the_policy_lets_exactly_it_in(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'rel="stylesheet"' not in html
    styles = STYLE.findall(html)
    assert styles
    policy = response["Content-Security-Policy"]
    style_src = next(part for part in policy.split(";") if part.strip().startswith("style-src"))
    assert "unsafe-inline" not in style_src
    for style in styles:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in style_src


def test_the_inlined_stylesheets_are_plain_css_that_cannot_leave_their_element() -> None:
    for name in inline_css.INLINED:
        text = inline_css.text(name)
        assert text and "</style" not in text.lower() and "url(" not in text
    with pytest.raises(ValueError):
        inline_css.text("css/tools.css")


def test_an_unchanged_page_revalidates_to_an_empty_304(client: Client) -> None:
    first = client.get("/")
    assert first.status_code == 200 and first["ETag"]
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
