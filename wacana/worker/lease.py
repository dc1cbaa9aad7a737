"""Worker heartbeats and task leases.

A task worker (`manage.py run_worker`) writes its heartbeat every HEARTBEAT_SECONDS from
a thread of its own, also while it runs a long task. A task it claimed (RUNNING) is its
lease: as long as the heartbeat is fresh nobody else touches the task. When the worker
died (kill -9, power cut) its heartbeat goes stale, and after LEASE_SECONDS the next
worker puts the task back in the queue and runs it again. Every task is written to be
safe to run twice (see wacana.articles.tasks.notify_followers).
"""

import logging
import os
import socket
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from wacana.worker.models import WorkerHeartbeat

logger = logging.getLogger("wacana.worker")

# The heartbeat's period: a health check finding it older than a few of these sees a
# worker that is gone or stuck.
HEARTBEAT_SECONDS = 5.0
# Heartbeats of workers that stopped long ago are pruned after this.
FORGET_AFTER = timedelta(days=1)


def lease_seconds() -> float:
    return float(getattr(settings, "TASK_LEASE_SECONDS", 60))


def beat(worker_id: str, started_at: datetime, now: datetime | None = None) -> None:
    """Record that `worker_id` is alive now."""
    now = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": now,
        },
    )


def worker_last_seen() -> datetime | None:
    """When any task worker last beat (written every HEARTBEAT_SECONDS, also while idle
    or running a long task), or None when no worker ever ran."""
    latest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True)
    return latest.first()


def worker_heartbeat_age(now: datetime | None = None) -> float | None:
    """Seconds since the freshest heartbeat of any task worker, or None when no worker
    ever ran. More than a few HEARTBEAT_SECONDS: no worker is running (for /healthz)."""
    seen = worker_last_seen()
    if seen is None:
        return None
    return max(0.0, ((now or timezone.now()) - seen).total_seconds())


def requeue_expired(now: datetime | None = None) -> int:
    """Put back in the queue every RUNNING task whose lease expired: it started more than
    the lease ago and the worker that claimed it last has not beaten since. Returns how
    many. Only a few tasks are ever running, so this reads them all."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_seconds())
    stale = list(
        DBTaskResult.objects.running()
        .filter(started_at__lt=cutoff)
        .values_list("id", "worker_ids", "task_path")
    )
    if not stale:
        return 0
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    expired = [(pk, path, ids) for pk, ids, path in stale if not ids or ids[-1] not in alive]
    taken = 0
    for pk, path, ids in expired:
        with transaction.atomic():
            # Only if it is still the same run: another worker may have requeued it first.
            taken += DBTaskResult.objects.filter(
                pk=pk, status=TaskResultStatus.RUNNING, started_at__lt=cutoff
            ).update(status=TaskResultStatus.READY, started_at=None)
        logger.warning(
            "Task id=%s path=%s: its worker %s stopped beating; back in the queue",
            pk,
            path,
            ids[-1] if ids else "?",
        )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return taken
