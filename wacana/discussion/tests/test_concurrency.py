"""The article's comment count stays exact when many people write at once.

Each thread has its own database connection. SQLite runs one writing transaction at a
time (the test still proves nothing is lost); PostgreSQL really runs them side by side,
which is where the row lock and the F() updates earn their keep.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion import actions
from wacana.discussion.models import Comment
from wacana.testing.content import (
    assert_count_exact,
    assert_reply_counts_exact,
    comment,
    fresh,
    publish,
)
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 20


def run_together(jobs: list[Callable[[], Any]]) -> list[BaseException]:
    """Start every job at the same moment, each on its own connection; the errors."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def worker(job: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            job()
        except BaseException as error:  # collected and reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    return errors


def _poster(user: User, article: Article, body: str, parent: Comment | None = None) -> Any:
    def job() -> None:
        # A parent deleted by a racing job before this one even reads it is a reply to a
        # comment that is gone: refused as the action refuses one removed meanwhile.
        found = Comment.objects.filter(pk=parent.pk).first() if parent else None
        if parent and found is None:
            raise actions.InvalidParent()
        actions.post_comment(
            User.objects.get(pk=user.pk),
            Article.objects.select_related("author").get(pk=article.pk),
            body,
            found,
        )

    return job


def test_concurrent_comments_are_all_counted(writer: User) -> None:
    article = publish(writer)
    people = [make_user(f"pembaca{n}") for n in range(THREADS)]
    top = comment(people[0], article, "Yang pertama.")
    jobs = [
        _poster(person, article, f"Komentar serentak {n}.", parent=top if n % 2 else None)
        for n, person in enumerate(people)
    ]
    errors = run_together(jobs)
    assert errors == []
    assert Comment.objects.filter(article=article).count() == THREADS + 1
    assert fresh(article).comment_count == THREADS + 1
    assert_count_exact(article)
    assert_reply_counts_exact(article)
    writer.refresh_from_db()
    assert writer.unread_notifications == writer.notifications.count() == THREADS // 2 + 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "PostgreSQL only: SQLite runs one writing transaction at a time, so posts, deletes "
        "and hides racing on one thread's rows (and the lock order that avoids deadlocks) "
        "can only be exercised on PostgreSQL"
    ),
)
def test_posting_deleting_and_hiding_at_once_keeps_every_count_exact(writer: User) -> None:
    article = publish(writer)
    people = [make_user(f"warga{n}") for n in range(THREADS)]
    tops = [comment(people[n], article, f"Awal {n}.") for n in range(6)]
    replies = [comment(people[n + 6], article, f"Balasan {n}.", parent=tops[n]) for n in range(6)]
    jobs: list[Callable[[], Any]] = []
    for n in range(8):
        jobs.append(_poster(people[n + 12], article, f"Baru {n}.", parent=tops[n % 6]))

    def deleting(user: User, target: Comment) -> Callable[[], Any]:
        return lambda: actions.delete_comment(user, Comment.objects.get(pk=target.pk))

    def hiding(target: Comment) -> Callable[[], Any]:
        return lambda: actions.hide_comment(Comment.objects.get(pk=target.pk))

    # Top comments are deleted and hidden while replies to them are being posted.
    jobs += [deleting(people[n], tops[n]) for n in range(3)]
    jobs += [hiding(tops[n]) for n in range(3, 6)]
    jobs += [deleting(people[n + 6], replies[n]) for n in range(3)]
    jobs.append(lambda: actions.hide_comments_of(people[7]))
    errors = run_together(jobs)
    # A reply racing a hide may be refused (InvalidParent); nothing else may go wrong.
    assert all(isinstance(error, actions.InvalidParent) for error in errors), errors
    assert_count_exact(article)
    assert_reply_counts_exact(article)
    for placeholder in Comment.objects.filter(status="deleted"):
        assert placeholder.replies.exists(), "a deleted comment stayed without replies"
