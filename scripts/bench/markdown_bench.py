"""Hostile Markdown (issue: bodies that took seconds to save): what saving each costs.

For each body of wacana.testing.hostile_bodies: whether the form refuses it (422) and how
long the form's checks plus, when accepted, rendering and indexing take (CPU time of
this thread, no server: the figure other load moves least), then PASS/FAIL against 1 s;
also how long rendering alone would take without the markup limit. Run by `make bench`;
alone: `.venv/bin/python scripts/bench/markdown_bench.py`.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_SECONDS = 1.0


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()
    from wacana.testing.hostile_bodies import BODIES, render_cost, save_cost

    print("== Hostile Markdown: the cost of saving each body (target: under 1 s)", flush=True)
    print(f"  {'body':50} {'chars':>7}  {'answer':6} {'save':>8}  {'render alone':>12}")
    slowest = 0.0
    for name, build in BODIES.items():
        body = build()
        cost = save_cost(body)
        rendered = render_cost(body)
        slowest = max(slowest, cost.seconds)
        verdict = "PASS" if cost.seconds < TARGET_SECONDS else "FAIL"
        answer = "422" if cost.refused else "saved"
        print(
            f"  {verdict}  {name:44} {len(body):7,}  {answer:6} {cost.seconds * 1000:6.0f} ms"
            f"  {rendered * 1000:9.0f} ms",
            flush=True,
        )
    print(f"  slowest save: {slowest * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
