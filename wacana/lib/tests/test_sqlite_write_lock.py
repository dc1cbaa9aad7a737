"""On SQLite, writing transactions queue for the write lock instead of polling."""

import threading
import time
from typing import Any

import pytest
from django.db import OperationalError, connection, transaction

from wacana.lib.sqlite import base
from wacana.notifications.models import Notification

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock only"),
]


def _hold(seconds: float, started: threading.Event, errors: list[BaseException]) -> None:
    try:
        with transaction.atomic():
            started.set()
            time.sleep(seconds)
    except BaseException as error:
        errors.append(error)
    finally:
        connection.close()


def _write(results: list[Any]) -> None:
    try:
        with transaction.atomic():
            results.append(Notification.objects.count())
    except BaseException as error:
        results.append(error)
    finally:
        connection.close()


def test_a_writer_waits_its_turn_beyond_sqlite_busy_timeout(monkeypatch: Any) -> None:
    # SQLite alone gives up after busy_timeout (5 s) with "database is locked"; the queue
    # waits up to WRITE_WAIT_SECONDS. Shrunk here: SQLite's timeout 0.2 s, the queue's 5 s.
    monkeypatch.setattr(base, "WRITE_WAIT_SECONDS", 5.0)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout = 200")
    started = threading.Event()
    errors: list[BaseException] = []
    results: list[Any] = []
    holder = threading.Thread(target=_hold, args=(1.0, started, errors))
    holder.start()
    assert started.wait(5)
    began = time.monotonic()
    _write(results)
    holder.join()
    assert errors == [] and results == [0]
    assert time.monotonic() - began >= 0.5  # it did wait for the holder


def test_a_writer_gives_up_with_database_is_locked_after_the_wait(monkeypatch: Any) -> None:
    monkeypatch.setattr(base, "WRITE_WAIT_SECONDS", 0.3)
    started = threading.Event()
    errors: list[BaseException] = []
    results: list[Any] = []
    holder = threading.Thread(target=_hold, args=(1.5, started, errors))
    holder.start()
    assert started.wait(5)
    _write(results)
    holder.join()
    assert len(results) == 1 and isinstance(results[0], OperationalError)
    assert "database is locked" in str(results[0])


def test_the_lock_is_released_after_a_rollback() -> None:
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        1 / 0  # noqa: B018
    results: list[Any] = []
    worker = threading.Thread(target=_write, args=(results,))
    worker.start()
    worker.join(10)
    assert results == [0]
