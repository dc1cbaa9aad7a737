"""A mark shared by every process of one machine, moved whenever a page version moves.

The front (wacana/lib/front.py) answers a copy only while each version key its page was
made under still has its value: one cache read per answer. Where the cache itself is on
this machine (diskcache, the one-machine setup without Redis), every process that can
move a version uses that same folder, so it can also move eight bytes in a file beside
it, which each process maps into its memory: reading them costs no system call. While
the mark has the value it had when a copy was made, no version moved since, and the
front skips the cache read. Each move writes fresh random bytes, so a value never comes
back (a counter two processes bump at once could). With Redis, processes on other
machines move versions too and share no memory: there is no mark, and the front reads
the versions on every answer.

Order makes it safe: a version is written before the mark moves (`moved`), and the front
reads the mark before Django reads the versions; so a version moved after Django read it
also moved the mark after the front read it.
"""

import mmap
import os
import secrets
import threading
from pathlib import Path

from django.core.cache import caches

from wacana.lib.diskcache import DiskCache

_SIZE = 8
_FILE = "versions.mark"
_maps: dict[str, mmap.mmap] = {}
_lock = threading.Lock()


def _map(directory: str) -> mmap.mmap:
    found = _maps.get(directory)
    if found is not None:
        return found
    with _lock:
        found = _maps.get(directory)
        if found is None:
            Path(directory).mkdir(parents=True, exist_ok=True)
            fd = os.open(Path(directory) / _FILE, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if os.fstat(fd).st_size < _SIZE:
                    os.ftruncate(fd, _SIZE)  # zeros: as good a first value as any
                found = mmap.mmap(fd, _SIZE)
            finally:
                os.close(fd)
            _maps[directory] = found
    return found


def _directory() -> str | None:
    backend = caches["default"]
    return str(backend.directory) if isinstance(backend, DiskCache) else None


def value() -> bytes | None:
    """The mark now; None where the cache is not this machine's alone (Redis)."""
    directory = _directory()
    return None if directory is None else _map(directory)[:_SIZE]


def moved() -> None:
    """A version key was just written: every copy made before now must read them again."""
    directory = _directory()
    if directory is not None:
        _map(directory)[:_SIZE] = secrets.token_bytes(_SIZE)
