"""`make profile URL=/kategori/fiksiana`: where one page's time goes, in-process.

Runs the page through Django's test Client (the whole middleware stack, no server) in
this process, against the database and cache the environment names (`make profile`
points it at the bench data in var/bench-sqlite), and prints:

- the CPU time per request (time.process_time, median of a few batches): the figure
  other processes' load moves least;
- with --profile (the default for `make profile`), the top of a cProfile of the same
  requests (timed by CPU, not wall time), sorted by cumulative time, then by own time.

    python scripts/bench/profile_page.py /kategori/fiksiana [--requests 50] [--signed-in]
        [--anonymous-fresh] [--no-profile] [--top 30]

--signed-in reads as the bench's reader (probe.bench_reader: follows 50 writers); an anonymous
reader otherwise, with a browser's user agent (so a view of an article counts). With
--anonymous-fresh each request comes from a new address (a new visitor for view
counting). Also used by scripts/bench/run.py for the in-process CPU rows.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Mobile Safari/537.36"
)


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()


def client(signed_in: bool) -> Any:
    from django.test import Client

    browser = Client(
        HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT_ENCODING="gzip, br"
    )
    if signed_in:
        import probe  # this folder's: the bench reader, who follows 50 busy writers

        browser.force_login(probe.bench_reader())
    return browser


def cpu_ms(
    url: str, requests: int, *, signed_in: bool = False, fresh: bool = False, batches: int = 5
) -> dict[str, Any]:
    """CPU milliseconds per request: the median of `batches` batches of `requests`."""
    browser = client(signed_in)
    first = browser.get(url)
    if first.status_code != 200:
        raise SystemExit(f"{url} answered {first.status_code}")
    browser.get(url)  # a second warm-up: caches filled as a running server's are
    per_batch = []
    number = 0
    for _batch in range(batches):
        started = time.process_time()
        for _ in range(requests):
            number += 1
            extra = {"REMOTE_ADDR": f"2001:db8::{number:x}"} if fresh else {}
            browser.get(url, **extra)
        per_batch.append((time.process_time() - started) / requests * 1000)
    return {
        "url": url,
        "cpu_ms": statistics.median(per_batch),
        "min_ms": min(per_batch),
        "bytes": len(first.content),
    }


def profile(url: str, requests: int, top: int, *, signed_in: bool, fresh: bool) -> str:
    browser = client(signed_in)
    browser.get(url)
    browser.get(url)
    # CPU time, as the figure above: waits for the database or Redis would otherwise
    # dominate the listing and hide where this process spends its CPU.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for number in range(requests):
        extra = {"REMOTE_ADDR": f"2001:db8::{number + 1:x}"} if fresh else {}
        browser.get(url, **extra)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--signed-in", action="store_true")
    parser.add_argument("--anonymous-fresh", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="one JSON line per URL")
    args = parser.parse_args(argv)
    setup()
    for url in args.urls:
        found = cpu_ms(
            url,
            args.requests,
            signed_in=args.signed_in,
            fresh=args.anonymous_fresh,
            batches=args.batches,
        )
        if args.json:
            print(json.dumps(found), flush=True)
        else:
            print(
                f"{url}: {found['cpu_ms']:.2f} ms CPU per request (median of"
                f" {args.batches} × {args.requests}; best batch {found['min_ms']:.2f} ms),"
                f" {found['bytes']:,} bytes",
                flush=True,
            )
        if not args.no_profile and not args.json:
            print(
                profile(
                    url,
                    args.requests,
                    args.top,
                    signed_in=args.signed_in,
                    fresh=args.anonymous_fresh,
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
