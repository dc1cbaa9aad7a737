"""View counting: buffered in the cache on the page's hot path, flushed to the database in batches.

A view of an article's HTML page counts once per visitor per article per 30 minutes:
counted by the page's own request, or with WACANA_VIEW_COUNTING=beacon (a caching proxy
in front) by a tiny request the anonymous reader's page makes (`record_beacon_view`).
Bots and crawlers, prefetches, the author's own views and anything but a GET of a
published article do not count; the API never calls this. A visitor is a keyed hash of
the key of a session that exists (a forged or stale cookie is not one), or else of the
client address and user agent, under a key that changes every (UTC) day, so no raw
address or session key is stored anywhere.

`record_view` writes nothing to the database: it marks the visitor as seen (add-if-absent,
so only the first view in the window wins) and increments a counter for the article. Each
process remembers the marks it made or read until they expire, so a repeat view costs no
round trip (`_seen_here`).

Where the counters live:

- Redis (REDIS_URL set): the seen mark (SET NX EX), an INCR and the article id in a set
  (SADD), in one Lua script: one round trip per view, atomic; `flush`
  takes each counter atomically (GETSET to 0) and applies it. Every process shares
  them, so the django-tasks worker or `manage.py flush_views` flushes for all.
- No Redis: the "views" cache, diskcache's SQLite files on this machine's disk, shared
  by every process and kept across restarts. One transaction (BEGIN IMMEDIATE, so it
  holds against other processes) adds the seen mark if absent, adds one to the
  article's counter and, on its first view since the last flush, its id to the
  pending set; `flush` takes the pending set and every counter in it in one
  transaction, so a view is counted in exactly one flush. Any process can flush for
  all: `run_view_flusher` (`make run`), the task, or `manage.py flush_views`.

A flush takes a count before writing it; if the write fails the count is put back,
so an increment is neither lost nor applied twice when flushes and views race.
"""

import functools
import hashlib
import hmac
import logging
import threading
import time
import zoneinfo
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, Protocol

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.http import HttpRequest

from wacana.articles import hooks
from wacana.articles.models import Article, DailyViews, Status
from wacana.lib.clientip import client_ip

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 30 * 60
SITE_TIME_ZONE = zoneinfo.ZoneInfo("Asia/Jakarta")
PENDING_KEY = "views:pending"
_PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")

_crawlers = threading.local()


def _is_bot(user_agent: str) -> bool:
    if not user_agent.strip():
        return True
    # CrawlerDetect keeps per-call state, so one instance per thread.
    detector = getattr(_crawlers, "detector", None)
    if detector is None:
        detector = _crawlers.detector = CrawlerDetect()
    return bool(detector.isCrawler(user_agent))


def _is_prefetch(request: HttpRequest) -> bool:
    for header in _PREFETCH_HEADERS:
        value = request.META.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or value == "preview":
            return True
    return False


def _daily_key(day: date) -> bytes:
    return _key_of_the_day(settings.SECRET_KEY, day)


@functools.lru_cache(maxsize=4)
def _key_of_the_day(secret: str, day: date) -> bytes:
    # Derived once per day (and secret), not on every view.
    return hmac.new(
        secret.encode(), f"wacana-visitor:{day.isoformat()}".encode(), hashlib.sha256
    ).digest()


def visitor_id(request: HttpRequest, now: datetime | None = None) -> str:
    """The visitor, as a keyed hash: nothing in it can be turned back into an address."""
    day = (now or datetime.now(UTC)).astimezone(UTC).date()
    session_key = _existing_session_key(request)
    if session_key:
        raw = "s\x1f" + session_key
    else:
        raw = "a\x1f" + client_ip(request) + "\x1f" + request.META.get("HTTP_USER_AGENT", "")
    return hmac.new(_daily_key(day), raw.encode(), hashlib.sha256).hexdigest()[:32]


def _existing_session_key(request: HttpRequest) -> str | None:
    """The session's key if that session exists, else None.

    A cookie alone proves nothing: anyone can send a new random `sessionid` with each
    request, and each would count as a new visitor. Loading the session forgets a key
    that is not in the store (SessionBase.load); on the article page the session is
    already loaded (finding `request.user` loads it), so this costs no query there."""
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return None
    session.keys()  # loads it, if nothing has yet
    return session.session_key or None


class Viewed(Protocol):
    """What counting reads of the article viewed: an Article, or a `Public` one."""

    @property
    def pk(self) -> Any: ...
    @property
    def status(self) -> str: ...
    @property
    def author_id(self) -> int: ...


class Public(NamedTuple):
    """A published article known by its id and writer (the kept page, the beacon):
    building an Article for this cost more than the count (~50 µs of CPU)."""

    pk: int
    author_id: int
    status: str = Status.PUBLISHED


def counts(request: HttpRequest, article: Viewed) -> bool:
    """Whether this request is a view that may count (before the once-per-window check)."""
    if not settings.VIEW_COUNTING_ENABLED:
        return False
    if request.method != "GET" or article.status != Status.PUBLISHED:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.pk == article.author_id:
        return False
    if _is_prefetch(request):
        return False
    return not _is_bot(request.META.get("HTTP_USER_AGENT", ""))


# --- Buffers -------------------------------------------------------------------------


def redis_client() -> Any | None:
    """The raw redis-py client when the default cache is Redis, else None.

    The cache keeps one client per pool (wacana/lib/rediscache.py), as building one for
    every view cost more than the view's own round trip to Redis."""
    default = caches["default"]
    if not isinstance(default, RedisCache):
        return None
    backend: Any = default._cache  # type: ignore[attr-defined]  # RedisCache's, private
    return backend.get_client(write=True)


def _disk() -> Any:
    """The shared on-disk buffer (without Redis): see wacana.lib.diskcache."""
    return caches["views"]


# Threads of one process take turns here rather than in SQLite: a writer kept waiting by
# SQLite sleeps and retries (up to seconds for one view when eight threads contend),
# while this lock hands over at once. Other processes still contend in SQLite.
_disk_turn = threading.Lock()


def _seen_cache() -> Any:
    return cache if redis_client() is not None else _disk()


def _counter_key(article_id: int) -> str:
    return f"views:{article_id}"


# With Redis, a view is one round trip: the seen mark (SET NX with the window as its
# lifetime; "1" is how Django's Redis cache stores the integer 1), and only if it was
# not there the increment and the pending set, atomically, so a view is never marked
# seen without being counted.
# Returns {1, 0} for a view counted, else {0, the mark's milliseconds left}.
_RECORD_LUA = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('INCR', KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[2])
  return {1, 0}
end
return {0, redis.call('PTTL', KEYS[1])}
"""
_record_script: Any = None


def _record_in_redis(client: Any, seen_key: str, article_id: int) -> tuple[bool, float]:
    global _record_script
    if _record_script is None:
        _record_script = client.register_script(_RECORD_LUA)  # EVALSHA, loading if needed
    keys = [
        cache.make_key(seen_key),
        cache.make_key(_counter_key(article_id)),
        cache.make_key(PENDING_KEY),
    ]
    counted, left = _record_script(keys=keys, args=[WINDOW_SECONDS, article_id], client=client)
    if int(counted):
        return True, float(WINDOW_SECONDS)
    return False, max(int(left), 0) / 1000  # (below 0: no such mark, nothing to remember)


def by_beacon(request: HttpRequest) -> bool:
    """Whether this reader's view is counted by the page's beacon (WACANA_VIEW_COUNTING=
    beacon: anonymous readers, whose page a proxy may have served without asking
    Wacana), not by the page's own request."""
    if not settings.VIEW_BEACON:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def record_page_view(request: HttpRequest, article: Viewed) -> bool:
    """The article page's own request: counted here unless its beacon counts it."""
    if by_beacon(request):
        return False
    return record_view(request, article)


def record_beacon_view(request: HttpRequest, article: Viewed) -> bool:
    """The page's beacon: counted only where the page left the count to it, so a view
    is never counted twice (nor a beacon fetched by hand where the page counts)."""
    if not by_beacon(request):
        return False
    return record_view(request, article)


def record_view(request: HttpRequest, article: Viewed) -> bool:
    """Count this view if it counts; True when it did. Writes nothing to the database."""
    if not counts(request, article):
        return False
    seen_key = f"seen:{article.pk}:{visitor_id(request)}"
    if _seen_here.get(seen_key, 0.0) > _clock():
        return False  # a repeat view: the shared mark is there still
    started = _clock()
    client = redis_client()
    if client is not None:
        counted, seconds_left = _record_in_redis(client, seen_key, article.pk)
    else:
        counted, seconds_left = _record_on_disk(seen_key, article.pk)
    _remember_seen(seen_key, started + seconds_left)
    return counted


# Seen marks this process read or made, until when they last at the earliest: a reader
# paging through an article or coming back to it (or a load test) then costs no round
# trip. Counted from before the mark was read, on the wall clock as the disk's marks
# expire, so the shared mark outlives its copy here: a view this skips is one the shared
# mark refuses too. A mark removed before its time (evicted by Redis, flushed, cleared by
# hand) is still remembered here until then, as it would have been there.
_seen_here: dict[str, float] = {}
_SEEN_HERE_MAX = 20_000
_clock = time.time


def _remember_seen(seen_key: str, until: float) -> None:
    if until <= _clock():
        return
    if len(_seen_here) >= _SEEN_HERE_MAX:
        _seen_here.clear()
    _seen_here[seen_key] = until


def forget_seen_here() -> None:
    _seen_here.clear()


def _record_on_disk(seen_key: str, article_id: int) -> tuple[bool, float]:
    """Whether the view counted, and how long its seen mark lasts at least (seconds)."""
    # The equivalent of the Lua script: seen mark, counter and pending set change
    # together or not at all, whichever process records or flushes meanwhile.
    disk = _disk()
    found = disk.get(seen_key, expire_time=True)  # (None on a timeout: then the add decides)
    expires = found[1] if isinstance(found, tuple) else None
    if expires is not None:
        # A repeat view, read without taking the write lock (SQLite in WAL mode: reads
        # wait for no writer). The add below decides for the others.
        return False, expires - time.time()
    with _disk_turn, disk.transact():
        if not disk.add(seen_key, 1, timeout=WINDOW_SECONDS):
            return False, 0.0
        if disk.incr(_counter_key(article_id), 1, default=0) == 1:
            # The article's first view since the last flush: it is pending now.
            pending = disk.get(PENDING_KEY) or set()
            pending.add(article_id)
            disk.set(PENDING_KEY, pending, timeout=None)
    return True, float(WINDOW_SECONDS)


def _take() -> dict[int, int]:
    """Every buffered count, taken atomically (views arriving meanwhile stay buffered)."""
    client = redis_client()
    if client is not None:
        taken: dict[int, int] = {}
        pending_key = cache.make_key(PENDING_KEY)
        while True:
            ids = [int(raw_id) for raw_id in client.spop(pending_key, 500) or []]
            if not ids:
                break
            # Each GETSET is atomic on its own; the pipeline only saves round trips.
            pipe = client.pipeline(transaction=False)
            for article_id in ids:
                pipe.getset(cache.make_key(_counter_key(article_id)), 0)
            for article_id, raw in zip(ids, pipe.execute(), strict=True):
                n = int(raw or 0)
                if n > 0:
                    taken[article_id] = taken.get(article_id, 0) + n
        return taken
    disk = _disk()
    taken = {}
    with _disk_turn, disk.transact():
        for article_id in disk.get(PENDING_KEY) or ():
            n = disk.pop(_counter_key(article_id), 0)
            if n > 0:
                taken[article_id] = n
        disk.delete(PENDING_KEY)
    return taken


def _put_back(article_id: int, n: int) -> None:
    client = redis_client()
    if client is not None:
        pipe = client.pipeline(transaction=True)
        pipe.incrby(cache.make_key(_counter_key(article_id)), n)
        pipe.sadd(cache.make_key(PENDING_KEY), article_id)
        pipe.execute()
    else:
        disk = _disk()
        with _disk_turn, disk.transact():
            disk.incr(_counter_key(article_id), n, default=0)
            pending = disk.get(PENDING_KEY) or set()
            pending.add(article_id)
            disk.set(PENDING_KEY, pending, timeout=None)


def buffered_articles() -> int:
    """How many articles have views waiting for the next flush (for the metrics); a read."""
    client = redis_client()
    if client is not None:
        return int(client.scard(cache.make_key(PENDING_KEY)))
    return len(_disk().get(PENDING_KEY) or ())


FLUSH_BATCH = 200


def _add_daily(batch: list[tuple[int, int]], day: date) -> None:
    """Add to each article's row of the day, creating it: one INSERT … ON CONFLICT
    (SQLite and PostgreSQL both have it) for the whole batch."""
    table = connection.ops.quote_name(DailyViews._meta.db_table)
    rows = ", ".join(["(%s, %s, %s)"] * len(batch))
    day_value = connection.ops.adapt_datefield_value(day)
    params: list[Any] = []
    for article_id, n in batch:
        params += [article_id, day_value, n]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, day, views) VALUES {rows}"  # noqa: S608
            f" ON CONFLICT (article_id, day) DO UPDATE SET views = {table}.views + excluded.views",
            params,
        )


def _apply(batch: list[tuple[int, int]], day: date) -> int:
    """Write a batch of counts in one transaction, all of it or none, in three statements
    whatever its size: one commit per batch, not per article (on SQLite each commit is
    a disk sync)."""
    with transaction.atomic():
        ids = [article_id for article_id, _n in batch]
        # Locked, so an article cannot be deleted between this and the writes below.
        alive = set(
            Article.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        batch = [(article_id, n) for article_id, n in batch if article_id in alive]
        if not batch:
            return 0  # deleted since: their views go with them
        table = connection.ops.quote_name(Article._meta.db_table)
        rows = ", ".join(["(%s, %s)"] * len(batch))
        with connection.cursor() as cursor:
            # One statement for the batch (UPDATE … FROM, in SQLite since 3.33 and in
            # PostgreSQL); VALUES names its columns column1, column2 in both.
            cursor.execute(
                f"UPDATE {table} SET view_count = {table}.view_count + v.column2"  # noqa: S608
                f" FROM (VALUES {rows}) AS v WHERE {table}.id = v.column1",
                [value for article_id, n in batch for value in (article_id, n)],
            )
        _add_daily(batch, day)
    return sum(n for _article_id, n in batch)


def flush() -> int:
    """Write the buffered views to the database; returns how many views were written."""
    day = datetime.now(SITE_TIME_ZONE).date()
    written = 0
    items = sorted(_take().items())
    for start in range(0, len(items), FLUSH_BATCH):
        batch = items[start : start + FLUSH_BATCH]
        try:
            written += _apply(batch, day)
        except Exception:
            # Nothing of this batch was written: keep it, and the rest, for the next flush.
            for later_id, later_n in items[start:]:
                _put_back(later_id, later_n)
            raise
    if written:
        _refresh_popular()
    return written


def _refresh_popular() -> None:
    """Recompute "popular this week" after a flush, off the request path."""
    try:
        hooks.views_flushed()
    except Exception:
        logger.exception("Refreshing the popular articles failed; the views are written")
