"""The in-process half of `make bench`, run by run.py with the bench database's environment.

    probe.py status          -> {"articles": N}
    probe.py inspect OUTDIR  -> the URLs to load, and per URL: status, SQL queries, bytes

Queries are counted on the second request to each URL (the first fills the process's
caches, as the server's warm-up does), anonymously, with Django's test Client.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = "fiksiana"
DEEP_STEPS = 1_000


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()


def status() -> dict[str, Any]:
    from wacana.articles.models import Article
    from wacana.discovery.models import SearchEntry

    return {"articles": Article.objects.count(), "search_entries": SearchEntry.objects.count()}


def _urls() -> dict[str, str]:
    from wacana.articles.models import Article, Category
    from wacana.lib import cursor

    article = (
        Article.objects.published()
        .filter(page_count=3)
        .select_related("author")
        .latest_first()
        .first()
    )
    if article is None:
        raise SystemExit("probe: no published article with 3 pages")
    rubric = Category.objects.get(slug=RUBRIC)
    listing = Article.objects.published().in_category(rubric).latest_first()
    # Page 1 ends at row 20, so after 1,000 steps the cursor is the key of row 20,000.
    row = cursor.DEFAULT_LIMIT * DEEP_STEPS
    found = listing.values_list("published_at", "id")[row - 1 : row]
    keys = list(found)
    if not keys:
        raise SystemExit(f"probe: rubric {RUBRIC} has fewer than {row + 1:,} articles")
    at, pk = keys[0]
    assert at is not None  # published articles have a time
    deep = cursor.encode(cursor.Key(at, pk))
    category_url = rubric.get_absolute_url()
    return {
        "article": article.page_url(2),
        "category": category_url,
        "deep": f"{category_url}?cursor={deep}",
        **_discovery_urls(),
        "home": "/",
        **_search_urls(),
    }


# Words generate_bench_data puts in about half the bodies and in five titles.
SEARCH_COMMON = "ekonomi"
SEARCH_RARE = "komodo"


def _search_urls() -> dict[str, str]:
    from urllib.parse import urlencode

    from django.urls import reverse

    page = reverse("discovery:search")
    return {
        "search_common": f"{page}?{urlencode({'q': SEARCH_COMMON})}",
        "search_rare": f"{page}?{urlencode({'q': SEARCH_RARE})}",
    }


def _discovery_urls() -> dict[str, str]:
    """The site feed, and the deepest page of the articles sitemap (id-range paged)."""
    from wacana.discovery.sitemaps import ArticleSitemap

    last = ArticleSitemap().paginator.num_pages
    return {"feed": "/feed", "sitemap_deep": f"/sitemap-artikel.xml?p={last}"}


def inspect(outdir: Path) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = _urls()
    client = Client(HTTP_HOST="127.0.0.1")
    results: dict[str, Any] = {}
    for name, url in urls.items():
        try:
            client.get(url)  # warms the process's caches, as the server's warm-up does
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        except Exception as error:  # a broken page is reported, not a crash of the bench
            reason = f"{type(error).__name__}: {error}"
            results[name] = {"url": url, "status": 500, "queries": 0, "bytes": 0, "reason": reason}
            continue
        body = response.content
        lines = [f"{url}: HTTP {response.status_code}, {len(body):,} bytes"]
        lines += [f"-- {query['time']} s\n{query['sql']};" for query in queries.captured_queries]
        (outdir / f"queries-{name}.sql").write_text("\n".join(lines) + "\n")
        reason = ""
        if response.status_code != 200:
            reason = body[:300].decode(errors="replace")
        results[name] = {
            "url": url,
            "status": response.status_code,
            "queries": len(queries.captured_queries),
            "bytes": len(body),
            "reason": reason,
        }
    return results


def main(argv: list[str]) -> int:
    _setup()
    if argv[:1] == ["status"]:
        result = status()
    elif len(argv) == 2 and argv[0] == "inspect":
        result = inspect(Path(argv[1]))
    else:
        print("usage: probe.py status | inspect OUTDIR", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
