"""Reader holes (wacana/lib/holes.py): markers only while a page is rendered to be kept,
stripped from what anonymous readers get, filled per reader; a page whose own text holds
a NUL gets no hole filled."""

import re
from typing import Any

import pytest
from django.http import HttpRequest
from django.template import engines

from wacana.lib import holes

TEMPLATE = (
    '{% load wacana_holes %}<p>a</p>{% reader_hole "test_hole" n=n %}\n  <b>anonymous {{ n }}</b>\n'
    "{% endreader_hole %}<p>{{ tail }}</p>"
)


def render(keeping: bool, **context: Any) -> tuple[bytes, str]:
    template = engines["django"].from_string(TEMPLATE)
    if keeping:
        with holes.keeping() as nonce:
            return template.render({"n": 7, "tail": "z", **context}).encode(), nonce
    return template.render({"n": 7, "tail": "z", **context}).encode(), ""


@pytest.fixture
def test_hole() -> Any:
    holes.provide("test_hole", lambda request, args: f" <i>reader {args['n']}</i>\n")
    yield
    holes._renderers.pop("test_hole")


def test_markers_only_while_keeping_and_stripped_to_the_plain_render(test_hole: Any) -> None:
    plain, _ = render(keeping=False)
    assert plain == b"<p>a</p><b>anonymous 7</b><p>z</p>"
    marked, nonce = render(keeping=True)
    assert b"\x00" in marked
    page, found = holes.strip(marked, nonce)
    assert page == plain
    assert found == (holes.Hole(8, 26, "test_hole", (("n", "7"),)),)
    assert holes.fill(HttpRequest(), page, found) == b"<p>a</p><i>reader 7</i><p>z</p>"


def test_a_page_without_holes_is_left_as_it_is() -> None:
    assert holes.strip("<p>é</p>".encode(), "abc") == ("<p>é</p>".encode(), ())


def test_a_nul_of_the_pages_own_means_no_hole_is_filled(test_hole: Any) -> None:
    # A forged marker in content (SQLite stores a NUL) must not pass for the page's own.
    forged = "\x00hole:{}:test_hole:n=1\x00x\x00/hole:{}\x00"
    marked, nonce = render(keeping=True, tail=forged.format("0" * 16, "0" * 16))
    page, found = holes.strip(marked, nonce)
    assert found is None
    assert b"anonymous 7" in page and b"reader" not in page


def test_a_hole_without_renderer_is_not_filled() -> None:
    page, found = holes.strip(*render(keeping=True))
    assert found
    assert holes.fill(HttpRequest(), page, found) is None


def test_the_site_provides_its_holes() -> None:
    assert {"account", "follow", "writer_actions"} <= holes.provided()


def test_a_part_is_rendered_once_and_gets_each_readers_own_token() -> None:
    from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
    from django.test import RequestFactory

    renders: list[str] = []

    def render_part(token: str) -> str:
        renders.append(token)
        return f'<form><input name="csrfmiddlewaretoken" value="{token}"></form>'

    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    key = ("test_part", 1)
    made = [holes.once(request, key, render_part) for request in (first, second, first)]
    assert len(renders) == 1 and renders[0] not in "".join(made)
    for request, part in zip((first, second, first), made, strict=True):
        token = re.search(r'value="([^"]+)"', part)
        assert token and _unmask_cipher_token(token.group(1)) == request.META["CSRF_COOKIE"]
    # Masked afresh for each response, once for all the parts of one (holes.token).
    assert made[0] != made[1] and made[0] == made[2]
    assert holes.once(first, ("test_part", 2), render_part) and len(renders) == 2
