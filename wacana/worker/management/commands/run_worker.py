"""`manage.py run_worker`: django-tasks-db's `db_worker`, made to survive a busy database,
with a heartbeat and task leases (wacana.worker.lease).

db_worker tolerates a locked database only around the claim's SELECT; the `BEGIN
IMMEDIATE` (EXCLUSIVE for the claim) before it, and the writes recording a result, raise
"database is locked" out of the loop and the process exits. Here every database step of
the loop is retried with a growing pause (logged each time) for as long as the database
stays busy; a task whose own writes met a busy database is queued again a little later
(tasks are safe to run twice).
"""

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.management.base import CommandError
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from wacana.worker import lease

if TYPE_CHECKING:
    # A task row of any task (django-tasks-db types it by the task's parameters and result).
    TaskRow = DBTaskResult[..., Any]

logger = logging.getLogger("wacana.worker")
T = TypeVar("T")

# Pauses between retries on a busy database: doubling from the first to the last.
FIRST_PAUSE = 0.1
LONGEST_PAUSE = 10.0
# A task that keeps meeting a busy database is given up (FAILED) after this many runs.
MAX_BUSY_RUNS = 10
REQUEUE_CHECK_SECONDS = 10.0


def is_busy(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and is_locked_database_exception(error)


def pause_for(attempt: int) -> float:
    # Jitter, so that several workers do not come back at the same instant.
    return min(LONGEST_PAUSE, FIRST_PAUSE * 2.0 ** (attempt - 1)) * random.uniform(0.8, 1.2)


class Heartbeat(threading.Thread):
    """Beats every HEARTBEAT_SECONDS on its own connection, while tasks run too."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def beat(self) -> None:
        lease.beat(self.worker_id, self.started_at)

    def run(self) -> None:
        try:
            while not self.stopping.wait(lease.HEARTBEAT_SECONDS):
                try:
                    self.beat()
                except Exception as error:  # a missed beat is tried again at the next
                    logger.warning("Worker %s: heartbeat not written (%s)", self.worker_id, error)
                    connection.close()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()


class Worker(db_worker.Worker):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heartbeat = Heartbeat(self.worker_id)
        self.next_requeue_check = 0.0

    def patiently(self, what: str, step: Callable[[], T]) -> T | None:
        """Run a database step, retrying while the database is busy. Returns None when the
        worker is asked to stop in the meantime."""
        attempt = 0
        while True:
            try:
                return step()
            except OperationalError as error:
                if not is_busy(error):
                    raise
                attempt += 1
                pause = pause_for(attempt)
                logger.warning(
                    "Worker %s: database busy while %s (%s); retry %d in %.1f s",
                    self.worker_id,
                    what,
                    error,
                    attempt,
                    pause,
                )
                close_old_connections()
                if not self.running:
                    return None
                time.sleep(pause)

    def claim_next(self) -> "TaskRow | None":
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def requeue_expired(self) -> None:
        if time.monotonic() < self.next_requeue_check:
            return
        self.next_requeue_check = time.monotonic() + REQUEUE_CHECK_SECONDS
        self.patiently("taking back tasks of dead workers", lease.requeue_expired)

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # against a thundering herd
        # Alive before the first claim, so no other worker takes back what it claims.
        self.patiently("writing the first heartbeat", self.heartbeat.beat)
        self.heartbeat.start()
        try:
            self.loop()
        finally:
            self.heartbeat.stop()

    def loop(self) -> None:
        while self.running:
            close_old_connections()
            self.requeue_expired()
            if not self.running:
                return
            task_result = self.patiently("claiming a task", self.claim_next)
            if task_result is not None:
                self.run_task(task_result)
            elif self.batch:
                logger.info("No more tasks to run for worker_id=%s - exiting.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info("Ran %d tasks on worker=%s - exiting.", self._run_tasks, self.worker_id)
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    def run_task(self, db_task_result: "TaskRow") -> None:
        self.running_task = True
        try:
            self._run(db_task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _run(self, db_task_result: "TaskRow") -> None:
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                )
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
        except (KeyboardInterrupt, SystemExit):
            # Stopped by force in the middle: the task is safe to run again from the start.
            self.patiently("putting an interrupted task back", lambda: self.requeue(db_task_result))
            raise
        except BaseException as error:
            runs = len(db_task_result.worker_ids)
            if is_busy(error) and runs < MAX_BUSY_RUNS:
                later = pause_for(runs) * 10
                logger.warning(
                    "Task id=%s met a busy database (%s); queued again in %.0f s (run %d)",
                    db_task_result.id,
                    error,
                    later,
                    runs,
                )
                close_old_connections()
                self.patiently("queueing a task again", lambda: self.requeue(db_task_result, later))
                return
            failure = error
            self.patiently("recording a failure", lambda: db_task_result.set_failed(failure))
            self.finished(db_task_result)
            return
        try:
            self.patiently("recording a result", lambda: db_task_result.set_successful(value))
        except Exception as error:  # e.g. a return value JSON cannot hold
            unrecordable = error
            self.patiently("recording a failure", lambda: db_task_result.set_failed(unrecordable))
        self.finished(db_task_result)

    def finished(self, db_task_result: "TaskRow") -> None:
        try:
            sender = type(db_task_result.task.get_backend())
            task_finished.send(sender=sender, task_result=db_task_result.task_result)
        except Exception:
            logger.exception("Task id=%s: the finished signal failed", db_task_result.id)

    @staticmethod
    def requeue(db_task_result: "TaskRow", after_seconds: float = 0) -> None:
        changes: dict[str, Any] = {"status": TaskResultStatus.READY, "started_at": None}
        if after_seconds:
            changes["run_after"] = timezone.now() + timedelta(seconds=after_seconds)
        DBTaskResult.objects.filter(pk=db_task_result.pk).update(**changes)


class Command(db_worker.Command):
    help = (
        "Run the background task worker: django-tasks-db's db_worker, retrying while the"
        " database is busy, with a heartbeat and leases on running tasks."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        # No autoreloading: a reload would cut a running task (accepted for db_worker's
        # command line; leases make even that safe).
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
