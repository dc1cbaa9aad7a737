"""Writes to the points ledger: the one place where points are earned or taken back.

Every function here runs inside the transaction of the write it follows (the hooks of
accounts, articles, discussion and moderation call it; see apps.py), appends to the
ledger and moves the account's stored balance (`User.points`, by an increment in the
database, as F() does) in the same transaction, so the balance is exact under any
concurrency: it is always the sum of the account's events (`manage.py recompute_points`
checks that).

Each event has a key naming what it was for ("rating:<article>:<reader>"). The events
with one key sum to what that thing is worth now: earning writes only when the sum is
0 (so a repeat, a double click or a race earns nothing twice; the rating and comment
actions hold the article's row lock, which orders the events of one key), taking back
writes the opposite of the sum (a reversal) and never changes an earlier entry.

Nothing is earned from oneself, from an account younger than a day, or from a suspended
account; suspending an account takes back every point it had given (`giver_suspended`);
lifting the suspension does not give them again (its later ratings and comments earn
as anyone's do).
"""

import time
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import POSITIVE_RATINGS, Article
from wacana.discussion.models import Comment
from wacana.points import leaderboards, rules
from wacana.points.models import PointEvent, Reason
from wacana.points.tasks import refresh_leaderboards

_COLUMNS = (
    "user_id",
    "amount",
    "rule",
    "rule_version",
    "key",
    "reason",
    "reverses_id",
    "actor_id",
    "article_id",
    "comment_id",
    "category_id",
    "created_at",
)
# Table and column names are the models' own: no outside input reaches these texts.
_INSERT = (
    f"INSERT INTO {PointEvent._meta.db_table} ({', '.join(_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join(['%s'] * len(_COLUMNS))})"
)
_MOVE_BALANCE = f"UPDATE {User._meta.db_table} SET points = points + %s WHERE id = %s"  # noqa: S608
# PostgreSQL: the entry and the balance in one statement, so one round trip to the server.
_INSERT_AND_MOVE = (
    f"WITH entry AS ({_INSERT} RETURNING user_id, amount) "  # noqa: S608
    f"UPDATE {User._meta.db_table} AS account SET points = account.points + entry.amount "
    "FROM entry WHERE account.id = entry.user_id"
)


def _append(
    user_id: int,
    amount: int,
    rule: str,
    version: int,
    key: str,
    *,
    reason: str = "",
    reverses_id: int | None = None,
    actor_id: int | None = None,
    article_id: int | None = None,
    comment_id: int | None = None,
    category_id: int | None = None,
) -> None:
    """Append one entry and move the account's balance by its amount, together.

    The same as `PointEvent.objects.create(...)` then `User.objects.filter(pk=user_id)
    .update(points=F("points") + amount)`, written out: a rating may cost at most 1 ms
    more with the ledger than without (`scripts/bench/points_bench.py`), and compiling
    those two queries alone took a third of that; on PostgreSQL both go as one
    statement (one round trip). The increment happens in the database, so concurrent
    entries for one account add up exactly."""
    if amount == 0:
        return
    values: list[Any] = [
        user_id,
        amount,
        rule,
        version,
        key,
        reason,
        reverses_id,
        actor_id,
        article_id,
        comment_id,
        category_id,
        timezone.now(),
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_INSERT_AND_MOVE, values)
        else:
            cursor.execute(_INSERT, values)
            cursor.execute(_MOVE_BALANCE, [amount, user_id])
    transaction.on_commit(_leaderboards_changed)


_queued_at = [0.0]  # when this process last found or queued a refresh (monotonic)


def _leaderboards_changed() -> None:
    """Ask the worker to recompute the leaderboards, at most once per refresh period
    (a cache key shared by every process marks one as queued; each process asks the
    cache at most once per period too): never on the request path."""
    now = time.monotonic()
    if now - _queued_at[0] < leaderboards.REFRESH_SECONDS:
        return
    _queued_at[0] = now
    if not cache.add(leaderboards.QUEUED_KEY, 1, leaderboards.REFRESH_SECONDS):
        return
    run_after = timezone.now() + timedelta(seconds=leaderboards.REFRESH_SECONDS)
    try:
        refresh_leaderboards.using(run_after=run_after).enqueue()
    except Exception:
        # The ledger is written; the boards follow on the next event or a refresh.
        cache.delete(leaderboards.QUEUED_KEY)


def _net(key: str) -> int:
    total = PointEvent.objects.filter(key=key).aggregate(total=Sum("amount"))["total"]
    return int(total or 0)


def may_give(giver: User, receiver_id: int) -> bool:
    """Whether an interaction of `giver` earns `receiver_id` anything."""
    if giver.pk == receiver_id or giver.suspended_at is not None or not giver.is_active:
        return False
    return giver.date_joined <= timezone.now() - timedelta(hours=rules.MIN_ACCOUNT_AGE_HOURS)


def earn(
    user_id: int,
    rule: str,
    key: str,
    *,
    once: bool = False,
    actor_id: int | None = None,
    article_id: int | None = None,
    comment_id: int | None = None,
    category_id: int | None = None,
) -> None:
    """Credit `user_id` under `rule` for `key`, at the current version's value, unless
    the key already stands (or, with `once`, ever stood)."""
    if once:
        if PointEvent.objects.filter(key=key).exists():
            return None
    elif _net(key) != 0:
        return None
    version = rules.current()
    return _append(
        user_id,
        version.points.get(rule, 0),
        rule,
        version.number,
        key,
        actor_id=actor_id,
        article_id=article_id,
        comment_id=comment_id,
        category_id=category_id,
    )


def take_back(key: str, reason: str, *, deductions: bool = False) -> None:
    """Write the opposite of what `key` stands at now (a gain, or with `deductions` a
    deduction), as a reversal of its last entry; nothing when it stands at 0."""
    entries = list(PointEvent.objects.filter(key=key).order_by("id"))
    net = sum(entry.amount for entry in entries)
    if net == 0 or (net < 0) != deductions:
        return None
    last = next(entry for entry in reversed(entries) if entry.rule != rules.REVERSAL)
    return _append(
        last.user_id,
        -net,
        rules.REVERSAL,
        last.rule_version,
        key,
        reason=reason,
        reverses_id=last.pk,
        actor_id=last.actor_id,
        article_id=last.article_id,
        comment_id=last.comment_id,
        category_id=last.category_id,
    )


# --- the receivers of the lower apps' hooks (registered in apps.py) --------------------


def signed_up(user: User) -> None:
    earn(user.pk, rules.SIGNUP, f"signup:{user.pk}", once=True)


def first_published(article: Article) -> None:
    earn(
        article.author_id,
        rules.PUBLISH,
        f"publish:{article.pk}",
        once=True,
        article_id=article.pk,
        category_id=article.category_id,
    )


def curated(editor: User, article: Article, kind: str) -> None:
    if editor.pk == article.author_id:
        return  # an editor's own article: nothing from oneself
    rule = rules.PICK if kind == "pick" else rules.HEADLINE
    earn(
        article.author_id,
        rule,
        f"{rule}:{article.pk}",
        once=True,
        actor_id=editor.pk,
        article_id=article.pk,
        category_id=article.category_id,
    )


def rated(reader: User, article: Article, before: str | None, kind: str | None) -> None:
    """Praise earns the writer a point; its withdrawal (or a change to "Tidak Menarik")
    takes it back. A change from praise to praise changes nothing. The rating action
    holds the article's row lock, so the rating row and the ledger move together."""
    was, now = before in POSITIVE_RATINGS, kind in POSITIVE_RATINGS
    if was == now:
        return
    key = f"rating:{article.pk}:{reader.pk}"
    if not now:
        take_back(key, Reason.WITHDRAWN)
        return
    if not may_give(reader, article.author_id):
        return
    # The rating held no praise, so its key stands at 0: no need to sum it first.
    version = rules.current()
    _append(
        article.author_id,
        version.points[rules.RATING],
        rules.RATING,
        version.number,
        key,
        actor_id=reader.pk,
        article_id=article.pk,
        category_id=article.category_id,
    )


def comment_shown(comment: Comment) -> None:
    article = comment.article
    if not may_give(comment.author, article.author_id):
        return
    earn(
        article.author_id,
        rules.COMMENT,
        f"comment:{comment.pk}",
        actor_id=comment.author_id,
        article_id=article.pk,
        comment_id=comment.pk,
        category_id=article.category_id,
    )


def comment_gone(comment_id: int) -> None:
    take_back(f"comment:{comment_id}", Reason.COMMENT_GONE)


def _hidden_key(target_type: str, target_id: int) -> str:
    return f"hidden:{target_type}:{target_id}"


def content_hidden(owner: User, target_type: str, target_id: int) -> None:
    rule = rules.ARTICLE_HIDDEN if target_type == "article" else rules.COMMENT_HIDDEN
    earn(
        owner.pk,
        rule,
        _hidden_key(target_type, target_id),
        article_id=target_id if target_type == "article" else None,
        comment_id=target_id if target_type == "comment" else None,
    )


def content_restored(owner: User, target_type: str, target_id: int) -> None:
    take_back(_hidden_key(target_type, target_id), Reason.RESTORED, deductions=True)


def account_suspended(person: User) -> None:
    """Take back every point the account gave that still stands."""
    keys = (
        PointEvent.objects.filter(actor_id=person.pk)
        .values("key")
        .annotate(net=Sum("amount"))
        .filter(net__gt=0)
        .order_by("key")
        .values_list("key", flat=True)
    )
    for key in list(keys):
        take_back(key, Reason.GIVER_SUSPENDED)


def article_deleting(article: Article) -> None:
    """The writer's gains from an article go with it (its deductions stay)."""
    keys = (
        PointEvent.objects.filter(article_id=article.pk, user_id=article.author_id)
        .values("key")
        .annotate(net=Sum("amount"))
        .filter(net__gt=0)
        .order_by("key")
        .values_list("key", flat=True)
    )
    for key in list(keys):
        take_back(key, Reason.ARTICLE_DELETED)


def recompute_balances(*, fix: bool = True) -> tuple[int, list[tuple[int, int, int]]]:
    """Compare every account's stored balance with the sum of its events; returns the
    number of accounts checked and (account, stored, from the ledger) for each that
    differed, after setting it right (unless `fix` is False). For
    `manage.py recompute_points`.

    A difference is checked again under the account's row lock before it is set, so an
    event written meanwhile (its transaction moves the balance after the insert, holding
    that lock) is neither lost nor counted twice."""
    sums = dict(
        PointEvent.objects.values("user_id")
        .annotate(total=Sum("amount"))
        .order_by()
        .values_list("user_id", "total")
    )
    checked = 0
    differed: list[tuple[int, int, int]] = []
    for user_id, stored in User.objects.values_list("pk", "points").order_by("pk").iterator():
        checked += 1
        if stored == int(sums.get(user_id) or 0):
            continue
        with transaction.atomic():
            current = User.objects.select_for_update().filter(pk=user_id)
            stored_now = current.values_list("points", flat=True).first()
            if stored_now is None:
                continue
            expected = PointEvent.objects.filter(user_id=user_id).aggregate(t=Sum("amount"))["t"]
            expected = int(expected or 0)
            if stored_now != expected:
                differed.append((user_id, stored_now, expected))
                if fix:
                    current.update(points=expected)
    return checked, differed
