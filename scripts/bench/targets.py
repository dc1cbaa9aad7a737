"""Issue 15's targets in `make bench`: one row per target, the figure, PASS/FAIL, and the
previous run's figure beside it (kept in .bench/last-<database>.json, not in git).

The main figure for the CPU targets is in-process CPU per request (scripts/bench/
profile_page.py: Django's test Client, time.process_time, the median of 5 batches), which
other processes' load moves least; the server's CPU per request under wrk and requests/s
are printed beside it. Anonymous pages are served as a reader sees them: from the page
kept whole after the first request (wacana/lib/pagecache.py), the view counted first.
Signed-in pages are rendered for each request (their cards from the card cache).
"""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / ".bench"
PROFILE = str(Path(__file__).resolve().parent / "profile_page.py")

CPU_ARTICLE_SIGNED_IN = 3.0
RPS_ARTICLE_SIGNED_IN = 600.0
P99_ARTICLE_SIGNED_IN = 100.0
RPS_ARTICLE_ANONYMOUS = 2000.0
CPU_LISTING = 4.0
CPU_FEED = 5.0
FEED_BYTES = 40 * 1024
CPU_SITEMAP = 50.0
CACHED_SHARE = 0.2

# (page name in probe.py's URLs, label); each measured in-process, anonymous and signed in.
LISTINGS = (
    ("category", "category, first page"),
    ("deep", "category, 1,000 pages deep"),
    ("tag", "tag, first page"),
    ("tag_deep", "tag, deep page"),
    ("profile", "profile, first page"),
    ("profile_deep", "profile, deep page"),
    ("picks", "/pilihan, first page"),
    ("picks_deep", "/pilihan, deep page"),
    ("search_common", "search, common word"),
    ("search_rare", "search, rare word"),
)
SIGNED_IN_ONLY = (
    ("following", "/mengikuti, first page"),
    ("following_deep", "/mengikuti, deep page"),
)


@dataclass
class Row:
    key: str
    label: str
    value: float | None
    unit: str
    target: float
    at_least: bool = False  # a floor (requests/s) rather than a ceiling

    @property
    def ok(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.target if self.at_least else self.value <= self.target


def _profile(run: ModuleType, target: Any, urls: list[str], *extra: str) -> dict[str, float]:
    if not urls:
        return {}
    result = subprocess.run(
        [run.PYTHON, PROFILE, *urls, "--json", "--requests", "30", *extra],
        cwd=ROOT,
        env=run.environment(target),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise run.BenchError(f"profile_page.py failed: {result.stderr[-2000:]}")
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            found[row["url"]] = row["cpu_ms"]
    return found


def measure(target: Any, args: Any, run: ModuleType) -> None:
    """In-process CPU per request of every page with a CPU target."""
    run.say(f"== {target.label}: in-process CPU per request (profile_page.py)")
    pages = target.pages
    names = [n for n, _l in LISTINGS if n in pages] + ["article", "feed", "sitemap_deep", "home"]
    signed = [n for n, _l in LISTINGS + SIGNED_IN_ONLY if n in pages] + ["article_signed_in"]
    run.wait_for_quiet(args)
    anonymous = _profile(run, target, [pages[n]["url"] for n in names if n in pages])
    run.wait_for_quiet(args)
    reader = _profile(run, target, [pages[n]["url"] for n in signed if n in pages], "--signed-in")
    target.cpu = {
        "anonymous": {n: anonymous.get(pages[n]["url"]) for n in names if n in pages},
        "signed_in": {n: reader.get(pages[n]["url"]) for n in signed if n in pages},
    }


def rows(target: Any, run: ModuleType) -> list[Row]:
    cpu = getattr(target, "cpu", {"anonymous": {}, "signed_in": {}})
    anonymous, signed_in = cpu["anonymous"], cpu["signed_in"]
    loads = target.loads
    found: list[Row] = []

    def load(name: str) -> Any:
        return loads.get(name)

    article = load("article_signed_in")
    found += [
        Row("article_signed_in_cpu", "article, signed-in: CPU per request",
            signed_in.get("article_signed_in"), "ms", CPU_ARTICLE_SIGNED_IN),
        Row("article_signed_in_rps", "article, signed-in: req/s at 32 connections",
            article.rps if article else None, "req/s", RPS_ARTICLE_SIGNED_IN, True),
        Row("article_signed_in_p99", "article, signed-in: p99",
            article.p99_ms if article else None, "ms", P99_ARTICLE_SIGNED_IN),
    ]  # fmt: skip
    anonymous_article = load("article")
    found.append(
        Row("article_anonymous_rps", "article, anonymous, counting on: req/s",
            anonymous_article.rps if anonymous_article else None, "req/s",
            RPS_ARTICLE_ANONYMOUS, True)
    )  # fmt: skip
    found.append(
        Row("article_anonymous_cpu", "article, anonymous: CPU per request",
            anonymous.get("article"), "ms", CPU_LISTING)
    )  # fmt: skip
    for name, label in LISTINGS:
        if name in anonymous:
            found.append(Row(f"{name}_cpu", f"{label}, anonymous: CPU", anonymous[name], "ms",
                             CPU_LISTING))  # fmt: skip
        if name in signed_in:
            found.append(Row(f"{name}_signed_in_cpu", f"{label}, signed-in: CPU",
                             signed_in[name], "ms", CPU_LISTING))  # fmt: skip
    for name, label in SIGNED_IN_ONLY:
        if name in signed_in:
            found.append(Row(f"{name}_cpu", f"{label}: CPU", signed_in[name], "ms", CPU_LISTING))
    feed = target.pages.get("feed", {})
    found += [
        Row("feed_cpu", "site feed: CPU per request", anonymous.get("feed"), "ms", CPU_FEED),
        Row("feed_bytes", "site feed: bytes (uncompressed)",
            float(feed.get("transfer", {}).get("identity", feed.get("bytes", 0))) or None,
            "B", FEED_BYTES),
        Row("sitemap_cpu", "sitemap page (5,000 URLs): CPU", anonymous.get("sitemap_deep"),
            "ms", CPU_SITEMAP),
    ]  # fmt: skip
    static = getattr(target, "proxy", {}).get("static")
    for name, label in (("home", "home"), ("article", "article")):
        served = load(name)
        share = served.rps / static.rps if served and static else None
        found.append(
            Row(f"{name}_cached_share", f"{label}, anonymous, kept whole: share of nginx-static",
                share * 100 if share is not None else None, "%", CACHED_SHARE * 100, True)
        )  # fmt: skip
    return found


def _history(target: Any) -> Path:
    return HISTORY / f"last-{target.name}.json"


def report(target: Any, run: ModuleType) -> list[tuple[bool, str]]:
    found = rows(target, run)
    try:
        previous = json.loads(_history(target).read_text())
    except (OSError, ValueError):
        previous = {}
    run.say("")
    run.say(f"== {target.label}: issue 15 targets (previous run: {previous.get('_when', '—')})")
    run.say(f"  {'':<4} {'target':<58} {'now':>10} {'previous':>10} {'aim':>10}")

    def show(value: float | None, unit: str) -> str:
        if value is None:
            return "—"
        return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.2f} {unit}"

    checks = []
    for row in found:
        verdict = "PASS" if row.ok else ("—" if row.value is None else "FAIL")
        aim = ("≥ " if row.at_least else "≤ ") + show(row.target, row.unit)
        run.say(
            f"  {verdict:<4} {row.label:<58} {show(row.value, row.unit):>10}"
            f" {show(previous.get(row.key), row.unit):>10} {aim:>10}"
        )
        if row.value is not None:
            checks.append((row.ok, f"{row.label}: {show(row.value, row.unit)} (aim {aim})"))
    import time

    HISTORY.mkdir(exist_ok=True)
    kept = {row.key: row.value for row in found if row.value is not None}
    kept["_when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    _history(target).write_text(json.dumps({**previous, **kept}, indent=1))
    return checks
