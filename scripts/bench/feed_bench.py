"""The following feed (/mengikuti) with 500 follows of mixed kinds (issue 16): CPU per page.

On the bench data (`make bench` generates it; point DATABASE_URL / WACANA_VAR_DIR at it),
in one transaction that is rolled back at the end: a reader follows 200 writers, 4
rubrics, 16 sub-categories, 200 tags and 80 topics (made here, each with 25 articles),
then this process reads pages of the feed (`discovery.following.feed_page`, the query
and the article objects the page shows) at depth 1, 10 and 100 by following the
cursors, and prints the median CPU time of this process per page (SQLite runs inside
it, so its work is counted; on PostgreSQL the server's share is not) and the number of
queries per page, PASS under 5 ms; the wall time beside it includes a database server's
share (PostgreSQL). Alone: `.venv/bin/python scripts/bench/feed_bench.py`; with
FEED_EXPLAIN=1 it also prints the database's plan of the first page's ids query.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_MS = 5.0
RUNS = 15
DEPTHS = (1, 10, 100)


class Rollback(Exception):
    pass


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from wacana.accounts.models import Follow as WriterFollow
    from wacana.accounts.models import User
    from wacana.articles.models import Article, Category, Tag
    from wacana.discovery.following import feed_page
    from wacana.topics.models import Follow, Kind, Topic, TopicArticle

    if Article.objects.count() < 10_000:
        print("feed bench: no bench data here (run `make bench` first, or set DATABASE_URL)")
        return 1
    rng = random.Random(16)
    failed = False
    try:
        with transaction.atomic():
            reader = User.objects.create(username="feedbench", email="feedbench@example.invalid")
            writers = list(
                User.objects.filter(article_count__gt=0).values_list("pk", flat=True)[:5000]
            )
            WriterFollow.objects.bulk_create(
                WriterFollow(follower=reader, followed_id=pk) for pk in rng.sample(writers, 200)
            )
            rubrics = list(Category.objects.rubrics())[:4]
            subs = list(Category.objects.subcategories().exclude(parent__in=rubrics))[:16]
            tags = rng.sample(list(Tag.objects.all()), min(200, Tag.objects.count()))
            now = timezone.now()
            topics = Topic.objects.bulk_create(
                Topic(
                    title=f"Topik {n}",
                    slug=f"topik-bench-{n}",
                    description="Bench.",
                    opens_at=now - timedelta(days=400 - n),
                    closes_at=now + timedelta(days=n + 1),
                )
                for n in range(80)
            )
            article_ids = list(Article.objects.published().values_list("pk", flat=True)[:60_000])
            picked = rng.sample(article_ids, 80 * 25)
            TopicArticle.objects.bulk_create(
                TopicArticle(topic=topics[i // 25], article_id=pk) for i, pk in enumerate(picked)
            )
            Follow.objects.bulk_create(
                [Follow(follower=reader, kind=Kind.CATEGORY, category=c) for c in rubrics + subs]
                + [Follow(follower=reader, kind=Kind.TAG, tag=t) for t in tags]
                + [Follow(follower=reader, kind=Kind.TOPIC, topic=t) for t in topics]
            )
            follows = (
                WriterFollow.objects.filter(follower=reader).count()
                + Follow.objects.filter(follower=reader).count()
            )
            print(
                f"== The following feed with {follows} follows of mixed kinds"
                f" (target: under {TARGET_MS:.0f} ms CPU a page)"
            )
            cursors: dict[int, str | None] = {1: None}
            after = None
            for depth in range(1, max(DEPTHS) + 1):
                cursors[depth] = after
                after = feed_page(reader, after).next_cursor
                if after is None:
                    break
            for depth in DEPTHS:
                if depth not in cursors:
                    continue
                times, walls = [], []
                for _run in range(RUNS):
                    started, wall = time.process_time(), time.perf_counter()
                    with CaptureQueriesContext(connection) as captured:
                        page = feed_page(reader, cursors[depth])
                    times.append((time.process_time() - started) * 1000)
                    walls.append((time.perf_counter() - wall) * 1000)
                median = statistics.median(times)
                verdict = "PASS" if median <= TARGET_MS else "FAIL"
                failed |= median > TARGET_MS
                print(
                    f"  {verdict}  page {depth:>3}: {median:5.2f} ms CPU (median of {RUNS}),"
                    f" {statistics.median(walls):5.2f} ms wall (with the database server's"
                    f" share), {len(captured)} queries, {len(page.items)} articles"
                )
            if os.environ.get("FEED_EXPLAIN"):
                from wacana.discovery import following

                sql = following._sql(False, connection.vendor)
                params = ["published", True, reader.pk, reader.pk, "category", reader.pk]
                params += ["category", reader.pk, "tag", reader.pk, "topic", 21]
                with connection.cursor() as db:
                    db.execute("EXPLAIN ANALYZE " + sql, params)
                    print("\n".join(str(row[0]) for row in db.fetchall()))
            raise Rollback
    except Rollback:
        pass
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
