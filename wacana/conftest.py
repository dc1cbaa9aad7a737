"""Isolation of files, caches and clocks for every test; the object-storage server.

The cast, the API client and the other helpers are in `wacana/testing/` (the fixtures
come in through the root conftest's `pytest_plugins`)."""

import os
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client


@pytest.fixture(autouse=True)
def _isolated(settings: Any, tmp_path: Any) -> Iterator[None]:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture(autouse=True)
def _steady_rate_limit_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate limits count in fixed windows; a test that crossed a window boundary (a
    minute, for per-minute limits) would see its count start again. The clock stands
    still for each test."""
    from wacana.lib import ratelimit

    frozen = time.time()
    monkeypatch.setattr(ratelimit, "clock", lambda: frozen)


@pytest.fixture(autouse=True)
def _purge_moderation_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests end by emptying every table; the append-only log must be
    emptied first with its triggers lifted (only here, only in tests)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    # The previous transactional test emptied every table, seeded categories included.
    from wacana.articles import taxonomy
    from wacana.articles.models import Category

    if not Category.objects.exists():
        taxonomy.seed(Category)
    yield
    from wacana.moderation.testing import purge_log_for_tests

    purge_log_for_tests()

    from wacana.points.testing import purge_ledger_for_tests

    purge_ledger_for_tests()


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Without Redis the caches are folders on disk: each test run gets its own, so a
    run never empties (or reads) the site's cache in var/, nor another run's (tmp_path is
    per xdist worker too). With Redis, each worker empties and reads a database of its
    own: the run's (REDIS_URL) for the first, one lower for each next (see
    wacana.testing.parallel)."""
    from django.conf import settings
    from django.test import override_settings

    from wacana.testing.parallel import worker_redis_url

    if "views" not in settings.CACHES:  # Redis
        url = os.environ.get("REDIS_URL", "")
        own = worker_redis_url(url) if url else url
        if own == url:
            yield
            return
        moved = {
            alias: {**config, "LOCATION": own}
            for alias, config in settings.CACHES.items()
            if config["BACKEND"].endswith("RedisCache")
        }
        with override_settings(CACHES={**settings.CACHES, **moved}, REDIS_URL=own):
            os.environ["REDIS_URL"] = own  # for tests that ask Redis directly
            os.environ["WACANA_TEST_RUN_REDIS_URL"] = url
            try:
                yield
            finally:
                os.environ["REDIS_URL"] = url
                del os.environ["WACANA_TEST_RUN_REDIS_URL"]
        return
    folder = tmp_path_factory.mktemp("cache")
    moved = {
        alias: {**config, "LOCATION": str(folder / alias)}
        for alias, config in settings.CACHES.items()
    }
    with override_settings(CACHES=moved, CACHE_DIR=folder):
        yield


def _clear_caches() -> None:
    from django.conf import settings

    from wacana.articles import counting

    for alias in settings.CACHES:
        caches[alias].clear()
    counting.forget_seen_here()  # the seen marks this process remembers went with them


def warm_frame(client: Client) -> None:
    """Fill the site-wide caches every page's frame reads (the rubric bar, the sidebar),
    so a query count measures the page itself, not the first request after a restart."""
    from wacana.articles.models import Category

    rubric = Category.objects.rubrics().first()
    assert rubric is not None
    assert client.get(rubric.get_absolute_url()).status_code == 200


# --- Media on object storage -----------------------------------------------------------


@pytest.fixture(scope="session")
def s3_server() -> Iterator[Any]:
    """moto's S3 server for the whole run, started on first use; skips where it cannot."""
    from wacana.operations.testing import S3Unavailable, start_s3_server
    from wacana.testing.parallel import server_port

    try:
        # A free port, or per worker from WACANA_TEST_S3_PORT when that is set.
        server = start_s3_server(server_port("WACANA_TEST_S3_PORT"))
    except S3Unavailable as error:
        pytest.skip(f"no S3 server for the object-storage tests: {error}")
    yield server
    server.stop()


@pytest.fixture
def s3_media(s3_server: Any, settings: Any, request: pytest.FixtureRequest) -> Any:
    """The site's media in a fresh bucket of the S3 server (signed URLs), as
    WACANA_S3_BUCKET would configure it."""
    import importlib
    import uuid

    from wacana import settings as site_settings

    bucket = f"wacana-{uuid.uuid4().hex[:12]}"
    server = s3_server
    public = bool(getattr(request, "param", False))
    server.create_bucket(bucket, public=public)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in server.env(bucket, public=public).items():
            patch.setenv(name, value)
        importlib.reload(site_settings)
        storage = site_settings.STORAGES["default"]
        policy = site_settings.CONTENT_SECURITY_POLICY
    importlib.reload(site_settings)  # back to the environment's own settings
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.CONTENT_SECURITY_POLICY = policy
    return SimpleNamespace(server=server, bucket=bucket, keys=lambda: server.keys(bucket))
