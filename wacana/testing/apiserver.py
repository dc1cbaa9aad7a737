"""A live Wacana site for tests that speak to the API over HTTP: the OpenAPI fuzzer
(schemathesis) and the client generated from the schema.

granian serves a fresh SQLite database in a temporary folder, on a free port of
127.0.0.1 (or WACANA_TEST_PORT_BASE + offset when set), with rate limits off. The site
holds the categories of the migrations, a writer with a published article and a
comment, and the caller's account (an editor and moderator) with an API token.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 60
PASSWORD = "kopi-tubruk-pagi-77"

SETUP = f"""
import json
from django.contrib.auth.models import Group
from wacana.accounts import actions as accounts
from wacana.articles import actions
from wacana.articles.models import Category
from wacana.discussion import actions as discussion
writer = accounts.create_account(username="penulis", email="penulis@example.com",
    password="{PASSWORD}", display_name="Penulis")
caller = accounts.create_account(username="penguji", email="penguji@example.com",
    password="{PASSWORD}", display_name="Penguji")
for name in ("editor", "moderator"):
    caller.groups.add(Group.objects.get_or_create(name=name)[0])
category = Category.objects.filter(parent__isnull=False).order_by("pk").first()
article = actions.create_article(writer, {{"title": "Senja di Ampenan",
    "body": "Kapal-kapal tua di pelabuhan.", "category": category}})
actions.publish_article(writer, article)
comment = discussion.post_comment(writer, article, "Catatan pertama.", None)
token, key = accounts.create_token(caller, name="fuzz")
print(json.dumps({{"token": key, "article": article.pk, "comment": comment.pk,
    "category": category.slug}}))
"""


def free_port(offset: int = 0) -> int:
    base = os.environ.get("WACANA_TEST_PORT_BASE")
    if base:
        return int(base) + offset
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveSite:
    folder: Path
    port: int = 0
    token: str = ""
    article_id: int = 0
    comment_id: int = 0
    category: str = ""
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.folder / "granian.log"

    def log(self) -> str:
        path = self.log_path
        return path.read_text(errors="replace")[-5000:] if path.exists() else ""

    def start(self) -> None:
        self.port = self.port or free_port()
        self.env = {
            **{
                key: value
                for key, value in os.environ.items()
                if key not in ("REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
            },
            "DATABASE_URL": f"sqlite:///{self.folder / 'site.sqlite3'}",
            "WACANA_VAR_DIR": str(self.folder / "var"),
            "WACANA_CACHE_DIR": str(self.folder / "cache"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "SECRET_KEY": "api-live-site-" + "x" * 40,
            "WACANA_PLAIN_STATIC": "1",
            "WACANA_RATE_LIMITS": "off",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "wacana.settings",
            "CACHE_KEY_PREFIX": f"wacana-api-live-{os.getpid()}-{self.port}",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run(  # noqa: S603 (our own command line)
            [*manage, "migrate", "-v0"], env=self.env, cwd=ROOT, check=True, timeout=180
        )
        made = subprocess.run(  # noqa: S603 (our own command line)
            [*manage, "shell", "--no-imports", "-c", SETUP],
            env=self.env,
            cwd=ROOT,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )

        facts = json.loads(made.stdout.strip().splitlines()[-1])
        self.token = facts["token"]
        self.article_id = facts["article"]
        self.comment_id = facts["comment"]
        self.category = facts["category"]
        granian = Path(sys.executable).parent / "granian"
        command = [str(granian), "--interface", "wsgi", "wacana.wsgi:application"]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"]
        command += ["--blocking-threads", "4", "--no-access-log"]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command line)
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped whole
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                with urllib.request.urlopen(  # noqa: S310 - our own server on 127.0.0.1
                    f"{self.base_url}/api/v1/openapi.json", timeout=5
                ):
                    return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError("granian did not answer in time:\n" + self.log())

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
