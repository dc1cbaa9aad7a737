"""The one-machine default with real server processes: granian with two workers, sharing
the cache on disk with this test (and with each other), as `make run` serves the site.

Each test starts and stops its own server (bounded: about half a minute on two cores).
The servers listen on 127.0.0.1, on a free port the system picks, or from
WACANA_TEST_PORT_BASE on when it is set, shifted per xdist worker (so that parallel runs
on a shared machine keep to their own ports).
"""

import os
import random
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from wacana.accounts.models import User
from wacana.articles import actions, counting
from wacana.articles.models import Article
from wacana.testing.content import publish
from wacana.testing.parallel import server_port

pytestmark = pytest.mark.django_db(transaction=True)

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.{n}.0 Safari/537.36"
)
START_SECONDS = 40


@pytest.fixture(autouse=True)
def _the_embedded_default() -> None:
    if counting.redis_client() is not None or connection.vendor != "sqlite":
        pytest.skip("the one-machine default (SQLite, no Redis) is tested in the SQLite run")


class Server:
    """granian --workers 2 over this test's database file and cache folder."""

    def __init__(self, port: int, folder: Path) -> None:
        self.port = port
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")},
            "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}",
            "WACANA_CACHE_DIR": str(settings.CACHE_DIR),
            "WACANA_VAR_DIR": str(folder / "var"),
            "SECRET_KEY": "test-processes-" + "x" * 40,
            "WACANA_PLAIN_STATIC": "1",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "wacana.settings",
        }

    def start(self) -> None:
        granian = Path(sys.executable).parent / "granian"
        log = (self.folder / f"granian-{self.port}.log").open("ab")
        command = [str(granian), "--interface", "wsgi", "wacana.wsgi:application"]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", "2"]
        command += ["--blocking-threads", "4", "--no-access-log"]
        self.process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped whole, workers too
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                with urllib.request.urlopen(self.url("/robots.txt"), timeout=5):  # noqa: S310
                    return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError("granian did not answer in time:\n" + self.log())

    def stop(self, how: signal.Signals = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, how)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        # kill -9 of the parent leaves no orphan worker: the group went down with it.
        self.process = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, agent: str = BROWSER.format(n=0)) -> str:
        request = urllib.request.Request(self.url(path), headers={"User-Agent": agent})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            assert response.status == 200
            return str(response.read().decode())

    def log(self) -> str:
        path = self.folder / f"granian-{self.port}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(server_port("WACANA_TEST_PORT_BASE"), tmp_path)
    try:
        yield running
    finally:
        running.stop(signal.SIGKILL)


def _views(server: Server, article: Article, visitors: list[int]) -> None:
    """Each visitor (a browser of its own) views the article twice, all at once."""
    path = article.get_absolute_url()
    visits = [n for n in visitors for _ in range(2)]
    random.shuffle(visits)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: server.get(path, BROWSER.format(n=n)), visits))


def test_two_hundred_visitors_four_views_each_across_a_restart_count_two_hundred(
    server: Server, writer: User
) -> None:
    article = publish(writer)
    visitors = list(range(1, 201))
    server.start()
    _views(server, article, visitors)
    # Killed mid-life with everything still buffered: nothing was flushed yet.
    server.stop(signal.SIGKILL)
    server.start()
    _views(server, article, visitors)
    server.stop(signal.SIGTERM)
    assert counting.flush() == 200
    assert Article.objects.get(pk=article.pk).view_count == 200
    assert counting.flush() == 0


def test_a_hidden_article_leaves_every_process_cached_pages_at_once(
    server: Server, writer: User, reader: User
) -> None:
    hidden = publish(writer, "Senja di Pelabuhan Kalimas")
    # Same category and writer: its title is in the "more" links under this one.
    other = publish(writer, "Lontong Balap Surabaya")
    server.start()
    # Enough loads that both workers render and cache the home and the article block.
    for _ in range(12):
        assert hidden.title in server.get("/")
        assert hidden.title in server.get(other.get_absolute_url())
    actions.hide_article(hidden)
    for _ in range(12):
        assert hidden.title not in server.get("/")
        assert hidden.title not in server.get(other.get_absolute_url())
