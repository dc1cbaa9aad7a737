"""Django's Redis cache, with one redis-py client per connection pool instead of one per
command.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache call,
and redis-py's constructor fills its table of ~80 response callbacks each time: measured
in one process on PostgreSQL + Redis, that was about half the CPU of a version check
(`cache.get_many`) and of every other cache read. A `redis.Redis` is safe to share
between threads (each command takes a connection from the pool), and Django already
keeps one cache backend per thread, so the client is simply kept beside its pool.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[bool, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        client = self._clients.get(write)
        if client is None:
            client = self._clients[write] = super().get_client(key, write=write)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
