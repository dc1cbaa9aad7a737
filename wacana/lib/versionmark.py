"""A mark that moves whenever a page version may have moved, read without a cache read.

The front (wacana/lib/front.py) answers a copy only while each version key its page was
made under still has its value: one cache read per answer. The mark saves that read:
while it has the value it had when a copy was made, no version moved since, and the
front skips the read. There are two kinds, after the cache:

- **diskcache** (one machine, no Redis): every process that can move a version uses the
  same cache folder, so it also moves eight bytes in a file beside it, which each
  process maps into its memory (`moved`, called after each version write). Each move
  writes fresh random bytes, so a value never comes back (a counter two processes bump
  at once could).
- **Redis**: other machines move versions too, and share no memory. Each process keeps
  one more connection, on which Redis itself tells of every write to a version key
  (client-side caching's broadcast tracking, Redis 6 and later): the mark moves on each
  such message, read without waiting (a poll of the socket: about 3 µs, where the
  versions' round trip cost 100). Redis sends the message as it applies the write,
  before the writer's own request has even finished, so a reader's next request finds
  it. While that connection is down (Redis restarted, an older Redis), there is no mark
  and the front reads the versions on each answer, as it would without one.

Order makes it safe: a version is written before the mark moves, and the front reads the
mark before Django reads the versions; so a version moved after Django read it also
moved the mark after the front read it. Only keys under `PREFIXES` are followed: a copy
that read any other key is checked by reading (`covers`).
"""

import contextlib
import logging
import mmap
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

import redis
from django.core.cache import caches
from redis.maint_notifications import MaintNotificationsConfig

from wacana.lib.diskcache import DiskCache
from wacana.lib.rediscache import RedisCache

logger = logging.getLogger(__name__)

# The version keys the mark follows: the kept pages' (wacana/lib/pagecache.py, the site's
# and each object's) and the home's (wacana/discovery/home.py).
PREFIXES = ("pages:version", "home:version")

_SIZE = 8
_FILE = "versions.mark"
_maps: dict[str, mmap.mmap] = {}
_lock = threading.Lock()


def covers(key: str) -> bool:
    return key.startswith(PREFIXES)


def value() -> bytes | None:
    """The mark now; None where there is none (the front then reads the versions)."""
    backend = caches["default"]
    if isinstance(backend, DiskCache):
        return _map(str(backend.directory))[:_SIZE]
    if isinstance(backend, RedisCache):
        return _tracker(backend).value()
    return None


def moved() -> None:
    """A version key was just written: every copy made before now must read them again.
    (With Redis, Redis itself tells every process.)"""
    backend = caches["default"]
    if isinstance(backend, DiskCache):
        _map(str(backend.directory))[:_SIZE] = secrets.token_bytes(_SIZE)


# --- One machine: a file each process maps --------------------------------------------------


def _map(directory: str) -> mmap.mmap:
    found = _maps.get(directory)
    if found is not None:
        return found
    with _lock:
        found = _maps.get(directory)
        if found is None:
            Path(directory).mkdir(parents=True, exist_ok=True)
            # As the cache's own files: whoever may write the cache may move the mark.
            fd = os.open(Path(directory) / _FILE, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                if os.fstat(fd).st_size < _SIZE:
                    os.ftruncate(fd, _SIZE)  # zeros: as good a first value as any
                found = mmap.mmap(fd, _SIZE)
            finally:
                os.close(fd)
            _maps[directory] = found
    return found


# --- Redis: told of each write by Redis ------------------------------------------------------

# Seconds before trying again after the tracking connection failed, doubled after each
# failure up to the most (a Redis that refuses CLIENT TRACKING is asked once a minute).
RETRY_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0


# A PING every PING_SECONDS on the tracking connection; its PONG comes after every push
# sent before it, so a PONG unanswered for PING_TIMEOUT_SECONDS means pushes may be lost
# on the way (a link dropped without a word: a NAT's idle timeout, a partition): no mark.
PING_SECONDS = 1.0
PING_TIMEOUT_SECONDS = 2.0


class Tracker:
    """One process's tracking connection to the cache's Redis (the primary, which every
    write reaches) and the mark it keeps."""

    def __init__(self, url: str, prefixes: list[str]) -> None:
        self.url = url
        self.prefixes = prefixes
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._client: Any = None
        self._connection: Any = None
        self._socket: Any = None
        self._mark: bytes | None = None
        self._retry_at = 0.0
        self._delay = RETRY_SECONDS
        self._pinged_at = 0.0  # when the PING now unanswered was sent (0: none)
        self._pinged_last = 0.0

    def value(self) -> bytes | None:
        # Another thread reading (or connecting) now: read the versions rather than wait
        # behind it (a connection attempt can take half a second).
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._connection is None:
                self._connect()
            if self._connection is not None:
                self._read()
        except Exception:
            # Whatever went wrong (Redis gone, a reply not understood), nothing can be
            # known of what moved meanwhile: no mark until tracking starts again.
            logger.warning("versionmark: tracking Redis failed; versions are read", exc_info=True)
            self._close()
        finally:
            self._lock.release()
        return self._mark

    def _read(self) -> None:
        connection = self._connection
        if connection._sock is not self._socket:
            # redis-py reconnects by itself on a closed connection: the new one tracks
            # nothing, so its silence would mean nothing.
            raise redis.ConnectionError("the tracking connection was closed")
        moved = False
        while connection.can_read(timeout=0):
            reply = connection.read_response(push_request=True)
            if reply in (b"PONG", "PONG"):
                self._pinged_at = 0.0
            else:
                moved = True  # an invalidation (redis-py's handler returns None for it)
        if moved:
            self._mark = secrets.token_bytes(_SIZE)
        now = time.monotonic()
        if self._pinged_at and now - self._pinged_at > PING_TIMEOUT_SECONDS:
            raise redis.ConnectionError("no PONG on the tracking connection")
        if not self._pinged_at and now - self._pinged_last >= PING_SECONDS:
            connection.send_command("PING")
            self._pinged_at = self._pinged_last = now

    def _connect(self) -> None:
        if time.monotonic() < self._retry_at:
            return
        client = redis.Redis.from_url(
            self.url,
            protocol=3,
            socket_connect_timeout=0.5,
            socket_timeout=0.5,
            socket_keepalive=True,
            # Not for a connection only this tracker reads (redis-py's timer thread
            # could close it: see MaintNotificationsConfig).
            maint_notifications_config=MaintNotificationsConfig(enabled=False),
        )
        connection: Any = client.connection_pool.get_connection()  # (untyped in redis-py)
        try:
            if str(connection.protocol) != "3":
                # RESP2 (?protocol=2 in the address wins over ours): Redis accepts the
                # tracking but sends its messages nowhere, so silence would mean nothing.
                raise redis.RedisError("tracking needs RESP3; the address asks for RESP2")
            args: list[str] = []
            for prefix in self.prefixes:
                args += ["PREFIX", prefix]
            connection.send_command("CLIENT", "TRACKING", "ON", "BCAST", *args)
            reply = connection.read_response()
            if reply not in (b"OK", "OK"):
                raise redis.RedisError(f"CLIENT TRACKING answered {reply!r}")
        except Exception:
            connection.disconnect()
            raise
        # The client too: when it goes, its pool closes the connection.
        self._client, self._connection = client, connection
        self._socket = connection._sock
        self._pinged_at = 0.0
        self._pinged_last = time.monotonic()
        # A new value: whatever moved while there was no connection is unknown.
        self._mark = secrets.token_bytes(_SIZE)
        self._delay = RETRY_SECONDS

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # closing a connection already broken
                self._connection.disconnect()
        self._client = self._connection = self._socket = None
        self._mark = None
        self._retry_at = time.monotonic() + self._delay
        self._delay = min(self._delay * 2, RETRY_MAX_SECONDS)


_trackers: dict[tuple[int, str, str], Tracker] = {}


def _tracker(backend: RedisCache) -> Tracker:
    # The primary, which every write reaches (replicas only read). Django's, untyped.
    url = str(getattr(backend, "_servers")[0])  # noqa: B009
    key = (os.getpid(), url, backend.key_prefix)
    found = _trackers.get(key)
    if found is None:
        with _lock:
            found = _trackers.get(key)
            if found is None:
                # A forked process starts its own connection, never a parent's socket.
                prefixes = [backend.make_key(prefix) for prefix in PREFIXES]
                found = _trackers[key] = Tracker(url, prefixes)
    return found
