"""Size of the JavaScript the writing page loads, minified and gzipped (for make bench).

The editor bundle must stay within BUDGET (tested in wacana/articles/tests/test_editor.py).
"""

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Everything /tulis loads beyond the site's own pages.
WRITING_PAGE = ("static/js/editor.js", "static/js/write.js")
BUDGET = 120 * 1024


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def main() -> int:
    total = 0
    for name in WRITING_PAGE:
        size = gzip_size(ROOT / name)
        total += size
        print(f"{name}: {size / 1024:.1f} KB gzip")
    print(f"writing page JavaScript: {total / 1024:.1f} KB gzip (budget {BUDGET // 1024} KB)")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
