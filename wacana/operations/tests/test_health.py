import json
import logging
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.articles.tasks import flush_views
from wacana.operations import health
from wacana.worker.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def _get(client: Client, **headers: Any) -> tuple[int, dict[str, Any]]:
    response = client.get("/healthz", **headers)
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


def test_anonymous_sees_only_the_status() -> None:
    status, body = _get(Client(REMOTE_ADDR="203.0.113.9"))
    assert (status, body) == (200, {"status": "ok"})


def test_localhost_behind_a_proxy_is_public() -> None:
    # A proxy on this machine relays everyone from 127.0.0.1.
    client = Client(REMOTE_ADDR="127.0.0.1")
    _status, body = _get(client, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert body == {"status": "ok"}


def test_localhost_sees_the_detail() -> None:
    _status, body = _get(Client(REMOTE_ADDR="127.0.0.1"))
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache:default"]["ok"] is True
    assert body["checks"]["queue"] == {
        "ok": True,
        "ready": 0,
        "oldest_ready_seconds": None,
        "max_age_seconds": 120,
    }


def test_token_shows_the_detail_and_a_wrong_one_does_not(settings: Any) -> None:
    settings.HEALTH_TOKEN = "rahasia-kesehatan-123"
    client = Client(REMOTE_ADDR="203.0.113.9")
    _status, body = _get(client, HTTP_AUTHORIZATION="Bearer rahasia-kesehatan-123")
    assert "checks" in body
    _status, body = _get(client, HTTP_AUTHORIZATION="Bearer salah")
    assert body == {"status": "ok"}
    # Not even from localhost: a wrong token is a wrong token.
    _status, body = _get(Client(REMOTE_ADDR="127.0.0.1"), HTTP_AUTHORIZATION="Bearer salah")
    assert body == {"status": "ok"}


def test_a_job_waiting_too_long_degrades(settings: Any) -> None:
    settings.HEALTH_QUEUE_MAX_AGE = 60
    result = flush_views.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=300)
    )
    status, body = _get(Client(REMOTE_ADDR="127.0.0.1"))
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["queue"]["ok"] is False
    assert body["checks"]["queue"]["ready"] == 1
    assert body["checks"]["queue"]["oldest_ready_seconds"] >= 300
    assert body["checks"]["worker"]["ok"] is False
    # The public sees that something is wrong, not what.
    assert _get(Client(REMOTE_ADDR="203.0.113.9"))[1] == {"status": "degraded"}


def test_a_stale_authoritative_heartbeat_degrades(monkeypatch: pytest.MonkeyPatch) -> None:
    old = timezone.now() - timedelta(seconds=600)
    monkeypatch.setattr(
        health,
        "worker_heartbeat",
        lambda: health.Heartbeat(last_seen=old, source="worker", authoritative=True),
    )
    _status, body = _get(Client(REMOTE_ADDR="127.0.0.1"))
    assert body["status"] == "degraded"
    assert body["checks"]["worker"]["ok"] is False
    assert body["checks"]["worker"]["last_seen_seconds"] >= 600


def test_the_worker_is_seen_through_its_last_job() -> None:
    result = flush_views.enqueue()
    moment = timezone.now() - timedelta(seconds=30)
    DBTaskResult.objects.filter(id=result.id).update(
        status="SUCCESSFUL", started_at=moment, finished_at=moment
    )
    beat = health.worker_heartbeat()
    assert beat.last_seen == moment
    assert not beat.authoritative


def test_the_worker_is_seen_through_its_own_heartbeat_first() -> None:
    result = flush_views.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        status="SUCCESSFUL", started_at=timezone.now(), finished_at=timezone.now()
    )
    beat_at = timezone.now() - timedelta(seconds=300)
    WorkerHeartbeat.objects.create(
        worker_id="w1", hostname="localhost", pid=1, started_at=beat_at, seen_at=beat_at
    )
    beat = health.worker_heartbeat()
    assert beat.last_seen == beat_at
    assert beat.authoritative
    # A heartbeat older than the limit degrades the site even with an empty queue.
    report = health.run_checks()
    assert report.checks["worker"]["ok"] is False
    assert report.status == health.DEGRADED


def test_database_down_answers_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(report: health.Report) -> bool:
        report.checks["database"] = {"ok": False, "error": "OperationalError"}
        report.degrade(health.DOWN)
        return False

    monkeypatch.setattr(health, "check_database", broken)
    status, body = _get(Client(REMOTE_ADDR="203.0.113.9"))
    assert (status, body) == (503, {"status": "down"})


def test_cache_failure_degrades(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.cache import caches

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("redis went away")

    monkeypatch.setattr(caches["default"], "get", boom)
    status, body = _get(Client(REMOTE_ADDR="127.0.0.1"))
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache:default"] == {"ok": False, "error": "ConnectionError"}


def test_the_probe_writes_nothing() -> None:
    flush_views.enqueue()
    with CaptureQueriesContext(connection) as queries:
        Client(REMOTE_ADDR="127.0.0.1").get("/healthz")
    statements = [query["sql"].lstrip().split()[0].upper() for query in queries]
    assert statements, "the probe reads the database"
    assert set(statements) <= {"SELECT"}, statements


def test_post_is_refused() -> None:
    assert Client().post("/healthz").status_code == 405


def test_health_logs_nothing_on_success(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        Client().get("/healthz")
    assert not caplog.records
