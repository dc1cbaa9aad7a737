"""A reader's journey in a real browser: follow a writer from the author card, rate the
article, save it to the reading list, and the writer reads the notice of the new
follower; then the same forms once more with JavaScript switched off.

Buttons are found by the text the Indonesian interface gives them (from the catalogue),
results are checked on the page the browser shows and then in the database.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from wacana.accounts.models import Follow
from wacana.articles.models import Article, Rating, SavedArticle
from wacana.notifications.models import Notification
from wacana.testing.browser import sign_in
from wacana.testing.content import publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def ends_with(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def unread_badge(page: Page) -> Any:
    return page.locator("header a.notif-link .count")


def follow_rate_and_save(page: Page, article: Article, rating: str) -> None:
    """Through the article page's forms: follow from the author card, rate, save."""
    page.goto(article.get_absolute_url())
    # The follow button is in sight at the top, no card to open first; it stays after.
    card = page.locator("section.author-card")
    card.get_by_role("button", name=indonesian("+ Follow"), exact=True).click()
    expect(page).to_have_url(ends_with(article.get_absolute_url()))
    card = page.locator("section.author-card")
    expect(card.get_by_role("button", name=indonesian("Unfollow"))).to_be_visible()

    ratings = page.locator("form.rating-form")
    ratings.get_by_role("button", name=indonesian(rating)).click()
    chosen = page.locator("form.rating-form").get_by_role("button", name=indonesian(rating))
    expect(chosen).to_have_attribute("aria-pressed", "true")
    expect(chosen.locator(".rating-count")).to_have_text("1")
    expect(page.get_by_text(indonesian("Thank you for rating this article."))).to_be_visible()

    page.locator("form.save-form").get_by_role("button", name=indonesian("+ Save")).click()
    saved = page.locator("form.save-form button")
    expect(saved).to_have_text(indonesian("Saved"))
    expect(saved).to_have_attribute("aria-pressed", "true")

    page.goto("/bacaan")
    expect(page.locator("ul.reading-list").get_by_role("link", name=article.title)).to_be_visible()


def test_follow_rate_save_and_the_writer_reads_the_notification(
    page: Page, browser: Browser, live_server: Any
) -> None:
    writer = make_user("sekar.ayu", display_name="Sekar Ayu")
    reader = make_user("bima.reader", display_name="Bima Saputra")
    article = publish(
        writer,
        "Perpustakaan Kecil di Teras Rumah",
        "Setiap sore anak-anak kampung singgah membaca buku cerita di teras rumah Bu Sekar.",
    )

    sign_in(page, "bima.reader")
    follow_rate_and_save(page, article, "Inspiratif")
    assert Follow.objects.filter(follower=reader, followed=writer).exists()
    assert Rating.objects.get(user=reader, article=article).kind == "inspiratif"
    assert SavedArticle.objects.filter(user=reader, article=article).exists()
    # The profile counts the new follower.
    page.goto("/sekar.ayu/pengikut")
    expect(page.locator("main").get_by_text("Bima Saputra")).to_be_visible()

    # The writer, in a browser of their own, sees one unread notice and reads it.
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(10_000)
    try:
        writer_page = context.new_page()
        sign_in(writer_page, "sekar.ayu")
        expect(unread_badge(writer_page)).to_contain_text("1")
        writer_page.locator("header a.notif-link").click()
        expect(writer_page).to_have_url(ends_with("/notifikasi"))
        notice = indonesian("%(name)s started following you.") % {"name": "Bima Saputra"}
        item = writer_page.locator("ul.notifications li.unread", has_text=notice)
        expect(item).to_be_visible()
        item.get_by_role("button", name=indonesian("Open")).click()
        # "Buka" marks it read and goes to the follower's profile.
        expect(writer_page).to_have_url(ends_with("/bima.reader"))
        expect(unread_badge(writer_page)).to_have_count(0)
        writer_page.goto("/notifikasi")
        expect(writer_page.locator("ul.notifications li", has_text=notice)).not_to_have_class(
            "unread"
        )
    finally:
        context.close()
    assert not Notification.objects.filter(recipient=writer, read_at__isnull=True).exists()


def test_follow_rate_and_save_work_without_javascript(browser: Browser, live_server: Any) -> None:
    writer = make_user("dewi.lestari", display_name="Dewi Lestari")
    reader = make_user("tono.reader", display_name="Tono Wibowo")
    article = publish(
        writer,
        "Menanam Padi Gogo di Lereng",
        "Padi gogo tidak menunggu sawah: ia tumbuh di ladang kering selama hujan cukup.",
    )
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        sign_in(page, "tono.reader")
        follow_rate_and_save(page, article, "Bermanfaat")

        # Change the rating, withdraw it, and take the article off the list: still no JS.
        page.goto(article.get_absolute_url())
        page.locator("form.rating-form").get_by_role("button", name=indonesian("Unik")).click()
        expect(
            page.locator("form.rating-form").get_by_role("button", name=indonesian("Unik"))
        ).to_have_attribute("aria-pressed", "true")
        assert Rating.objects.get(user=reader, article=article).kind == "unik"
        page.get_by_role("button", name=indonesian("Withdraw my rating")).click()
        expect(page.get_by_text(indonesian("Your rating has been withdrawn."))).to_be_visible()
        assert not Rating.objects.filter(user=reader, article=article).exists()

        page.goto("/bacaan")
        page.locator("ul.reading-list").get_by_role("button", name=indonesian("Remove")).click()
        expect(page.locator("ul.reading-list")).to_have_count(0)
        assert not SavedArticle.objects.filter(user=reader, article=article).exists()

        # Unfollow from the profile's form.
        page.goto("/dewi.lestari")
        page.locator("main form.follow").get_by_role("button", name=indonesian("Unfollow")).click()
        expect(
            page.locator("main form.follow").get_by_role("button", name=indonesian("Follow"))
        ).to_be_visible()
        assert not Follow.objects.filter(follower=reader, followed=writer).exists()
    finally:
        context.close()
