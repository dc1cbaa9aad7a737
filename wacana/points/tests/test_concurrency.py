"""Balances are exact under concurrency: 1,000 ratings from distinct readers at once."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from django.db import connection, connections
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article
from wacana.points.models import PointEvent
from wacana.testing.content import publish
from wacana.testing.personas import make_user

READERS = 1000
THREADS = 16
ARTICLES = 10


@pytest.mark.django_db(transaction=True)
def test_a_thousand_parallel_ratings_give_exactly_a_thousand_points() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite runs one writing transaction at a time, so parallel "
            "ratings cannot race there (set DATABASE_URL to a PostgreSQL database)"
        )
    writer = make_user("penulis", date_joined=timezone.now() - timedelta(days=3))
    articles = [publish(writer, f"Tulisan {n}") for n in range(ARTICLES)]
    before = User.objects.get(pk=writer.pk).points
    old = timezone.now() - timedelta(days=3)
    User.objects.bulk_create(
        User(username=f"pembaca{n}", email=f"pembaca{n}@example.com", date_joined=old)
        for n in range(READERS)
    )
    readers = list(User.objects.filter(username__startswith="pembaca").order_by("pk"))
    assert len(readers) == READERS
    barrier = Barrier(THREADS)

    def rate(index: int) -> None:
        try:
            if index < THREADS:
                barrier.wait()  # the first of each thread start together
            article = Article.objects.get(pk=articles[index % ARTICLES].pk)
            actions.rate_article(readers[index], article, "unik")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(rate, range(READERS)))  # re-raises a failure of any of them

    writer.refresh_from_db()
    assert writer.points - before == READERS
    events = PointEvent.objects.filter(user_id=writer.pk, rule="rating")
    assert events.count() == READERS
    assert sum(events.values_list("amount", flat=True)) == READERS
