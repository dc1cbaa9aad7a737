"""`make cluster-test`: two app servers behind deploy/nginx.conf, sharing PostgreSQL, Redis
and an S3 bucket (moto's server), under a bounded mixed load, with one server killed
half-way. Checks that sessions, caches, rate limits, uploads and view counts work across
the two, that nginx sends everything to the survivor, that no acknowledged write is
lost and that errors are only for requests in flight at the kill. Prints a summary.

Skips (exit 0, saying why) where PostgreSQL, Redis or nginx are missing. Uses
CLUSTER_PORT_BASE (default 8220) … +3, the database wacana_<CLUSTER_NAME>_cluster
(CLUSTER_NAME: default "scale") and Redis database CLUSTER_REDIS_DB (default 11).
"""

import argparse
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402 (after the path)

from wacana.operations.nginx import NginxUnavailable, start_nginx  # noqa: E402
from wacana.operations.testing import (  # noqa: E402
    S3Unavailable,
    manage,
    python,
    site_env,
    start_app_server,
    start_s3_server,
)

PASSWORD = "kopi-tubruk-pagi-77"  # noqa: S105 (the test accounts' password)
READERS = 12
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"

SETUP = """
import json
from wacana.accounts import actions as accounts
from wacana.articles import actions
from wacana.articles.forms import TagsField
from wacana.articles.models import Category
writer = accounts.create_account(username="penulis", email="p@example.com",
    password="%(password)s", display_name="Sekar Penulis")
token = accounts.issue_token(writer)
for n in range(%(readers)d):
    accounts.create_account(username=f"pembaca{n}", email=f"r{n}@example.com",
        password="%(password)s", display_name=f"Pembaca Nomor {n}")
accounts.create_account(username="sasaran", email="s@example.com",
    password="%(password)s", display_name="Sasaran")
category = Category.objects.get(slug="sekolah")
urls = []
for n in range(3):
    data = {"title": f"Kabar Pasar {n}", "body": "Isi kabar.", "category": category,
        "tags": TagsField(required=False).clean("")}
    article = actions.publish_article(writer, actions.create_article(writer, data))
    urls.append([article.pk, article.get_absolute_url()])
data = {"title": "Kabar Akan Ditarik", "body": "Sebentar saja.", "category": category,
    "tags": TagsField(required=False).clean("")}
withdrawn = actions.publish_article(writer, actions.create_article(writer, data))
print(json.dumps({"token": token, "articles": urls, "withdraw": withdrawn.pk,
                  "withdraw_url": withdrawn.get_absolute_url()}))
"""

VERIFY = """
import json, sys
from wacana.articles import counting
from wacana.articles.models import Article
from wacana.discussion.models import Comment
facts = json.loads(open(sys.argv[1]).read())
counting.flush()
bodies = set(Comment.objects.values_list("body", flat=True))
out = {
    "views": {str(pk): Article.objects.get(pk=pk).view_count for pk, _url in facts["articles"]},
    "missing_comments": [c for c in facts["comments"] if c not in bodies],
    "missing_articles": [pk for pk in facts["uploads"]
                         if not Article.objects.filter(pk=pk).exclude(image="").exists()],
}
print(json.dumps(out))
"""


@dataclass
class Call:
    kind: str
    started: float
    ended: float
    status: int
    upstream: str = ""


@dataclass
class State:
    base: str
    facts: dict[str, Any]
    calls: list[Call] = field(default_factory=list)
    views: dict[int, int] = field(default_factory=dict)  # article → acknowledged visitors
    comments: list[str] = field(default_factory=list)
    uploads: dict[int, str] = field(default_factory=dict)  # article id → image URL
    sessions: list[tuple[str, requests.Session]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    visitor: int = 0


def say(text: str) -> None:
    print(text, flush=True)


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    colour = tuple(random.randrange(256) for _ in range(3))
    Image.new("RGB", (640, 480), colour).save(buffer, "PNG")
    return buffer.getvalue()


def timed(state: State, kind: str, send: Any) -> requests.Response | None:
    started = time.monotonic()
    try:
        response = send()
        status, upstream = response.status_code, response.headers.get("X-Upstream", "")
    except requests.RequestException:
        response, status, upstream = None, 0, ""
    with state.lock:
        state.calls.append(Call(kind, started, time.monotonic(), status, upstream))
    return response


def sign_in(state: State, username: str) -> requests.Session | None:
    session = requests.Session()
    session.headers["User-Agent"] = f"{BROWSER} {username}"
    page = timed(state, "sign-in", lambda: session.get(state.base + "/masuk", timeout=10))
    if page is None or page.status_code != 200:
        return None
    reply = timed(
        state,
        "sign-in",
        lambda: session.post(
            state.base + "/masuk",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            },
            allow_redirects=False,
            timeout=10,
        ),
    )
    if reply is None or reply.status_code != 302:
        return None
    return session


BEACON = re.compile(r'<img class="beacon"\s+src="([^"]+)"')


def one_action(state: State, rng: random.Random) -> None:
    roll = rng.random()
    articles = state.facts["articles"]
    if roll < 0.45:  # a view of an article by a new visitor
        pk, url = rng.choice(articles)
        with state.lock:
            state.visitor += 1
            agent = f"{BROWSER} pengunjung-{state.visitor}"
        reply = timed(
            state, "view", lambda: requests.get(state.base + url, headers={"User-Agent": agent},
                                                timeout=10)
        )  # fmt: skip
        # The page may come from nginx's cache: its beacon counts the view, as a browser's.
        found = BEACON.search(reply.text) if reply is not None and reply.ok else None
        if found is None:
            return
        beacon = timed(
            state, "view", lambda: requests.get(state.base + found.group(1),
                                                headers={"User-Agent": agent}, timeout=10)
        )  # fmt: skip
        if beacon is not None and beacon.status_code == 200:
            with state.lock:
                state.views[pk] = state.views.get(pk, 0) + 1
    elif roll < 0.65:  # anonymous reads of listings (from the proxy cache, mostly)
        path = rng.choice(["/", "/kategori/sekolah", "/feed", "/cari?q=pasar"])
        timed(state, "read", lambda: requests.get(state.base + path, timeout=10,
                                                  headers={"User-Agent": BROWSER}))  # fmt: skip
    elif roll < 0.75:  # a sign-in, then the session's own page
        username = f"pembaca{rng.randrange(READERS)}"
        session = sign_in(state, username)
        if session is not None:
            with state.lock:
                state.sessions.append((username, session))
    elif roll < 0.9:  # a comment from a signed-in reader
        with state.lock:
            if not state.sessions:
                return
            username, session = rng.choice(state.sessions)
        pk, _url = rng.choice(articles)
        body = f"Komentar uji {rng.getrandbits(64):x} dari {username}."
        reply = timed(
            state,
            "comment",
            lambda: session.post(
                f"{state.base}/komentar/artikel/{pk}",
                data={"body": body, "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")},
                allow_redirects=False,
                timeout=10,
            ),
        )
        if reply is not None and 200 <= reply.status_code < 400:
            with state.lock:
                state.comments.append(body)
    else:  # an upload: a new draft and its featured image, through the API
        headers = {"Authorization": f"Bearer {state.facts['token']}"}
        created = timed(
            state,
            "upload",
            lambda: requests.post(
                state.base + "/api/v1/articles",
                json={"title": f"Foto {rng.getrandbits(32):x}", "body": "Foto pasar.",
                      "category": "sekolah"},
                headers=headers, timeout=10,
            ),
        )  # fmt: skip
        if created is None or created.status_code != 201:
            return
        pk = created.json()["id"]
        image = png()
        reply = timed(
            state,
            "upload",
            lambda: requests.post(
                f"{state.base}/api/v1/articles/{pk}/image",
                files={"file": ("pasar.png", image, "image/png")},
                headers=headers,
                timeout=20,
            ),
        )
        if reply is not None and reply.status_code == 200:
            with state.lock:
                state.uploads[pk] = reply.json()["image"]["url"]


def worker(state: State, seed: int) -> None:
    rng = random.Random(seed)
    while not state.stop.is_set():
        one_action(state, rng)


def services(args: argparse.Namespace) -> tuple[str, str] | str:
    """The PostgreSQL and Redis URLs, or why the test cannot run here."""
    import psycopg
    import redis

    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        return "nginx is not installed"
    base = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    try:
        with psycopg.connect(
            "postgres://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{args.database}"')
    except Exception as error:
        return f"PostgreSQL does not answer at 127.0.0.1:5432 ({type(error).__name__})"
    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=2)
        client.ping()
        client.flushdb()
    except Exception as error:
        return f"Redis does not answer at {redis_url} ({type(error).__name__})"
    return base, redis_url


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="two app servers behind nginx, one killed")
    parser.add_argument("--duration", type=int, default=40, help="seconds of load (30–60)")
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument(
        "--port-base", type=int, default=int(os.environ.get("CLUSTER_PORT_BASE", "8220"))
    )
    name = os.environ.get("CLUSTER_NAME", "scale")
    parser.add_argument("--database", default=f"wacana_{name}_cluster")
    parser.add_argument(
        "--redis-db", type=int, default=int(os.environ.get("CLUSTER_REDIS_DB", "11"))
    )
    args = parser.parse_args(argv)
    args.duration = max(10, min(args.duration, 120))
    found = services(args)
    if isinstance(found, str):
        say(f"cluster-test skipped: {found}")
        return 0
    database_url, redis_url = found
    nginx_port, s3_port = args.port_base, args.port_base + 3
    app_ports = [args.port_base + 1, args.port_base + 2]
    folder = Path(tempfile.mkdtemp(prefix="wacana-cluster-"))
    started = time.monotonic()
    try:
        s3 = start_s3_server(s3_port)
    except S3Unavailable as error:
        say(f"cluster-test skipped: no S3 server ({error})")
        return 0
    servers: list[Any] = []
    nginx = None
    failures: list[str] = []
    try:
        s3.create_bucket("wacana-cluster")
        env = site_env(
            folder / "var",
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            CACHE_KEY_PREFIX=f"wacana-cluster-{os.getpid()}",
            WACANA_TRUSTED_PROXIES="127.0.0.1",
            WACANA_VIEW_FLUSH_SECONDS="2",
            # As deploy/nginx.conf expects: article pages kept, views counted by beacons.
            WACANA_VIEW_COUNTING="beacon",
            # Every request comes from 127.0.0.1 here: the per-address limits would
            # stop the load itself. The per-account sign-in limit is the one checked.
            WACANA_RATE_LOGIN="100000/m",
            WACANA_RATE_COMMENT="100000/m",
            WACANA_RATE_COMMENT_NEW="100000/m",
            WACANA_RATE_COMMENT_ADDRESS="100000/m",
            WACANA_RATE_SEARCH="100000/m",
            **s3.env("wacana-cluster"),
        )
        manage(env, "migrate", "--no-input", "-v0")
        facts = json.loads(python(env, SETUP % {"password": PASSWORD, "readers": READERS}))
        for n, port in enumerate(app_ports):
            servers.append(
                start_app_server(env, port, folder / f"app{n}.log", workers=1, threads=4)
            )
        try:
            nginx = start_nginx(
                folder / "nginx",
                listen=nginx_port,
                app_ports=app_ports,
                static_root=ROOT / "static",
                media_root=folder / "var" / "media",
                extra_headers={"X-Upstream": "$upstream_addr"},
            )
        except NginxUnavailable as error:
            say(f"cluster-test skipped: {error}")
            return 0
        state = State(nginx.url, facts)
        say(f"== cluster up in {time.monotonic() - started:.0f} s: nginx :{nginx_port} → "
            f"app :{app_ports[0]} and :{app_ports[1]}, PostgreSQL {args.database}, "
            f"Redis db {args.redis_db}, S3 :{s3_port}")  # fmt: skip

        # Caches across the servers: both keep the home page in the shared cache, and each
        # worker answers it (and the article page) from its front copy (wacana/lib/
        # front.py) after a few requests; an article withdrawn through nginx (whichever
        # server takes it) leaves every copy of both at once.
        def page(port: int, path: str) -> tuple[int, str]:
            reply = requests.get(
                f"http://127.0.0.1:{port}{path}", timeout=10, headers={"User-Agent": BROWSER}
            )
            return reply.status_code, reply.text

        title, article_path = "Kabar Akan Ditarik", facts["withdraw_url"]

        def shown() -> list[tuple[bool, int]]:
            return [
                (title in page(port, "/")[1], page(port, article_path)[0])
                for port in app_ports
                for _ in range(4)  # more than the workers: each keeps a copy
            ]

        before_withdrawal = shown()
        withdrawn = requests.patch(
            f"{nginx.url}/api/v1/articles/{facts['withdraw']}",
            json={"status": "draft"},
            headers={"Authorization": f"Bearer {facts['token']}"},
            timeout=10,
        )
        after_withdrawal = shown()
        if (
            set(before_withdrawal) != {(True, 200)}
            or withdrawn.status_code != 200
            or set(after_withdrawal) != {(False, 404)}
        ):
            failures.append(
                f"home and article pages around a withdrawal: {before_withdrawal},"
                f" {withdrawn.status_code}, {after_withdrawal}"
            )

        # Rate limits across the servers: the per-account sign-in limit (10 in 15 min)
        # holds whichever server each attempt reaches.
        statuses, upstreams = [], set()
        guesser = requests.Session()
        guesser.headers["User-Agent"] = BROWSER
        guesser.get(nginx.url + "/masuk", timeout=10)
        for _ in range(11):
            reply = guesser.post(
                nginx.url + "/masuk",
                data={
                    "username": "sasaran",
                    "password": "salah-sekali",
                    "csrfmiddlewaretoken": guesser.cookies.get("csrftoken", ""),
                },
                timeout=10,
            )
            statuses.append(reply.status_code)
            upstreams.add(reply.headers.get("X-Upstream", ""))
        limit_ok = statuses[-1] == 429 and 429 not in statuses[:-1] and len(upstreams) == 2
        if not limit_ok:
            failures.append(f"sign-in limit across servers: {statuses} via {sorted(upstreams)}")

        threads = [threading.Thread(target=worker, args=(state, n)) for n in range(args.clients)]
        load_started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(args.duration * 0.4)
        kill_at = time.monotonic()
        servers[0].kill()
        say(f"== killed the app server on :{app_ports[0]} at {kill_at - load_started:.1f} s")
        time.sleep(args.duration * 0.6)
        state.stop.set()
        for thread in threads:
            thread.join(30)
        load_seconds = time.monotonic() - load_started

        # --- Checks -------------------------------------------------------------------
        calls = state.calls
        errors = [c for c in calls if c.status == 0 or c.status >= 500]
        in_flight = [c for c in errors if c.started <= kill_at + 0.05 and c.ended >= kill_at]
        stray = [c for c in errors if c not in in_flight]
        if stray:
            failures.append(
                f"{len(stray)} errors outside the kill: "
                + ", ".join(
                    f"{c.kind} {c.status} at {c.started - load_started:.1f}s" for c in stray[:5]
                )
            )
        after = [c for c in calls if c.started > kill_at + 0.05 and c.status]
        dead = f"127.0.0.1:{app_ports[0]}"
        if any(c.upstream == dead for c in after):
            failures.append("nginx still answered from the dead server after the kill")
        before = {c.upstream for c in calls if c.ended < kill_at and c.upstream}
        if len(before) < 2:
            failures.append(f"the load reached only {sorted(before)} before the kill")
        # Sessions made on either server work on the survivor.
        lost_sessions = 0
        for _username, session in state.sessions:
            reply = session.get(nginx.url + "/dasbor", allow_redirects=False, timeout=10)
            if reply.status_code != 200:
                lost_sessions += 1
        if lost_sessions:
            failures.append(f"{lost_sessions} of {len(state.sessions)} sessions were lost")
        # Uploads: every acknowledged image is in the bucket, served from its URL.
        missing_images = 0
        for url in state.uploads.values():
            if requests.get(url, timeout=10).status_code != 200:
                missing_images += 1
        if missing_images:
            failures.append(f"{missing_images} acknowledged images do not resolve")
        servers[1].stop()  # flushes the buffered views as it stops
        facts_file = folder / "acknowledged.json"
        facts_file.write_text(json.dumps({
            "articles": facts["articles"], "comments": state.comments,
            "uploads": list(state.uploads),
        }))  # fmt: skip
        verified = json.loads(python(env, VERIFY, str(facts_file)))
        if verified["missing_comments"]:
            failures.append(f"{len(verified['missing_comments'])} acknowledged comments lost")
        if verified["missing_articles"]:
            failures.append(f"{len(verified['missing_articles'])} acknowledged uploads lost")
        view_errors = sum(1 for c in errors if c.kind == "view")
        for pk, _url in facts["articles"]:
            counted, acknowledged = verified["views"][str(pk)], state.views.get(pk, 0)
            # A view whose reply was lost may have been counted: at most one per error.
            if not acknowledged <= counted <= acknowledged + view_errors:
                failures.append(
                    f"article {pk}: {counted} views counted, {acknowledged} acknowledged"
                )

        # --- Summary ------------------------------------------------------------------
        kinds: dict[str, list[Call]] = {}
        for call in calls:
            kinds.setdefault(call.kind, []).append(call)
        say(f"== {len(calls)} requests in {load_seconds:.0f} s from {args.clients} clients:")
        for kind, group in sorted(kinds.items()):
            ok = sum(1 for c in group if 0 < c.status < 500)
            on = {u.rsplit(":", 1)[-1] for c in group if c.upstream for u in c.upstream.split(", ")}
            say(f"   {kind:<8} {len(group):>5} sent, {ok:>5} answered, via ports {sorted(on)}")
        say(f"   errors: {len(errors)} (in flight at the kill: {len(in_flight)})")
        say(f"   acknowledged: {sum(state.views.values())} views, {len(state.comments)} comments,"
            f" {len(state.uploads)} uploads, {len(state.sessions)} sign-ins")  # fmt: skip
        say(f"   views counted: {verified['views']} (acknowledged {state.views})")
        say(f"   sign-in limit across servers: {statuses}")
        say(f"== took {time.monotonic() - started:.0f} s in all")
        if failures:
            for failure in failures:
                say(f"FAIL  {failure}")
            return 1
        say("PASS  sessions, caches, rate limits, uploads and view counts across two servers;"
            " the kill cost only requests in flight")  # fmt: skip
        return 0
    finally:
        for server in servers:
            server.stop()  # a no-op for one stopped or killed already
        if nginx is not None:
            nginx.stop()
        s3.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
