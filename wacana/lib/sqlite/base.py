"""Django's SQLite backend with a fair queue for writers (settings use it for SQLite).

SQLite lets one transaction write at a time. A writer that finds the database locked
is left to SQLite's busy handler, which sleeps and polls (1, 2, 5 ... then 100 ms at a
time) until `busy_timeout`: while the waiters sleep, the database stands idle, the
newest waiter (polling fastest) tends to win, and under 50 concurrent writers some waited
past the 5 s timeout ("database is locked", p99 latency 7 s).

Here every transaction (they all begin with BEGIN IMMEDIATE or EXCLUSIVE, see settings)
first takes the write lock in order: the threads of a process queue on a lock of that
process, and the one at the front waits on an advisory file lock (flock) shared by every
process using the database (the server's workers, the task worker, commands), which the
kernel hands over the moment it is free. It is released at commit or rollback. Waiting
so costs no idle time, and a thread waits in its process's queue for at most
WRITE_WAIT_SECONDS before "database is locked" (answered with 503, see wacana.lib.busy).
Statements outside a transaction (autocommit) still use SQLite's own busy handling.
"""

import fcntl
import os
import threading
from typing import TYPE_CHECKING, Any

from django.db import OperationalError
from django.db.backends.sqlite3 import base

WRITE_WAIT_SECONDS = 20.0

_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


def _process_lock(path: str) -> threading.Lock:
    with _process_locks_guard:
        return _process_locks.setdefault(path, threading.Lock())


if TYPE_CHECKING:

    class _SQLiteWrapper(base.DatabaseWrapper):
        """Django's wrapper with the private transaction steps django-stubs leaves out."""

        def _start_transaction_under_autocommit(self) -> None: ...
        def _commit(self) -> None: ...
        def _rollback(self) -> None: ...
        def _close(self) -> None: ...

else:
    _SQLiteWrapper = base.DatabaseWrapper


class DatabaseWrapper(_SQLiteWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._write_lock_file: int | None = None
        self._write_lock_pid = 0
        self._write_lock_held = False

    def _lock_path(self) -> str | None:
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        return name + ".writelock"

    def _lock_fd(self, path: str) -> int:
        # A descriptor inherited through fork() would share its lock with the parent.
        if self._write_lock_file is None or self._write_lock_pid != os.getpid():
            self._write_lock_file = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            self._write_lock_pid = os.getpid()
        return self._write_lock_file

    def _acquire_write_lock(self) -> None:
        path = self._lock_path()
        if path is None or self._write_lock_held:
            return
        local = _process_lock(path)
        if not local.acquire(timeout=WRITE_WAIT_SECONDS):
            raise OperationalError("database is locked (waited for the write lock)")
        try:
            # Blocking: the kernel wakes the waiting process the moment the lock is free,
            # so the processes take turns (when polling, the process that had just written
            # took the lock again and again while the other slept). Only the front thread
            # of each process waits here; the others wait (with the deadline) above.
            fcntl.flock(self._lock_fd(path), fcntl.LOCK_EX)
        except BaseException:
            local.release()
            raise
        self._write_lock_held = True

    def _release_write_lock(self) -> None:
        if not self._write_lock_held:
            return
        self._write_lock_held = False
        path = self._lock_path()
        assert path is not None and self._write_lock_file is not None
        try:
            fcntl.flock(self._write_lock_file, fcntl.LOCK_UN)
        finally:
            _process_lock(path).release()

    def _start_transaction_under_autocommit(self) -> None:
        self._acquire_write_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_write_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()
        finally:
            self._release_write_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()
        finally:
            self._release_write_lock()

    def _close(self) -> None:
        try:
            super()._close()
        finally:
            self._release_write_lock()
