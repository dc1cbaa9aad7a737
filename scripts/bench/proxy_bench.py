"""The article page behind deploy/nginx.conf, against nginx serving the same page as a
static file (issue 15: at least half of nginx-static's rate), in `make bench`.

The app runs as the shipped configuration expects it, with WACANA_VIEW_COUNTING=beacon:
nginx keeps anonymous article pages for a few seconds, and each page counts its view
with a tiny request of its own (the beacon, /artikel/<id>/dibaca) that always reaches
Wacana. The rows, on the same cores:

- nginx-static: the very page as a file nginx serves;
- the article page through nginx (from its cache), as readers get it;
- the beacon through nginx: what each view costs Wacana; with the page's rate it gives
  the views per second that reach an exact count, 1 / (1 / pages + 1 / beacons).

Counting by the page's own request instead (WACANA_VIEW_COUNTING=on, article pages never
kept by nginx) allows at most the app's own anonymous article rate (the table's article
row), less nginx's share of the cores.

Run alone (a small data set of its own, short durations) to check it works:
    .venv/bin/python scripts/bench/proxy_bench.py --duration 3 --warmup 1
"""

import argparse
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wacana.operations.nginx import NginxUnavailable, start_nginx  # noqa: E402

TARGET_SHARE = 0.5
ROWS = (
    ("static", "nginx-static: the article page as a file"),
    ("article", "the article page through nginx, kept"),
    ("beacon", "the view beacon through nginx"),
)


def _port_pair(run: ModuleType) -> tuple[int, int]:
    return run.free_port(), run.free_port()


def measure(target: Any, args: argparse.Namespace, run: ModuleType) -> None:
    nginx_port, app_port = _port_pair(run)
    run.EXTRA_ENV.update(WACANA_TRUSTED_PROXIES="127.0.0.1", WACANA_VIEW_COUNTING="beacon")
    server = run.start_server(target, args, app_port)
    nginx = None
    try:
        article = target.pages["article"]["url"]
        run.wait_until_up(server, f"http://127.0.0.1:{app_port}{article}", target.var_dir)
        media = target.var_dir / "media"
        try:
            nginx = start_nginx(
                target.var_dir / "nginx",
                listen=nginx_port,
                app_ports=[app_port],
                static_root=ROOT / "staticfiles",
                media_root=media,
            )
        except NginxUnavailable as error:
            run.say(f"  nginx rows skipped: {error}")
            return
        base = nginx.url
        status, page = _get(base + article)
        if status != 200:
            raise run.BenchError(f"{article} answered {status} through nginx")
        beacon = re.search(rb'class="beacon"\s+src="([^"]+)"', page)
        if beacon is None:
            raise run.BenchError(f"{article} has no view beacon with WACANA_VIEW_COUNTING=beacon")
        # nginx-static: the very page, as a file nginx serves from the media folder.
        (media / "bench").mkdir(exist_ok=True)
        (media / "bench" / "article.html").write_bytes(page)
        urls = {
            "static": base + "/media/bench/article.html",
            "article": base + article,
            "beacon": base + beacon.group(1).decode(),
        }
        loads = {}
        for name, url in urls.items():
            run.wait_for_quiet(args)
            _wrk(run, url, args.warmup, args, [])
            loads[name] = run.parse_wrk(_wrk(run, url, args.duration, args, []))
            run.say(f"  behind nginx, {name}: {loads[name].rps:,.0f} requests/s")
        target.proxy = loads
    finally:
        run.EXTRA_ENV.pop("WACANA_TRUSTED_PROXIES", None)
        run.EXTRA_ENV.pop("WACANA_VIEW_COUNTING", None)
        if nginx is not None:
            nginx.stop()
        run.stop_server(server)


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our server)
        return response.status, response.read()


def _wrk(
    run: ModuleType, url: str, seconds: int, args: argparse.Namespace, headers: list[str]
) -> str:
    connections = args.connections
    command = ["wrk", f"-t{min(args.wrk_threads, connections)}", f"-c{connections}"]
    command += [f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if result.returncode != 0:
        raise run.BenchError(f"wrk failed ({result.returncode}): {result.stderr.strip()}")
    return str(result.stdout)


def report(target: Any, run: ModuleType) -> None:
    loads = getattr(target, "proxy", None)
    if not loads:
        return
    run.say("  Behind deploy/nginx.conf (same run, same cores):")
    for name, label in ROWS:
        load = loads[name]
        run.say(f"    {label:<44} {load.rps:>9,.0f} req/s  p99 {load.p99_ms:>7.1f} ms")
    capacity = 1 / (1 / loads["article"].rps + 1 / loads["beacon"].rps)
    page = target.loads.get("article")
    alone = f"; at most {page.rps:,.0f} if each page counted itself" if page else ""
    run.say(
        f"    views/s that reach an exact count: about {capacity:,.0f} (page from the cache"
        f" plus its beacon){alone}"
    )
    for ok, text in checks(target):
        run.say(f"  {'PASS' if ok else 'FAIL'}  {text}")


def checks(target: Any) -> list[tuple[bool, str]]:
    loads = getattr(target, "proxy", None)
    if not loads:
        return []
    share = loads["article"].rps / max(1.0, loads["static"].rps)
    return [
        (
            share >= TARGET_SHARE,
            f"article page behind nginx at {share:.0%} of nginx-static's rate"
            f" ({loads['article'].rps:,.0f} of {loads['static'].rps:,.0f} req/s;"
            f" target ≥ {TARGET_SHARE:.0%})",
        )
    ]


def main(argv: list[str]) -> int:
    """Alone: a small SQLite data set of its own (var/bench-proxy), then these rows."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    parser = argparse.ArgumentParser(description="the nginx rows of make bench, alone")
    parser.add_argument("--duration", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--articles", type=int, default=300)
    mine = parser.parse_args(argv)
    args = run.arguments(
        ["--duration", str(mine.duration), "--warmup", str(mine.warmup), "--writers", "30",
         "--articles", str(mine.articles), "--quiet-wait", "5"]
    )  # fmt: skip
    var_dir = ROOT / "var" / "bench-proxy"
    target = run.Target("sqlite", "SQLite", f"sqlite:///{var_dir / 'wacana.sqlite3'}", var_dir)
    run.ensure_wrk()
    run.manage(target, "collectstatic", "--no-input", "-v0", capture=True)
    run.prepare(target, args)
    # The full bench's probe wants its 100,000 articles; any published one does here.
    code = (
        "import django; django.setup()\n"
        "from wacana.articles.models import Article\n"
        "print(Article.objects.filter(status='published').order_by('-id')[1].get_absolute_url())"
    )
    url = subprocess.run(
        [run.PYTHON, "-c", code], cwd=ROOT, env=run.environment(target), capture_output=True,
        text=True, check=True,
    ).stdout.strip()  # fmt: skip
    target.pages = {"article": {"url": url}}
    measure(target, args, run)
    report(target, run)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
