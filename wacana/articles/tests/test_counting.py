"""View counting: who counts, the 30-minute window, privacy, and exact batched flushes."""

import io
import os
import secrets
import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.accounts.sessions import SessionStore
from wacana.articles import actions, counting
from wacana.articles.forms import TagsField
from wacana.articles.models import Article, Category, DailyViews
from wacana.testing.api import Api
from wacana.testing.content import publish

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36"
)


@pytest.fixture
def disk_cache() -> None:
    """The embedded default: the shared cache on disk (this run's own folder)."""
    if counting.redis_client() is not None:
        pytest.skip("REDIS_URL is set: the disk buffer is tested in the SQLite run")


@pytest.fixture
def redis_cache() -> None:
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: the Redis buffer is tested in the PostgreSQL+Redis run")
    assert counting.redis_client() is not None


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer)


def page(article: Article, client: Client | None = None, **headers: str) -> int:
    response = (client or Client()).get(
        article.get_absolute_url(), headers={"user-agent": BROWSER, **headers}
    )
    assert response.status_code == 200
    return response.status_code


def counted(article: Article) -> int:
    counting.flush()
    return Article.objects.get(pk=article.pk).view_count


def view_request(ip: str, agent: str = BROWSER, **headers: str) -> Any:
    request = RequestFactory().get("/", REMOTE_ADDR=ip, headers={"user-agent": agent, **headers})
    return request


# --- who counts ------------------------------------------------------------------------


def test_a_reader_view_counts_once_and_a_refresh_does_not(article: Article) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")
    page(article, client)
    page(article, client)
    assert counted(article) == 1
    assert DailyViews.objects.get(article=article).views == 1


def test_counting_switched_off_counts_nothing_and_buffers_nothing(
    article: Article, settings: Any
) -> None:
    settings.VIEW_COUNTING_ENABLED = False
    page(article, Client(REMOTE_ADDR="198.51.100.30"))
    assert not counting.record_view(view_request("198.51.100.31"), article)
    assert counting._take() == {}
    assert counted(article) == 0
    settings.VIEW_COUNTING_ENABLED = True
    assert counting.record_view(view_request("198.51.100.31"), article)
    assert counted(article) == 1


def test_after_the_window_the_same_visitor_counts_again(article: Article, monkeypatch: Any) -> None:
    request = view_request("198.51.100.2")
    assert counting.record_view(request, article)
    assert not counting.record_view(request, article)
    # The window is the seen mark's lifetime (30 minutes); expire it, and let the 30
    # minutes pass for what this process remembers of it.
    mark = f"seen:{article.pk}:{counting.visitor_id(request)}"
    assert counting._seen_cache().get(mark) == 1
    counting._seen_cache().delete(mark)
    later = time.time() + counting.WINDOW_SECONDS
    monkeypatch.setattr(counting, "_clock", lambda: later)
    assert counting.record_view(request, article)
    assert counted(article) == 2


def _shared_records(monkeypatch: Any) -> list[str]:
    """Each round trip to the shared seen marks (Redis or the disk), by seen key."""
    calls: list[str] = []
    for name in ("_record_in_redis", "_record_on_disk"):
        real = getattr(counting, name)

        def spy(*args: Any, real: Any = real) -> Any:
            calls.append(next(a for a in args if isinstance(a, str)))
            return real(*args)

        monkeypatch.setattr(counting, name, spy)
    return calls


def test_a_repeat_view_costs_no_round_trip(article: Article, monkeypatch: Any) -> None:
    calls = _shared_records(monkeypatch)
    request = view_request("198.51.100.20")
    assert counting.record_view(request, article)
    for _ in range(5):  # paging through the article, refreshing
        assert not counting.record_view(request, article)
    assert len(calls) == 1
    assert counted(article) == 1
    # Another visitor, another article: each asks the shared marks.
    assert counting.record_view(view_request("198.51.100.21"), article)
    assert len(calls) == 2


def test_what_this_process_remembers_never_outlives_the_shared_mark(
    article: Article, monkeypatch: Any
) -> None:
    request = view_request("198.51.100.22")
    mark = f"seen:{article.pk}:{counting.visitor_id(request)}"
    # Another process saw this visitor ten minutes ago: 20 minutes are left of its mark.
    seen = counting._seen_cache()
    seen.add(mark, 1, timeout=20 * 60)
    calls = _shared_records(monkeypatch)
    assert not counting.record_view(request, article)
    assert not counting.record_view(request, article)
    assert len(calls) == 1
    remembered = counting._seen_here[mark] - time.time()
    assert 20 * 60 - 5 <= remembered <= 20 * 60
    # Once those 20 minutes are over (the shared mark gone too), the view counts.
    seen.delete(mark)
    later = time.time() + 20 * 60 + 1
    monkeypatch.setattr(counting, "_clock", lambda: later)
    assert counting.record_view(request, article)
    assert len(calls) == 2
    assert counted(article) == 1


def test_the_window_is_thirty_minutes(article: Article, monkeypatch: Any) -> None:
    request = view_request("198.51.100.3")
    mark = f"seen:{article.pk}:{counting.visitor_id(request)}"
    client = counting.redis_client()
    if client is not None:
        assert counting.record_view(request, article)
        assert 30 * 60 - 5 <= client.ttl(cache.make_key(mark)) <= 30 * 60
        return
    timeouts = []
    seen = counting._seen_cache()
    original = seen.add

    def spy(key: str, value: Any, timeout: Any = None) -> bool:
        timeouts.append(timeout)
        return bool(original(key, value, timeout=timeout))

    monkeypatch.setattr(seen, "add", spy)
    counting.record_view(request, article)
    assert timeouts == [30 * 60]


def test_distinct_visitors_count(article: Article) -> None:
    page(article, Client(REMOTE_ADDR="198.51.100.4"))
    page(article, Client(REMOTE_ADDR="198.51.100.5"))
    # Same address, another browser: another visitor.
    page(article, Client(REMOTE_ADDR="198.51.100.5"), **{"user-agent": BROWSER + " Edg/124"})
    assert counted(article) == 3


def test_a_session_is_one_visitor_whatever_its_address(article: Article, reader: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.6")
    client.force_login(reader)
    page(article, client)
    client.defaults["REMOTE_ADDR"] = "198.51.100.7"
    page(article, client)
    assert counted(article) == 1


def test_a_forged_session_cookie_is_not_a_new_visitor(article: Article) -> None:
    # One browser at one address sending a new random session key with every request.
    for _ in range(30):
        client = Client(REMOTE_ADDR="198.51.100.40")
        client.cookies[settings.SESSION_COOKIE_NAME] = secrets.token_hex(16)
        page(article, client)
    assert counted(article) == 1


def test_a_session_that_exists_is_the_visitor_even_when_anonymous(article: Article) -> None:
    # A session the site made for an anonymous reader (a message waiting, say).
    session = SessionStore()
    session["_messages"] = "[]"
    session.save()
    client = Client(REMOTE_ADDR="198.51.100.41")
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key or ""
    page(article, client)
    client.defaults["REMOTE_ADDR"] = "198.51.100.42"
    page(article, client)
    assert counted(article) == 1


def test_checking_the_session_costs_no_query_of_its_own(article: Article) -> None:
    client = Client(REMOTE_ADDR="198.51.100.43")
    client.cookies[settings.SESSION_COOKIE_NAME] = secrets.token_hex(16)
    with CaptureQueriesContext(connection) as queries:
        page(article, client)
    # The page looks the session up once (to know who the reader is); counting reuses it.
    assert sum("session" in query["sql"] for query in queries.captured_queries) == 1


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "",
    ],
)
def test_bots_and_crawlers_do_not_count(article: Article, agent: str) -> None:
    Client(REMOTE_ADDR="198.51.100.8").get(
        article.get_absolute_url(), headers={"user-agent": agent}
    )
    assert counted(article) == 0


@pytest.mark.parametrize(
    "header", [{"sec-purpose": "prefetch"}, {"purpose": "prefetch"}, {"x-moz": "prefetch"}]
)
def test_prefetches_do_not_count(article: Article, header: dict[str, str]) -> None:
    page(article, Client(REMOTE_ADDR="198.51.100.9"), **header)
    assert counted(article) == 0


def test_the_authors_own_views_do_not_count(article: Article, writer: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.10")
    client.force_login(writer)
    page(article, client)
    assert counted(article) == 0


def test_api_reads_do_not_count(article: Article, anon_api: Api) -> None:
    response = anon_api.get(f"/articles/{article.pk}", headers={"user-agent": BROWSER})
    assert response.status_code == 200
    assert counted(article) == 0


def test_only_gets_of_published_articles_count(article: Article, writer: User) -> None:
    post = RequestFactory().post("/", REMOTE_ADDR="198.51.100.11", headers={"user-agent": BROWSER})
    assert not counting.record_view(post, article)
    head = RequestFactory().head("/", REMOTE_ADDR="198.51.100.11", headers={"user-agent": BROWSER})
    assert not counting.record_view(head, article)
    draft = actions.create_article(
        writer,
        {
            "title": "Belum Terbit",
            "body": "Masih disunting.",
            "category": Category.objects.get(slug="sekolah"),
            "tags": TagsField(required=False).clean(""),
        },
    )
    assert not counting.record_view(view_request("198.51.100.11"), draft)
    assert counted(article) == 0


def test_the_hot_path_writes_nothing_to_the_database(article: Article) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert counting.record_view(view_request("198.51.100.12"), article)
    assert len(queries) == 0
    assert Article.objects.get(pk=article.pk).view_count == 0
    assert counted(article) == 1


# --- privacy ---------------------------------------------------------------------------


def _cache_keys() -> list[str]:
    client = counting.redis_client()
    if client is not None:
        return [key.decode() for key in client.keys("*")]
    backends: list[Any] = [caches["default"], caches["views"]]
    return [str(key) for backend in backends for key in backend._cache]


def test_no_raw_address_is_stored(article: Article) -> None:
    address = "203.0.113.77"
    assert counting.record_view(view_request(address), article)
    request = view_request(address)
    assert address not in counting.visitor_id(request)
    keys = _cache_keys()
    assert any(key.endswith(f"seen:{article.pk}:{counting.visitor_id(request)}") for key in keys)
    assert not any(address in key or BROWSER in key for key in keys)
    counting.flush()
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert address not in dump.getvalue()


def test_the_visitor_key_rotates_daily() -> None:
    request = view_request("203.0.113.78")
    today = counting.visitor_id(request, datetime(2026, 3, 1, 12, tzinfo=UTC))
    assert today == counting.visitor_id(request, datetime(2026, 3, 1, 20, tzinfo=UTC))
    assert today != counting.visitor_id(request, datetime(2026, 3, 2, 1, tzinfo=UTC))


# --- flushing --------------------------------------------------------------------------


def test_the_task_and_the_command_flush(article: Article, settings: Any) -> None:
    from wacana.articles.tasks import flush_views

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    counting.record_view(view_request("192.0.2.1"), article)
    result = flush_views.enqueue()
    assert result.return_value == 1
    counting.record_view(view_request("192.0.2.2"), article)
    out = io.StringIO()
    call_command("flush_views", stdout=out)
    assert Article.objects.get(pk=article.pk).view_count == 2
    assert DailyViews.objects.get(article=article).views == 2
    call_command("flush_views", stdout=out)
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_views_are_kept_per_day(article: Article) -> None:
    other = publish(article.author, "Lontong Balap Surabaya")
    for n in range(3):
        counting.record_view(view_request(f"192.0.2.{10 + n}"), article)
    counting.record_view(view_request("192.0.2.20"), other)
    counting.flush()
    day = datetime.now(counting.SITE_TIME_ZONE).date()
    rows = dict(DailyViews.objects.filter(day=day).values_list("article_id", "views"))
    assert rows == {article.pk: 3, other.pk: 1}
    counting.record_view(view_request("192.0.2.21"), article)
    counting.flush()
    assert DailyViews.objects.get(article=article, day=day).views == 4
    assert DailyViews.objects.count() == 2


def test_a_failed_write_keeps_the_views(article: Article, monkeypatch: Any) -> None:
    counting.record_view(view_request("192.0.2.30"), article)

    def fail(*args: Any) -> None:
        raise RuntimeError("database away")

    monkeypatch.setattr(counting, "_apply", fail)
    with pytest.raises(RuntimeError):
        counting.flush()
    monkeypatch.undo()
    assert counted(article) == 1


def _thousand_concurrent_views(article: Article, flush_meanwhile: bool) -> None:
    threads, per_thread = 20, 50
    start = threading.Barrier(threads + 1)
    errors: list[BaseException] = []

    def visit(t: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                request = view_request(f"10.{t}.{i // 250}.{i % 250 + 1}")
                assert counting.record_view(request, article)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    workers = [threading.Thread(target=visit, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    if flush_meanwhile:
        while any(worker.is_alive() for worker in workers):
            counting.flush()
    for worker in workers:
        worker.join()
    assert not errors, errors
    counting.flush()


def _assert_thousand(article: Article, flush_meanwhile: bool) -> None:
    before = Article.objects.get(pk=article.pk).view_count
    _thousand_concurrent_views(article, flush_meanwhile)
    assert Article.objects.get(pk=article.pk).view_count == before + 1000
    assert sum(DailyViews.objects.filter(article=article).values_list("views", flat=True)) == 1000
    # Nothing left over, nothing to apply twice.
    assert counting.flush() == 0
    assert Article.objects.get(pk=article.pk).view_count == before + 1000


@pytest.mark.parametrize("flush_meanwhile", [False, True], ids=["then-flush", "racing-flushes"])
def test_a_thousand_concurrent_views_on_disk(
    disk_cache: None, article: Article, flush_meanwhile: bool
) -> None:
    _assert_thousand(article, flush_meanwhile)


@pytest.mark.redis
@pytest.mark.parametrize("flush_meanwhile", [False, True], ids=["then-flush", "racing-flushes"])
def test_a_thousand_concurrent_views_redis(
    redis_cache: None, article: Article, flush_meanwhile: bool
) -> None:
    _assert_thousand(article, flush_meanwhile)


def test_a_failed_batch_keeps_its_views_and_the_later_ones_and_keeps_earlier_batches(
    writer: User, monkeypatch: Any
) -> None:
    monkeypatch.setattr(counting, "FLUSH_BATCH", 2)
    articles = [publish(writer, f"Catatan Perjalanan ke Flores {n}") for n in range(5)]
    for number, article in enumerate(articles):
        counting.record_view(view_request(f"192.0.2.{40 + number}"), article)
    original = counting._add_daily

    def fail_in_the_second_batch(batch: list[tuple[int, int]], day: Any) -> None:
        # The batch's view_count update has run: it must roll back with the failure.
        if articles[3].pk in dict(batch):
            raise RuntimeError("database away")
        original(batch, day)

    monkeypatch.setattr(counting, "_add_daily", fail_in_the_second_batch)
    with pytest.raises(RuntimeError):
        counting.flush()
    monkeypatch.undo()

    def views() -> list[int]:
        found = dict(
            Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", "view_count")
        )
        return [found[article.pk] for article in articles]

    # The first batch (articles 0 and 1) was committed; 2 and 3 rolled back together.
    assert views() == [1, 1, 0, 0, 0]
    assert counting.flush() == 3
    assert views() == [1, 1, 1, 1, 1]
    assert DailyViews.objects.filter(article__in=articles, views=1).count() == 5


def test_a_flush_adds_to_the_days_row_and_skips_deleted_articles(
    article: Article, writer: User
) -> None:
    gone = publish(writer, "Senja di Pelabuhan Kalimas")
    counting.record_view(view_request("192.0.2.50"), article)
    counting.record_view(view_request("192.0.2.51"), gone)
    assert counted(article) == 1
    for number in range(3):
        counting.record_view(view_request(f"192.0.2.{52 + number}"), article)
    counting.record_view(view_request("192.0.2.56"), gone)
    gone.delete()
    assert counting.flush() == 3  # the deleted article's view is dropped, not retried
    assert counting._take() == {}
    assert Article.objects.get(pk=article.pk).view_count == 4
    assert DailyViews.objects.get(article=article).views == 4


def test_a_flush_of_many_articles_takes_a_few_queries_per_batch(
    writer: User, django_assert_max_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The "popular this week" refresh that follows a flush (at most every 5 minutes) is
    # counted in discovery's tests; here only the writing of the batch.
    monkeypatch.setattr(counting, "_refresh_popular", lambda: None)
    articles = [publish(writer, f"Kabar dari Kampung Nelayan {n}") for n in range(30)]
    for number, article in enumerate(articles):
        counting.record_view(view_request(f"192.0.2.{100 + number}"), article)
    # One batch: select-for-update, one UPDATE, one INSERT … ON CONFLICT, and savepoints.
    with django_assert_max_num_queries(6):
        assert counting.flush() == 30
    assert (
        sorted(
            Article.objects.filter(pk__in=[a.pk for a in articles]).values_list(
                "view_count", flat=True
            )
        )
        == [1] * 30
    )
