"""The loop beside the server: flush buffered view counts, and prune old task results.

The buffer is shared by every process (Redis, or without it the "views" cache on this
machine's disk), so one loop flushes what every server process counted. Every
`--interval` seconds it enqueues the flush_views task for the task worker
(django-tasks-db's `db_worker`), as `make run` has it. If the task it enqueued last time
is still waiting, no worker is taking tasks: it flushes in this process instead, so
views reach the database with or without a worker. `--direct` always flushes here
(`make dev`). On SIGTERM or Ctrl-C it flushes once more, here, and stops; a view still
buffered when everything stops is not lost either (the buffer is on disk or in Redis)
and is written by the next flush.

Every hour it prunes django-tasks-db's finished results (see tasks.prune_task_results).
Without Redis it also deletes what has expired from the caches on disk at each step
(see wacana.lib.diskcache.remove_expired).
"""

import logging
import signal
import time
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from wacana.articles import counting
from wacana.articles.tasks import flush_views, prune_task_results
from wacana.lib import diskcache

logger = logging.getLogger(__name__)

PRUNE_EVERY_SECONDS = 60 * 60


class Loop:
    """One step per interval; separate from the command so that tests can drive it."""

    def __init__(self, *, direct: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.direct = direct
        self.clock = clock
        self.pending: TaskResult[Any] | None = None
        self.next_prune = clock()
        self.worker_missing = False

    def step(self) -> None:
        if self.clock() >= self.next_prune:
            self.next_prune = self.clock() + PRUNE_EVERY_SECONDS
            try:
                prune_task_results()
            except Exception:
                logger.exception("Pruning task results failed; trying again in an hour")
        try:
            self.flush()
        except Exception:
            # counting.flush puts back what it could not write.
            logger.exception("Flushing view counts failed; they stay buffered")
        try:
            diskcache.remove_expired()
        except Exception:
            logger.exception("Removing expired cache entries failed; trying again later")

    def flush(self) -> None:
        if self.direct or self._last_task_waiting():
            counting.flush()
            return
        self.pending = flush_views.enqueue()

    def _last_task_waiting(self) -> bool:
        if self.pending is None:
            return False
        try:
            self.pending.refresh()
        except TaskResultDoesNotExist:
            self.pending = None  # pruned or removed: enqueue afresh
            return False
        waiting = self.pending.status == TaskResultStatus.READY
        if waiting and not self.worker_missing:
            logger.warning("No task worker took the view flush: flushing in run_view_flusher")
        if not waiting:
            self.pending = None
        self.worker_missing = waiting
        return waiting


class Command(BaseCommand):
    help = (
        "Every few seconds, flush buffered view counts (through the task worker, or here"
        " when none runs); every hour, prune old task results."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=int, default=30, help="seconds between flushes")
        parser.add_argument(
            "--direct", action="store_true", help="flush in this process, not through the worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval = max(1, options["interval"])
        loop = Loop(direct=options["direct"])
        # SIGTERM (a supervisor stopping the site) ends the loop as Ctrl-C does.
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            while True:
                loop.step()
                time.sleep(interval)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        try:
            written = counting.flush()
        except Exception:
            logger.exception("The last flush failed; the views stay buffered")
        else:
            logger.info("Stopping: %d buffered views written", written)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
