"""The in-process half of `make bench`, run by run.py with the bench database's environment.

    probe.py status          -> {"articles": N}
    probe.py inspect OUTDIR  -> the URLs to load, and per URL: status, SQL queries, bytes
    probe.py ingest SECONDS common|unique [PROCESSES] -> views/s of view counting
    probe.py counting-cost ROUNDS -> ms of CPU per article page, counting off and on

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
        "article_signed_in": article.page_url(2),
        "category": category_url,
        "deep": f"{category_url}?cursor={deep}",
        **_discovery_urls(),
        "home": "/",
        **_listing_urls(),
        **_search_urls(),
    }


# Pages read as a signed-in reader (the bench reader, who follows FOLLOWS writers): the
# rest anonymously. `make bench` sends this reader's session cookie for them.
SIGNED_IN = ("article_signed_in", "following", "following_deep")
BENCH_READER = "bench_reader"
FOLLOWS = 50


def _deep_cursor(queryset: Any, steps: int, id_field: str = "id") -> str | None:
    """The cursor `steps` pages into a listing (newest first), or into its last page."""
    from wacana.lib import cursor

    ordered = queryset.order_by("-published_at", f"-{id_field}")
    # The last page that has a next one, when the listing is shorter than `steps` pages.
    row = min(cursor.DEFAULT_LIMIT * steps, ordered.count() - 1)
    row -= row % cursor.DEFAULT_LIMIT
    if row < cursor.DEFAULT_LIMIT:
        return None
    keys = list(ordered.values_list("published_at", id_field)[row - 1 : row])
    if not keys:
        return None
    return cursor.encode(cursor.Key(*keys[0]))


def _listing_urls() -> dict[str, str]:
    """A big tag, the writer with most articles, /pilihan and /mengikuti: first pages, and
    the deepest of up to 50 pages in."""
    from wacana.accounts.models import User
    from wacana.articles.models import Article, ArticleTag, Tag

    urls: dict[str, str] = {}
    tag = Tag.objects.order_by("-article_count").first()
    writer = User.objects.order_by("-article_count").first()
    if tag is None or writer is None:
        raise SystemExit("probe: no tags or writers: generate the bench data")
    listings = {
        "tag": (tag.get_absolute_url(), None),
        "profile": (writer.get_absolute_url(), Article.objects.published().by(writer)),
        "picks": ("/pilihan", Article.objects.published().picks()),
        "following": ("/mengikuti", _followed_articles()),
    }
    for name, (url, queryset) in listings.items():
        urls[name] = url
        if name == "tag":
            links = ArticleTag.objects.public_of(tag)
            key = _deep_cursor(links, DEEP_LISTING_STEPS, id_field="article_id")
        else:
            key = _deep_cursor(queryset, DEEP_LISTING_STEPS)
        if key:
            urls[f"{name}_deep"] = f"{url}?cursor={key}"
    return urls


DEEP_LISTING_STEPS = 50


def _followed_articles() -> Any:
    from wacana.articles.models import Article

    reader = bench_reader()
    return Article.objects.published().filter(author__follower_rows__follower=reader)


def bench_reader() -> Any:
    """The signed-in reader of the bench (created once), following FOLLOWS busy writers."""
    from wacana.accounts import actions
    from wacana.accounts.models import User

    reader = User.objects.filter(username=BENCH_READER).first()
    if reader is None:
        reader = User.objects.create_user(BENCH_READER, f"{BENCH_READER}@example.com", None)
    if reader.following_count == 0:
        for writer in User.objects.order_by("-article_count")[:FOLLOWS]:
            actions.follow(reader, writer)
    return reader


def session_cookie() -> str:
    """A session of the bench reader, as a Cookie header's value."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(bench_reader())
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


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
    anonymous = Client(HTTP_HOST="127.0.0.1")
    cookie = session_cookie()
    reader = Client(HTTP_HOST="127.0.0.1", HTTP_COOKIE=cookie)
    results: dict[str, Any] = {}
    for name, url in urls.items():
        client = reader if name in SIGNED_IN else anonymous
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
            "cookie": cookie if name in SIGNED_IN else "",
        }
    return results


INGEST_ARTICLES = 1_000
INGEST_BROWSERS = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
)


INGEST_THREADS = 8


def _visit(
    seconds: float, browsers: str, articles: list[Any], network: int, token: str, process: int
) -> tuple[int, int]:
    """One process's share of the ingest run: INGEST_THREADS threads recording views by
    distinct visitors for `seconds`; returns (views, recorded)."""
    import ipaddress
    import threading
    import time

    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from wacana.articles import counting

    totals: list[tuple[int, int]] = []
    start = threading.Barrier(INGEST_THREADS)

    def visit(thread: int) -> None:
        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        views = recorded = 0
        start.wait()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            for _ in range(50):
                views += 1
                number = (process << 40) + (thread << 32) + views
                request.META["REMOTE_ADDR"] = str(ipaddress.IPv6Address(network + number))
                agent = INGEST_BROWSERS[views % len(INGEST_BROWSERS)]
                if browsers == "unique":
                    agent = f"{agent} {token}/{number}"
                request.META["HTTP_USER_AGENT"] = agent
                recorded += counting.record_view(request, articles[number % len(articles)])
        totals.append((views, recorded))

    workers = [threading.Thread(target=visit, args=(n,)) for n in range(INGEST_THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(v for v, _r in totals), sum(r for _v, r in totals)


def ingest(seconds: float, browsers: str, processes: int = 1) -> dict[str, Any]:
    """View counting's ingest rate: record_view for distinct visitors (anonymous, each a
    new address; with browsers=unique each also a new user agent) over 1,000 articles,
    from 8 threads (as a server's threads would: with Redis each view waits for a round
    trip) in each of `processes` processes (as `make run`'s server processes share the
    buffer, in Redis or in the cache on disk), for `seconds`, then one
    flush; the counts must rise by exactly the views recorded."""
    import ipaddress
    import multiprocessing
    import secrets
    import time

    from django.db import connections

    from wacana.articles import counting
    from wacana.articles.models import Article

    counting.flush()  # what earlier runs left buffered is not ours to time
    articles = list(Article.objects.published().order_by("-id")[:INGEST_ARTICLES])
    ids = [article.pk for article in articles]
    before = sum(Article.objects.filter(pk__in=ids).values_list("view_count", flat=True))
    # A random network per run: the seen marks of earlier runs are still there.
    network = int(ipaddress.IPv6Address("2001:db8::")) + (secrets.randbits(32) << 64)
    token = secrets.token_hex(4)
    shares = [(seconds, browsers, articles, network, token, n) for n in range(processes)]
    started = time.perf_counter()
    if processes == 1:
        results = [_visit(*shares[0])]
    else:
        connections.close_all()  # the children must not share the parent's connection
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            results = pool.starmap(_visit, shares)
    record_s = time.perf_counter() - started
    written = counting.flush()
    total_s = time.perf_counter() - started
    after = sum(Article.objects.filter(pk__in=ids).values_list("view_count", flat=True))
    views = sum(v for v, _r in results)
    recorded = sum(r for _v, r in results)
    return {
        "views": views,
        "recorded": recorded,
        "written": written,
        "rose": after - before,
        "exact": views == recorded == written == after - before,
        "articles": len(articles),
        "threads": INGEST_THREADS,
        "processes": processes,
        "record_s": record_s,
        "flush_s": total_s - record_s,
        "rate": views / total_s,
    }


def counting_cost(rounds: int) -> dict[str, Any]:
    """CPU time of this process per article page (Django's test Client, anonymous, with a
    browser's user agent) with view counting off and on, alternating in batches so that
    others' load on the machine weighs on both alike; "on" includes flushing what it
    buffered. Two shapes: one visitor repeating, and a new visitor (address) each time."""
    import secrets
    import time

    from django.test import Client, override_settings

    from wacana.articles import counting

    url = _urls()["article"]
    agent = INGEST_BROWSERS[0]
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=agent)
    prefix = f"2001:db8:{secrets.randbits(16):x}:{secrets.randbits(16):x}::"
    client.get(url)  # warm-up
    result: dict[str, Any] = {}
    number = 0
    for shape in ("repeat", "distinct"):
        spent = {"off": 0.0, "on": 0.0}
        pages = {"off": 0, "on": 0}
        for _round in range(rounds):
            for mode in ("off", "on"):
                with override_settings(VIEW_COUNTING_ENABLED=mode == "on"):
                    started = time.process_time()
                    for _ in range(25):
                        number += 1
                        address = "2001:db8::1" if shape == "repeat" else f"{prefix}{number:x}"
                        response = client.get(url, REMOTE_ADDR=address)
                        assert response.status_code == 200, response.status_code
                    if mode == "on":
                        counting.flush()
                    spent[mode] += time.process_time() - started
                    pages[mode] += 25
        result[shape] = {mode: spent[mode] / pages[mode] * 1000 for mode in spent}
    return result


def main(argv: list[str]) -> int:
    _setup()
    if argv[:1] == ["status"]:
        result = status()
    elif len(argv) == 2 and argv[0] == "inspect":
        result = inspect(Path(argv[1]))
    elif len(argv) == 2 and argv[0] == "counting-cost":
        result = counting_cost(int(argv[1]))
    elif len(argv) in (3, 4) and argv[0] == "ingest" and argv[2] in ("common", "unique"):
        result = ingest(float(argv[1]), argv[2], int(argv[3]) if len(argv) == 4 else 1)
    else:
        print(
            "usage: probe.py status | inspect OUTDIR | ingest SECONDS common|unique",
            file=sys.stderr,
        )
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
