"""axe-core in real Chromium: the moderation pages and the report dialog have no serious
barriers, and fit a 360px phone without sideways scrolling."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from wacana.moderation import actions
from wacana.testing.axe import serious_violations
from wacana.testing.browser import sign_in
from wacana.testing.content import add_comment, file_report, publish
from wacana.testing.personas import make_user, reporters, with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> dict[str, Any]:
    writer = make_user("sekar.penulis", display_name="Sekar", tagline="Guru")
    moderator = with_role(make_user("moderator.satu"), "moderator")
    with_role(make_user("moderator.dua"), "moderator")
    article = publish(writer, "Tulisan yang Dilaporkan Banyak Orang")
    hidden = publish(writer, "Tulisan yang Sudah Disembunyikan")
    comment = add_comment(article, make_user("komentator"), "Promo pinjaman cepat!")
    for person in reporters(2):
        file_report(person, "article", article.pk, "hoaks", "Tanpa sumber yang jelas.")
    file_report(reporters(1, "lain")[0], "comment", comment.pk, "penipuan")
    file_report(reporters(1, "awal")[0], "article", hidden.pk, "spam")
    decision = actions.decide(moderator, "article", hidden.pk, "hide", "Iklan terselubung.")
    actions.file_appeal(writer, decision, "Ini ulasan jujur, bukan iklan.")
    return {"article": article, "decision": decision}


def test_moderation_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    world = _world()
    sign_in(page, "moderator.dua")
    for path in ("/moderasi", "/moderasi/log", "/transparansi", "/laporan-saya"):
        page.goto(path)
        assert serious_violations(page) == [], path
    page.goto(f"/laporkan?target=article&id={world['article'].pk}")
    assert serious_violations(page) == []


def test_the_appeal_page_and_the_dialog_have_no_serious_violations(page: Page) -> None:
    world = _world()
    make_user("raka.pembaca")
    sign_in(page, "raka.pembaca")
    page.goto(world["article"].get_absolute_url())
    page.get_by_role("link", name="Laporkan Konten").first.click()
    expect(page.locator("dialog.report-dialog")).to_be_visible()
    assert serious_violations(page) == []
    page.context.clear_cookies()
    sign_in(page, "sekar.penulis")
    page.goto(f"/banding/{world['decision'].pk}")
    assert serious_violations(page) == []


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
