"""The public transparency report: monthly counts, no people, cached for an hour."""

from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.moderation import actions, transparency
from wacana.moderation.models import ModerationAction, Report
from wacana.testing.content import file_report, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import reporters

pytestmark = pytest.mark.django_db


def _month_ago() -> Any:
    """A moment in the middle of last month (Jakarta time)."""
    this_month = transparency.month_starts(timezone.now(), 2)
    return this_month[1] + timedelta(days=10, hours=5)


def test_counts_per_month_by_reason_kind_and_appeal_outcome(
    settings: Any, article: Article, writer: User, moderator: User, moderator2: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 3
    other = publish(writer, "Tulisan Kedua")
    people = reporters(3)
    file_report(people[0], "article", other.pk, "spam")
    file_report(people[1], "article", other.pk, "spam")
    hidden = actions.decide(moderator, "article", other.pk, "hide", "Iklan.")
    for person in people:
        file_report(person, "article", article.pk, "hoaks")  # the third one hides it automatically
    auto = ModerationAction.objects.get(kind="auto_hide")
    granted = actions.file_appeal(writer, hidden, "Bukan iklan.")
    actions.decide_appeal(moderator2, granted, True, "Benar, bukan iklan.")
    actions.file_appeal(writer, auto, "Bukan hoaks.")

    (month, *_older) = transparency.compute()
    assert month.reports == {"spam": 2, "hoaks": 3}
    assert month.actions == {"hide": 1, "auto_hide": 1, "appeal_granted": 1}
    assert month.appeals == {"granted": 1, "open": 1}
    assert (month.report_total, month.action_total, month.appeal_total) == (5, 3, 2)
    assert all(older.is_empty for older in _older)
    assert len(_older) == transparency.MONTHS - 1


def test_the_median_response_time_is_computed_per_month(article: Article, moderator: User) -> None:
    made = [file_report(person, "article", article.pk) for person in reporters(3)]
    for report, hours in zip(made, (2, 4, 9), strict=True):
        Report.objects.filter(pk=report.pk).update(
            created_at=timezone.now() - timedelta(hours=hours)
        )
    actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    # One more, resolved last month: it belongs to last month's median only.
    old = file_report(reporters(1, "lama")[0], "article", article.pk)
    before = _month_ago()
    Report.objects.filter(pk=old.pk).update(
        created_at=before - timedelta(hours=30),
        resolved_at=before,
        status="resolved",
        outcome="dismissed",
    )
    this, last, *_ = transparency.compute()
    assert this.median_response is not None
    assert abs(this.median_response - timedelta(hours=4)) < timedelta(minutes=1)
    assert last.median_response == timedelta(hours=30)
    assert last.reports == {"spam": 1}


def test_open_reports_do_not_count_towards_the_median(article: Article, reader: User) -> None:
    report = file_report(reader, "article", article.pk)
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=2))
    (month, *_) = transparency.compute()
    assert month.median_response is None
    assert month.reports == {"spam": 1}


def test_entries_fall_in_the_month_they_were_made(article: Article, moderator: User) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    with mock.patch("django.utils.timezone.now", return_value=_month_ago()):
        actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    this, last, *_ = transparency.compute()
    assert this.actions == {}
    assert last.actions == {"dismiss": 1}


def test_the_page_shows_counts_and_no_people(
    client: Client, article: Article, writer: User, moderator: User
) -> None:
    file_report(reporters(1)[0], "article", article.pk, "hoaks", "Penulisnya bohong soal vaksin.")
    actions.decide(moderator, "article", article.pk, "hide", "Catatan rahasia moderator.")
    response = client.get("/transparansi")
    assert response.status_code == 200
    html = response.content.decode()
    assert indonesian("Hoax or disinformation") in html
    assert indonesian("Content hidden") in html
    assert '<strong class="median">0 menit</strong>' in html
    for private in (
        "@" + writer.username,
        writer.display_name,
        moderator.username,
        "pelapor0",
        article.title,
        "Penulisnya bohong",
        "Catatan rahasia",
    ):
        assert private not in html


def test_the_page_says_when_there_is_nothing_yet(client: Client) -> None:
    html = client.get("/transparansi").content.decode()
    assert (
        indonesian("Nothing to report yet: no reports or decisions in the last twelve months.")
        in html
    )


def test_the_figures_are_cached_for_an_hour(client: Client, article: Article) -> None:
    file_report(reporters(1)[0], "article", article.pk, "hoaks")
    client.get("/transparansi")
    file_report(reporters(1, "baru")[0], "article", article.pk, "sara")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/transparansi").content.decode()
    assert not [q for q in queries.captured_queries if "moderation_" in q["sql"]]
    assert indonesian("Hatred based on ethnicity, religion, race or group (SARA)") not in html
    with mock.patch("django.core.cache.cache.set") as remember:
        transparency.clear()
        transparency.figures()
    assert remember.call_args.args[2] == 60 * 60
    transparency.clear()
    html = client.get("/transparansi").content.decode()
    assert "SARA" in html


def test_the_footer_links_to_the_report(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'href="/transparansi"' in html and "Transparansi" in html
