"""A writer's points in a real browser: after a reader rates and comments, and an editor
picks the article, "Bagaimana poin saya dihitung" lists each of those events with the
right totals, and the rank shows beside the writer's name."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from wacana.accounts.models import User
from wacana.points import leaderboards, rules
from wacana.testing.axe import serious_violations
from wacana.testing.browser import sign_in
from wacana.testing.content import curate, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_editor, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
V1 = rules.VERSIONS[0].points


def test_the_points_page_shows_what_a_writer_earned(
    page: Page, browser: Browser, live_server: Any
) -> None:
    old = timezone.now() - timedelta(days=3)
    writer = make_user("sekar.penulis", display_name="Sekar Wulandari", date_joined=old)
    make_user("dewi", display_name="Dewi Lestari", date_joined=old)
    article = publish(writer, title="Sekolah di Atas Bukit")
    curate(make_editor(), article)

    # A reader (old enough for it to count) rates and comments through the page's forms.
    sign_in(page, "dewi")
    page.goto(article.get_absolute_url())
    page.locator("form.rating-form").get_by_role("button", name=indonesian("Inspiratif")).click()
    expect(page.get_by_text(indonesian("Thank you for rating this article."))).to_be_visible()
    thread = page.locator("section#komentar")
    thread.locator("form.comment-form textarea[name=body]").first.fill("Terima kasih, Bu Sekar!")
    thread.locator("form.comment-form").first.get_by_role("button", name=indonesian("Send")).click()
    expect(thread.locator("ol.comments > li.comment")).to_have_count(1)

    # The writer opens their points page on a phone.
    context = browser.new_context(
        base_url=live_server.url,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        viewport={"width": 360, "height": 780},
    )
    writer_page = context.new_page()
    try:
        sign_in(writer_page, "sekar.penulis")
        writer_page.goto("/poin/saya")
        expect(writer_page.locator("h1")).to_have_text(indonesian("How my points are counted"))
        events = writer_page.locator("li.point-event")
        expect(events).to_have_count(5)
        rules_seen = [events.nth(n).get_attribute("data-rule") for n in range(events.count())]
        assert rules_seen == ["comment", "rating", "pick", "publish", "signup"]
        expect(events.first).to_contain_text("+1")
        expect(events.first).to_contain_text(article.title)
        total = V1["comment"] + V1["rating"] + V1["pick"] + V1["publish"] + V1["signup"]
        assert User.objects.get(pk=writer.pk).points == total
        expect(writer_page.locator(".ledger-total")).to_have_text(str(total))
        expect(writer_page.locator("p.lead")).to_contain_text(
            "Junior" if total >= 50 else "Debutan"
        )
        # Every entry links to the version of the rules it was counted under.
        writer_page.locator("li.point-event").first.get_by_role("link", name="1").click()
        expect(writer_page).to_have_url(f"{live_server.url}/poin#versi-1")
        expect(writer_page.locator("#versi-1")).to_be_visible()
        # Nothing wider than the phone.
        width = writer_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360
        # The rank beside the writer's name, for everyone.
        page.goto(article.get_absolute_url())
        expect(page.locator(".author-card .rank")).to_contain_text("Debutan")
    finally:
        context.close()


def test_the_points_pages_have_no_serious_barriers_and_fit_a_320px_phone(page: Page) -> None:
    old = timezone.now() - timedelta(days=3)
    writer = make_user("sekar.penulis", display_name="Sekar Wulandari", date_joined=old)
    article = publish(writer, title="Sekolah di Atas Bukit")
    curate(make_editor(), article)
    leaderboards.refresh()
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, "sekar.penulis")
    for path in ("/poin", "/poin/saya", "/peringkat", "/peringkat?periode=bulan"):
        page.goto(path)
        assert serious_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        # The period and rubric choices are tap targets of at least 44 px.
        for box in [chip.bounding_box() for chip in page.locator("ul.chips a").all()]:
            assert box is not None and box["height"] >= 44, path
