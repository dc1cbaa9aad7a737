"""In real Chromium: an editor curates from the article page, the home shows it, the
writer reads the notification; and the populated home has no serious axe violations."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from wacana.articles.models import Article
from wacana.testing.axe import serious_violations
from wacana.testing.browser import sign_in
from wacana.testing.content import publish
from wacana.testing.personas import make_editor, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Perpustakaan Keliling di Lereng Merapi"


def test_an_editor_curates_and_the_home_and_the_writer_see_it(
    page: Page, browser: Any, live_server: Any
) -> None:
    writer = make_user("laras", display_name="Laras Penulis")
    editor = make_editor()
    article = publish(writer, TITLE, category="sekolah")
    publish(writer, "Tulisan Lain yang Biasa Saja", category="bisnis")

    page.goto("/")  # the anonymous home is cached before any curation
    expect(page.locator("#pilihan")).to_have_count(0)

    sign_in(page, "redaktur")
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name="Jadikan Pilihan").click()
    expect(page.locator(".messages")).to_contain_text("Artikel ini sekarang menjadi Pilihan.")
    page.get_by_role("button", name="Jadikan Artikel Utama").click()
    expect(page.locator(".messages")).to_contain_text("sekarang menjadi Artikel Utama")
    expect(page.locator("article.article .labels")).to_contain_text("Pilihan")
    expect(page.get_by_role("button", name="Keluarkan dari Pilihan")).to_be_visible()

    page.goto("/")
    headlines = page.locator("section[aria-labelledby=utama]")
    expect(headlines.get_by_role("heading", name="Artikel Utama")).to_be_visible()
    expect(headlines.locator(".lead-story")).to_contain_text(TITLE)
    picks = page.locator("section[aria-labelledby=pilihan]")
    expect(picks.get_by_role("link", name=TITLE)).to_be_visible()
    picks.get_by_role("link", name="Semua Pilihan").click()
    expect(page.locator("main h1")).to_have_text("Pilihan")
    expect(page.locator("main .cards")).to_contain_text(TITLE)
    expect(page.locator("main .cards")).not_to_contain_text("Tulisan Lain")

    # The writer, in a browser of their own, is told (once per kind).
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    try:
        writer_page = context.new_page()
        sign_in(writer_page, "laras")
        writer_page.goto("/notifikasi")
        told = writer_page.locator("ul.notifications")
        expect(told).to_contain_text(f"Artikel Anda “{TITLE}” dipilih redaksi sebagai Pilihan.")
        expect(told).to_contain_text(f"Artikel Anda “{TITLE}” dipilih sebagai Artikel Utama.")
        expect(told.locator("li")).to_have_count(2)
    finally:
        context.close()
    assert Article.objects.get(pk=article.pk).picked_by_id == editor.pk


def test_the_populated_home_has_no_serious_accessibility_violations(page: Page) -> None:
    from wacana.articles import actions

    writer = make_user("laras", display_name="Laras Penulis")
    editor = make_editor()
    for n, slug in enumerate(("sekolah", "bisnis", "sekolah", "bisnis")):
        article = publish(writer, f"Tulisan ke-{n + 1} tentang kampung", category=slug)
        actions.curate(editor, article, actions.PICK if n % 2 else actions.HEADLINE, True)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    expect(page.locator("section[aria-labelledby=utama]")).to_be_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
