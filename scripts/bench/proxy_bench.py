"""The article page behind deploy/nginx.conf, against nginx serving the same page as a
static file (issue 15: at least half of nginx-static's rate), in `make bench`.

Also the figures behind the choice of how view counts stay exact behind the proxy cache:

- (a) article pages kept out of the proxy cache (what deploy/nginx.conf does): every
  view reaches Wacana, which renders the page and counts the view;
- (b) article pages cached by nginx, and a tiny counting request from the page (a beacon)
  reaching Wacana instead: the cached page's rate, and a minimal request through nginx
  to the app (not cached: a Django view as small as a beacon would be) give its
  capacity per view, 1 / (1 / pages + 1 / beacons) on the same cores.

Run alone (a small data set of its own, short durations) to check it works:
    .venv/bin/python scripts/bench/proxy_bench.py --duration 3 --warmup 1
"""

import argparse
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wacana.operations.nginx import NginxUnavailable, start_nginx  # noqa: E402

TARGET_SHARE = 0.5
CACHED_PATH = "/bench/cached-article"
ROWS = (
    ("static", "nginx-static: the article page as a file"),
    ("article", "(a) article page through nginx, uncached"),
    ("cached", "(b) article page from nginx's cache"),
    ("beacon", "(b) a tiny app request through nginx"),
)


def _port_pair(run: ModuleType) -> tuple[int, int]:
    return run.free_port(), run.free_port()


def measure(target: Any, args: argparse.Namespace, run: ModuleType) -> None:
    nginx_port, app_port = _port_pair(run)
    run.EXTRA_ENV["WACANA_TRUSTED_PROXIES"] = "127.0.0.1"
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
        # nginx-static: the very page, as a file nginx serves from the media folder.
        (media / "bench").mkdir(exist_ok=True)
        (media / "bench" / "article.html").write_bytes(page)
        urls = {
            "static": base + "/media/bench/article.html",
            "article": base + article,
            # The same page, cached: what (b) would let nginx answer.
            "cached": base + CACHED_PATH,
            # A session cookie sends it past the cache to the app; robots.txt is a view
            # with no query, as small as a beacon's.
            "beacon": base + "/robots.txt",
        }
        _allow_caching_of(nginx, article)
        loads = {}
        for name, url in urls.items():
            run.wait_for_quiet(args)
            headers = ["Cookie: sessionid=bench-beacon"] if name == "beacon" else []
            _wrk(run, url, args.warmup, args, headers)
            loads[name] = run.parse_wrk(_wrk(run, url, args.duration, args, headers))
            run.say(f"  behind nginx, {name}: {loads[name].rps:,.0f} requests/s")
        target.proxy = loads
    finally:
        run.EXTRA_ENV.pop("WACANA_TRUSTED_PROXIES", None)
        if nginx is not None:
            nginx.stop()
        run.stop_server(server)


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our server)
        return response.status, response.read()


def _allow_caching_of(nginx: Any, article: str) -> None:
    """For (b) only: the article page under another path that nginx caches (a location
    of its own in front of the shipped ones; the shipped article rule stays as it is)."""
    site = nginx.folder / "wacana.conf"
    extra = (
        f"    location = {CACHED_PATH} {{\n"
        f"        proxy_pass http://wacana_app{article};\n"
        "        proxy_http_version 1.1;\n"
        '        proxy_set_header Connection "";\n'
        "        proxy_set_header Host $host;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        '        proxy_set_header Accept-Encoding "";\n'
        "        proxy_cache wacana_pages;\n"
        "        proxy_ignore_headers Cache-Control Expires Vary Set-Cookie;\n"
        "        proxy_hide_header Set-Cookie;\n"
        "        proxy_cache_valid 200 5s;\n"
        "        proxy_cache_lock on;\n"
        "        proxy_cache_use_stale updating;\n"
        "        proxy_cache_background_update on;\n"
        "        add_header X-Cache-Status $upstream_cache_status always;\n"
        "    }\n"
    )
    marker = "    location / {"
    site.write_text(site.read_text().replace(marker, extra + marker, 1))
    nginx.process.send_signal(signal.SIGHUP)  # reload the configuration
    time.sleep(1)


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
    capacity_b = 1 / (1 / loads["cached"].rps + 1 / loads["beacon"].rps)
    run.say(
        f"    views/s that reach an exact count: (a) {loads['article'].rps:,.0f};"
        f" (b) about {capacity_b:,.0f} (page from the cache plus a beacon)"
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
