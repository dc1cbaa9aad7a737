"""The moderation queue (/moderasi) and the decisions taken from it."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts.models import ApiToken, User
from wacana.articles.models import Article, Status
from wacana.discussion.models import Comment, CommentStatus
from wacana.moderation import actions
from wacana.moderation.models import ModerationAction, Report
from wacana.notifications.models import Notification
from wacana.testing.api import api_for, delete_account
from wacana.testing.content import add_comment, draft, file_report, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, reporters, signed_in

pytestmark = pytest.mark.django_db


def html_of(response: Any) -> str:
    return str(response.content.decode())


def act(client: Client, target: str, target_id: int, decision: str, **extra: str) -> Any:
    data = {"target": target, "id": str(target_id), "action": decision, "note": "Sudah dicek."}
    return client.post("/moderasi/tindakan", {**data, **extra})


def age(report: Report, hours: float) -> None:
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(hours=hours))


# --- what the queue shows ----------------------------------------------------------------


def test_open_reports_are_grouped_by_what_they_are_about(
    article: Article, comment: Comment, writer: User, moderator: User
) -> None:
    people = reporters(3)
    file_report(people[0], "article", article.pk, "hoaks", "Angkanya dikarang.")
    file_report(people[1], "article", article.pk, "hoaks")
    file_report(people[2], "article", article.pk, "spam", "Ada tautan toko.")
    file_report(people[0], "comment", comment.pk, "spam")
    file_report(people[1], "account", writer.pk, "akun")
    html = html_of(signed_in(moderator).get("/moderasi"))
    assert html.count('class="mod-item') == 3
    article_item = html.split(f'id="item-article-{article.pk}"')[1].split("</article>")[0]
    assert article.title in article_item
    assert article.excerpt[:30] in article_item
    assert "Angkanya dikarang." in article_item and "Ada tautan toko." in article_item
    assert article_item.count("<li>") == 3
    assert indonesian("Hoax or disinformation") + " (2)" in article_item
    assert indonesian("Spam or promotion") + " (1)" in article_item
    assert "@penulis" in article_item
    assert indonesian("just now") in article_item  # not "0 menit yang lalu"
    comment_item = html.split(f'id="item-comment-{comment.pk}"')[1].split("</article>")[0]
    assert "Beli obat kuat" in comment_item
    account_item = html.split(f'id="item-account-{writer.pk}"')[1].split("</article>")[0]
    assert "Guru" in account_item  # the tagline, as the account's excerpt
    # The reason most reports give is the default rule.
    assert re.search(r'<option value="hoaks" selected>', article_item)


def test_handled_reports_leave_the_queue(article: Article, moderator: User) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    html = html_of(signed_in(moderator).get("/moderasi"))
    assert 'class="mod-item' not in html
    assert indonesian("No open reports. Well done.") in html


def test_overdue_reports_are_flagged_and_come_first(
    article: Article, comment: Comment, writer: User, moderator: User
) -> None:
    people = reporters(4)
    fresh = file_report(people[0], "article", article.pk, "spam")
    late_urgent = file_report(people[1], "comment", comment.pk, "kekerasan")
    age(fresh, 2)
    age(late_urgent, 5)
    html = html_of(signed_in(moderator).get("/moderasi"))
    overdue = indonesian("Overdue")
    first_item = html.split('class="mod-item')[1]
    assert f"item-comment-{comment.pk}" in first_item  # overdue first, though newer
    assert overdue in first_item and indonesian("Urgent") in first_item
    second_item = html.split('class="mod-item')[2]
    assert overdue not in second_item


@pytest.mark.parametrize(
    ("reason", "hours", "overdue"),
    [
        ("spam", 23.9, False),
        ("spam", 24.1, True),
        ("hoaks", 30, True),
        ("kekerasan", 3.9, False),
        ("kekerasan", 4.1, True),
        ("data-pribadi", 4.1, True),
        ("pornografi", 4.1, True),
        ("pornografi", 1, False),
    ],
)
def test_the_promised_response_times(
    article: Article, reader: User, reason: str, hours: float, overdue: bool
) -> None:
    report = file_report(reader, "article", article.pk, reason)
    age(report, hours)
    report.refresh_from_db()
    assert report.is_overdue is overdue


def test_response_times_come_from_settings(settings: Any, article: Article, reader: User) -> None:
    settings.MODERATION_RESPONSE_HOURS = 48
    settings.MODERATION_URGENT_RESPONSE_HOURS = 1
    report = file_report(reader, "article", article.pk, "spam")
    age(report, 30)
    report.refresh_from_db()
    assert not report.is_overdue
    urgent = file_report(reporters(1)[0], "article", article.pk, "kekerasan")
    age(urgent, 1.5)
    urgent.refresh_from_db()
    assert urgent.is_overdue


def test_a_resolved_report_is_never_overdue(
    article: Article, reader: User, moderator: User
) -> None:
    report = file_report(reader, "article", article.pk)
    age(report, 100)
    actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    report.refresh_from_db()
    assert not report.is_overdue


def test_the_queue_costs_the_same_queries_for_many_items(moderator: User) -> None:
    client = signed_in(moderator)
    author = make_user("banyak")

    def fill(count: int) -> None:
        for n in range(count):
            item = publish(author, f"Tulisan {n} {Article.objects.count()}")
            file_report(reporters(1, f"r{item.pk}x")[0], "article", item.pk)
            comment = add_comment(item, make_user(f"k{item.pk}x"))
            file_report(reporters(1, f"c{item.pk}x")[0], "comment", comment.pk)

    fill(2)
    client.get("/moderasi")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/moderasi").status_code == 200
    fill(6)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/moderasi").status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


# --- decisions ---------------------------------------------------------------------------


def test_dismissing_closes_every_open_report_and_logs_it(
    article: Article, moderator: User, writer: User
) -> None:
    made = [file_report(person, "article", article.pk, "hoaks") for person in reporters(2)]
    response = act(signed_in(moderator), "article", article.pk, "dismiss", note="Opini biasa.")
    assert response.status_code == 302 and response["Location"] == "/moderasi"
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.moderator_id, entry.subject_id) == (
        "dismiss",
        moderator.pk,
        writer.pk,
    )
    assert (entry.rule, entry.note) == ("hoaks", "Opini biasa.")
    assert sorted(entry.report_ids) == sorted(r.pk for r in made)
    for report in Report.objects.all():
        assert (report.status, report.outcome) == ("resolved", "dismissed")
        assert report.resolved_by_action_id == entry.pk
        assert report.resolved_at == entry.created_at
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert not Notification.objects.filter(recipient=writer).exists()


def test_hiding_takes_the_article_down_and_tells_its_writer(
    client: Client, article: Article, moderator: User, writer: User
) -> None:
    file_report(reporters(1)[0], "article", article.pk, "plagiarisme")
    response = act(
        signed_in(moderator), "article", article.pk, "hide", note="Disalin dari blog lain."
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.HIDDEN
    assert client.get(article.get_absolute_url()).status_code == 404
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.rule, entry.target_id) == ("hide", "plagiarisme", article.pk)
    notice = Notification.objects.get(recipient=writer)
    assert notice.kind == "moderation"
    assert article.title in notice.message
    assert "/pedoman#plagiarisme" in notice.message
    assert indonesian("Plagiarism") in notice.message
    assert "Disalin dari blog lain." in notice.message
    assert notice.target_url == f"/banding/{entry.pk}"
    assert notice.actor is None
    own_view = signed_in(writer).get(article.get_absolute_url())
    assert own_view.status_code == 200 and 'class="notice"' in html_of(own_view)


def test_the_moderator_may_cite_another_section(article: Article, moderator: User) -> None:
    file_report(reporters(1)[0], "article", article.pk, "spam")
    act(signed_in(moderator), "article", article.pk, "hide", rule="penipuan")
    assert ModerationAction.objects.get().rule == "penipuan"


def test_hiding_a_comment(
    comment: Comment, article: Article, moderator: User, reader: User
) -> None:
    file_report(reporters(1)[0], "comment", comment.pk, "spam")
    before = Article.objects.get(pk=article.pk).comment_count
    act(signed_in(moderator), "comment", comment.pk, "hide", rule="komentar")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert Article.objects.get(pk=article.pk).comment_count == before - 1
    entry = ModerationAction.objects.get()
    assert (entry.target_type, entry.subject_id, entry.rule) == ("comment", reader.pk, "komentar")
    notice = Notification.objects.get(recipient=reader)
    assert "/pedoman#komentar" in notice.message


def test_suspending_locks_the_account_out_and_hides_all_it_wrote(
    settings: Any,
    django_capture_on_commit_callbacks: Any,
    article: Article,
    writer: User,
    moderator: User,
    bystander: User,
) -> None:
    settings.WACANA_CONTACT_EMAIL = "banding@wacana.example"
    second = publish(writer, "Tulisan Kedua")
    unfinished = draft(writer, "Draf")
    elsewhere = publish(bystander, "Tulisan Tetangga")
    remark = add_comment(elsewhere, writer, "Komentar penulis")
    session = signed_in(writer)
    assert session.get("/akun/profil").status_code == 200
    token_api = api_for(writer)
    reports = [
        file_report(reporters(1)[0], "article", article.pk, "penipuan"),
        file_report(bystander, "account", writer.pk, "akun"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            signed_in(moderator), "article", article.pk, "suspend", note='"Investasi" palsu.'
        )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert not writer.is_active and writer.suspended_at is not None
    # Signed out everywhere, tokens gone, sign-in refused.
    assert session.get("/akun/profil").status_code == 302
    assert not ApiToken.objects.filter(user=writer).exists()
    assert token_api.get("/me").status_code == 401
    from wacana.testing.personas import PASSWORD

    assert not Client().login(username=writer.username, password=PASSWORD)
    for item in (article, second):
        item.refresh_from_db()
        assert (item.status, item.hidden_with_account) == (Status.HIDDEN, True)
    unfinished.refresh_from_db()
    assert unfinished.status == Status.DRAFT
    remark.refresh_from_db()
    assert (remark.status, remark.hidden_with_account) == (CommentStatus.HIDDEN, True)
    # One log entry about the account; it closes the article's and the account's reports.
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.target_type, entry.target_id) == ("suspend", "account", writer.pk)
    assert (entry.subject_id, entry.rule) == (writer.pk, "penipuan")
    assert sorted(entry.report_ids) == sorted(r.pk for r in reports)
    assert entry.details["reported"] == f"article:{article.pk}"
    assert set(Report.objects.values_list("status", "outcome")) == {("resolved", "suspended")}
    # Told by email (they cannot sign in), with the operator's address for an appeal.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [writer.email]
    assert "banding@wacana.example" in message.body
    assert "/pedoman#penipuan" in message.body and '"Investasi" palsu.' in message.body
    notice = Notification.objects.get(recipient=writer)
    assert "banding@wacana.example" in notice.message


def test_restoring_a_suspended_account_brings_back_what_the_suspension_hid(
    article: Article, writer: User, moderator: User, bystander: User
) -> None:
    elsewhere = publish(bystander, "Tulisan Tetangga")
    remark = add_comment(elsewhere, writer)
    hidden_before = publish(writer, "Disembunyikan sebelumnya")
    file_report(reporters(1)[0], "article", hidden_before.pk)
    actions.decide(moderator, "article", hidden_before.pk, "hide", "Spam.")
    file_report(bystander, "account", writer.pk, "akun")
    actions.decide(moderator, "account", writer.pk, "suspend", "Akun palsu.")
    response = act(signed_in(moderator), "account", writer.pk, "restore", note="Salah orang.")
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.is_active and writer.suspended_at is None
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    remark.refresh_from_db()
    assert remark.status == CommentStatus.VISIBLE
    hidden_before.refresh_from_db()
    assert hidden_before.status == Status.HIDDEN  # hidden on its own merits: stays hidden
    entry = ModerationAction.objects.order_by("-id").first()
    assert entry is not None and (entry.kind, entry.target_type) == ("restore", "account")
    assert Client().login(username=writer.username, password="kopi-tubruk-pagi-77")


def test_restoring_a_hidden_article(
    client: Client, article: Article, writer: User, moderator: User
) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    actions.decide(moderator, "article", article.pk, "hide", "Spam.")
    response = act(signed_in(moderator), "article", article.pk, "restore", note="Keliru.")
    assert response.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 200
    notices = list(Notification.objects.filter(recipient=writer).order_by("id"))
    assert len(notices) == 2 and "Keliru." in notices[1].message


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"note": ""}, 422),
        ({"note": "   "}, 422),
        ({"note": "x" * 2001}, 422),
        ({"action": "ban"}, 422),
        ({"action": ""}, 422),
        ({"rule": "bukan-bagian"}, 422),
        ({"id": "abc"}, 404),
        ({"id": "0"}, 404),
        ({"id": "99999999999999999999"}, 404),
        ({"target": "artikel"}, 404),
    ],
)
def test_bad_decisions_are_refused_and_change_nothing(
    article: Article, moderator: User, change: dict[str, str], status: int
) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    data = {"target": "article", "id": str(article.pk), "action": "hide", "note": "Cek."}
    response = signed_in(moderator).post("/moderasi/tindakan", {**data, **change})
    assert response.status_code == status
    assert not ModerationAction.objects.exists()
    assert Report.objects.get().status == "open"
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_a_decision_on_already_handled_reports_is_409(article: Article, moderator: User) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    client = signed_in(moderator)
    act(client, "article", article.pk, "dismiss")
    again = act(client, "article", article.pk, "dismiss")
    assert again.status_code == 409
    assert ModerationAction.objects.count() == 1


def test_restoring_what_is_not_hidden_is_409(article: Article, moderator: User) -> None:
    assert act(signed_in(moderator), "article", article.pk, "restore").status_code == 409


def test_accounts_are_suspended_not_hidden(writer: User, moderator: User) -> None:
    file_report(reporters(1)[0], "account", writer.pk, "akun")
    assert act(signed_in(moderator), "account", writer.pk, "hide").status_code == 422


def test_moderators_do_not_decide_about_themselves(moderator: User, moderator2: User) -> None:
    own = publish(moderator, "Tulisan Moderator")
    file_report(reporters(1)[0], "article", own.pk)
    assert act(signed_in(moderator), "article", own.pk, "dismiss").status_code == 403
    assert act(signed_in(moderator2), "article", own.pk, "dismiss").status_code == 302


def test_superusers_cannot_be_suspended(admin_user: User, moderator: User) -> None:
    file_report(reporters(1)[0], "account", admin_user.pk, "akun")
    assert act(signed_in(moderator), "account", admin_user.pk, "suspend").status_code == 403
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_suspending_twice_is_409(writer: User, moderator: User, bystander: User) -> None:
    file_report(bystander, "account", writer.pk, "akun")
    actions.decide(moderator, "account", writer.pk, "suspend", "Palsu.")
    assert act(signed_in(moderator), "account", writer.pk, "suspend").status_code == 409


def test_deleted_content_can_still_be_dismissed(article: Article, moderator: User) -> None:
    pk = article.pk
    file_report(reporters(1)[0], "article", pk)
    article.delete()
    client = signed_in(moderator)
    assert client.get("/moderasi").status_code == 200
    assert act(client, "article", pk, "hide").status_code == 409
    assert act(client, "article", pk, "dismiss").status_code == 302


def test_a_deleted_reporter_leaves_the_report_in_the_queue(
    article: Article, moderator: User
) -> None:
    person = reporters(1)[0]
    file_report(person, "article", article.pk)
    delete_account(person)
    assert Report.objects.get().reporter is None
    assert article.title in html_of(signed_in(moderator).get("/moderasi"))


def test_without_an_operator_address_the_notice_points_to_the_about_page(
    settings: Any,
    django_capture_on_commit_callbacks: Any,
    writer: User,
    moderator: User,
    bystander: User,
) -> None:
    settings.WACANA_CONTACT_EMAIL = ""
    file_report(bystander, "account", writer.pk, "akun")
    with django_capture_on_commit_callbacks(execute=True):
        actions.decide(moderator, "account", writer.pk, "suspend", "Menyamar.")
    assert "/tentang" in Notification.objects.get(recipient=writer).message
    assert "/tentang" in mail.outbox[0].body
