"""Content reported by many different accounts is hidden until a moderator reviews it."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import Article, Status
from wacana.discussion.models import Comment, CommentStatus
from wacana.moderation import actions
from wacana.moderation.models import ActionKind, ModerationAction, Report
from wacana.notifications.models import Notification
from wacana.testing.content import file_report
from wacana.testing.personas import reporters, signed_in

pytestmark = pytest.mark.django_db


def test_five_different_accounts_within_a_day_hide_an_article(
    client: Client, article: Article, writer: User
) -> None:
    people = reporters(5)
    for person in people[:4]:
        file_report(person, "article", article.pk, "hoaks")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert not ModerationAction.objects.exists()

    file_report(people[4], "article", article.pk, "spam")
    article.refresh_from_db()
    assert article.status == Status.HIDDEN
    assert client.get(article.get_absolute_url()).status_code == 404

    entry = ModerationAction.objects.get()
    assert entry.kind == ActionKind.AUTO_HIDE
    assert entry.moderator_id is None
    assert (entry.subject_id, entry.target_type, entry.target_id) == (
        writer.pk,
        "article",
        article.pk,
    )
    assert entry.rule == "hoaks"  # the most common reason
    assert entry.note
    assert sorted(entry.details["reports"]) == sorted(Report.objects.values_list("pk", flat=True))
    # It waits in the queue: nothing is closed.
    assert Report.objects.filter(status="open").count() == 5

    notice = Notification.objects.get(recipient=writer)
    assert notice.kind == "moderation"
    assert notice.target_url == f"/banding/{entry.pk}"
    assert article.title in notice.message


def test_the_writer_still_sees_the_hidden_article_marked_hidden(
    article: Article, writer: User
) -> None:
    for person in reporters(5):
        file_report(person, "article", article.pk)
    response = signed_in(writer).get(article.get_absolute_url())
    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()


def test_reports_older_than_the_window_do_not_count(article: Article) -> None:
    people = reporters(5)
    for person in people[:4]:
        file_report(person, "article", article.pk)
    Report.objects.update(created_at=timezone.now() - timedelta(hours=25))
    file_report(people[4], "article", article.pk)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_handled_reports_do_not_count(article: Article, moderator: User) -> None:
    people = reporters(5)
    for person in people[:4]:
        file_report(person, "article", article.pk)
    actions.decide(moderator, "article", article.pk, "dismiss", "Tidak melanggar.")
    file_report(people[4], "article", article.pk)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_the_threshold_and_window_come_from_settings(settings: Any, article: Article) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    settings.AUTO_HIDE_WINDOW_HOURS = 1
    first, second = reporters(2)
    file_report(first, "article", article.pk)
    Report.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    file_report(second, "article", article.pk)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    file_report(reporters(1, "lagi")[0], "article", article.pk)
    article.refresh_from_db()
    assert article.status == Status.HIDDEN


def test_comments_are_hidden_automatically_too(
    settings: Any, comment: Comment, article: Article, reader: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 3
    count = Article.objects.get(pk=article.pk).comment_count
    for person in reporters(3):
        file_report(person, "comment", comment.pk, "spam")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert Article.objects.get(pk=article.pk).comment_count == count - 1
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.target_type, entry.subject_id) == ("auto_hide", "comment", reader.pk)
    assert Notification.objects.filter(recipient=reader, kind="moderation").count() == 1


def test_accounts_are_never_suspended_automatically(settings: Any, writer: User) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(4):
        file_report(person, "account", writer.pk, "akun")
    writer.refresh_from_db()
    assert writer.is_active and writer.suspended_at is None
    assert not ModerationAction.objects.exists()


def test_auto_hidden_content_cannot_be_reported_again_and_stays_once_hidden(
    settings: Any, article: Article
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(2):
        file_report(person, "article", article.pk)
    late = reporters(1, "telat")[0]
    assert signed_in(late).get(f"/laporkan?target=article&id={article.pk}").status_code == 404
    assert ModerationAction.objects.filter(kind="auto_hide").count() == 1


def test_dismissing_the_reports_brings_auto_hidden_content_back(
    settings: Any, article: Article, writer: User, moderator: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(2):
        file_report(person, "article", article.pk)
    entry = actions.decide(moderator, "article", article.pk, "dismiss", "Kritik, bukan hoaks.")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert entry.details == {"restored": True}
    assert not Report.objects.filter(status="open").exists()
    assert Notification.objects.filter(recipient=writer).count() == 2  # hidden, then back


def test_a_moderator_can_confirm_the_automatic_hide(
    settings: Any, article: Article, moderator: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(2):
        file_report(person, "article", article.pk)
    entry = actions.decide(moderator, "article", article.pk, "hide", "Memang hoaks.")
    article.refresh_from_db()
    assert article.status == Status.HIDDEN
    assert entry.kind == "hide" and entry.details == {"changed": False}
    assert set(Report.objects.values_list("status", "outcome")) == {("resolved", "hidden")}
