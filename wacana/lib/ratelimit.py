"""Fixed-window rate limits kept in the "limits" cache (Redis when configured).

A small helper rather than a library: we need the seconds until the window reopens
for the Retry-After header, per-limit settings from the environment and a global
off switch, which the common Django rate-limit packages don't give together.
"""

import hashlib
import hmac
import re
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


# The tests freeze it, so a fixed window cannot roll over in the middle of a test.
clock = time.time


def parse_rate(value: str) -> tuple[int, int]:
    """'10/m' -> (10, 60); '100/15m' -> (100, 900)."""
    match = _RATE_RE.match(value)
    if not match:
        raise ImproperlyConfigured(
            f"A rate limit looks like '10/m' (count/period, period s, m, h or d); got {value!r}"
        )
    count, multiplier, unit = match.groups()
    seconds = int(multiplier or 1) * _PERIODS[unit]
    if int(count) < 1 or seconds < 1:
        raise ImproperlyConfigured(f"A rate limit needs a positive count and period; got {value!r}")
    return int(count), seconds


@dataclass(frozen=True)
class Limited:
    retry_after: int


@lru_cache(maxsize=1)
def _hash_key() -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), b"wacana-rate-limits", hashlib.sha256).digest()


def _slot(name: str, key: str) -> tuple[str, int, int, int]:
    allowed, period = settings.RATE_LIMITS[name]
    now = int(clock())
    window = now // period
    # A keyed hash, so no address or username can be read back from the cache, not even
    # by trying every IPv4 address (a plain hash of one would be reversible that way).
    digest = hmac.new(_hash_key(), key.encode(), hashlib.sha256).hexdigest()[:32]
    retry_after = max(1, (window + 1) * period - now)
    return f"rl:{name}:{window}:{digest}", allowed, period, retry_after


def peek(name: str, key: str) -> Limited | None:
    """Say whether `key` is already over the named limit, without counting an attempt."""
    if not settings.RATE_LIMITS_ENABLED:
        return None
    cache_key, allowed, _period, retry_after = _slot(name, key)
    count = caches["limits"].get(cache_key, 0)
    return Limited(retry_after) if count >= allowed else None


def hit(name: str, key: str, cache_alias: str = "limits") -> Limited | None:
    """Count one attempt for `key` under the named limit; say if it is over.

    `cache_alias` lets a limit on a hot read path (search) count elsewhere than the
    shared "limits" cache, which without Redis is a database table."""
    if not settings.RATE_LIMITS_ENABLED:
        return None
    cache_key, allowed, period, retry_after = _slot(name, key)
    cache = caches[cache_alias]
    # add() is atomic on every backend, so the first hit of a window can't be lost.
    if cache.add(cache_key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:
            cache.add(cache_key, 1, timeout=period + 1)
            count = 1
    if count > allowed:
        return Limited(retry_after=retry_after)
    return None
