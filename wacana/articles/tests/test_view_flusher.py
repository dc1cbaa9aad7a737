"""run_view_flusher: views reach the database with or without a task worker, and
django-tasks-db's finished results are pruned (a day kept, failures a week)."""

import time
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.accounts.models import User
from wacana.articles import counting, tasks
from wacana.articles.management.commands import run_view_flusher
from wacana.articles.management.commands.run_view_flusher import PRUNE_EVERY_SECONDS, Loop
from wacana.articles.models import Article, DailyViews
from wacana.articles.tests.test_counting import view_request
from wacana.testing.content import publish

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _tasks_in_the_database(settings: Any) -> None:
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def article(writer: User) -> Article:
    published = publish(writer)
    # The publish queued its followers' notice; these tests count flush tasks only.
    DBTaskResult.objects.all().delete()
    return published


def views(article: Article) -> int:
    return Article.objects.get(pk=article.pk).view_count


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- pruning ----------------------------------------------------------------------------


def _finished(status: str, days_ago: float) -> str:
    result = tasks.flush_views.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, finished_at=timezone.now() - timedelta(days=days_ago)
    )
    return str(result.id)


def test_prune_keeps_a_day_of_results_and_a_week_of_failures() -> None:
    kept = {
        _finished("SUCCESSFUL", 0.5),
        _finished("FAILED", 3),
        _finished("FAILED", 6.5),
        str(tasks.flush_views.enqueue().id),  # waiting to run, however old: never pruned
    }
    DBTaskResult.objects.filter(status="READY").update(
        enqueued_at=timezone.now() - timedelta(days=30)
    )
    gone = {_finished("SUCCESSFUL", 1.5), _finished("SUCCESSFUL", 40), _finished("FAILED", 8)}
    assert tasks.prune_task_results() is True
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert remaining == kept
    assert not remaining & gone


def test_prune_does_nothing_for_tasks_not_kept_in_the_database(settings: Any) -> None:
    _finished("SUCCESSFUL", 40)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert tasks.prune_task_results() is False
    assert DBTaskResult.objects.count() == 1


def test_the_loop_prunes_at_start_and_then_hourly(monkeypatch: pytest.MonkeyPatch) -> None:
    pruned: list[float] = []
    clock = Clock()
    monkeypatch.setattr(run_view_flusher, "prune_task_results", lambda: pruned.append(clock.now))
    loop = Loop(direct=False, clock=clock)
    for _ in range(3):
        loop.step()
        clock.now += PRUNE_EVERY_SECONDS / 3 - 1
    assert pruned == [1000.0]
    clock.now = 1000.0 + PRUNE_EVERY_SECONDS
    loop.step()
    loop.step()
    assert pruned == [1000.0, 1000.0 + PRUNE_EVERY_SECONDS]


def test_a_failing_prune_or_flush_does_not_stop_the_loop(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: Any) -> None:
        raise RuntimeError("database away")

    monkeypatch.setattr(run_view_flusher, "prune_task_results", fail)
    monkeypatch.setattr(counting, "_apply", fail)
    counting.record_view(view_request("192.0.2.60"), article)
    loop = Loop(direct=True)
    loop.step()  # logs both failures, raises neither
    monkeypatch.undo()
    loop.step()
    assert views(article) == 1  # the failed flush put the view back


# --- flushing with and without a worker -----------------------------------------------


def run_waiting_tasks() -> None:
    """What db_worker does with each waiting task (claim, call, record the result); the
    worker itself closes the database connection, which a test transaction cannot have."""
    for row in DBTaskResult.objects.filter(status="READY"):
        row.claim("test-worker")
        result = row.task_result
        row.set_successful(row.task.call(*result.args, **result.kwargs))


def test_direct_flushes_here_and_enqueues_nothing(article: Article) -> None:
    counting.record_view(view_request("192.0.2.61"), article)
    Loop(direct=True).step()
    assert views(article) == 1
    assert DailyViews.objects.get(article=article).views == 1
    assert DBTaskResult.objects.count() == 0


def test_with_a_worker_the_flush_goes_through_the_task(article: Article) -> None:
    counting.record_view(view_request("192.0.2.62"), article)
    loop = Loop(direct=False)
    loop.step()
    assert views(article) == 0  # enqueued, not yet run
    assert DBTaskResult.objects.get().status == "READY"
    run_waiting_tasks()
    assert views(article) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    counting.record_view(view_request("192.0.2.63"), article)
    loop.step()  # the last task ran: a new one is enqueued
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert views(article) == 1


def test_without_a_worker_the_loop_flushes_itself(article: Article) -> None:
    counting.record_view(view_request("192.0.2.64"), article)
    loop = Loop(direct=False)
    loop.step()
    assert views(article) == 0
    loop.step()  # the task is still waiting: nobody runs tasks, so flush here
    assert views(article) == 1
    counting.record_view(view_request("192.0.2.65"), article)
    loop.step()
    assert views(article) == 2
    # No pile of waiting tasks meanwhile: just the one.
    assert DBTaskResult.objects.count() == 1
    # A worker comes back: it runs the waiting flush (nothing left to write), and the
    # loop returns to enqueueing.
    run_waiting_tasks()
    counting.record_view(view_request("192.0.2.66"), article)
    loop.step()
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    run_waiting_tasks()
    assert views(article) == 3


def test_a_pruned_waiting_task_is_enqueued_afresh(article: Article) -> None:
    loop = Loop(direct=False)
    loop.step()
    DBTaskResult.objects.all().delete()
    loop.step()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_the_command_runs_the_loop_and_flushes_once_more_when_stopped(
    monkeypatch: pytest.MonkeyPatch, article: Article
) -> None:
    counting.record_view(view_request("192.0.2.67"), article)

    def stop(seconds: float) -> None:
        # Counted after the loop's flush, while it sleeps; then Ctrl-C (or SIGTERM).
        counting.record_view(view_request("192.0.2.68"), article)
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", stop)
    call_command("run_view_flusher", "--direct")
    assert views(article) == 2
    assert counting.flush() == 0


def test_sigterm_stops_the_command_like_ctrl_c(
    monkeypatch: pytest.MonkeyPatch, article: Article
) -> None:
    import os
    import signal

    def terminate(seconds: float) -> None:
        counting.record_view(view_request("192.0.2.69"), article)
        os.kill(os.getpid(), signal.SIGTERM)

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(time, "sleep", terminate)
    call_command("run_view_flusher", "--direct")
    assert views(article) == 1  # written by the flush on the way out
    assert signal.getsignal(signal.SIGTERM) == before


def test_the_loop_deletes_expired_entries_from_the_caches_on_disk() -> None:
    import time

    from django.core.cache import caches

    limits: Any = caches["limits"]
    if counting.redis_client() is not None:
        pytest.skip("Redis deletes expired keys itself")
    # A rate-limit entry (a hashed address) whose window has passed, and a live one.
    limits.set("rl:live", 1, timeout=60)
    limits.set("rl:gone", 1, timeout=1)
    time.sleep(1.1)
    assert limits.get("rl:gone") is None
    assert len(limits._cache) == 2  # expired, but still on disk
    Loop(direct=True).step()
    assert len(limits._cache) == 1
    assert limits.get("rl:live") == 1
