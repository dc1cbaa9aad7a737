"""The machine's version mark (wacana/lib/versionmark.py): moved by every version write,
shared by every process using the same cache folder, absent with Redis."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from wacana.discovery import home
from wacana.lib import pagecache, versionmark

one_machine = pytest.mark.skipif(
    "views" not in settings.CACHES, reason="with Redis there is no machine-wide mark"
)


@one_machine
@pytest.mark.django_db
def test_every_version_write_moves_the_mark() -> None:
    seen = {versionmark.value()}

    def a_thread() -> None:
        pagecache.touch("thread", 1)

    for move in (
        a_thread,
        pagecache.forget,
        home.forget,
        versionmark.moved,
    ):
        move()
        now = versionmark.value()
        assert now is not None
        assert now not in seen  # fresh bytes each time, never an old value back
        seen.add(now)


@one_machine
def test_reading_moves_nothing() -> None:
    before = versionmark.value()
    pagecache.object_version("thread", 7)
    home.version()
    assert versionmark.value() == before


@one_machine
def test_another_process_moving_it_is_seen_at_once() -> None:
    before = versionmark.value()
    folder = Path(settings.CACHES["default"]["LOCATION"]).parent
    environ = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environ |= {"WACANA_CACHE_DIR": str(folder), "DJANGO_SETTINGS_MODULE": "wacana.settings"}
    code = (
        "import django; django.setup();"
        "from wacana.lib import versionmark; versionmark.moved();"
        "print(versionmark.value().hex())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    now = versionmark.value()
    assert now is not None
    assert now != before
    assert done.stdout.strip() == now.hex()


@pytest.mark.skipif("views" in settings.CACHES, reason="runs with Redis")
def test_with_redis_there_is_no_mark() -> None:
    assert versionmark.value() is None
    versionmark.moved()  # nothing to move: no error
    assert versionmark.value() is None
