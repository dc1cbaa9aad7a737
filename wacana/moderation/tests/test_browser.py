"""A real-browser journey through moderation, from a reader's report to a granted appeal.

A reader reports an article through the dialog, a moderator hides it from the queue,
the public gets 404, the writer reads the notice and appeals, a different moderator
grants the appeal, and the log shows every step.
"""

from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from wacana.accounts.models import User
from wacana.articles.models import Article, Status
from wacana.moderation.models import Appeal, ModerationAction, Report
from wacana.testing.browser import sign_in
from wacana.testing.content import publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Air Rebusan Daun Sirsak Menyembuhkan Segalanya"


def person(browser: Browser, live_server: Any) -> BrowserContext:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta"
    )
    context.set_default_timeout(10_000)
    return context


def test_report_hide_appeal_and_restore_through_the_browser(
    page: Page, browser: Browser, live_server: Any
) -> None:
    writer = make_user("sekar.penulis", display_name="Sekar Wulandari")
    make_user("raka.pembaca", display_name="Raka")
    first_mod: User = with_role(make_user("moderator.satu"), "moderator")
    second_mod: User = with_role(make_user("moderator.dua"), "moderator")
    article = publish(writer, TITLE)
    url = article.get_absolute_url()
    contexts: list[BrowserContext] = []

    def as_(username: str) -> Page:
        context = person(browser, live_server)
        contexts.append(context)
        other = context.new_page()
        sign_in(other, username)
        return other

    try:
        # A second reader reports the article through the dialog.
        reader = as_("raka.pembaca")
        reader.goto(url)
        # The link at the end of the article (the same one sits near the top).
        reader.locator("p.report-links").get_by_role("link", name="Laporkan Konten").click()
        dialog = reader.locator("dialog.report-dialog")
        expect(dialog).to_be_visible()
        expect(dialog.get_by_role("heading", name="Laporkan Konten")).to_be_visible()
        dialog.get_by_label(indonesian("Hoax or disinformation")).check()
        dialog.locator("textarea[name=detail]").fill("Klaim kesehatan tanpa sumber.")
        dialog.get_by_role("button", name=indonesian("Send report")).click()
        expect(dialog.get_by_text(indonesian("Thank you for your report"))).to_be_visible()
        assert reader.url.endswith(url)  # the dialog did it in place
        report = Report.objects.get()
        assert (report.reason, report.detail) == ("hoaks", "Klaim kesehatan tanpa sumber.")

        # The first moderator hides it from the queue.
        mod = as_("moderator.satu")
        mod.goto("/moderasi")
        item = mod.locator(f"#item-article-{article.pk}")
        expect(item).to_contain_text(TITLE)
        expect(item).to_contain_text("Klaim kesehatan tanpa sumber.")
        item.get_by_label(indonesian("Hide the content")).check()
        item.locator("textarea[name=note]").fill("Klaim medis palsu yang membahayakan.")
        item.get_by_role("button", name=indonesian("Apply")).click()
        expect(mod.locator(".messages")).to_be_visible()
        assert Article.objects.get(pk=article.pk).status == Status.HIDDEN

        # The public gets 404.
        response = page.goto(url)
        assert response is not None and response.status == 404

        # The writer reads the notice and appeals.
        author = as_("sekar.penulis")
        author.goto("/notifikasi")
        notice = author.locator("ul.notifications li").first
        expect(notice).to_contain_text(TITLE)
        expect(notice).to_contain_text("/pedoman#hoaks")
        notice.get_by_role("button", name=indonesian("Open")).click()
        expect(
            author.get_by_role("heading", name=indonesian("A moderation decision"))
        ).to_be_visible()
        expect(author.locator("a[href='/pedoman#hoaks']")).to_be_visible()
        author.locator("textarea[name=statement]").fill(
            "Saya mengutip penelitian universitas; tautannya ada di paragraf kedua."
        )
        author.get_by_role("button", name=indonesian("Send appeal")).click()
        expect(author.locator(".appeal-status")).to_contain_text(indonesian("Waiting for review"))
        appeal = Appeal.objects.get()

        # The moderator who hid it may not decide the appeal.
        mod.goto("/moderasi")
        own = mod.locator(f"#appeal-{appeal.pk}")
        expect(own).to_contain_text("Saya mengutip penelitian universitas")
        expect(own.locator("form")).to_have_count(0)

        # Another moderator grants it, which restores the article.
        other_mod = as_("moderator.dua")
        other_mod.goto("/moderasi")
        pending = other_mod.locator(f"#appeal-{appeal.pk}")
        pending.get_by_label(indonesian("Grant: undo the decision")).check()
        pending.locator("textarea[name=note]").fill("Sumbernya ada dan sahih.")
        pending.get_by_role("button", name=indonesian("Decide the appeal")).click()
        expect(other_mod.locator(".messages")).to_be_visible()
        assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
        # A new visitor (the first one's browser may keep the 404 for its minute).
        public = person(browser, live_server)
        contexts.append(public)
        response = public.new_page().goto(url)
        assert response is not None and response.status == 200

        # The log shows every step, who took it and why.
        other_mod.goto("/moderasi/log")
        hide_row = other_mod.locator("tr[data-kind=hide]")
        expect(hide_row).to_contain_text(first_mod.username)
        expect(hide_row).to_contain_text("Klaim medis palsu yang membahayakan.")
        expect(hide_row).to_contain_text(f"#{report.pk}")
        granted_row = other_mod.locator("tr[data-kind=appeal_granted]")
        expect(granted_row).to_contain_text(second_mod.username)
        expect(granted_row).to_contain_text("Sumbernya ada dan sahih.")
        assert list(ModerationAction.objects.order_by("id").values_list("kind", flat=True)) == [
            "hide",
            "appeal_granted",
        ]
    finally:
        for context in contexts:
            context.close()
