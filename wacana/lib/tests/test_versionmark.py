"""The version mark (wacana/lib/versionmark.py): moved by every version write, shared by
every process using the same cache folder (diskcache), or moved by Redis itself for
every process of every machine; none while Redis cannot tell."""

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache

from wacana.discovery import home
from wacana.lib import pagecache, versionmark

ON_DISK = "views" in settings.CACHES
one_machine = pytest.mark.skipif(not ON_DISK, reason="runs without Redis (diskcache)")
with_redis = pytest.mark.skipif(ON_DISK, reason="runs with Redis (REDIS_URL)")


def _thread() -> None:
    pagecache.touch("thread", 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "move", [_thread, pagecache.forget, home.forget], ids=["thread", "site", "home"]
)
def test_every_version_write_moves_the_mark_at_once(move: Any) -> None:
    before = versionmark.value()
    assert before is not None
    move()
    now = versionmark.value()  # no wait: the write is known before it returns
    assert now is not None
    assert now != before


@pytest.mark.django_db
def test_the_mark_never_comes_back_to_a_value() -> None:
    seen = {versionmark.value()}
    for _ in range(20):
        _thread()
        now = versionmark.value()
        assert now not in seen
        seen.add(now)


@pytest.mark.django_db
def test_reading_and_other_keys_move_nothing() -> None:
    pagecache.object_version("thread", 7)  # created once, if missing
    home.version()
    before = versionmark.value()
    pagecache.object_version("thread", 7)
    home.version()
    cache.set("pages-not-a-version", 1, 30)
    cache.set("views:seen:7", 1, 30)
    assert versionmark.value() == before


def test_only_version_keys_are_covered() -> None:
    assert versionmark.covers("pages:version")
    assert versionmark.covers("pages:version:thread:12")
    assert versionmark.covers("home:version")
    assert not versionmark.covers("sidebar:popular")


@one_machine
def test_another_process_moving_it_is_seen_at_once() -> None:
    before = versionmark.value()
    folder = Path(settings.CACHES["default"]["LOCATION"]).parent
    environ = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environ |= {"WACANA_CACHE_DIR": str(folder), "DJANGO_SETTINGS_MODULE": "wacana.settings"}
    code = (
        "import django; django.setup();"
        "from wacana.lib import versionmark; versionmark.moved();"
        "print(versionmark.value().hex())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    now = versionmark.value()
    assert now is not None
    assert now != before
    assert done.stdout.strip() == now.hex()


@with_redis
def test_another_machines_write_is_seen_at_once() -> None:
    import redis

    before = versionmark.value()
    assert before is not None
    # Another machine: its own client, writing the key as its cache would.
    other = redis.Redis.from_url(os.environ["REDIS_URL"])
    other.set(cache.make_key("pages:version:thread:99"), "elsewhere")
    assert versionmark.value() != before


@with_redis
def test_without_tracking_there_is_no_mark_until_it_starts_again() -> None:
    import redis

    before = versionmark.value()
    tracker = next(iter(t for t in versionmark._trackers.values() if t.pid == os.getpid()))
    other = redis.Redis.from_url(os.environ["REDIS_URL"])
    # Redis drops the tracking connection (a restart, a timeout): nothing is known.
    killed = other.client_kill_filter(_id=str(_client_id(tracker)))
    assert killed == 1
    assert versionmark.value() is None
    assert versionmark.value() is None  # waits RETRY_SECONDS before trying again
    tracker._retry_at = 0.0  # (as if that second had passed)
    again = versionmark.value()
    assert again is not None
    assert again != before  # what moved meanwhile is unknown: a new value
    other.set(cache.make_key("home:version"), "elsewhere")
    assert versionmark.value() != again


@with_redis
def test_a_connection_redis_py_reopened_silently_is_no_mark() -> None:
    assert versionmark.value() is not None
    tracker = next(iter(t for t in versionmark._trackers.values() if t.pid == os.getpid()))
    tracker._connection.disconnect()  # redis-py would reconnect, tracking nothing
    assert versionmark.value() is None


def _client_id(tracker: Any) -> int:
    tracker._connection.send_command("CLIENT", "ID")
    return int(tracker._connection.read_response())


def test_a_redis_refusing_tracking_is_asked_less_and_less_often() -> None:
    tracker = versionmark.Tracker("redis://127.0.0.1:1/0", ["nowhere:"])  # nothing listens
    waits = []
    for _ in range(8):
        tracker._retry_at = 0.0
        assert tracker.value() is None
        waits.append(round(tracker._retry_at - time.monotonic()))
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60]  # RETRY_SECONDS doubled, RETRY_MAX_SECONDS
