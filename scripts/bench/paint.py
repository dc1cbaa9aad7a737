"""`make paint` (and the end of `make bench`): first paint on a cheap phone on Slow 4G (issue 18).

Debian's Chromium through Playwright (headless, --no-sandbox) loads Wacana's pages from a
server this script starts (`manage.py serve` on a free 127.0.0.1 port), with the network
and the CPU slowed through the DevTools protocol (a CDP session per page:
Network.emulateNetworkConditions 150 ms, 1.6 Mbps down, 750 kbps up;
Emulation.setCPUThrottlingRate 4), never `page.route` (which turns the HTTP cache off).
A 390x844 phone screen (device pixel ratio --dpr, 2 by default).

Pages: the article (page 1 and 2, with a featured image), the home, a rubric and search.
Cold loads use a new browser context each; the returning reader reads one article, waits
until the service worker is in and the network quiet (a reader comes back later, not 600 ms
after), then reads another (without a featured image where one exists) in the same
context. For each page,
the median of --runs loads: FCP, LCP (a PerformanceObserver of largest-contentful-paint),
bytes on the wire (encodedDataLength, headers included) in all and before the featured
image, requests, render-blocking requests; then PASS/FAIL against the issue's targets.
TTFB and HTML are the navigation's responseStart and responseEnd: Chrome's emulated
latency shows in the second (the HTML delivered), not always in the first. "pic" is the
responseEnd of the LCP picture (0 when the LCP is text): a picture that arrived long
before its LCP was waiting for the phone, not for the network.

Data: the demo (var/paint-demo, loaded once) and the bench data (--bench-dir, the SQLite
set `make bench` builds in var/bench-sqlite; a small one is generated in var/paint-bench
when that is missing). An article with at least two pages gets a featured image when the
data has none (the bench data).

    paint.py [--data demo|bench|both] [--runs 5] [--bench-dir DIR]
    paint.py urls   (in-process, with the target's environment: prints the URLs as JSON)

Exit status: 0 when everything ran (a failed target is a report, not an error), 1 on error.
"""

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
CHROMIUM = "/usr/bin/chromium"
# Chrome DevTools' "Slow 4G", as the issue gives it.
LATENCY_MS = 150
DOWN_BPS = 1_600_000 / 8
UP_BPS = 750_000 / 8
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 390, "height": 844}
# Targets (issue 18), cold loads unless said.
TARGET_ARTICLE_LCP = 550.0
TARGET_LISTING_LCP = 650.0
TARGET_BEFORE_IMAGE = 12 * 1024
TARGET_RETURNING_LCP = 450.0
PAGES = (
    ("article1", "article, page 1"),
    ("article2", "article, page 2"),
    ("home", "home"),
    ("rubric", "rubric"),
    ("search", "search"),
)
SCRUBBED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "WACANA_ENV",
    "WACANA_VAR_DIR",
    "MEDIA_ROOT",
    "CACHE_KEY_PREFIX",
    "DJANGO_SETTINGS_MODULE",
    "WACANA_VIEW_COUNTING",
    "WACANA_TRUSTED_PROXIES",
)

# Installed before any script of the page: the last LCP candidate, and its element.
LCP_OBSERVER = """
window.__lcp = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const el = entry.element;
    window.__lcp = {
      time: entry.startTime,
      tag: el ? el.tagName.toLowerCase() : "",
      url: entry.url || "",
      size: entry.size,
    };
  }
}).observe({ type: "largest-contentful-paint", buffered: true });
"""
# The worker active, or 10 s (a browser without one, or a worker that failed to install).
SETTLE = """() => new Promise((done) => {
  setTimeout(done, 10000);
  if (!navigator.serviceWorker) return done();
  navigator.serviceWorker.ready.then(() => done());
})"""
READ_METRICS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const img = document.querySelector("figure.featured img");
  const blocking = performance.getEntriesByType("resource")
    .filter((e) => e.renderBlockingStatus === "blocking").map((e) => e.name);
  const nav = performance.getEntriesByType("navigation")[0];
  const lcpUrl = window.__lcp ? window.__lcp.url : "";
  const picture = lcpUrl
    ? performance.getEntriesByType("resource").find((e) => e.name === lcpUrl)
    : null;
  return {
    picture_end: picture ? picture.responseEnd : 0,
    ttfb: nav ? nav.responseStart : 0,
    html_end: nav ? nav.responseEnd : 0,
    fcp: paint ? paint.startTime : null,
    lcp: window.__lcp,
    featured: img ? img.currentSrc : "",
    blocking: blocking,
  };
}"""


def say(text: str = "") -> None:
    print(text, flush=True)


class PaintError(Exception):
    pass


# --- The in-process half: which URLs to load ------------------------------------------


def urls() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()
    from urllib.parse import urlencode

    from django.db.models import Count
    from django.urls import reverse

    from wacana.articles import actions
    from wacana.articles.demo_pictures import picture_for
    from wacana.articles.models import Article, Category

    published = Article.objects.published().latest_first()
    article = published.filter(page_count__gte=2).exclude(image="").first()
    if article is not None and not article.image_variants:
        article = None  # an upload from before its AVIF renditions: one made anew
    if article is None:
        # Not the article run.py loads (the latest of three pages): its weight stays as it was.
        loaded = published.filter(page_count=3).values_list("pk", flat=True)[:1]
        article = (
            published.filter(page_count__gte=2, image="").exclude(pk__in=list(loaded)).first()
            or published.filter(page_count__gte=2).exclude(pk__in=list(loaded)).first()
        )
        if article is None:
            raise SystemExit("paint: no published article with two pages or more")
        actions.set_featured_image(article, picture_for(article.title, f"paint-{article.pk}"))
    other = published.exclude(pk=article.pk).filter(image="").first()
    if other is None:
        other = published.exclude(pk=article.pk).first()
    warm = published.exclude(pk__in=[article.pk, other.pk if other else 0]).first()
    rubric = (
        Category.objects.filter(parent__isnull=False)
        .annotate(n=Count("articles"))
        .order_by("-n")
        .first()
    )
    if rubric is None or other is None or warm is None:
        raise SystemExit("paint: the data needs three articles and a rubric")
    word = next((w for w in article.title.split() if len(w) >= 5), article.title.split()[0])
    return {
        "article1": article.page_url(1),
        "article2": article.page_url(2),
        "home": "/",
        "rubric": rubric.get_absolute_url(),
        "search": f"{reverse('discovery:search')}?{urlencode({'q': word.lower()})}",
        "warm": warm.get_absolute_url(),
        "other": other.get_absolute_url(),
        "other_has_image": "1" if other.image else "",
    }


# --- Data and server ------------------------------------------------------------------


@dataclass
class Data:
    label: str
    var_dir: Path
    urls: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
        env.update(
            DATABASE_URL=f"sqlite:///{self.var_dir / 'wacana.sqlite3'}",
            WACANA_VAR_DIR=str(self.var_dir),
            WACANA_RATE_LIMITS="off",
            DJANGO_SETTINGS_MODULE="wacana.settings",
        )
        return env


def run(data: Data, *args: str) -> str:
    done = subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=data.env(), capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise PaintError(f"{' '.join(args)} failed: {(done.stderr or done.stdout)[-2000:]}")
    return done.stdout


def prepare(data: Data, generate: tuple[str, ...] = ()) -> None:
    data.var_dir.mkdir(parents=True, exist_ok=True)
    (data.var_dir / "media").mkdir(exist_ok=True)
    run(data, "manage.py", "migrate", "--no-input", "-v0")
    run(data, "manage.py", "createcachetable")
    if generate:
        count = run(data, str(ROOT / "scripts" / "bench" / "probe.py"), "status")
        if json.loads(count.strip().splitlines()[-1])["articles"] == 0:
            say(f"  generating the bench data in {data.var_dir} ...")
            run(data, "manage.py", "generate_bench_data", *generate)
    else:
        run(data, "manage.py", "load_demo", "--if-empty")
    out = run(data, __file__, "urls")
    data.urls = json.loads(out.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data: Data, port: int) -> subprocess.Popen[bytes]:
    log = (data.var_dir / "paint-server.log").open("wb")
    command = [PYTHON, "manage.py", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", "1", "--threads", "4"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=data.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own group: stopping it stops its children, nothing else
    )


def wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise PaintError(f"the server exited ({server.returncode}); see {log}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                response.read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise PaintError(f"the server did not answer within 90 s; see {log}")


# --- The floor: what this host's Chromium can do at best ------------------------------

FLOOR_HTML = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="preload" as="image" href="/p" fetchpriority="high">
<title>Lantai</title>
<style>body{{font-family:sans-serif;margin:1rem}}img{{max-width:100%;height:auto}}</style>
</head><body><h1>Judul artikel yang cukup panjang untuk dua baris</h1>
<img src="/p" width="{w}" height="{h}" alt="" fetchpriority="high">
<p>Satu paragraf pendek di bawah gambar.</p></body></html>"""


def floor_server(picture: bytes, kind: str, width: int, height: int) -> tuple[Any, str]:
    """A page holding only a heading, the article's featured picture and a paragraph,
    from a plain static server: the least any page with that picture can take here."""
    import http.server
    import threading

    page = FLOOR_HTML.format(w=width, h=height).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body, ctype = (picture, kind) if self.path == "/p" else (page, "text/html")
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def featured_picture(base: str, article_url: str) -> tuple[bytes, str, int, int] | None:
    """The article's preloaded picture (bytes, type, width, height), as a phone gets it."""
    import re

    with urllib.request.urlopen(base + article_url, timeout=30) as r:  # noqa: S310
        html = r.read().decode()
    link = re.search(r'<link rel="preload" as="image" href="([^"]+)"', html)
    size = re.search(r'<figure class="featured">.*?width="(\d+)" height="(\d+)"', html, re.S)
    if not link or not size:
        return None
    with urllib.request.urlopen(base + link.group(1), timeout=30) as r:  # noqa: S310
        return r.read(), r.headers.get_content_type(), int(size.group(1)), int(size.group(2))


# --- One load ---------------------------------------------------------------------------


@dataclass
class Load:
    ttfb: float
    html_end: float
    fcp: float
    lcp: float
    lcp_tag: str
    picture_end: float  # when the LCP picture's last byte arrived (0: text, or none)
    bytes: int
    before_image: int
    requests: int
    non_media_requests: int
    blocking: int
    image_initiator: str


def throttle(context: Any, page: Any) -> Any:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWN_BPS,
            "uploadThroughput": UP_BPS,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return cdp


def load(context: Any, url: str, *, settle: bool = False) -> Load:
    """One load; `settle`: then wait until the service worker is in and the network quiet,
    as it is for a reader who comes back later (the worker registers after `load`)."""
    page = context.new_page()
    cdp = throttle(context, page)
    sent: dict[str, tuple[float, str, str]] = {}  # id -> (time, url, initiator)
    sizes: dict[str, int] = {}
    cached: set[str] = set()
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: sent.__setitem__(
            e["requestId"], (e["timestamp"], e["request"]["url"], e["initiator"]["type"])
        ),
    )
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on(
        "Network.responseReceived",
        lambda e: (
            cached.add(e["requestId"])
            if e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache")
            else None
        ),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="load", timeout=60_000)
    page.wait_for_timeout(600)  # late requests (lazy images in view), the last LCP entry
    if settle:
        page.evaluate(SETTLE)
        page.wait_for_load_state("networkidle", timeout=30_000)
    metrics = page.evaluate(READ_METRICS)
    lcp = page.evaluate("() => window.__lcp")
    page.close()
    network = {rid: v for rid, v in sent.items() if rid not in cached and rid in sizes}
    featured = metrics["featured"]
    image_time = next((t for t, u, _i in network.values() if featured and u == featured), None)
    initiator = next((i for _t, u, i in sent.values() if featured and u == featured), "")
    before = sum(
        sizes[rid]
        for rid, (t, _u, _i) in network.items()
        if image_time is None or (t < image_time and _u != featured)
    )
    return Load(
        ttfb=float(metrics["ttfb"] or 0),
        html_end=float(metrics["html_end"] or 0),
        fcp=float(metrics["fcp"] or 0),
        lcp=float(lcp["time"]) if lcp else 0.0,
        lcp_tag=lcp["tag"] if lcp else "",
        picture_end=float(metrics["picture_end"] or 0),
        bytes=sum(sizes[rid] for rid in network),
        before_image=before,
        requests=len(network),
        non_media_requests=sum(1 for _t, u, _i in network.values() if "/media/" not in u),
        blocking=len(metrics["blocking"]),
        image_initiator=initiator,
    )


def median(loads: list[Load]) -> dict[str, Any]:
    def mid(name: str) -> float:
        return float(statistics.median(getattr(x, name) for x in loads))

    tags = [x.lcp_tag for x in loads]
    return {
        "ttfb": mid("ttfb"),
        "html_end": mid("html_end"),
        "fcp": mid("fcp"),
        "lcp": mid("lcp"),
        "lcp_tag": max(set(tags), key=tags.count),
        "picture_end": mid("picture_end"),
        "bytes": mid("bytes"),
        "before_image": mid("before_image"),
        "requests": mid("requests"),
        "non_media_requests": mid("non_media_requests"),
        "blocking": max(x.blocking for x in loads),
        "image_initiator": loads[0].image_initiator,
    }


def measure(
    data: Data, base: str, runs: int, floor: str | None = None
) -> dict[str, dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    options = {
        "viewport": VIEWPORT,
        "screen": VIEWPORT,
        "device_scale_factor": ARGS_DPR[0],
        "is_mobile": True,
        "has_touch": True,
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            # One load not counted: the browser's own first start (its processes, caches)
            # would otherwise fall on the first page measured.
            context = browser.new_context(**options)
            load(context, base + data.urls["home"])
            context.close()
            for name, _label in PAGES:
                loads = []
                for _ in range(runs):
                    context = browser.new_context(**options)
                    context.add_init_script(LCP_OBSERVER)
                    loads.append(load(context, base + data.urls[name]))
                    context.close()
                results[name] = median(loads)
                if name == "article2" and floor:
                    # Next to the article, so that both see the same moment of the host.
                    loads = []
                    for _ in range(runs):
                        context = browser.new_context(**options)
                        context.add_init_script(LCP_OBSERVER)
                        loads.append(load(context, floor))
                        context.close()
                    results["floor"] = median(loads)
            loads = []
            for _ in range(runs):
                context = browser.new_context(**options)
                context.add_init_script(LCP_OBSERVER)
                load(context, base + data.urls["warm"], settle=True)
                loads.append(load(context, base + data.urls["other"]))
                context.close()
            results["returning"] = median(loads)
        finally:
            browser.close()
    return results


ARGS_DPR = [2.0]


# --- Report -------------------------------------------------------------------------------


def checks(results: dict[str, dict[str, Any]]) -> list[tuple[bool, str]]:
    out: list[tuple[bool, str]] = []
    for name in ("article1", "article2"):
        r = results[name]
        out.append((r["lcp"] <= TARGET_ARTICLE_LCP, f"{name} LCP ≤ {TARGET_ARTICLE_LCP:.0f} ms"))
        out.append(
            (
                r["before_image"] <= TARGET_BEFORE_IMAGE,
                f"{name} ≤ 12 KB before the featured image ({r['before_image'] / 1024:.1f} KB)",
            )
        )
        out.append(
            (
                r["image_initiator"] == "parser",
                f"{name} featured image found by the HTML parser ({r['image_initiator']})",
            )
        )
    for name in ("home", "rubric", "search"):
        r = results[name]
        out.append((r["lcp"] <= TARGET_LISTING_LCP, f"{name} LCP ≤ {TARGET_LISTING_LCP:.0f} ms"))
    for name, r in results.items():
        if name not in ("returning", "floor"):
            out.append(
                (r["blocking"] == 0, f"{name}: no render-blocking request ({r['blocking']})")
            )
    r = results["returning"]
    out.append(
        (r["lcp"] <= TARGET_RETURNING_LCP, f"returning reader LCP ≤ {TARGET_RETURNING_LCP:.0f} ms")
    )
    out.append(
        (
            r["non_media_requests"] <= 1,
            f"returning reader: only the HTML fetched ({r['non_media_requests']:.0f} requests"
            " besides the article's own pictures)",
        )
    )
    return out


def report(data: Data, results: dict[str, dict[str, Any]], runs: int) -> None:
    say(
        f"== {data.label}: Slow 4G ({LATENCY_MS} ms, 1.6/0.75 Mbps), CPU ×{CPU_SLOWDOWN},"
        f" 390×844 @{ARGS_DPR[0]:g}x, median of {runs}"
    )
    say(
        f"  {'page':<26} {'TTFB':>5} {'HTML':>5} {'FCP ms':>7} {'LCP ms':>7} {'LCP el':>6}"
        f" {'pic':>5} {'KB':>7} {'KB<img':>7} {'reqs':>5} {'block':>5}"
    )
    labels = dict(PAGES) | {
        "returning": "returning, other article",
        "floor": "floor (heading+picture)",
    }
    for name, r in results.items():
        say(
            f"  {labels[name]:<26} {r['ttfb']:>5.0f} {r['html_end']:>5.0f}"
            f" {r['fcp']:>7.0f} {r['lcp']:>7.0f} {r['lcp_tag']:>6} {r['picture_end']:>5.0f}"
            f" {r['bytes'] / 1024:>7.1f} {r['before_image'] / 1024:>7.1f}"
            f" {r['requests']:>5.0f} {r['blocking']:>5}"
        )
    for ok, text in checks(results):
        say(f"  {'PASS' if ok else 'FAIL'}  {text}")
    if results["returning"]["html_end"] < LATENCY_MS:
        # The page's DevTools throttling does not slow its service worker's own fetches.
        say(
            f"  NOTE  returning reader: its HTML came through the service worker in"
            f" {results['returning']['html_end']:.0f} ms, faster than the {LATENCY_MS} ms"
            " latency: the worker's fetches are not throttled, so that row is optimistic"
        )
    # Two cores shared: a busy machine slows the throttled CPU further (TTFB/HTML: the
    # navigation's responseStart/responseEnd, the server's and the network's part).
    say(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    say()


def bench(data: Data, runs: int, generate: tuple[str, ...] = ()) -> None:
    # The other benches' way to stop a server and its whole process group.
    import run as bench_run

    say(f"== {data.label}: preparing {data.var_dir}")
    prepare(data, generate)
    run(data, "manage.py", "collectstatic", "--no-input", "-v0")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data, port)
    try:
        wait_until_up(server, base + data.urls["home"], data.var_dir / "paint-server.log")
        for name in ("article1", "article2", "home", "rubric", "search", "warm", "other"):
            with urllib.request.urlopen(base + data.urls[name], timeout=30) as r:  # noqa: S310
                r.read()
        picture = featured_picture(base, data.urls["article2"])
        floor = floor_server(*picture) if picture else None
        try:
            results = measure(data, base, runs, floor[1] if floor else None)
        finally:
            if floor:
                floor[0].shutdown()
        report(data, results, runs)
    finally:
        bench_run.stop_server(server)


def main(argv: list[str]) -> int:
    if argv[:1] == ["urls"]:
        print(json.dumps(urls()))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", choices=("demo", "bench", "both"), default="both")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dpr", type=float, default=2.0, help="device pixel ratio")
    parser.add_argument("--bench-dir", default=str(ROOT / "var" / "bench-sqlite"))
    parser.add_argument("--bench-articles", type=int, default=2_000, help="when generating")
    args = parser.parse_args(argv)
    ARGS_DPR[0] = args.dpr
    if not Path(CHROMIUM).exists():
        say(f"paint: {CHROMIUM} is missing (apt-get install chromium); not measured")
        return 0
    failed = False
    jobs: list[tuple[Data, tuple[str, ...]]] = []
    if args.data in ("demo", "both"):
        jobs.append((Data("Demo data", ROOT / "var" / "paint-demo"), ()))
    if args.data in ("bench", "both"):
        bench_dir = Path(args.bench_dir)
        if (bench_dir / "wacana.sqlite3").exists():
            jobs.append((Data("Bench data", bench_dir), ()))
            jobs[-1][0].label = f"Bench data ({bench_dir.name})"
            jobs[-1] = (jobs[-1][0], ("--articles", "0"))  # kept as it is: never generated
        else:
            size = str(args.bench_articles)
            jobs.append(
                (
                    Data(f"Bench data ({size} articles)", ROOT / "var" / "paint-bench"),
                    ("--articles", size, "--writers", str(max(10, args.bench_articles // 10))),
                )
            )
    for data, generate in jobs:
        try:
            bench(data, args.runs, generate)
        except PaintError as error:
            failed = True
            say(f"paint: {data.label}: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
