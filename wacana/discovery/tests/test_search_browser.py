"""A reader searches from the header box, narrows by category, and opens a result."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from wacana.testing.content import publish
from wacana.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_filter_by_category_and_open_a_result(
    page: Page, live_server: Any
) -> None:
    writer = make_user("dewi.penulis", display_name="Dewi Lestari")
    publish(writer, "Permainan gasing di sekolah", "Murid bermain saat istirahat.", "sekolah")
    wanted = publish(
        writer, "Harga kopi dan perekonomian desa", "Petani bermain peran penting.", "umkm"
    )

    page.goto("/")
    header_box = page.locator("header form[role=search] input[name=q]")
    header_box.fill("memainkan")
    header_box.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/cari?q=memainkan")
    results = page.locator("main ul.search-results li.card")
    expect(results).to_have_count(2)
    # The title match ranks first; the marked words are the ones written.
    expect(results.first.locator("h3 mark")).to_have_text("Permainan")
    expect(results.nth(1).locator(".card-snippet mark")).to_have_text("bermain")

    # The filters are folded under "Saring" so results start high on a phone.
    expect(page.locator("main select[name=category]")).not_to_be_visible()
    page.locator("main details.search-filters summary").click()
    page.locator("main select[name=category]").select_option("ekonomi")
    page.locator("main form.search-form button[type=submit]").click()
    expect(results).to_have_count(1)
    expect(page.locator("main select[name=category]")).to_have_value("ekonomi")

    results.first.locator("h3 a").click()
    expect(page).to_have_url(f"{live_server.url}{wanted.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text(wanted.title)
