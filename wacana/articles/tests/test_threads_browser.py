"""Issue 16 in a real browser: a reader responds to an article ("Tulis tanggapan"), sees
the response listed under the original, and its writer reads the notice; a writer
builds a series of three on a phone with JavaScript off and walks it part by part.

Buttons and lines are found by the text the Indonesian interface gives them (from the
catalogue); results are checked on the page and then in the database.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from wacana.articles import series as series_actions
from wacana.articles.models import Article, Series, Status
from wacana.notifications.models import Notification
from wacana.testing.axe import assert_no_serious_violations
from wacana.testing.browser import sign_in
from wacana.testing.content import publish
from wacana.testing.language import indonesian
from wacana.testing.personas import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def ends_with(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def test_respond_see_it_under_the_original_and_the_writer_is_told(
    page: Page, browser: Browser, live_server: Any
) -> None:
    writer = make_user("sekar.ayu", display_name="Sekar Ayu")
    reader = make_user("bima.reader", display_name="Bima Saputra")
    original = publish(
        writer,
        "Perpustakaan Kecil di Teras Rumah",
        "Setiap sore anak-anak kampung singgah membaca buku cerita di teras rumah Bu Sekar.",
    )

    # Signed out, "Tulis tanggapan" leads to the sign-in and back to the writing page.
    page.goto(original.get_absolute_url())
    page.get_by_role("link", name=indonesian("Write a response")).click()
    expect(page).to_have_url(re.compile(r"/masuk\?next="))
    form = page.locator("main form")
    form.locator("input[name=username]").fill("bima.reader")
    form.locator("input[name=password]").fill(PASSWORD)
    form.get_by_role("button").click()
    expect(page).to_have_url(re.compile(rf"/tulis\?tanggapan={original.pk}$"))
    write = page.locator("main form.write")
    line = write.locator(".thread-line")
    expect(line).to_contain_text(indonesian("Response to"))
    expect(line.get_by_role("link")).to_have_text("“Perpustakaan Kecil di Teras Rumah”")

    expect(page.locator(".rich-body")).to_be_visible()
    write.locator("input[name=title]").fill("Taman Baca di Pos Ronda")
    write.locator("select[name=category]").select_option("sekolah")
    page.locator(".rich-body").click()
    page.keyboard.type("Di kampung kami, pos ronda menjadi taman baca setiap Minggu.")
    write.locator("button[name=intent][value=publish]").click()

    expect(page.locator("article.article h1")).to_have_text("Taman Baca di Pos Ronda")
    top = page.locator("article.article .thread-line")
    expect(top).to_have_text(re.compile(r"^\s*Tanggapan untuk\s+“Perpustakaan Kecil"))
    response = Article.objects.get(author=reader)
    assert response.response_to_id == original.pk and response.status == Status.PUBLISHED
    assert Article.objects.filter(author=reader).count() == 1  # the autosave made no twin

    # The original lists it below its body.
    top.get_by_role("link").click()
    expect(page).to_have_url(ends_with(original.get_absolute_url()))
    section = page.locator("section#tanggapan")
    expect(section.locator("h2")).to_have_text(indonesian("Responses (%(n)s)") % {"n": "1"})
    expect(section.get_by_role("link", name="Taman Baca di Pos Ronda")).to_be_visible()
    assert_no_serious_violations(page)

    # The original's writer, in a browser of their own, reads the notice.
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(10_000)
    try:
        writer_page = context.new_page()
        sign_in(writer_page, "sekar.ayu")
        expect(writer_page.locator("header a.notif-link .count")).to_contain_text("1")
        writer_page.goto("/notifikasi")
        notice = indonesian(
            "%(name)s responded to your article “%(title)s” with “%(response)s”."
        ) % {
            "name": "Bima Saputra",
            "title": "Perpustakaan Kecil di Teras Rumah",
            "response": "Taman Baca di Pos Ronda",
        }
        item = writer_page.locator("ul.notifications li.unread", has_text=notice)
        expect(item).to_be_visible()
        item.get_by_role("button", name=indonesian("Open")).click()
        expect(writer_page).to_have_url(ends_with(response.get_absolute_url()))
    finally:
        context.close()
    assert Notification.objects.filter(recipient=writer, kind="response").count() == 1


def test_build_a_series_of_three_on_a_phone_without_javascript_and_walk_it(
    browser: Browser, live_server: Any
) -> None:
    writer = make_user("dewi.lestari", display_name="Dewi Lestari")
    titles = ["Berangkat dari Ende", "Menyeberang ke Flores Timur", "Tiba di Larantuka"]
    parts = [publish(writer, title, f"Catatan perjalanan: {title}.") for title in titles]
    context = browser.new_context(
        base_url=live_server.url,
        locale="id-ID",
        java_script_enabled=False,
        viewport={"width": 390, "height": 844},
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        sign_in(page, "dewi.lestari")
        page.goto("/dasbor")
        page.get_by_role("link", name=indonesian("My series")).click()
        expect(page).to_have_url(ends_with("/tulis/seri"))
        page.get_by_label(indonesian("Series name")).fill("Jejak Flores")
        page.get_by_role("button", name=indonesian("Create series")).click()
        series = Series.objects.get(owner=writer)
        expect(page).to_have_url(ends_with(f"/tulis/seri/{series.pk}"))
        # Added in the wrong order: the last first.
        for title in reversed(titles):
            page.get_by_label(indonesian("Add an article")).select_option(label=title)
            page.get_by_role("button", name=indonesian("Add to the series")).click()
            expect(
                page.get_by_text(indonesian("The article has been added to the series."))
            ).to_be_visible()
        assert series_actions.part_ids(series) == [a.pk for a in reversed(parts)]
        # "Berangkat dari Ende" to the top with its position; then one step down and up.
        row = page.locator("ol.series-parts li", has_text=titles[0])
        row.get_by_label(indonesian("Position")).fill("1")
        row.get_by_role("button", name=indonesian("Move"), exact=True).click()
        row = page.locator("ol.series-parts li", has_text=titles[1])
        up = row.get_by_role(
            "button", name=indonesian("Move “%(title)s” up") % {"title": titles[1]}
        )
        box = up.bounding_box()
        assert box and box["height"] >= 44  # a thumb's target
        up.click()
        expect(page.locator("ol.series-parts li").nth(1)).to_contain_text(titles[1])
        assert series_actions.part_ids(series) == [a.pk for a in parts]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        # The series page lists the three in order; walk them with next and previous.
        page.get_by_role("link", name=indonesian("View the series page")).click()
        expect(page.locator("main ol.cards .card-title")).to_have_text(titles)
        page.get_by_role("link", name=titles[0]).click()
        line = indonesian("part %(n)s of %(total)s")
        for number, title in enumerate(titles, 1):
            expect(page.locator("article.article h1")).to_have_text(title)
            expect(page.locator("article.article .thread-line")).to_contain_text(
                line % {"n": number, "total": 3}
            )
            expect(page.locator("article.article .thread-line")).to_contain_text("“Jejak Flores”")
            if number < 3:
                page.locator("nav.series-steps a[rel=next]").click()
        expect(page.locator("nav.series-steps a[rel=next]")).to_have_count(0)
        page.locator("nav.series-steps a[rel=prev]").click()
        expect(page.locator("article.article h1")).to_have_text(titles[1])
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 1366])
def test_the_series_pages_pass_axe(page: Page, width: int) -> None:
    writer = make_user("dewi.lestari", display_name="Dewi Lestari")
    series = series_actions.create_series(writer, "Jejak Flores", "Tiga catatan perjalanan.")
    parts = [publish(writer, f"Bagian {n}", "Catatan perjalanan.") for n in (1, 2, 3)]
    series_actions.set_parts(series, [a.pk for a in parts[:2]])
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, "dewi.lestari")
    for url in (
        "/tulis/seri",
        f"/tulis/seri/{series.pk}",
        series.get_absolute_url(),
        parts[1].get_absolute_url(),
    ):
        page.goto(url)
        assert_no_serious_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
