"""With REDIS_URL set, the cache and the rate limits live in Redis (shared by servers)."""

import os
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from wacana.lib import ratelimit

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="REDIS_URL is not set: the Redis run of `make test` covers this",
)


def test_the_cache_and_limits_use_redis() -> None:
    for alias in ("default", "limits"):
        assert django_settings.CACHES[alias]["BACKEND"].endswith("RedisCache")
    caches["default"].set("wacana-test-key", "ada", 30)
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    keys: list[bytes] = list(client.scan_iter("*wacana-test-key*"))
    assert keys


def test_rate_limits_count_in_redis(settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (2, 60)}
    assert ratelimit.hit("login", "192.0.2.1") is None
    assert ratelimit.hit("login", "192.0.2.1") is None
    assert ratelimit.hit("login", "192.0.2.1") is not None


def test_one_client_serves_every_command_of_a_cache_and_its_threads() -> None:
    # wacana.lib.rediscache: Django built a redis-py client for each command.
    backend: Any = caches["default"]
    assert backend.__class__.__module__ == "wacana.lib.rediscache"
    client = backend._cache.get_client(write=True)
    backend.set("wacana-test-shared", "satu", 30)
    assert backend.get_many(["wacana-test-shared"]) == {"wacana-test-shared": "satu"}
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client() is backend._cache.get_client()
    # The one client, shared by threads: each command takes its own connection.
    from concurrent.futures import ThreadPoolExecutor

    def round_trip(n: int) -> Any:
        client.set(f"wacana-test-thread-{n}", n, ex=30)
        return int(client.get(f"wacana-test-thread-{n}"))

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(round_trip, range(64))) == list(range(64))


def test_replies_are_parsed_by_hiredis() -> None:
    # redis[hiredis]: the C parser (and command packer) instead of redis-py's Python
    # ones: a fifth of the CPU of the front's version check.
    from redis.utils import HIREDIS_AVAILABLE

    assert HIREDIS_AVAILABLE
    backend: Any = caches["default"]
    client = backend._cache.get_client()
    connection = client.connection_pool.get_connection()
    try:
        assert type(connection._parser).__name__ == "_HiredisParser"
    finally:
        client.connection_pool.release(connection)
