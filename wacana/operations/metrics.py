"""Prometheus metrics (WACANA_METRICS=on), exposed at /metrics to the same callers as
/healthz's detail (a bearer token, or this machine without a proxy in between).

What is measured, with prometheus_client:

- `wacana_http_requests_total{view,method,status}` and
  `wacana_http_request_duration_seconds{view}` (a histogram): one count and one
  observation per request, by the URL pattern's name (never the raw path, whose values
  would be unbounded);
- `wacana_cache_requests_total{cache,result}`: every read of a Django cache alias,
  "hit" or "miss"; the hit ratio is hits / (hits + misses) in PromQL;
- at scrape time, read from the database and the cache (nothing per request):
  `wacana_task_queue_ready` (jobs waiting), `wacana_task_queue_oldest_seconds` (the age
  of the oldest) and `wacana_view_buffer_articles` (articles whose views wait for the
  flush).

Several processes (granian's workers): prometheus_client's multiprocess mode keeps each
process's counters in files under PROMETHEUS_MULTIPROC_DIR and the scrape adds them up.
`manage.py serve` sets that folder (var/prometheus, emptied at each start) when metrics
are on; a server started another way must set and empty it itself before starting.

Off (the default), none of this is imported: no middleware, no wrapped cache.
"""

import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.core.cache import caches
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.articles import counting

_MISSING = object()
_instruments: dict[str, Any] = {}


def _metrics() -> dict[str, Any]:
    """Created on first use, once per process (after PROMETHEUS_MULTIPROC_DIR is set)."""
    if not _instruments:
        from prometheus_client import Counter, Histogram  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

        _instruments["requests"] = Counter(
            "wacana_http_requests", "Requests answered, by view", ["view", "method", "status"]
        )
        _instruments["latency"] = Histogram(
            "wacana_http_request_duration_seconds",
            "Time from the request reaching Django to its response, by view",
            ["view"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        _instruments["cache"] = Counter(
            "wacana_cache_requests", "Cache reads, by alias and hit or miss", ["cache", "result"]
        )
    return _instruments


class MetricsMiddleware:
    """First in the chain (when on), so the time covers every other middleware too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.requests = _metrics()["requests"]
        self.latency = _metrics()["latency"]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or "unnamed") if match else "unresolved"
        self.requests.labels(view, request.method or "", str(response.status_code)).inc()
        self.latency.labels(view).observe(time.perf_counter() - started)
        return response


def count_front_answer(view: str, seconds: float) -> None:
    """A kept page answered before Django (wacana/lib/front.py): counted as the
    middleware counts the same page's answer through Django."""
    _metrics()["requests"].labels(view, "GET", "200").inc()
    _metrics()["latency"].labels(view).observe(seconds)


def instrument_caches() -> None:
    """Count hits and misses of every cache alias, by wrapping each backend as Django
    creates it (one per thread)."""

    handler: Any = caches
    if getattr(handler, "_wacana_metrics", False):
        return
    create = handler.create_connection
    counter = _metrics()["cache"]

    def create_connection(alias: str) -> Any:
        backend = create(alias)
        get, get_many = backend.get, backend.get_many
        hit, miss = counter.labels(alias, "hit"), counter.labels(alias, "miss")

        def counted_get(key: Any, default: Any = None, *args: Any, **kwargs: Any) -> Any:
            value = get(key, _MISSING, *args, **kwargs)
            if value is _MISSING:
                miss.inc()
                return default
            hit.inc()
            return value

        def counted_get_many(keys: Any, *args: Any, **kwargs: Any) -> Any:
            keys = list(keys)
            found = get_many(keys, *args, **kwargs)
            hit.inc(len(found))
            miss.inc(len(keys) - len(found))
            return found

        backend.get, backend.get_many = counted_get, counted_get_many
        return backend

    handler.create_connection = create_connection
    handler._wacana_metrics = True
    _forget_backends()


def _forget_backends() -> None:
    """This thread's backends made so far: they are made again, through the wrapper."""

    handler: Any = caches
    for alias in list(handler.settings):
        if hasattr(handler._connections, alias):
            delattr(handler._connections, alias)


def uninstrument_caches() -> None:
    """For tests: back to Django's own backends."""

    handler: Any = caches
    if getattr(handler, "_wacana_metrics", False):
        del handler.create_connection
        del handler._wacana_metrics
        _forget_backends()


class StateCollector:
    """Gauges read when Prometheus scrapes, so that requests pay nothing for them."""

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

        ready = DBTaskResult.objects.ready()
        waiting = ready.count()
        oldest = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
        age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
        yield GaugeMetricFamily("wacana_task_queue_ready", "Tasks waiting to run", waiting)
        yield GaugeMetricFamily(
            "wacana_task_queue_oldest_seconds",
            "Age of the oldest task waiting (0 when none waits)",
            max(0.0, age),
        )
        yield GaugeMetricFamily(
            "wacana_view_buffer_articles",
            "Articles whose views are buffered, waiting for the flush",
            counting.buffered_articles(),
        )


def exposition() -> tuple[bytes, str]:
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

    _metrics()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Every process's files, added up; this process's own registry would show only it.
        from prometheus_client import multiprocess  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

        registry = CollectorRegistry()
        # prometheus_client leaves this constructor unannotated.
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # see above
        registry.register(StateCollector())
        return generate_latest(registry), CONTENT_TYPE_LATEST
    if "state" not in _instruments:
        REGISTRY.register(StateCollector())
        _instruments["state"] = True
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
