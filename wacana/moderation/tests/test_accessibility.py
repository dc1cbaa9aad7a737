"""axe-core in real Chromium: the moderation pages and the report dialog have no serious
barriers, and fit a 360px phone without sideways scrolling."""

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from wacana.conftest import make_user
from wacana.moderation import actions
from wacana.moderation.tests.helpers import add_comment, file, in_group, reporters, write_article
from wacana.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _serious(page: Page) -> list[str]:
    results = Axe().run(page)
    assert results.response["passes"], "axe did not run on the page"
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _world() -> dict[str, Any]:
    writer = make_user("sekar.penulis", display_name="Sekar", tagline="Guru")
    moderator = in_group(make_user("moderator.satu"), "moderator")
    in_group(make_user("moderator.dua"), "moderator")
    article = write_article(writer, "Tulisan yang Dilaporkan Banyak Orang")
    hidden = write_article(writer, "Tulisan yang Sudah Disembunyikan")
    comment = add_comment(article, make_user("komentator"), "Promo pinjaman cepat!")
    for person in reporters(2):
        file(person, "article", article.pk, "hoaks", "Tanpa sumber yang jelas.")
    file(reporters(1, "lain")[0], "comment", comment.pk, "penipuan")
    file(reporters(1, "awal")[0], "article", hidden.pk, "spam")
    decision = actions.decide(moderator, "article", hidden.pk, "hide", "Iklan terselubung.")
    actions.file_appeal(writer, decision, "Ini ulasan jujur, bukan iklan.")
    return {"article": article, "decision": decision}


def test_moderation_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    world = _world()
    sign_in(page, "moderator.dua")
    for path in ("/moderasi", "/moderasi/log", "/transparansi", "/laporan-saya"):
        page.goto(path)
        assert _serious(page) == [], path
    page.goto(f"/laporkan?target=article&id={world['article'].pk}")
    assert _serious(page) == []


def test_the_appeal_page_and_the_dialog_have_no_serious_violations(page: Page) -> None:
    world = _world()
    make_user("raka.pembaca")
    sign_in(page, "raka.pembaca")
    page.goto(world["article"].get_absolute_url())
    page.get_by_role("link", name="Laporkan Konten").first.click()
    expect(page.locator("dialog.report-dialog")).to_be_visible()
    assert _serious(page) == []
    page.context.clear_cookies()
    sign_in(page, "sekar.penulis")
    page.goto(f"/banding/{world['decision'].pk}")
    assert _serious(page) == []


def test_a_360px_phone_needs_no_sideways_scrolling(page: Page) -> None:
    world = _world()
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, "moderator.dua")
    for path in (
        "/moderasi",
        "/moderasi/log",
        "/transparansi",
        f"/laporkan?target=article&id={world['article'].pk}",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
