"""What /healthz reports: database, cache, task queue and task worker, read-only.

Every check reads; none writes (a probe every few seconds must not grow the database or
take SQLite's write lock). The overall status:

- "down" (HTTP 503): the database does not answer; the site cannot serve.
- "degraded" (HTTP 200): the site serves but something behind it fails: a cache does not
  answer, a job has waited longer than WACANA_HEALTH_QUEUE_MAX_AGE, or the worker's
  heartbeat is older than that.
- "ok" (HTTP 200).

A degraded site still answers 200 so that a load balancer with one backend keeps it.
"""

import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Max, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.worker.lease import worker_last_seen

OK, DEGRADED, DOWN = "ok", "degraded", "down"


@dataclass
class Heartbeat:
    """When the task worker was last known alive, and whether that is a real heartbeat
    (the worker writes it while idle) or only inferred from the jobs it ran."""

    last_seen: datetime | None
    source: str
    authoritative: bool


@dataclass
class Report:
    status: str = OK
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)

    def degrade(self, to: str) -> None:
        if to == DOWN or self.status == OK:
            self.status = to


def worker_heartbeat() -> Heartbeat:
    """The task worker's last sign of life: the heartbeat `manage.py run_worker` writes
    every few seconds, also while idle or busy with a long task.

    Where no worker ever beat (a site run with django-tasks-db's plain `db_worker`, or
    just installed), the most recent start or finish of any job stands in: an idle worker
    leaves no trace there, so it is judged only together with the queue (jobs waiting
    while nothing runs)."""
    beat = worker_last_seen()
    if beat is not None:
        return Heartbeat(last_seen=beat, source="heartbeat", authoritative=True)
    latest = DBTaskResult.objects.aggregate(started=Max("started_at"), finished=Max("finished_at"))
    seen = [moment for moment in (latest["started"], latest["finished"]) if moment]
    return Heartbeat(last_seen=max(seen) if seen else None, source="tasks", authoritative=False)


def _age(moment: datetime | None, now: datetime) -> float | None:
    return None if moment is None else round(max(0.0, (now - moment).total_seconds()), 1)


def check_database(report: Report) -> bool:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        report.checks["database"] = {"ok": False, "error": type(error).__name__}
        report.degrade(DOWN)
        return False
    report.checks["database"] = {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.monotonic() - started) * 1000, 1),
    }
    return True


def check_caches(report: Report) -> None:
    for alias in settings.CACHES:
        started = time.monotonic()
        try:
            # A read of a key nobody writes: reaches the server without writing to it.
            caches[alias].get("wacana:healthz:probe")
        except Exception as error:
            report.checks[f"cache:{alias}"] = {"ok": False, "error": type(error).__name__}
            report.degrade(DEGRADED)
            continue
        report.checks[f"cache:{alias}"] = {
            "ok": True,
            "backend": settings.CACHES[alias]["BACKEND"].rsplit(".", 1)[-1],
            "ms": round((time.monotonic() - started) * 1000, 1),
        }


def check_tasks(report: Report, now: datetime) -> None:
    limit = settings.HEALTH_QUEUE_MAX_AGE
    try:
        ready = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))
        waiting = DBTaskResult.objects.filter(status="READY").count()
        heartbeat = worker_heartbeat()
    except Exception as error:
        report.checks["queue"] = {"ok": False, "error": type(error).__name__}
        report.degrade(DEGRADED)
        return
    oldest = _age(ready["oldest"], now)
    queue_ok = oldest is None or oldest <= limit
    report.checks["queue"] = {
        "ok": queue_ok,
        "ready": waiting,
        "oldest_ready_seconds": oldest,
        "max_age_seconds": limit,
    }
    last_seen = _age(heartbeat.last_seen, now)
    if heartbeat.authoritative:
        worker_ok = last_seen is not None and last_seen <= limit
    else:
        # Inferred from jobs: a worker is missing when jobs wait too long.
        worker_ok = queue_ok
    report.checks["worker"] = {
        "ok": worker_ok,
        "last_seen_seconds": last_seen,
        "source": heartbeat.source,
    }
    if not (queue_ok and worker_ok):
        report.degrade(DEGRADED)


def run_checks(now: datetime | None = None) -> Report:
    report = Report()
    if check_database(report):
        check_tasks(report, now or timezone.now())
    check_caches(report)
    return report
