"""run_worker: survives a busy database, beats, and takes back tasks of dead workers."""

import contextlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from wacana.articles.tasks import flush_views
from wacana.worker import lease
from wacana.worker.management.commands import run_worker
from wacana.worker.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LOCKED = "database is locked"


@pytest.fixture(autouse=True)
def _database_tasks(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = DATABASE_TASKS
    settings.TASK_LEASE_SECONDS = 60
    # Retries wait for nothing here; and the test's transaction must stay open (the worker
    # closes connections found inside a transaction, as after a request).
    monkeypatch.setattr(run_worker, "pause_for", lambda attempt: 0.0)
    monkeypatch.setattr(run_worker, "close_old_connections", lambda: None)


def make_worker(worker_id: str = "worker-a", **options: Any) -> run_worker.Worker:
    settings: dict[str, Any] = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": worker_id,
        "excluded_queue_names": [],
    }
    return run_worker.Worker(**(settings | options))


def status_of(task_id: Any) -> str:
    return str(DBTaskResult.objects.get(pk=task_id).status)


def failing_first(times: int, real: Any) -> Any:
    """A stand-in that raises "database is locked" on its first `times` calls."""
    calls = {"n": 0}

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= times:
            raise OperationalError(LOCKED)
        return real(*args, **kwargs)

    return stand_in


def test_a_locked_begin_is_retried_and_the_task_runs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # db_worker's BEGIN (entering exclusive_transaction) raised out of its loop: it died.
    result = flush_views.enqueue()
    monkeypatch.setattr(
        run_worker, "exclusive_transaction", failing_first(3, exclusive_transaction)
    )
    make_worker().run()
    assert status_of(result.id) == "SUCCESSFUL"
    retries = [r for r in caplog.records if "database busy while claiming" in r.getMessage()]
    assert len(retries) == 3
    assert "retry 3" in retries[-1].getMessage()


def test_recording_the_result_is_retried_while_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    result = flush_views.enqueue()
    monkeypatch.setattr(
        DBTaskResult, "set_successful", failing_first(5, DBTaskResult.set_successful)
    )
    make_worker().run()
    assert status_of(result.id) == "SUCCESSFUL"


def test_a_task_meeting_a_busy_database_is_queued_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from wacana.articles import counting

    result = flush_views.enqueue()
    monkeypatch.setattr(counting, "flush", failing_first(1, counting.flush))
    make_worker(max_tasks=1).run()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "READY" and row.run_after > timezone.now()
    # Its time come, it runs.
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())
    make_worker("worker-b").run()
    assert status_of(result.id) == "SUCCESSFUL"


def test_other_database_errors_still_fail_the_task(monkeypatch: pytest.MonkeyPatch) -> None:
    from wacana.articles import counting

    def broken() -> int:
        raise OperationalError("no such table: nowhere")

    result = flush_views.enqueue()
    monkeypatch.setattr(counting, "flush", broken)
    make_worker().run()
    assert status_of(result.id) == "FAILED"


def test_a_task_cut_short_by_force_goes_back_in_the_queue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wacana.articles import counting

    def interrupted() -> int:
        raise SystemExit(1)  # the second Ctrl-C: db_worker's handler calls sys.exit(1)

    result = flush_views.enqueue()
    monkeypatch.setattr(counting, "flush", interrupted)
    with pytest.raises(SystemExit):
        make_worker().run()
    assert status_of(result.id) == "READY"


def test_the_worker_beats_and_the_age_is_readable() -> None:
    assert lease.worker_heartbeat_age() is None and lease.worker_last_seen() is None
    make_worker("worker-a").run()
    assert lease.worker_last_seen() == WorkerHeartbeat.objects.get().seen_at
    age = lease.worker_heartbeat_age()
    assert age is not None and age < 5
    beat = WorkerHeartbeat.objects.get()
    assert beat.worker_id == "worker-a" and beat.pid > 0
    later = beat.seen_at + timedelta(seconds=42)
    assert lease.worker_heartbeat_age(now=later) == pytest.approx(42)


def test_the_command_runs_in_batch_mode() -> None:
    result = flush_views.enqueue()
    call_command("run_worker", "--batch", "--no-startup-delay", "--worker-id", "cmd", verbosity=0)
    assert status_of(result.id) == "SUCCESSFUL"
    assert WorkerHeartbeat.objects.filter(worker_id="cmd").exists()


# --- leases -------------------------------------------------------------------------------


@contextlib.contextmanager
def running(worker_id: str, started_ago: float, seen_ago: float | None) -> Iterator[Any]:
    """A task claimed `started_ago` seconds ago by `worker_id`, last seen `seen_ago`
    seconds ago (None: that worker never beat, e.g. a plain db_worker)."""
    now = timezone.now()
    result = flush_views.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=now - timedelta(seconds=started_ago), worker_ids=[worker_id]
    )
    if seen_ago is not None:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            hostname="here",
            pid=1,
            started_at=now - timedelta(hours=1),
            seen_at=now - timedelta(seconds=seen_ago),
        )
    yield result


def test_a_running_task_whose_worker_died_is_run_again() -> None:
    # Killed with -9 mid-task: the row stayed RUNNING and db_worker never looked at it.
    with running("dead", started_ago=600, seen_ago=120) as result:
        make_worker("alive").run()
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == "SUCCESSFUL"
        assert row.worker_ids == ["dead", "alive"]


def test_a_running_task_of_a_live_worker_is_left_alone() -> None:
    with running("busy", started_ago=600, seen_ago=2) as result:
        assert lease.requeue_expired() == 0
        make_worker("other").run()
        assert status_of(result.id) == "RUNNING"


def test_a_task_just_claimed_is_left_alone_even_without_a_heartbeat() -> None:
    with running("plain-db-worker", started_ago=5, seen_ago=None) as result:
        assert lease.requeue_expired() == 0
        assert status_of(result.id) == "RUNNING"


def test_the_lease_is_a_setting(settings: Any) -> None:
    with running("slow", started_ago=200, seen_ago=100) as result:
        settings.TASK_LEASE_SECONDS = 300
        assert lease.requeue_expired() == 0
        settings.TASK_LEASE_SECONDS = 60
        assert lease.requeue_expired() == 1
        assert status_of(result.id) == "READY"


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_goes_on_while_a_long_task_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from wacana.articles import counting

    seen: list[Any] = []

    def long_task() -> int:
        first = WorkerHeartbeat.objects.get(worker_id="steady").seen_at
        time.sleep(1.0)
        seen.extend([first, WorkerHeartbeat.objects.get(worker_id="steady").seen_at])
        return 0

    monkeypatch.setattr(lease, "HEARTBEAT_SECONDS", 0.1)
    monkeypatch.setattr(counting, "flush", long_task)
    result = flush_views.enqueue()
    make_worker("steady").run()
    assert status_of(result.id) == "SUCCESSFUL"
    first, later = seen
    assert (later - first).total_seconds() >= 0.5
