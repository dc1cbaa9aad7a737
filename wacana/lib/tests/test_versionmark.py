"""The version mark (wacana/lib/versionmark.py): moved by every version write, shared by
every process using the same cache folder (diskcache), or moved by Redis itself for
every process of every machine; none while Redis cannot tell."""

import os
import secrets
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

    def unmoved() -> bool:
        before = versionmark.value()
        pagecache.object_version("thread", 7)
        home.version()
        cache.set("pages-not-a-version", 1, 30)
        cache.set("views:seen:7", 1, 30)
        return versionmark.value() == before

    # With Redis, any FLUSHDB on the server (other test workers empty their databases)
    # moves every mark too: a few tries, so that one of those falls outside.
    assert any(unmoved() for _ in range(5))


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


def _own_tracker() -> Any:
    versionmark.value()
    tracker = next(t for t in versionmark._trackers.values() if t.pid == os.getpid())
    tracker._retry_at = 0.0  # (an earlier test may have left it waiting to retry)
    assert versionmark.value() is not None
    return tracker


@with_redis
def test_pings_answered_move_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    tracker = versionmark.Tracker(os.environ["REDIS_URL"], ["wacana-test-" + secrets.token_hex(4)])
    monkeypatch.setattr(versionmark, "PING_SECONDS", 0.0)
    marks = {tracker.value()}
    replies: list[Any] = []
    real_read = tracker._connection.read_response

    def recorded(*args: Any, **kwargs: Any) -> Any:
        replies.append(real_read(*args, **kwargs))
        return replies[-1]

    monkeypatch.setattr(tracker._connection, "read_response", recorded)
    for _ in range(20):
        time.sleep(0.005)
        marks.add(tracker.value())
    pongs = sum(reply in (b"PONG", "PONG") for reply in replies)
    assert pongs >= 10
    # Only what is not a PONG moves it (a FLUSHDB elsewhere on the server would).
    assert None not in marks
    assert len(marks) <= 1 + len(replies) - pongs


@with_redis
def test_a_link_dropped_without_a_word_is_no_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    tracker = _own_tracker()
    monkeypatch.setattr(versionmark, "PING_SECONDS", 0.0)
    monkeypatch.setattr(versionmark, "PING_TIMEOUT_SECONDS", 0.2)
    # The link is gone but no FIN came: what is sent goes nowhere, nothing arrives.
    real_send = tracker._connection.send_command
    monkeypatch.setattr(
        tracker._connection,
        "send_command",
        lambda *args, **kw: None if args[0] == "PING" else real_send(*args, **kw),
    )
    assert versionmark.value() is not None  # the PING "sent"
    time.sleep(0.3)
    assert versionmark.value() is None  # no PONG within its time: pushes may be lost


@with_redis
def test_an_address_asking_for_resp2_gets_no_mark() -> None:
    # Redis would accept the tracking and send its messages nowhere.
    url = os.environ["REDIS_URL"] + "?protocol=2"
    tracker = versionmark.Tracker(url, [cache.make_key("pages:version")])
    assert tracker.value() is None


@with_redis
def test_a_reader_never_waits_behind_another_thread() -> None:
    tracker = _own_tracker()
    with tracker._lock:  # another thread connecting or reading
        assert versionmark.value() is None  # the versions are read instead
    assert versionmark.value() is not None
