"""A publish and its followers' notice commit together; the fan-out survives a crash."""

from typing import Any

import pytest
from django.contrib.messages import constants as message_levels
from django.test import Client
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions, tasks
from wacana.articles.models import Article, Category, Status
from wacana.articles.tasks import notify_followers
from wacana.notifications import actions as notification_actions
from wacana.notifications.models import Notification
from wacana.testing.api import api_for
from wacana.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
NOTICE_TASK = "wacana.articles.tasks.notify_followers"


@pytest.fixture(autouse=True)
def _database_tasks(settings: Any) -> None:
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def broken_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the queue refused the task")

    monkeypatch.setattr(DatabaseBackend, "enqueue", refuse)


def _draft(author: User, title: str = "Hujan di Kupang") -> Article:
    category = Category.objects.get(slug="puisi")
    return actions.create_article(
        author, {"title": title, "body": "Bait pertama.", "category": category}
    )


def _notice_tasks() -> "list[DBTaskResult[..., Any]]":
    return list(DBTaskResult.objects.filter(task_path=NOTICE_TASK))


# --- point 4: the enqueue is part of the publish ------------------------------------------


def test_a_publish_writes_exactly_one_notice_task_in_its_transaction() -> None:
    # Before, the task was enqueued by transaction.on_commit: a test's transaction never
    # commits, so no row existed here (and a failing enqueue came after the commit).
    writer = make_user("penyair")
    article = _draft(writer)
    actions.publish_article(writer, article)
    (task,) = _notice_tasks()
    assert task.args_kwargs["args"] == [article.pk]
    # Publishing again after an unpublish is not news: still one.
    actions.unpublish_article(writer, article)
    actions.publish_article(writer, article)
    assert len(_notice_tasks()) == 1


def test_a_failing_enqueue_rolls_the_publish_back(broken_queue: None) -> None:
    from wacana.lib.busy import TryAgainLater

    writer = make_user("penyair")
    article = _draft(writer)
    with pytest.raises(TryAgainLater):
        actions.publish_article(writer, article)
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.published_at is None
    writer.refresh_from_db()
    assert writer.article_count == 0
    assert not _notice_tasks()


def test_api_create_and_publish_with_a_failing_enqueue_answers_503(broken_queue: None) -> None:
    writer = make_user("penyair")
    api = api_for(writer)
    response = api.post(
        "/articles",
        {"title": "Senja", "body": "Isi.", "category": "puisi", "status": "published"},
    )
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"} and len(body["detail"]) > 10
    # Nothing half done: no draft left behind for a retry to double.
    assert not Article.objects.filter(author=writer).exists()


def test_api_patch_to_published_with_a_failing_enqueue_keeps_the_draft(
    broken_queue: None,
) -> None:
    writer = make_user("penyair")
    article = _draft(writer)
    response = api_for(writer).patch(
        f"/articles/{article.pk}", {"title": "Judul baru", "status": "published"}
    )
    assert response.status_code == 503
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.title == "Hujan di Kupang"


def test_html_publish_with_a_failing_enqueue_says_so_and_keeps_the_draft(
    broken_queue: None,
) -> None:
    writer = make_user("penyair")
    article = _draft(writer)
    client = Client()
    assert client.login(username="penyair", password=PASSWORD)
    response = client.post(f"/tulis/{article.pk}/status", {"intent": "publish"}, follow=True)
    assert response.status_code == 200
    shown = [(m.level, str(m)) for m in response.context["messages"]]
    assert [level for level, _ in shown] == [message_levels.ERROR], shown
    article.refresh_from_db()
    assert article.status == Status.DRAFT


# --- point 2: the fan-out is safe to run twice --------------------------------------------


@pytest.fixture
def followed_writer(monkeypatch: pytest.MonkeyPatch) -> tuple[User, list[User], Article]:
    monkeypatch.setattr(tasks, "FAN_OUT_BATCH", 3)
    writer = make_user("penyair")
    fans = [make_user(f"penggemar{n}") for n in range(8)]
    for fan in fans:
        account_actions.follow(fan, writer)
    # Unread notices from before (the follows told the writer; one fan has one more).
    notification_actions.notify(fans[0], "editorial", "Kabar redaksi.")
    article = _draft(writer)
    actions.publish_article(writer, article)
    return writer, fans, article


def _told(article: Article) -> list[int]:
    return sorted(
        Notification.objects.filter(
            kind="new_article", target_url=article.get_absolute_url()
        ).values_list("recipient_id", flat=True)
    )


def test_a_fan_out_cut_short_resumes_and_tells_everyone_exactly_once(
    followed_writer: tuple[User, list[User], Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    _writer, fans, article = followed_writer
    real = notification_actions.notify_many
    batches = {"n": 0}

    def crashing(*args: Any, **kwargs: Any) -> int:
        batches["n"] += 1
        if batches["n"] == 3:
            raise RuntimeError("killed in the middle of the fan-out")
        return real(*args, **kwargs)

    monkeypatch.setattr(notification_actions, "notify_many", crashing)
    with pytest.raises(RuntimeError):
        notify_followers.call(article.pk)
    assert len(_told(article)) == 6  # two batches of three went through
    monkeypatch.setattr(notification_actions, "notify_many", real)

    assert notify_followers.call(article.pk) == 2  # only the two left
    assert _told(article) == sorted(fan.pk for fan in fans)
    assert notify_followers.call(article.pk) == 0  # a third run tells nobody
    assert _told(article) == sorted(fan.pk for fan in fans)
    for fan in User.objects.filter(pk__in=[f.pk for f in fans]):
        unread = Notification.objects.filter(recipient=fan, read_at__isnull=True).count()
        assert fan.unread_notifications == unread
        assert unread == (2 if fan.pk == fans[0].pk else 1)


def test_a_batch_run_twice_tells_nobody_twice(
    followed_writer: tuple[User, list[User], Article],
) -> None:
    # A worker killed after its batch committed but before it noted progress repeats it.
    writer, fans, _article = followed_writer
    ids = [fan.pk for fan in fans[:3]]
    first = notification_actions.notify_many(
        ids, "new_article", "Baru.", actor=writer, once_key="new_article:test"
    )
    again = notification_actions.notify_many(
        [*ids, fans[3].pk], "new_article", "Baru.", actor=writer, once_key="new_article:test"
    )
    assert (first, again) == (3, 1)
    assert Notification.objects.filter(once_key="new_article:test").count() == 4
    for fan in User.objects.filter(pk__in=[f.pk for f in fans[:4]]):
        unread = Notification.objects.filter(recipient=fan, read_at__isnull=True).count()
        assert fan.unread_notifications == unread
