"""`make run` end to end, bounded: it serves, a killed worker comes back within seconds,
SIGTERM to make stops everything within 10 s, and buffered views reach the database.

Runs on a free port (or, per xdist worker, from WACANA_TEST_PORT when that is set) with
SQLite in a temporary folder; buffered views are counted through the shared cache (Redis
or the cache on disk).
"""

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from wacana.testing.parallel import server_port

ROOT = Path(__file__).resolve().parents[3]
PORT = server_port("WACANA_TEST_PORT")
VISITORS = 5

CREATE_ARTICLE = """
from wacana.accounts import actions as accounts
from wacana.articles import actions
from wacana.articles.models import Category
writer = accounts.create_account(username="penulis", email="p@example.com",
    password="kopi-tubruk-pagi-77", display_name="Penulis")
article = actions.create_article(writer, {"title": "Senja di Ampenan",
    "body": "Kapal-kapal tua.", "category": Category.objects.filter(parent__isnull=False).first()})
actions.publish_article(writer, article)
print(article.get_absolute_url())
"""


def _wait(condition: Callable[[], object], seconds: float, what: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s: {what}")


def _get(path: str, agent: str = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0") -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers={"User-Agent": agent}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


def _pids(log: Path, name: str) -> list[int]:
    return [int(pid) for pid in re.findall(rf"Started {name} \(pid (\d+)\)", log.read_text())]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.process
@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_restarts_the_worker_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT")
    }
    env.update(
        WACANA_VAR_DIR=str(tmp_path / "var"),
        WACANA_PLAIN_STATIC="1",
        WACANA_RATE_LIMITS="off",
        # No periodic flush: the views are still buffered when SIGTERM comes.
        WACANA_VIEW_FLUSH_SECONDS="3600",
        CACHE_KEY_PREFIX=f"wacana-serve-test-{os.getpid()}",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    for step in (["migrate", "-v0"],):
        subprocess.run([*manage, *step], env=env, cwd=ROOT, check=True, timeout=120)
    url = (
        subprocess.run(
            [*manage, "shell", "--no-imports", "-c", CREATE_ARTICLE],
            env=env,
            cwd=ROOT,
            check=True,
            timeout=60,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    assert _get("/healthz") == 0, f"something already listens on port {PORT}"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        make = subprocess.Popen(
            [shutil.which("make") or "make", "--no-print-directory", "-o", "demo", "run",
             f"PORT={PORT}", "WORKERS=1", "THREADS=2"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        _wait(lambda: _get("/healthz") == 200, 60, "the site answers")
        for n in range(VISITORS):
            assert _get(url, agent=f"Mozilla/5.0 Pembaca-{n}") == 200, log.read_text()

        [worker] = _pids(log, "worker")
        os.kill(worker, signal.SIGKILL)
        _wait(lambda: len(_pids(log, "worker")) == 2, 5, "a new worker")
        assert _alive(_pids(log, "worker")[1])
        assert "worker exited (code -9); restarting it in 1 s" in log.read_text()

        children = _pids(log, "server") + _pids(log, "worker")[1:] + _pids(log, "flusher")
        assert len(children) == 3
        started = time.monotonic()
        make.send_signal(signal.SIGTERM)
        make.wait(timeout=10)
        took = time.monotonic() - started
        assert took < 10
        assert not [pid for pid in children if _alive(pid)]
        assert _get("/healthz") == 0
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
        for name in ("server", "worker", "flusher"):
            for pid in _pids(log, name):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
    text = log.read_text()
    assert "Flushed" in text, text
    # Counts buffered in a cache every process shares (Redis, or the cache on disk) are
    # written at the stop.
    database = sqlite3.connect(tmp_path / "var" / "wacana.sqlite3")
    [(views,)] = database.execute("SELECT view_count FROM articles_article").fetchall()
    assert views == VISITORS, text
