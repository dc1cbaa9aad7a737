"""A new article reaches the writer's followers through a background task."""

from typing import Any

import pytest
from django.test import TestCase

from wacana.accounts import actions as account_actions
from wacana.articles import actions
from wacana.articles.models import Category
from wacana.articles.tasks import notify_followers
from wacana.notifications.models import Notification
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _draft(author: Any) -> Any:
    category = Category.objects.get(slug="puisi")
    return actions.create_article(
        author, {"title": "Hujan di Kupang", "body": "Bait pertama.", "category": category}
    )


def test_publishing_notifies_followers_once_after_commit(immediate_tasks: None) -> None:
    writer, fan, other = make_user("penyair"), make_user("penggemar"), make_user("orang_lain")
    account_actions.follow(fan, writer)
    article = _draft(writer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.publish_article(writer, article)
    notices = list(Notification.objects.filter(kind="new_article"))
    assert [n.recipient_id for n in notices] == [fan.pk]
    assert notices[0].target_url == article.get_absolute_url()
    assert "Hujan di Kupang" in notices[0].message
    fan.refresh_from_db()
    other.refresh_from_db()
    assert fan.unread_notifications == 1 and other.unread_notifications == 0
    # Unpublishing and publishing again is not news.
    actions.unpublish_article(writer, article)
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.publish_article(writer, article)
    assert Notification.objects.filter(kind="new_article").count() == 1


def test_nothing_is_sent_inside_the_publish_request(settings: Any) -> None:
    # With the database backend the work waits for the worker: the request only enqueues.
    writer, fan = make_user("penyair"), make_user("penggemar")
    account_actions.follow(fan, writer)
    article = _draft(writer)
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        actions.publish_article(writer, article)
    assert len(callbacks) >= 1
    assert not Notification.objects.filter(kind="new_article").exists()


def test_fan_out_goes_in_batches_and_reaches_everyone(
    immediate_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wacana.articles import tasks

    monkeypatch.setattr(tasks, "FAN_OUT_BATCH", 3)
    writer = make_user("penyair")
    fans = [make_user(f"penggemar{n}") for n in range(8)]
    for fan in fans:
        account_actions.follow(fan, writer)
    article = _draft(writer)
    actions.publish_article(writer, article)  # runs the task at once (immediate backend)
    assert sorted(
        Notification.objects.filter(kind="new_article").values_list("recipient_id", flat=True)
    ) == sorted(f.pk for f in fans)


def test_an_unpublished_article_notifies_nobody(immediate_tasks: None) -> None:
    writer, fan = make_user("penyair"), make_user("penggemar")
    account_actions.follow(fan, writer)
    article = _draft(writer)
    assert notify_followers.call(article.pk) == 0
    assert not Notification.objects.filter(kind="new_article").exists()
