"""The design system: all CSS within 14 KB gzipped, system fonts only, dark mode, tokens
in one place, and the component page for staff only."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from wacana.accounts.models import User
from wacana.testing.personas import make_user

CSS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))


def test_all_css_fits_in_14_kb_gzipped() -> None:
    # Each file is sent (and compressed) on its own, so the sum of the files gzipped one by
    # one is what crosses the network: joined, they would share one dictionary and weigh less.
    assert len(CSS) >= 3
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9, mtime=0)) for path in CSS}
    raw = sum(path.stat().st_size for path in CSS)
    together = len(gzip.compress(b"".join(path.read_bytes() for path in CSS), 9, mtime=0))
    size = sum(sizes.values())
    print(f"all CSS: {raw} bytes, {size} gzipped file by file {sizes}")
    assert size > together  # the measure is the larger, honest one
    assert size <= 14 * 1024


def test_system_fonts_dark_mode_and_tokens_in_one_place() -> None:
    site = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    for path in CSS:
        text = path.read_text()
        assert "@font-face" not in text and "@import" not in text, path.name
        # Tokens are defined once, in site.css's :root (and its dark-mode override).
        if path.name != "site.css":
            assert not re.search(r"--[a-z-]+\s*:", text), path.name
    assert "system-ui" in site
    roots = re.findall(r":root\{([^}]*)\}", site)
    assert len(roots) == 2  # light, and dark under prefers-color-scheme
    assert "@media (prefers-color-scheme:dark){:root{" in site
    for token in ("--ink", "--bg", "--brand", "--r", "--pill", "--t-s", "--t-l", "--sp"):
        assert token + ":" in roots[0], token


@pytest.mark.django_db
def test_the_component_page_is_for_staff_only(client: Client, reader: User) -> None:
    assert client.get("/komponen").status_code == 302
    client.force_login(reader)
    assert client.get("/komponen").status_code == 302  # not staff: to the admin sign-in
    staff = make_user("pengembang", is_staff=True)
    client.force_login(staff)
    response = client.get("/komponen")
    assert response.status_code == 200
    html = response.content.decode()
    for component in (
        'class="button primary"',
        'class="label',
        'class="chips"',
        'class="field',
        'class="card"',
        'class="pager"',
        'class="author-card"',
        'class="comment"',
        'class="messages"',
    ):
        assert component in html, component
    assert 'name="robots" content="noindex"' in html
