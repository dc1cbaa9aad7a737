"""`make bench`, view counting: what counting costs the article page, and how fast it ingests.

Two measurements per database, run by run.py after its page loads:

1. The article page with counting off (WACANA_VIEW_COUNTING=off) and on, each against a
   fresh server, in two shapes of traffic:
   - "one visitor repeating": every request the same browser from the same address, so
     after the first one each is a repeat inside the 30-minute window: the bot check
     (cached per user agent), the visitor hash and one cache.add that fails.
   - "a new visitor each request": a wrk Lua script gives each request its own client
     address (X-Forwarded-For from 127.0.0.1, trusted for these runs) and one of a few
     common browsers, so every request is a view that counts: the seen mark, the
     increment (they wait in Redis or in the cache on disk, as they would for the
     flusher, which does not run here).
   The target: counting on costs at most 10% more than off, by server CPU per request
   (granian, plus the PostgreSQL backends of the bench database, and Redis);
   requests/s is printed too, but on a shared machine it moves with everyone else's
   load. Off and on alternate for --counting-rounds rounds, and the cheapest round of
   each is reported.
   wrk sends no User-Agent of its own: run.py's plain article row is, for counting, a
   bot (an empty user agent does not count), so both shapes here send a browser's.

   The same comparison in one process, less exposed to the machine's other load: the
   page through Django's test Client, off and on alternating in batches of 25, CPU time
   of the process (probe.py counting-cost).

2. The ingest rate: probe.py calls record_view in a loop for a fixed time with distinct
   visitors spread over 1,000 articles, from 8 threads (with Redis a view waits for a
   round trip, which other threads use) in each of two processes (shared counters, in
   Redis or on disk, as `make run`'s two server processes), then flushes, and checks that the
   counts rose by exactly the views recorded. Printed twice: visitors with common
   browsers (distinct addresses), and the worst case where every user agent is new (the
   crawler check's regular expression then runs on each). Target: ≥ 5,000 views/s for
   the first.
"""

import argparse
import os
import random
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

TARGET_COST_RATIO = 1.10
TARGET_INGEST_RATE = 5_000.0
INGEST_SECONDS = 5
COST_ROUNDS = 20  # of 25 pages off then 25 on, per shape
SHAPES = (
    ("repeat", "one visitor repeating"),
    ("distinct", "a new visitor each request"),
)
BROWSERS = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/123.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like"
    " Gecko) Version/17.4 Safari/605.1.15",
)

# Each wrk thread numbers its requests; the run (random: Redis keeps seen marks between
# runs), the thread and the number make an address no earlier request had.
LUA_DISTINCT = """
local browsers = {%s}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
function request()
  n = n + 1
  wrk.headers["User-Agent"] = browsers[(n %% #browsers) + 1]
  wrk.headers["X-Forwarded-For"] = string.format(
    "2001:db8:%x:%%x::%%x:%%x", id, math.floor(n / 65536), n %% 65536)
  return wrk.format(nil)
end
"""
LUA_REPEAT = """
function request()
  wrk.headers["User-Agent"] = "%s"
  wrk.headers["X-Forwarded-For"] = "10.0.0.1"
  return wrk.format(nil)
end
"""


@dataclass
class Row:
    shape: str
    counting: str
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    services_cpu_ms: float
    others_cpu: float

    @property
    def cost_ms(self) -> float:
        return self.cpu_ms + self.services_cpu_ms


RESULTS: dict[str, dict[str, Any]] = {}


@contextmanager
def _environ(run: ModuleType, **values: str) -> Any:
    """Extra variables for the servers run.py starts meanwhile (its environment() adds them)."""
    run.EXTRA_ENV.update(values)
    try:
        yield
    finally:
        for name in values:
            run.EXTRA_ENV.pop(name, None)


def _lua(target: Any, shape: str) -> Path:
    path = Path(target.var_dir) / f"wrk-{shape}.lua"
    if shape == "distinct":
        quoted = ", ".join(f'"{agent}"' for agent in BROWSERS)
        path.write_text(LUA_DISTINCT % (quoted, random.randrange(1, 0xFFFF)))
    else:
        path.write_text(LUA_REPEAT % BROWSERS[0])
    return path


def _wrk(run: ModuleType, url: str, seconds: int, args: argparse.Namespace, script: Path) -> str:
    import subprocess

    command = [
        "wrk",
        f"-t{args.wrk_threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if result.returncode != 0:
        raise run.BenchError(f"wrk failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def _one_run(
    run: ModuleType, target: Any, args: argparse.Namespace, shape: str, counting: str
) -> Row:
    port = run.free_port()
    base = f"http://127.0.0.1:{port}"
    url = base + target.pages["article"]["url"]
    with _environ(
        run,
        WACANA_VIEW_COUNTING=counting,
        WACANA_TRUSTED_PROXIES="127.0.0.1",
    ):
        server = run.start_server(target, args, port)
    try:
        run.wait_until_up(server, url, target.var_dir)
        status, _size = run.fetch(url)
        if status != 200:
            raise run.BenchError(f"{url} answered {status} from granian")
        run.wait_for_quiet(args)
        _wrk(run, url, args.warmup, args, _lua(target, shape))
        script = _lua(target, shape)  # distinct: new addresses, not the warm-up's
        (server_before, services_before), machine_before = (
            run.process_cpu(server, target),
            run._cpu_times(),
        )
        children_before = os.times()
        output = _wrk(run, url, args.duration, args, script)
        (server_after, services_after) = run.process_cpu(server, target)
        machine_after = run._cpu_times()
        children_after = os.times()
    finally:
        run.stop_server(server)
    load = run.parse_wrk(output)
    used = server_after - server_before
    services = services_after - services_before
    wrk_cpu = (children_after.children_user + children_after.children_system) - (
        children_before.children_user + children_before.children_system
    )
    machine = (machine_after[0] - machine_before[0]) / os.sysconf("SC_CLK_TCK")
    row = Row(
        shape=shape,
        counting=counting,
        rps=load.rps,
        p50_ms=load.p50_ms,
        p99_ms=load.p99_ms,
        cpu_ms=used / max(1, load.requests) * 1000,
        services_cpu_ms=services / max(1, load.requests) * 1000,
        others_cpu=max(0.0, machine - used - services - wrk_cpu),
    )
    run.say(
        f"  article, counting {counting}, {dict(SHAPES)[shape]}: {row.rps:,.0f} requests/s;"
        f" CPU per request: server {row.cpu_ms:.2f} ms, database and cache"
        f" {row.services_cpu_ms:.2f} ms; other processes used {row.others_cpu:.1f} CPU-s"
    )
    return row


def measure(target: Any, args: argparse.Namespace, run: ModuleType) -> None:
    """The article page with counting off and on, in both shapes, then the ingest rate."""
    run.say(f"== {target.label}: view counting, off and on")
    rows: list[Row] = []
    rounds = max(1, getattr(args, "counting_rounds", 1))
    for shape, _label in SHAPES:
        # Off and on alternate; of each, the round that cost the least CPU per request
        # is kept: others' load on a shared machine only ever adds to it.
        found: dict[str, list[Row]] = {"off": [], "on": []}
        for _round in range(rounds):
            for counting in ("off", "on"):
                found[counting].append(_one_run(run, target, args, shape, counting))
        rows += [min(found[counting], key=lambda row: row.cost_ms) for counting in ("off", "on")]
    run.wait_for_quiet(args)
    in_process = run.probe(target, "counting-cost", str(COST_ROUNDS))
    for shape, label in SHAPES:
        cost = in_process[shape]
        run.say(
            f"  in-process CPU per article page, {label}: off {cost['off']:.2f} ms,"
            f" on {cost['on']:.2f} ms"
        )
    # The counters are shared (Redis, or the cache on disk), so two processes (as
    # `make run` has) add up.
    processes = "2"
    ingest = {
        browsers: run.probe(target, "ingest", str(INGEST_SECONDS), browsers, processes)
        for browsers in ("common", "unique")
    }
    for browsers, found in ingest.items():
        run.say(f"  ingest ({browsers} browsers): {found['rate']:,.0f} views/s")
    RESULTS[target.name] = {"rows": rows, "ingest": ingest, "in_process": in_process}


def report(target: Any, run: ModuleType) -> None:
    found = RESULTS.get(target.name)
    if not found:
        return
    heads = ("req/s", "p50 ms", "p99 ms", "app CPU", "db CPU")
    run.say(f"{'view counting, article page':<44} " + " ".join(f"{h:>8}" for h in heads))
    for row in found["rows"]:
        label = f"{row.counting:<3} {dict(SHAPES)[row.shape]}"
        run.say(
            f"  {label:<42} {row.rps:>8,.0f} {row.p50_ms:>8.1f} {row.p99_ms:>8.1f}"
            f" {row.cpu_ms:>8.2f} {row.services_cpu_ms:>8.2f}"
        )
    for shape, label in SHAPES:
        cost = found["in_process"][shape]
        run.say(
            f"  in-process (test Client, {COST_ROUNDS} alternating rounds), {label}: CPU per"
            f" page off {cost['off']:.2f} ms, on {cost['on']:.2f} ms (with its flushes)"
        )
    for browsers, ingest in found["ingest"].items():
        run.say(
            f"  ingest, {browsers} browsers: {ingest['views']:,} views by distinct visitors"
            f" over {ingest['articles']:,} articles in {ingest['record_s']:.2f} s, flushed in"
            f" {ingest['flush_s']:.2f} s: {ingest['rate']:,.0f} views/s from"
            f" {ingest['processes']} process(es) × {ingest['threads']} threads;"
            f" counts rose by {ingest['rose']:,}"
        )


def checks(target: Any) -> list[tuple[bool, str]]:
    found = RESULTS.get(target.name)
    if not found:
        return []
    rows = {(row.shape, row.counting): row for row in found["rows"]}
    result: list[tuple[bool, str]] = []
    for shape, label in SHAPES:
        off, on = rows[(shape, "off")], rows[(shape, "on")]
        by_cpu = on.cost_ms / max(0.001, off.cost_ms)
        by_rps = off.rps / max(0.001, on.rps)
        result.append(
            (
                by_cpu <= TARGET_COST_RATIO,
                f"article page with counting on ≤ {TARGET_COST_RATIO:.2f}× off ({label}):"
                f" {by_cpu:.2f}× by CPU per request, {by_rps:.2f}× by requests/s",
            )
        )
    for shape, label in SHAPES:
        cost = found["in_process"][shape]
        ratio = cost["on"] / max(0.001, cost["off"])
        result.append(
            (
                ratio <= TARGET_COST_RATIO,
                f"article page with counting on ≤ {TARGET_COST_RATIO:.2f}× off ({label}),"
                f" in-process CPU, alternating: {ratio:.2f}×",
            )
        )
    common = found["ingest"]["common"]
    unique = found["ingest"]["unique"]
    result.append(
        (
            common["rate"] >= TARGET_INGEST_RATE and common["exact"],
            f"counting ingests ≥ {TARGET_INGEST_RATE:,.0f} views/s, exactly:"
            f" {common['rate']:,.0f} views/s (every user agent new: {unique['rate']:,.0f});"
            f" exact: {'yes' if common['exact'] and unique['exact'] else 'NO'}",
        )
    )
    return result
