"""kill -9 of the task worker in the middle of a 20,000-follower fan-out, then a new one.

A fresh SQLite site in var/killtest: a writer with 20,000 followers publishes; `manage.py
run_worker` starts the fan-out and is killed with SIGKILL once 1,000 notices are in. The
task stays RUNNING; a second worker takes it back when the lease (15 s here) expires and
finishes it. Prints the notices, the recipients and the unread counts, and exits 1 unless
every follower was told exactly once. Bounded (a few minutes at most); both workers are
stopped at the end.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin" / "python"
PYTHON = str(BIN) if BIN.exists() else sys.executable
VAR = ROOT / "var" / "killtest"
FOLLOWERS = 20_000
SETUP = """
from wacana.accounts.models import Follow, User
from wacana.articles import actions
from wacana.articles.models import Category

writer = User.objects.create_user(
    username="penulis", email="p@example.org", password=None, display_name="Penulis"
)
User.objects.bulk_create(
    [
        User(username=f"fan{n}", email=f"fan{n}@example.org", password="!", display_name="Fan")
        for n in range(int(sys.argv[1]))
    ],
    batch_size=2000,
)
fans = User.objects.exclude(pk=writer.pk).values_list("pk", flat=True)
Follow.objects.bulk_create([Follow(follower_id=pk, followed=writer) for pk in fans], 2000)
category = Category.objects.get(slug="puisi")
article = actions.create_article(writer, {"title": "Kabar", "body": "Isi.", "category": category})
actions.publish_article(writer, article)
"""
STATE = """
from django_tasks_db.models import DBTaskResult
print(json.dumps([[t.status, t.worker_ids] for t in DBTaskResult.objects.all()]))
"""
TALLY = """
from django.db.models import Count, Max, Sum
from wacana.accounts.models import User
from wacana.notifications.models import Notification

notices = Notification.objects.filter(kind="new_article")
per_person = notices.values("recipient").annotate(n=Count("id"))
fans = User.objects.filter(username__startswith="fan")
print(json.dumps({
    "notices": notices.count(),
    "recipients": per_person.count(),
    "most_per_recipient": per_person.aggregate(m=Max("n"))["m"],
    "unread_sum": fans.aggregate(s=Sum("unread_notifications"))["s"],
    "unread_max": fans.aggregate(m=Max("unread_notifications"))["m"],
}))
"""


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        WACANA_VAR_DIR=str(VAR),
        DJANGO_SETTINGS_MODULE="wacana.settings",
        WACANA_TASK_LEASE_SECONDS="15",
    )
    return env


def django(code: str, *args: str) -> str:
    prelude = "import json, sys\nimport django\ndjango.setup()\n"
    result = subprocess.run(
        [PYTHON, "-c", prelude + code, *args],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def worker(name: str) -> subprocess.Popen[bytes]:
    with (VAR / f"{name}.log").open("wb") as log:
        return subprocess.Popen(
            [PYTHON, "manage.py", "run_worker", "--no-startup-delay", "--worker-id", name],
            cwd=ROOT,
            env=environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def main() -> int:
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment(), check=True)
    django(SETUP, str(FOLLOWERS))
    print(f"{FOLLOWERS} followers; the article is published and its fan-out queued")
    db = sqlite3.connect(VAR / "wacana.sqlite3", timeout=30)
    count = "select count(*) from notifications_notification where kind = 'new_article'"
    first = worker("first")
    second = None
    try:
        deadline = time.monotonic() + 120
        told = 0
        while told < 1000 and time.monotonic() < deadline:
            time.sleep(0.005)
            told = db.execute(count).fetchone()[0]
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        print(f"kill -9 of the worker at {told} notices; tasks: {django(STATE)}")
        second = worker("second")
        started = time.monotonic()
        while time.monotonic() - started < 180 and "SUCCESSFUL" not in django(STATE):
            time.sleep(1)
        print(f"after {time.monotonic() - started:.0f} s, tasks: {django(STATE)}")
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
    tally = json.loads(django(TALLY))
    print(tally)
    exact = (
        tally["notices"] == tally["recipients"] == tally["unread_sum"] == FOLLOWERS
        and tally["most_per_recipient"] == tally["unread_max"] == 1
    )
    print("PASS: every follower told exactly once" if exact else "FAIL")
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
