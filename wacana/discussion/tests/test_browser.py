"""Real-browser journeys: commenting in place with JavaScript, and the same without it.

Form fields are found by their `name`; buttons and links by their role and the text the
Indonesian interface gives them.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from wacana.accounts.models import User
from wacana.discussion.models import Comment
from wacana.testing.browser import sign_in
from wacana.testing.content import publish
from wacana.testing.language import indonesian
from wacana.testing.personas import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 360
LONG_LINK = "https://contoh.id/" + "sangat-panjang-" * 12


def entry_of(page: Page, text: str) -> Any:
    return page.locator("li.comment", has_text=text).locator(".comment-entry").first


def test_a_reader_comments_replies_edits_and_deletes_in_place(page: Page, live_server: Any) -> None:
    writer = make_user("sekar.penulis", display_name="Sekar Wulandari")
    make_user("dewi", display_name="Dewi Lestari")
    article = publish(writer, title="Sekolah di Atas Bukit")
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())

    sign_in(page, "dewi")
    page.goto(article.get_absolute_url())
    thread = page.locator("section#komentar")
    expect(thread).to_contain_text(
        indonesian("No comments yet. Be the first to share your thoughts!")
    )
    expect(thread.locator(".comment-count")).to_have_text("(0)")
    # Any full page load would forget this.
    page.evaluate("window.stillHere = true")

    # Comment: posted with fetch and put into the page.
    form = thread.locator("form.comment-form").first
    form.locator("textarea[name=body]").fill("Terima kasih, Bu Sekar! Sumbernya: " + LONG_LINK)
    form.get_by_role("button", name=indonesian("Send")).click()
    first = thread.locator("ol.comments > li.comment").first
    expect(first).to_contain_text("Terima kasih, Bu Sekar!")
    expect(first.locator(".comment-body a")).to_have_attribute("rel", "nofollow ugc noopener")
    expect(thread.locator(".comment-count")).to_have_text("(1)")
    expect(thread.locator("p.empty")).to_have_count(0)
    expect(form.locator("textarea[name=body]")).to_have_value("")
    assert page.evaluate("window.stillHere") is True
    made = Comment.objects.get()
    expect(first).to_have_attribute("id", f"komentar-{made.pk}")

    # Reply: the "Balas" link opens a form under the comment.
    first.locator(".comment-tools").get_by_role("link", name="Balas").click()
    reply_form = first.locator("form.reply-form")
    expect(reply_form).to_be_visible()
    expect(reply_form.locator("textarea")).to_be_focused()
    reply_form.locator("textarea").fill("Satu lagi: muridnya berapa orang?")
    reply_form.get_by_role("button", name=indonesian("Send")).click()
    reply = first.locator("ol.replies > li.comment")
    expect(reply).to_have_count(1)
    expect(reply).to_contain_text("muridnya berapa orang?")
    expect(reply_form).to_have_count(0)
    expect(thread.locator(".comment-count")).to_have_text("(2)")
    assert page.evaluate("window.stillHere") is True
    assert Comment.objects.get(body__startswith="Satu lagi").parent_id == made.pk

    # Edit in place: the text comes back in a form, and the comment is marked as edited.
    own = entry_of(page, "Terima kasih, Bu Sekar!")
    own.get_by_role("link", name="Sunting").click()
    edit = first.locator("form.edit-form")
    expect(edit.locator("textarea")).to_have_value(re.compile(r"^Terima kasih, Bu Sekar!"))
    edit.locator("textarea").fill("Terima kasih banyak, Bu Sekar!")
    edit.get_by_role("button", name=indonesian("Save")).click()
    expect(first.locator(".comment-entry").first).to_contain_text("Terima kasih banyak")
    expect(first.locator(".comment-entry").first.locator(".edited")).to_have_text("disunting")
    expect(edit).to_have_count(0)
    assert page.evaluate("window.stillHere") is True

    # Delete the reply in place (the confirmation is accepted).
    reply.get_by_role("link", name="Hapus").click()
    expect(first.locator("ol.replies")).to_have_count(0)
    expect(thread.locator(".comment-count")).to_have_text("(1)")
    assert problems == [], problems  # no script errors, no CSP violations

    # A refused comment shows why (the browser logs the 400 answer: expected here).
    # The same text as one's last comment is refused; what was typed stays in the form.
    form.locator("textarea[name=body]").fill("Terima kasih banyak, Bu Sekar!")
    form.get_by_role("button", name=indonesian("Send")).click()
    expect(form.locator(".form-error")).to_have_text(
        indonesian("You have just posted exactly this comment.")
    )
    expect(form.locator("textarea[name=body]")).to_have_value("Terima kasih banyak, Bu Sekar!")
    assert page.evaluate("window.stillHere") is True

    # All of it is really stored.
    page.reload()
    expect(thread.locator("ol.comments > li.comment")).to_have_count(1)
    expect(thread.locator(".edited")).to_have_count(1)
    assert Comment.objects.count() == 1

    # On a phone the thread, long link included, fits the screen.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 740})
    page.reload()
    expect(thread.locator("ol.comments")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the page is {width}px wide"


def test_commenting_and_replying_work_without_javascript(
    browser: Browser, live_server: Any
) -> None:
    writer = make_user("sekar.penulis", display_name="Sekar Wulandari")
    raka: User = make_user("raka", display_name="Raka Pratama")
    article = publish(writer, title="Sekolah di Atas Bukit")
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, locale="id-ID"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(article.get_absolute_url())
        thread = page.locator("section#komentar")
        thread.get_by_role("link", name=indonesian("Sign in to comment")).click()
        expect(page).to_have_url(re.compile(r"/masuk\?next="))
        form = page.locator("main form")
        form.locator("input[name=username]").fill(raka.username)
        form.locator("input[name=password]").fill(PASSWORD)
        form.get_by_role("button").click()
        expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))

        thread.locator("textarea[name=body]").fill("Komentar tanpa JavaScript.")
        thread.get_by_role("button", name=indonesian("Send")).click()
        made = Comment.objects.get()
        expect(page).to_have_url(re.compile(rf"#komentar-{made.pk}$"))
        expect(page.locator(f"li#komentar-{made.pk}")).to_contain_text("tanpa JavaScript")

        # Reply: "Balas" leads to its own page, which leads back.
        page.locator(f"li#komentar-{made.pk}").get_by_role("link", name="Balas").click()
        expect(page).to_have_url(re.compile(rf"\?balas={made.pk}$"))
        expect(page.locator("main blockquote")).to_contain_text("tanpa JavaScript")
        page.locator("main textarea[name=body]").fill("Balasan tanpa JavaScript.")
        page.locator("main").get_by_role("button", name=indonesian("Send")).click()
        reply = Comment.objects.get(parent=made)
        expect(page).to_have_url(re.compile(rf"#komentar-{reply.pk}$"))
        expect(page.locator(f"li#komentar-{made.pk} ol.replies")).to_contain_text(
            "Balasan tanpa JavaScript."
        )

        # Edit on its own page.
        page.locator(f"li#komentar-{reply.pk}").get_by_role("link", name="Sunting").click()
        page.locator("main textarea[name=body]").fill("Balasan yang sudah diperbaiki.")
        page.locator("main").get_by_role("button", name=indonesian("Save")).click()
        expect(page.locator(f"li#komentar-{reply.pk}")).to_contain_text("sudah diperbaiki")
        expect(page.locator(f"li#komentar-{reply.pk} .edited")).to_be_visible()
    finally:
        context.close()
