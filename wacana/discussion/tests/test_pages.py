"""The thread under an article and the comment pages, as HTML, with and without JavaScript.

Interface strings are compared with what the Indonesian catalogue gives for them
(`indonesian()`); everything else is found by structure (classes, ids, names).
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.conftest import warm_frame
from wacana.discussion import actions
from wacana.discussion.models import Comment
from wacana.discussion.threads import PAGE_SIZE
from wacana.lib import pagecache
from wacana.testing.content import assert_count_exact, comment, fresh, publish
from wacana.testing.html import html
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db

JSON = {"Accept": "application/json"}


def post_url(article: Article) -> str:
    return f"/komentar/artikel/{article.pk}"


def thread_of(response: Any) -> Any:
    assert response.status_code == 200, response.status_code
    return html(response).one("section#komentar")


# --- what a reader sees ------------------------------------------------------------------


def test_an_empty_thread_invites_the_first_comment_and_shows_the_guideline(
    article: Article,
) -> None:
    thread = thread_of(Client().get(article.get_absolute_url()))
    assert indonesian("No comments yet. Be the first to share your thoughts!") in thread.text
    guideline = thread.one("p.guideline")
    assert "UU ITE" in guideline.text
    assert guideline.one("a")["href"] == "/pedoman#komentar"
    assert thread.one("span.comment-count").text == "(0)"
    assert not thread.select("ol.comments")


def test_anonymous_readers_are_asked_to_sign_in(article: Article) -> None:
    response = Client().get(article.get_absolute_url())
    thread = thread_of(response)
    assert not thread.select("form")
    link = thread.one("a[href^='/masuk']")
    assert link["href"] == f"/masuk?next={article.get_absolute_url()}"
    assert link.text == indonesian("Sign in to comment")
    # Anonymous readers download no comment script.
    assert "comments.js" not in response.content.decode()


def test_signed_in_readers_get_the_comment_form(article: Article, reader: User) -> None:
    response = signed_in(reader).get(article.get_absolute_url())
    thread = thread_of(response)
    form = thread.one("form.comment-form")
    assert form["method"] == "post" and form["action"] == post_url(article)
    assert form.one("label").text == indonesian("Leave a comment") == "Beri Komentar"
    assert form.one("textarea")["name"] == "body"
    assert form.one("input[name=parent_id]")["value"] == ""
    assert form.select("input[name=csrfmiddlewaretoken]")
    script = html(response).one("script[src*='comments']")
    assert "defer" in script.attrs
    assert not thread.select("a[href^='/masuk']")


def test_comments_are_shown_oldest_first_with_one_level_of_replies(
    article: Article, commenter: User, reader: User, writer: User
) -> None:
    first = comment(commenter, article, "Pertama!")
    second = comment(reader, article, "Kedua, dengan tautan https://bps.go.id")
    reply = comment(writer, article, "Terima kasih, Dewi.", parent=first)
    deeper = comment(reader, article, "Setuju dengan penulis.", parent=reply)
    thread = thread_of(Client().get(article.get_absolute_url()))
    tops = [
        node for node in thread.select("ol.comments li.comment") if "reply" not in node["class"]
    ]
    assert [node["id"] for node in tops] == [f"komentar-{first.pk}", f"komentar-{second.pk}"]
    replies = thread.one(f"li#komentar-{first.pk}").select("ol.replies li.comment")
    assert [node["id"] for node in replies] == [f"komentar-{reply.pk}", f"komentar-{deeper.pk}"]
    assert not thread.select("ol.replies ol.replies")
    assert thread.one("span.comment-count").text == "(4)"
    assert not thread.select("p.empty")

    entry = thread.one(f"li#komentar-{second.pk} div.comment-entry")
    author = entry.one("a.comment-author")
    assert author["href"] == "/pembaca" and "Raka Pembaca" in author.text
    assert entry.select("a.comment-author .avatar")
    link = entry.one("div.comment-body a")
    assert link["href"] == "https://bps.go.id" and link["rel"] == "nofollow ugc noopener"


def test_times_are_in_indonesian_form(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Kapan ini?")
    when = datetime(2023, 12, 5, 12, 55, tzinfo=UTC)  # 19:55 in Jakarta
    Comment.objects.filter(pk=made.pk).update(created_at=when)
    thread = thread_of(Client().get(article.get_absolute_url()))
    time = thread.one("a.comment-time time")
    assert time.text == "5 Desember 2023 19:55"
    assert time["datetime"] == "2023-12-05T19:55:00+07:00"


def test_an_edited_comment_is_marked(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Sebelum.")
    actions.edit_comment(commenter, made, "Sesudah.")
    thread = thread_of(Client().get(article.get_absolute_url()))
    assert thread.one("span.edited").text == indonesian("edited") == "disunting"
    assert "Sesudah." in thread.one("div.comment-body").text


def test_a_deleted_comment_with_replies_leaves_a_placeholder(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Kata-kata yang ditarik.")
    comment(reader, article, "Balasan yang tetap ada.", parent=top)
    actions.delete_comment(commenter, top)
    page = Client().get(article.get_absolute_url()).content.decode()
    thread = thread_of(signed_in(reader).get(article.get_absolute_url()))
    own_entry = thread.one(f"li#komentar-{top.pk}").select("div.comment-entry")[0]
    assert own_entry.one("p.comment-gone").text == "Komentar ini telah dihapus oleh penulisnya."
    assert not own_entry.select("a.comment-author") and not own_entry.select("a.reply-link")
    assert "Kata-kata yang ditarik." not in page
    assert "Balasan yang tetap ada." in page
    assert thread.one("span.comment-count").text == "(1)"


def test_a_hidden_comment_is_seen_only_by_its_writer_and_staff(
    article: Article, commenter: User, reader: User, moderator: User, admin_user: User
) -> None:
    made = comment(commenter, article, "Isi yang disembunyikan moderator.")
    actions.hide_comment(made)
    url = article.get_absolute_url()
    for client in (Client(), signed_in(reader), signed_in(moderator)):
        page = client.get(url).content.decode()
        assert "Isi yang disembunyikan moderator." not in page
        assert f"komentar-{made.pk}" not in page
    for who in (commenter, admin_user):
        thread = thread_of(signed_in(who).get(url))
        entry = thread.one(f"li#komentar-{made.pk}")
        assert "Isi yang disembunyikan moderator." in entry.text
        assert entry.one("span.hidden-mark").text == indonesian("Hidden by moderation")
    # Its writer may delete it but not edit it.
    own = thread_of(signed_in(commenter).get(url)).one(f"li#komentar-{made.pk}")
    assert own.select("a.delete-link") and not own.select("a.edit-link")


def test_a_hidden_top_comment_with_visible_replies_stays_as_a_placeholder(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Kasar sekali.")
    comment(reader, article, "Mohon sopan.", parent=top)
    actions.hide_comment(top)
    thread = thread_of(Client().get(article.get_absolute_url()))
    entry = thread.one(f"li#komentar-{top.pk}")
    assert entry.one("p.comment-gone").text == indonesian(
        "This comment has been hidden by moderation."
    )
    assert "Kasar sekali." not in entry.text and "Mohon sopan." in entry.text
    # Nobody can reply there any more, so no "Balas" is offered.
    thread = thread_of(signed_in(commenter).get(article.get_absolute_url()))
    assert not thread.one(f"li#komentar-{top.pk}").select("a.reply-link")


def test_who_sees_which_tools(
    article: Article, commenter: User, reader: User, writer: User, admin_user: User
) -> None:
    made = comment(commenter, article, "Komentar Dewi.")
    url = article.get_absolute_url()

    def tools(client: Client) -> dict[str, bool]:
        entry = thread_of(client.get(url)).one(f"li#komentar-{made.pk} div.comment-entry")
        return {
            "reply": bool(entry.select("a.reply-link")),
            "edit": bool(entry.select("a.edit-link")),
            "delete": bool(entry.select("a.delete-link")),
            "report": bool(entry.select("p.report-links"))
            or "report" in " ".join(n.get("class") for n in entry.descendants()),
        }

    assert tools(Client()) == {"reply": False, "edit": False, "delete": False, "report": False}
    assert tools(signed_in(reader)) == {
        "reply": True,
        "edit": False,
        "delete": False,
        "report": True,
    }
    assert tools(signed_in(writer))["edit"] is False
    assert tools(signed_in(commenter)) == {
        "reply": True,
        "edit": True,
        "delete": True,
        "report": False,
    }
    assert tools(signed_in(admin_user)) == {
        "reply": True,
        "edit": False,
        "delete": True,
        "report": True,
    }
    entry = thread_of(signed_in(commenter).get(url)).one(f"li#komentar-{made.pk}")
    assert entry.one("a.reply-link")["href"] == f"{post_url(article)}?balas={made.pk}"
    assert entry.one("a.reply-link").text == indonesian("Reply") == "Balas"
    assert entry.one("a.edit-link")["href"] == f"/komentar/{made.pk}/sunting"
    assert entry.one("a.delete-link")["href"] == f"/komentar/{made.pk}/hapus"


def test_the_report_links_name_the_comment_and_its_writer(
    article: Article, commenter: User, reader: User
) -> None:
    made = comment(commenter, article, "Laporkan saya.")
    entry = thread_of(signed_in(reader).get(article.get_absolute_url())).one(
        f"li#komentar-{made.pk}"
    )
    # The moderation app renders the links; the thread hands it the comment and its writer.
    targets = set()
    for link in entry.select("a[href]"):
        query = parse_qs(urlsplit(link["href"]).query)
        if "target" in query:
            targets.add((query["target"][0], query["id"][0]))
    assert targets == {("comment", str(made.pk)), ("account", str(commenter.pk))}


def test_a_draft_shows_no_comment_form_even_to_its_writer(writer: User) -> None:
    article = publish(writer)
    from wacana.articles import actions as article_actions

    article_actions.unpublish_article(writer, fresh(article))
    thread = thread_of(signed_in(writer).get(article.get_absolute_url()))
    assert not thread.select("form")
    assert indonesian("Comments are closed while the article is not published.") in thread.text


# --- long threads --------------------------------------------------------------------------


def _long_thread(article: Article, count: int) -> list[Comment]:
    people = [make_user(f"pembaca{n}") for n in range(5)]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    made = []
    for n in range(count):
        top = comment(people[n % 5], article, f"Komentar nomor {n}.")
        Comment.objects.filter(pk=top.pk).update(created_at=start + timedelta(minutes=n))
        made.append(top)
    return made


def test_long_threads_are_paginated_by_cursor(
    article: Article, commenter: User, no_rate_limits: Any
) -> None:
    made = _long_thread(article, PAGE_SIZE + 7)
    reply = comment(commenter, article, "Balasan di halaman dua.", parent=made[PAGE_SIZE + 1])
    url = article.get_absolute_url()
    first = thread_of(Client().get(url))
    shown = [n["id"] for n in first.select("ol.comments li.comment")]
    assert shown == [f"komentar-{c.pk}" for c in made[:PAGE_SIZE]]
    more = first.one("a[rel=next]")["href"]
    assert more.startswith("?komentar=") and more.endswith("#komentar")

    second = thread_of(Client().get(url + more.split("#")[0]))
    shown = [n["id"] for n in second.select("ol.comments li.comment")]
    expected = [f"komentar-{c.pk}" for c in made[PAGE_SIZE:]]
    expected.insert(2, f"komentar-{reply.pk}")
    assert shown == expected
    assert not second.select("a[rel=next]")
    assert second.one("p.more a")["href"] == f"{url}#komentar"
    assert second.one("span.comment-count").text == f"({PAGE_SIZE + 8})"


def test_a_bad_comment_cursor_is_not_found(article: Article) -> None:
    url = article.get_absolute_url()
    for bad in ("xyz", "aTEyfDM", "A" * 200, "%00"):
        assert Client().get(url, {"komentar": bad}).status_code == 404


def test_posting_on_a_long_thread_leads_to_the_page_with_the_comment(
    article: Article, commenter: User, no_rate_limits: Any
) -> None:
    _long_thread(article, PAGE_SIZE + 3)
    response = signed_in(commenter).post(post_url(article), {"body": "Akhirnya giliran saya."})
    made = Comment.objects.get(body="Akhirnya giliran saya.")
    location = response["Location"]
    assert "?komentar=" in location and location.endswith(f"#komentar-{made.pk}")
    thread = thread_of(Client().get(location.split("#")[0]))
    assert thread.select(f"li#komentar-{made.pk}")


# --- query budget --------------------------------------------------------------------------


def _busy_article(writer: User, count: int, prefix: str = "warga") -> Article:
    article = publish(writer)
    people = [make_user(f"{prefix}{n}", display_name=f"Warga {n}") for n in range(6)]
    tops = [comment(people[n % 6], article, f"Komentar {n}.") for n in range(count)]
    for n, top in enumerate(tops[: count // 2]):
        reply = comment(people[(n + 1) % 6], article, f"Balasan {n}.", parent=top)
        comment(people[(n + 2) % 6], article, f"Balasan atas balasan {n}.", parent=reply)
    actions.hide_comment(tops[1])
    actions.delete_comment(people[2], tops[2])
    return article


def _queries(client: Client, url: str, *, cold: bool = True) -> int:
    """Queries for one view of `url`, with the caches empty (cold) or just filled."""
    caches["default"].clear()
    warm_frame(client)
    if not cold:
        client.get(url)
    # The render's queries: not the whole page an anonymous reader's first view kept.
    pagecache.forget()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_thread_adds_one_query_and_none_when_empty(writer: User, no_rate_limits: Any) -> None:
    empty = publish(writer, title="Tanpa komentar")
    busy = _busy_article(writer, 30)
    assert Comment.objects.filter(article=busy).count() > 55
    for cold in (True, False):
        baseline = _queries(Client(), empty.get_absolute_url(), cold=cold)
        with_thread = _queries(Client(), busy.get_absolute_url(), cold=cold)
        # One query for a thread with comments; an anonymous reader of an article without
        # any visible comment costs none.
        assert with_thread == baseline + 1
        # Anonymous, rendered: the stamp its kept page is looked up by (the next views
        # cost that query alone), then the render's.
        assert with_thread <= 7
    pagecache.forget()
    with CaptureQueriesContext(connection) as queries:
        Client().get(busy.get_absolute_url())
    assert sum("discussion_comment" in q["sql"] for q in queries) == 1
    page = Client().get(busy.get_absolute_url()).content.decode()
    assert page.count('class="comment reply"') == 30


def test_the_article_page_query_count_does_not_grow_with_the_thread(
    writer: User, reader: User, no_rate_limits: Any, django_assert_max_num_queries: Any
) -> None:
    small = _busy_article(writer, 4, prefix="kecil")
    big = _busy_article(writer, 30)
    for client in (Client(), signed_in(reader)):
        for cold in (True, False):
            assert _queries(client, small.get_absolute_url(), cold=cold) == _queries(
                client, big.get_absolute_url(), cold=cold
            )
    caches["default"].clear()
    reader_client = Client()
    warm_frame(reader_client)
    with django_assert_max_num_queries(7):  # the stamp, then the render (not kept yet)
        reader_client.get(big.get_absolute_url())
    with django_assert_max_num_queries(1):  # the stamp: the page is kept
        reader_client.get(big.get_absolute_url())


# --- posting without JavaScript ------------------------------------------------------------


def test_posting_a_comment_redirects_to_it(article: Article, commenter: User, writer: User) -> None:
    response = signed_in(commenter).post(post_url(article), {"body": "  Tulisan bagus!  "})
    made = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#komentar-{made.pk}"
    assert made.body == "Tulisan bagus!" and made.author == commenter
    assert fresh(article).comment_count == 1
    assert writer.notifications.count() == 1


def test_replying_without_javascript_has_its_own_page(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Ada yang tahu sumbernya?")
    client = signed_in(reader)
    page = html(client.get(post_url(article), {"balas": top.pk}))
    assert "Ada yang tahu sumbernya?" in page.one("blockquote").text
    form = page.one("main form.comment-form")
    assert form.one("input[name=parent_id]")["value"] == str(top.pk)
    response = client.post(post_url(article), {"body": "Dari BPS.", "parent_id": str(top.pk)})
    reply = Comment.objects.get(body="Dari BPS.")
    assert response["Location"].endswith(f"#komentar-{reply.pk}")
    assert reply.parent_id == top.pk
    for bad in ("999999", "abc", "-1", "1" * 30):
        assert client.get(post_url(article), {"balas": bad}).status_code == 404


def test_a_bad_comment_shows_the_form_again_with_the_text(
    article: Article, commenter: User
) -> None:
    client = signed_in(commenter)
    for body, status in (("", 400), ("   \n\t ", 400), ("x" * 5001, 400)):
        response = client.post(post_url(article), {"body": body})
        assert response.status_code == status
        page = html(response)
        assert page.select("main form.comment-form p.error")
        if body.strip():
            assert page.one("main textarea[name=body]").text == body.strip()
    assert not Comment.objects.exists()


def test_the_same_comment_twice_is_refused_on_the_page(article: Article, commenter: User) -> None:
    client = signed_in(commenter)
    client.post(post_url(article), {"body": "Mantap!"})
    response = client.post(post_url(article), {"body": "Mantap!"})
    assert response.status_code == 409
    page = html(response)
    assert indonesian("You have just posted exactly this comment.") in page.one("main").text
    assert page.one("main textarea[name=body]").text == "Mantap!"
    assert Comment.objects.count() == 1


def test_commenting_too_fast_is_answered_429_with_the_text_kept(
    article: Article, commenter: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_new_account": (2, 60)}
    client = signed_in(commenter)
    for n in range(2):
        assert client.post(post_url(article), {"body": f"Komentar {n}"}).status_code == 302
    response = client.post(post_url(article), {"body": "Yang ketiga, terlalu cepat."})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    page = html(response)
    assert page.one("main textarea[name=body]").text == "Yang ketiga, terlalu cepat."
    assert "terlalu cepat" in page.one("main div.form-errors").text.lower()
    assert Comment.objects.count() == 2


def test_older_accounts_have_the_wider_limit(
    article: Article, commenter: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "comment": (3, 60),
        "comment_new_account": (1, 60),
    }
    User.objects.filter(pk=commenter.pk).update(date_joined=datetime.now(UTC) - timedelta(days=2))
    client = signed_in(commenter)
    statuses = [client.post(post_url(article), {"body": f"K{n}"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_one_address_is_limited_across_accounts(article: Article, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_address": (3, 60)}
    statuses = []
    for n in range(4):
        client = signed_in(make_user(f"akun{n}"))
        statuses.append(client.post(post_url(article), {"body": "Halo"}).status_code)
    assert statuses == [302, 302, 302, 429]
    # Another address is not affected.
    other = signed_in(make_user("akunlain"))
    assert (
        other.post(post_url(article), {"body": "Halo"}, REMOTE_ADDR="10.9.8.7").status_code == 302
    )


@pytest.mark.parametrize("state", ["draft", "hidden"])
def test_no_comment_page_for_drafts_or_hidden_articles(
    writer: User, commenter: User, state: str
) -> None:
    article = publish(writer)
    Article.objects.filter(pk=article.pk).update(status=state)
    for client in (signed_in(commenter), signed_in(writer)):
        assert client.post(post_url(article), {"body": "Halo"}).status_code == 404
        assert client.get(post_url(article)).status_code == 404
    assert not Comment.objects.exists()


# --- posting with JavaScript (the same views answer JSON) ----------------------------------


def test_with_javascript_the_new_comment_comes_back_rendered(
    article: Article, commenter: User
) -> None:
    client = signed_in(commenter)
    response = client.post(post_url(article), {"body": "Lewat fetch."}, headers=JSON)
    assert response.status_code == 201
    data = response.json()
    made = Comment.objects.get()
    assert data["id"] == made.pk and data["parent_id"] is None and data["count"] == 1
    item = html(data["html"]).one(f"li#komentar-{made.pk}")
    assert "Lewat fetch." in item.one("div.comment-body").text
    assert item.select("a.edit-link") and item.select("a.delete-link")

    reply = client.post(
        post_url(article), {"body": "Balasan lewat fetch.", "parent_id": made.pk}, headers=JSON
    ).json()
    assert reply["parent_id"] == made.pk and reply["count"] == 2
    assert html(reply["html"]).one(f"li#komentar-{reply['id']}")["class"] == "comment reply"


def test_with_javascript_errors_come_back_in_the_api_shape(
    article: Article, commenter: User
) -> None:
    client = signed_in(commenter)
    response = client.post(post_url(article), {"body": " "}, headers=JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["body"]
    client.post(post_url(article), {"body": "Dua kali"}, headers=JSON)
    again = client.post(post_url(article), {"body": "Dua kali"}, headers=JSON)
    assert again.status_code == 409 and again.json()["detail"]


def test_editing_in_place_gets_the_text_and_returns_the_entry(
    article: Article, commenter: User
) -> None:
    made = comment(commenter, article, "Teks <asli>.")
    client = signed_in(commenter)
    got = client.get(f"/komentar/{made.pk}/sunting", headers=JSON).json()
    assert got == {"id": made.pk, "body": "Teks <asli>."}
    saved = client.post(f"/komentar/{made.pk}/sunting", {"body": "Teks baru."}, headers=JSON)
    assert saved.status_code == 200
    entry = html(saved.json()["html"]).one("div.comment-entry")
    assert "Teks baru." in entry.text and entry.select("span.edited")


def test_deleting_in_place_says_what_is_left(
    article: Article, commenter: User, reader: User
) -> None:
    lone = comment(commenter, article, "Sendirian.")
    top = comment(commenter, article, "Punya balasan.")
    comment(reader, article, "Balasan.", parent=top)
    client = signed_in(commenter)
    gone = client.post(f"/komentar/{lone.pk}/hapus", headers=JSON).json()
    assert gone == {"id": lone.pk, "removed": True, "html": "", "count": 2}
    kept = client.post(f"/komentar/{top.pk}/hapus", headers=JSON).json()
    assert kept["removed"] is False and kept["count"] == 1
    assert html(kept["html"]).one("p.comment-gone").text == (
        "Komentar ini telah dihapus oleh penulisnya."
    )


# --- edit and delete pages -----------------------------------------------------------------


def test_editing_on_its_own_page(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Ada salah ketk.")
    client = signed_in(commenter)
    page = html(client.get(f"/komentar/{made.pk}/sunting"))
    assert page.one("main textarea[name=body]").text == "Ada salah ketk."
    bad = client.post(f"/komentar/{made.pk}/sunting", {"body": "   "})
    assert bad.status_code == 400
    response = client.post(f"/komentar/{made.pk}/sunting", {"body": "Ada salah ketik."})
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#komentar-{made.pk}"
    made.refresh_from_db()
    assert made.body == "Ada salah ketik." and made.edited_at is not None


def test_deleting_on_its_own_page_asks_first(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Hapus saya.")
    client = signed_in(commenter)
    page = html(client.get(f"/komentar/{made.pk}/hapus"))
    assert "Hapus saya." in page.one("main blockquote").text
    assert page.one("main form")["method"] == "post"
    assert Comment.objects.exists()
    response = client.post(f"/komentar/{made.pk}/hapus")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#komentar"
    assert not Comment.objects.exists()
    assert_count_exact(article)


def test_editing_a_hidden_comment_is_refused(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Disembunyikan.")
    actions.hide_comment(made)
    client = signed_in(commenter)
    assert client.get(f"/komentar/{made.pk}/sunting").status_code == 403
    assert client.post(f"/komentar/{made.pk}/sunting", {"body": "Ubah"}).status_code == 403
    made.refresh_from_db()
    assert made.body == "Disembunyikan."


def test_json_body_is_ignored_by_the_pages(article: Article, commenter: User) -> None:
    """The pages read forms; a JSON body has no `body` field for them."""
    response = signed_in(commenter).post(
        post_url(article), json.dumps({"body": "x"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()
