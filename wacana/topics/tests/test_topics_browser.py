"""In real Chromium (issue 16, point 8): an editor opens a topic, a writer joins it from
the writing page, and a reader who follows the topic sees the article in /mengikuti."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from wacana.testing.browser import sign_in
from wacana.testing.language import indonesian
from wacana.testing.personas import make_editor, make_reader, make_writer
from wacana.topics.models import Topic, TopicArticle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Guru Honorer di Pelosok Flores"


def switch_to(page: Page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)


def test_an_editor_opens_a_topic_a_writer_joins_a_follower_sees_it(
    page: Page, browser: Any, live_server: Any
) -> None:
    make_editor()
    make_writer("laras", display_name="Laras Penulis")
    make_reader("pembaca")
    now = timezone.localtime()

    # The editor opens a topic from /topik.
    sign_in(page, "redaktur")
    page.goto("/topik")
    page.get_by_role("link", name=indonesian("New topic")).click()
    form = page.locator("main form")
    form.locator("input[name=title]").fill("Hari Guru Nasional")
    form.locator("textarea[name=description]").fill("Tulis tentang guru yang Anda kenang.")
    form.locator("input[name=opens_at]").fill((now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    form.locator("input[name=closes_at]").fill((now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    form.get_by_role("button", name=indonesian("Save topic")).click()
    expect(page.locator("main h1")).to_have_text("Hari Guru Nasional")
    topic = Topic.objects.get()
    page.goto("/")
    expect(page.locator("section[aria-labelledby=topik-pilihan]")).to_contain_text(
        "Hari Guru Nasional"
    )

    # A reader follows the topic from its page.
    switch_to(page, "pembaca")
    page.goto(topic.get_absolute_url())
    page.locator("main form.follow").get_by_role("button", name=indonesian("Follow")).click()
    expect(page.locator("main form.follow")).to_contain_text(indonesian("Unfollow"))

    # The writer writes and publishes on the topic, choosing it on the writing page.
    switch_to(page, "laras")
    page.goto("/tulis")
    write = page.locator("main form.write")
    expect(page.locator(".rich-body")).to_be_visible()
    write.locator("input[name=title]").fill(TITLE)
    write.locator("select[name=category]").select_option("sekolah")
    write.locator("select[name=topic]").select_option(topic.slug)
    page.locator(".rich-body").click()
    page.keyboard.type("Setiap pagi Pak Yosef menyeberangi dua sungai untuk mengajar.")
    write.locator("button[name=intent][value=publish]").click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    assert TopicArticle.objects.get().topic == topic

    # The follower of the topic sees it in /mengikuti, and on the topic's page.
    switch_to(page, "pembaca")
    page.goto("/mengikuti")
    expect(page.locator("main .cards")).to_contain_text(TITLE)
    page.goto(topic.get_absolute_url())
    expect(page.locator("main .cards")).to_contain_text(TITLE)
