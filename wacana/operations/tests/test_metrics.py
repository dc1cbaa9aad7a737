"""Prometheus metrics (WACANA_METRICS=on): each metric is exposed at /metrics, only to the
health token or this machine, and nothing of it runs when off."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client

from wacana.articles.models import Article
from wacana.articles.tasks import flush_views
from wacana.articles.tests.test_counting import BROWSER
from wacana.operations import metrics
from wacana.testing.content import publish

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
METRICS = "wacana.operations.metrics.MetricsMiddleware"


@pytest.fixture
def metrics_on(settings: Any) -> Iterator[None]:
    settings.METRICS_ENABLED = True
    settings.MIDDLEWARE = [METRICS, *settings.MIDDLEWARE]
    metrics.instrument_caches()
    yield
    metrics.uninstrument_caches()


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in the exposition, 0 when absent."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def _scrape(**headers: str) -> str:
    response = Client().get("/metrics", headers=headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def test_every_metric_is_exposed(metrics_on: None, writer: Any) -> None:
    article: Article = publish(writer)
    before = _scrape()
    reader = Client()
    for _ in range(3):
        assert (
            reader.get(article.get_absolute_url(), headers={"user-agent": BROWSER}).status_code
            == 200
        )
    assert Client().get("/tidak-ada-halaman-ini").status_code == 404
    cache.set("metrics-probe", 1)
    assert cache.get("metrics-probe") == 1
    assert cache.get("metrics-absent") is None
    flush_views.enqueue()

    text = _scrape()
    view = "articles:detail"
    requests = "wacana_http_requests_total"
    assert (
        _sample(text, requests, view=view, method="GET", status="200")
        - _sample(before, requests, view=view, method="GET", status="200")
        == 3
    )
    assert _sample(text, requests, view="unresolved", status="404") >= 1
    latency = "wacana_http_request_duration_seconds_count"
    assert _sample(text, latency, view=view) - _sample(before, latency, view=view) == 3
    assert _sample(text, "wacana_http_request_duration_seconds_bucket", view=view, le="+Inf") >= 3
    for result in ("hit", "miss"):
        assert _sample(text, "wacana_cache_requests_total", cache="default", result=result) > (
            _sample(before, "wacana_cache_requests_total", cache="default", result=result)
        )
    # The flush just enqueued (publishing queued the follower notice before `before`).
    assert (
        _sample(text, "wacana_task_queue_ready") - _sample(before, "wacana_task_queue_ready") == 1
    )
    assert "wacana_task_queue_oldest_seconds " in text
    # One reader, one article: one article's views wait for the flush.
    assert _sample(text, "wacana_view_buffer_articles") == 1


def test_the_metrics_are_refused_to_the_public(metrics_on: None, settings: Any) -> None:
    settings.HEALTH_TOKEN = "rahasia-metrik"
    public = Client(REMOTE_ADDR="203.0.113.9")
    response = public.get("/metrics")
    assert response.status_code == 403
    assert "wacana_http_requests" not in response.content.decode()
    # Through a proxy on this machine: the address is 127.0.0.1, the caller is anyone.
    assert Client().get("/metrics", headers={"x-forwarded-for": "203.0.113.9"}).status_code == 403
    assert public.get("/metrics", headers={"authorization": "Bearer salah"}).status_code == 403
    assert (
        public.get("/metrics", headers={"authorization": "Bearer rahasia-metrik"}).status_code
        == 200
    )
    assert public.post("/metrics").status_code == 405


def test_off_there_is_no_endpoint_and_no_middleware() -> None:
    assert django_settings.METRICS_ENABLED is False
    assert METRICS not in django_settings.MIDDLEWARE
    assert Client().get("/metrics").status_code == 404
    from django.core.cache import caches

    assert not getattr(caches, "_wacana_metrics", False)


COUNT_REQUESTS = """
import django; django.setup()
from django.test import Client
for _ in range(int(__import__("sys").argv[1])):
    assert Client(HTTP_HOST="127.0.0.1").get("/tentang").status_code == 200
"""


@pytest.mark.process
def test_several_processes_add_up_in_multiprocess_mode(tmp_path: Path) -> None:
    """Two processes (as granian's workers) count into PROMETHEUS_MULTIPROC_DIR; one
    scrape reports their sum."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wacana.settings",
        "WACANA_METRICS": "on",
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
        "WACANA_VAR_DIR": str(tmp_path / "var"),
        "WACANA_PLAIN_STATIC": "1",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", COUNT_REQUESTS, str(n)], env=env, cwd=ROOT)
        for n in (2, 3)
    ]
    assert [run.wait(120) for run in runs] == [0, 0]
    scrape = (
        "import django; django.setup()\n"
        "from wacana.operations.metrics import exposition\n"
        "print(exposition()[0].decode())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", scrape],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    totals = [
        float(line.rsplit(" ", 1)[1])
        for line in done.stdout.splitlines()
        if line.startswith("wacana_http_requests_total{")
    ]
    assert sum(totals) == 5, done.stdout
    # One file per process that counted (the migrate and the scrape read caches too).
    assert len(list(folder.glob("counter_*.db"))) >= 2
    assert re.search(r"^wacana_task_queue_ready ", done.stdout, re.M)
