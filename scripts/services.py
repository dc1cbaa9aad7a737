"""Exit 0 when the named service answers at the given URL, 1 otherwise (used by the Makefile)."""

import sys


def postgres(url: str) -> bool:
    import psycopg

    # Connect to the maintenance database: the test database is created by the tests.
    base = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(base, connect_timeout=3):
            return True
    except Exception:
        return False


def redis(url: str) -> bool:
    import redis as redis_lib

    try:
        return bool(redis_lib.Redis.from_url(url, socket_connect_timeout=2).ping())
    except Exception:
        return False


if __name__ == "__main__":
    service, url = sys.argv[1], sys.argv[2]
    sys.exit(0 if {"postgres": postgres, "redis": redis}[service](url) else 1)
