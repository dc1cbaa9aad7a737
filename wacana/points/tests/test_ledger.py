"""The ledger: what earns, what takes back, what earns nothing, append-only, versions."""

from datetime import date, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.accounts.models import User
from wacana.articles import actions as articles
from wacana.discussion import actions as discussion
from wacana.moderation import actions as moderation
from wacana.points import actions as points_actions
from wacana.points import leaderboards, rules
from wacana.points.models import AppendOnly, LeaderboardEntry, Period, PointEvent
from wacana.points.tasks import refresh_leaderboards
from wacana.privacy.actions import delete_account, export_personal_data
from wacana.testing.content import comment, curate, fresh, publish
from wacana.testing.personas import make_editor, make_moderator, make_user

pytestmark = pytest.mark.django_db
V1 = rules.VERSIONS[0].points


def seasoned(username: str, **extra: Any) -> User:
    """An account older than a day: its interactions earn others points."""
    return make_user(username, date_joined=timezone.now() - timedelta(days=3), **extra)


def last_event() -> PointEvent:
    found = PointEvent.objects.order_by("id").last()
    assert found is not None
    return found


def balance(user: User) -> int:
    return User.objects.get(pk=user.pk).points


def ledger(user: User) -> list[tuple[str, int]]:
    events = PointEvent.objects.filter(user_id=user.pk).order_by("id")
    return [(e.rule, e.amount) for e in events]


def ledger_sum(user: User) -> int:
    return sum(amount for _rule, amount in ledger(user))


def test_sign_up_and_first_publication_earn_once() -> None:
    writer = seasoned("penulis")
    assert ledger(writer) == [(rules.SIGNUP, V1[rules.SIGNUP])]
    article = publish(writer)
    articles.unpublish_article(writer, fresh(article))
    articles.publish_article(writer, fresh(article))
    assert ledger(writer) == [(rules.SIGNUP, 5), (rules.PUBLISH, V1[rules.PUBLISH])]
    event = PointEvent.objects.get(user_id=writer.pk, rule=rules.PUBLISH)
    assert (event.rule_version, event.article_id, event.category_id) == (
        1,
        article.pk,
        article.category_id,
    )
    assert balance(writer) == ledger_sum(writer) == 15


def test_praise_earns_one_point_and_undoing_it_takes_it_back() -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    article = publish(writer)
    start = balance(writer)
    articles.rate_article(reader, article, "unik")
    articles.rate_article(reader, article, "aktual")  # still praise: nothing new
    assert balance(writer) == start + 1
    articles.rate_article(reader, article, "tidak_menarik")
    assert balance(writer) == start
    articles.rate_article(reader, article, "inspiratif")
    articles.withdraw_rating(reader, article)
    articles.withdraw_rating(reader, article)  # again: nothing to take back
    assert balance(writer) == start
    assert ledger(writer)[-4:] == [
        (rules.RATING, 1),
        (rules.REVERSAL, -1),
        (rules.RATING, 1),
        (rules.REVERSAL, -1),
    ]
    reversal = PointEvent.objects.filter(user_id=writer.pk, rule=rules.REVERSAL).last()
    assert reversal is not None and reversal.reason == "withdrawn"
    assert reversal.reverses_id is not None and reversal.actor_id == reader.pk
    assert balance(writer) == ledger_sum(writer)


def test_new_accounts_and_oneself_earn_nothing() -> None:
    writer = seasoned("penulis")
    article = publish(writer)
    start = balance(writer)
    newcomer = make_user("pendatang")  # joined just now
    articles.rate_article(newcomer, article, "unik")
    comment(newcomer, article, "Salam kenal.")
    comment(writer, article, "Terima kasih sudah membaca.")
    editor = make_editor("redaktur", date_joined=timezone.now() - timedelta(days=5))
    own = publish(editor, "Tulisan redaktur")
    editor_start = balance(editor)
    curate(editor, own)
    assert balance(writer) == start
    assert balance(editor) == editor_start
    # A day later the newcomer's praise counts.
    User.objects.filter(pk=newcomer.pk).update(date_joined=timezone.now() - timedelta(days=2))
    articles.withdraw_rating(newcomer, article)
    articles.rate_article(User.objects.get(pk=newcomer.pk), article, "unik")
    assert balance(writer) == start + 1


def test_comments_earn_and_deleting_or_hiding_takes_back() -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    moderator = make_moderator()
    article = publish(writer)
    start = balance(writer)
    first = comment(reader, article, "Tulisan yang bagus.")
    second = comment(reader, article, "Saya setuju.", parent=first)
    assert balance(writer) == start + 2
    discussion.delete_comment(reader, second)
    assert balance(writer) == start + 1
    reader_start = balance(reader)
    moderation.decide(moderator, "comment", first.pk, "hide", "Spam.", "spam")
    assert balance(writer) == start
    assert balance(reader) == reader_start + V1[rules.COMMENT_HIDDEN]
    moderation.decide(moderator, "comment", first.pk, "restore", "Keliru.", "spam")
    assert balance(reader) == reader_start
    assert balance(writer) == start + 1  # shown again, earns again
    assert balance(writer) == ledger_sum(writer) and balance(reader) == ledger_sum(reader)


def test_picks_and_headlines_earn_once_per_article() -> None:
    writer = seasoned("penulis")
    editor = make_editor()
    article = publish(writer)
    start = balance(writer)
    curate(editor, article, articles.PICK)
    curate(editor, article, articles.PICK, on=False)
    curate(editor, article, articles.PICK)
    curate(editor, article, articles.HEADLINE)
    assert balance(writer) == start + V1[rules.PICK] + V1[rules.HEADLINE]


def test_moderation_hiding_an_article_deducts_and_restoring_gives_back() -> None:
    writer, moderator = seasoned("penulis"), make_moderator()
    article = publish(writer)
    start = balance(writer)
    moderation.decide(moderator, "article", article.pk, "hide", "Melanggar.", "spam")
    assert balance(writer) == start + V1[rules.ARTICLE_HIDDEN]
    moderation.decide(moderator, "article", article.pk, "restore", "Keliru.", "spam")
    assert balance(writer) == start
    assert [r for r, _ in ledger(writer)][-2:] == [rules.ARTICLE_HIDDEN, rules.REVERSAL]


def test_suspending_a_giver_takes_back_what_they_gave() -> None:
    writer, moderator = seasoned("penulis"), make_moderator()
    cheat = seasoned("kawanan")
    honest = seasoned("jujur")
    article = publish(writer)
    start = balance(writer)
    articles.rate_article(cheat, article, "unik")
    comment(cheat, article, "Mantap sekali!")
    articles.rate_article(honest, article, "menarik")
    assert balance(writer) == start + 3
    moderation.decide(moderator, "account", cheat.pk, "suspend", "Akun palsu.", "spam")
    assert balance(writer) == start + 1
    reasons = set(
        PointEvent.objects.filter(user_id=writer.pk, rule=rules.REVERSAL).values_list(
            "reason", flat=True
        )
    )
    assert reasons == {"giver_suspended"}
    # Lifting the suspension does not give them again; a second suspension takes nothing.
    moderation.decide(moderator, "account", cheat.pk, "restore", "Banding.", "spam")
    assert balance(writer) == start + 1


def test_deleting_an_article_takes_back_its_gains_but_not_its_deductions() -> None:
    writer, reader, moderator = seasoned("penulis"), seasoned("pembaca"), make_moderator()
    article = publish(writer)
    articles.rate_article(reader, article, "unik")
    kept = publish(writer, "Yang tersembunyi")
    moderation.decide(moderator, "article", kept.pk, "hide", "Melanggar.", "spam")
    articles.delete_article(writer, fresh(article))
    articles.delete_article(writer, fresh(kept))
    expected = V1[rules.SIGNUP] + V1[rules.ARTICLE_HIDDEN]  # both publications taken back
    assert balance(writer) == ledger_sum(writer) == expected


def test_the_ledger_is_append_only_in_the_database() -> None:
    writer = seasoned("penulis")
    event = PointEvent.objects.get(user_id=writer.pk)
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    for change in (
        lambda: PointEvent.objects.filter(pk=event.pk).update(amount=1000),
        lambda: PointEvent.objects.filter(pk=event.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    assert PointEvent.objects.get(pk=event.pk).amount == V1[rules.SIGNUP]


def test_the_database_has_the_triggers() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type='trigger' AND tbl_name='points_pointevent'"
            )
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'points_pointevent'::regclass "
                "AND NOT tgisinternal"
            )
        assert cursor.fetchall()


def test_a_saved_profile_does_not_write_back_a_stale_balance() -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    stale = User.objects.get(pk=writer.pk)
    articles.rate_article(reader, publish(writer), "unik")
    stale.tagline = "Guru"
    stale.save()
    assert balance(writer) == ledger_sum(writer)
    partial = User.objects.only("pk", "tagline").get(pk=writer.pk)
    articles.rate_article(seasoned("pembaca2"), publish(writer, "Kedua"), "unik")
    partial.tagline = "Guru SD"
    partial.save()
    assert User.objects.get(pk=writer.pk).tagline == "Guru SD"
    assert balance(writer) == ledger_sum(writer)


def test_a_new_rule_version_applies_from_its_date_and_leaves_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    article = publish(writer)
    articles.rate_article(reader, article, "unik")
    before = list(PointEvent.objects.order_by("id").values_list("id", "amount", "rule_version"))
    today = timezone.localdate()
    later = rules.Version(2, today + timedelta(days=30), {**V1, rules.RATING: 2})
    newer = rules.Version(2, today - timedelta(days=1), {**V1, rules.RATING: 2})
    monkeypatch.setattr(rules, "VERSIONS", (*rules.VERSIONS, later))
    other = seasoned("pembaca2")
    articles.rate_article(other, article, "unik")
    assert last_event().amount == 1  # not in force yet
    monkeypatch.setattr(rules, "VERSIONS", (rules.VERSIONS[0], newer))
    third = seasoned("pembaca3")
    articles.rate_article(third, article, "unik")
    last = last_event()
    assert (last.amount, last.rule_version) == (2, 2)
    # Taking back a rating given under version 1 takes back what it earned then.
    articles.withdraw_rating(reader, article)
    reversal = last_event()
    assert (reversal.amount, reversal.rule_version) == (-1, 1)
    assert (
        list(
            PointEvent.objects.filter(id__in=[row[0] for row in before])
            .order_by("id")
            .values_list("id", "amount", "rule_version")
        )
        == before
    )


def test_published_versions_are_frozen() -> None:
    # A version that has started is history: change the rules by appending a version.
    assert rules.VERSIONS[0] == rules.Version(
        1,
        date(2026, 12, 1),
        {
            "signup": 5,
            "publish": 10,
            "pick": 25,
            "headline": 50,
            "rating": 1,
            "comment": 1,
            "article_hidden": -20,
            "comment_hidden": -5,
        },
    )
    numbers = [v.number for v in rules.VERSIONS]
    assert numbers == list(range(1, len(numbers) + 1))
    starts = [v.starts for v in rules.VERSIONS]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for version in rules.VERSIONS:
        assert set(version.points) == set(rules.DESCRIPTIONS)


def test_recompute_finds_the_same_numbers_and_repairs_a_drift() -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    article = publish(writer)
    articles.rate_article(reader, article, "unik")
    comment(reader, article)
    out = StringIO()
    call_command("recompute_points", "--check", stdout=out)
    assert "0 differed" in out.getvalue()
    User.objects.filter(pk=writer.pk).update(points=999)
    with pytest.raises(Exception, match="differ"):
        call_command("recompute_points", "--check", stdout=StringIO())
    assert balance(writer) == 999
    out = StringIO()
    call_command("recompute_points", stdout=out)
    assert f"account {writer.pk}: stored 999, ledger {ledger_sum(writer)}" in out.getvalue()
    assert balance(writer) == ledger_sum(writer) == 5 + 10 + 1 + 1


def test_leaderboards_rank_the_period_overall_and_per_rubric() -> None:
    alpha, beta = seasoned("alpha"), seasoned("beta")
    readers = [seasoned(f"pembaca{n}") for n in range(3)]
    school = publish(alpha, "Sekolah", category="sekolah")
    for person in readers:
        articles.rate_article(person, school, "unik")
    publish(beta, "Lain", category="sekolah")
    out = StringIO()
    call_command("refresh_leaderboards", stdout=out)
    assert "places written" in out.getvalue()
    week = [(e.user_id, e.points) for e in leaderboards.board(Period.WEEK)]
    assert week[:2] == [(alpha.pk, 5 + 10 + 3), (beta.pk, 5 + 10)]
    month = [(e.user_id, e.points) for e in leaderboards.board(Period.MONTH)]
    assert month[:2] == week[:2]
    rubric = fresh(school).category.parent
    assert rubric is not None
    in_rubric = [(e.user_id, e.points) for e in leaderboards.board(Period.WEEK, rubric)]
    assert in_rubric == [(alpha.pk, 10 + 3), (beta.pk, 10)]  # sign-ups have no rubric
    # Events older than the period do not count.
    PointEvent.objects.create(
        user_id=beta.pk,
        amount=100,
        rule=rules.RATING,
        rule_version=1,
        key="lama",
        created_at=timezone.now() - timedelta(days=10),
    )
    leaderboards.refresh()
    assert leaderboards.board(Period.WEEK)[0].user_id == alpha.pk
    assert leaderboards.board(Period.MONTH)[0].user_id == beta.pk
    # A suspended writer leaves the boards at the next refresh.
    moderation.suspend_account(alpha)
    leaderboards.refresh()
    assert alpha.pk not in set(LeaderboardEntry.objects.values_list("user_id", flat=True))


def test_an_event_queues_one_leaderboard_refresh_for_the_worker(
    django_capture_on_commit_callbacks: Any,
) -> None:
    points_actions._queued_at[0] = 0.0  # as in a process that has not queued one yet
    cache.delete(leaderboards.QUEUED_KEY)
    writer = seasoned("penulis")
    readers = [seasoned(f"pembaca{n}") for n in range(3)]
    article = publish(writer)
    cache.delete(leaderboards.QUEUED_KEY)
    DBTaskResult.objects.all().delete()
    for reader in readers:
        with django_capture_on_commit_callbacks(execute=True):
            articles.rate_article(reader, article, "unik")
    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_leaderboards")
    assert queued.count() == 1  # not one per event
    task = queued.get()
    assert task.run_after is not None and task.run_after > timezone.now()
    assert not LeaderboardEntry.objects.exists()  # nothing on the request path
    assert refresh_leaderboards.call() > 0
    assert leaderboards.board(Period.WEEK)[0].user_id == writer.pk
    assert cache.get(leaderboards.QUEUED_KEY) is None


def test_the_export_has_the_ledger_and_deletion_keeps_it_and_the_balances_exact() -> None:
    writer, reader = seasoned("penulis"), seasoned("pembaca")
    article = publish(writer)
    articles.rate_article(reader, article, "unik")
    comment(reader, article)
    data = export_personal_data(writer)["points"]
    assert data["balance"] == balance(writer) == 5 + 10 + 1 + 1
    assert [e["rule"] for e in data["events"]] == ["signup", "publish", "rating", "comment"]
    # The reader leaves: their rating and comment go, and so do the points they gave.
    delete_account(User.objects.get(pk=reader.pk))
    assert balance(writer) == ledger_sum(writer) == 5 + 10
    assert PointEvent.objects.filter(user_id=reader.pk).exists()  # the ledger keeps its rows
    out = StringIO()
    call_command("recompute_points", "--check", stdout=out)
    assert "0 differed" in out.getvalue()
