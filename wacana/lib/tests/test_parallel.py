"""Parallel test workers (pytest-xdist) keep apart: Redis databases and ports."""

import os
import socket

import pytest
from django.conf import settings

from wacana.testing import parallel


def test_the_first_worker_or_a_serial_run_keeps_the_runs_redis_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert parallel.worker_redis_url("redis://127.0.0.1:6379/15") == "redis://127.0.0.1:6379/15"
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert parallel.worker_redis_url("redis://127.0.0.1:6379/15") == "redis://127.0.0.1:6379/15"


def test_each_next_worker_takes_the_database_below_never_0(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw3")
    url = "redis://:secret@cache.internal:6380/15"
    assert parallel.worker_redis_url(url) == "redis://:secret@cache.internal:6380/12"
    with pytest.raises(RuntimeError, match="PYTEST_WORKERS"):
        parallel.worker_redis_url("redis://127.0.0.1:6379/3")


def test_ports_are_free_or_per_worker_from_a_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WACANA_TEST_X_PORT", raising=False)
    first, second = parallel.server_ports("WACANA_TEST_X_PORT", 2)
    assert first != second
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", first))  # nothing listens there
    monkeypatch.setenv("WACANA_TEST_X_PORT", "9100")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw2")
    assert parallel.server_ports("WACANA_TEST_X_PORT", 2) == [9120, 9121]


def test_this_worker_uses_its_own_redis_database() -> None:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set: the Redis run of `make test` covers this")
    # The session fixture (wacana/conftest.py) moved a later worker down from the run's.
    expected = parallel.worker_redis_url(os.environ.get("WACANA_TEST_RUN_REDIS_URL", url))
    assert url == expected
    for config in settings.CACHES.values():
        assert config["LOCATION"] == expected
