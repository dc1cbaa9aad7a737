"""axe-core in real Chromium: the site frame and account pages have no serious barriers."""

from typing import Any

import pytest

from wacana.testing.axe import serious_violations
from wacana.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path", ["/", "/daftar", "/masuk", "/pedoman", "/sekar", "/offline", "/hemat-data"]
)
def test_pages_have_no_serious_accessibility_violations(page: Any, path: str) -> None:
    make_user("sekar", display_name="Sekar", tagline="Guru", bio="Menulis tentang sekolah.")
    page.goto(path)
    assert serious_violations(page) == []


def test_a_360px_phone_needs_no_sideways_scrolling(page: Any) -> None:
    make_user("sekar", display_name="Sekar Ayu Lestari Wulandari Pertiwi")
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", "/daftar", "/sekar", "/privasi"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
