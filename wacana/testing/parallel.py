"""What keeps the tests of parallel workers (pytest-xdist, `make pytest-* PYTEST_WORKERS=n`)
apart: each worker has its own ports, its own Redis database and (pytest-django) its own
test database; folders come from tmp_path, which is per worker already.

Without xdist the worker index is 0, and everything is as in a serial run.
"""

import os
import socket
from urllib.parse import urlsplit, urlunsplit

# Ports a worker may take from a fixed base (WACANA_TEST_*_PORT): worker n from base + n * 10.
PORT_STRIDE = 10


def worker_index() -> int:
    """0 for the first xdist worker (gw0) and for a run without xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0


def free_ports(count: int) -> list[int]:
    """`count` distinct ports nothing listens on now, picked by the system."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def server_ports(variable: str, count: int = 1) -> list[int]:
    """Ports for test servers: from the base in `variable` when it is set (a machine where
    runs keep to agreed ports), shifted by PORT_STRIDE per worker; otherwise free ones."""
    base = os.environ.get(variable)
    if base:
        first = int(base) + worker_index() * PORT_STRIDE
        return list(range(first, first + count))
    return free_ports(count)


def server_port(variable: str) -> int:
    return server_ports(variable)[0]


def worker_redis_url(url: str) -> str:
    """The Redis database of this worker: the run's (REDIS_URL, e.g. /15) for the first,
    one lower for each next, since the tests empty their database (FLUSHDB): with
    REDIS_URL=redis://…/15, up to 15 workers (databases 15 down to 1)."""
    index = worker_index()
    if not index:
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    if base - index < 1:  # database 0, the usual default, is never emptied by tests
        raise RuntimeError(
            f"{index + 1} pytest workers need {index + 1} Redis databases from {base} down,"
            " above 0; run fewer workers (PYTEST_WORKERS) or give REDIS_URL a higher database"
        )
    return urlunsplit(parts._replace(path=f"/{base - index}"))
