"""The moderation log: readable by moderators, changeable by nobody, on either database."""

from typing import Any

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.test import Client, RequestFactory

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.moderation import actions
from wacana.moderation.models import AppendOnly, ModerationAction
from wacana.testing.api import delete_account
from wacana.testing.content import file_report, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, reporters, signed_in, with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(article: Article, moderator: User) -> ModerationAction:
    file_report(reporters(1)[0], "article", article.pk, "spam")
    return actions.decide(moderator, "article", article.pk, "hide", "Tautan toko.")


def _unchanged(entry: ModerationAction) -> None:
    fresh = ModerationAction.objects.get(pk=entry.pk)
    assert (fresh.kind, fresh.note, fresh.moderator_id) == (
        entry.kind,
        entry.note,
        entry.moderator_id,
    )


# --- append-only -------------------------------------------------------------------------


def test_the_database_has_the_triggers() -> None:
    assert connection.vendor in ("sqlite", "postgresql")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'moderation_moderationaction'"
            )
            assert {row[0] for row in cursor.fetchall()} == {
                "moderation_log_no_update",
                "moderation_log_no_delete",
            }
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger "
                "WHERE tgrelid = 'moderation_moderationaction'::regclass AND NOT tgisinternal"
            )
            assert {row[0] for row in cursor.fetchall()} == {"moderation_log_no_change"}


def test_the_model_refuses_to_save_a_changed_entry(entry: ModerationAction) -> None:
    entry.note = "Ditulis ulang."
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.save(update_fields=["note"])
    _unchanged(ModerationAction.objects.get(pk=entry.pk))
    assert ModerationAction.objects.get(pk=entry.pk).note == "Tautan toko."


def test_the_model_refuses_to_delete_an_entry(entry: ModerationAction) -> None:
    with pytest.raises(AppendOnly):
        entry.delete()
    assert ModerationAction.objects.filter(pk=entry.pk).exists()


def test_queryset_update_is_refused_by_the_database(entry: ModerationAction) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=entry.pk).update(note="Ditulis ulang.")
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.all().update(moderator_id=None)
    assert ModerationAction.objects.get(pk=entry.pk).note == "Tautan toko."


def test_queryset_delete_is_refused_by_the_database(entry: ModerationAction) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.all().delete()
    assert ModerationAction.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE moderation_moderationaction SET note = 'x'",
        "UPDATE moderation_moderationaction SET kind = 'dismiss' WHERE id = %s",
        "DELETE FROM moderation_moderationaction WHERE id = %s",
        "DELETE FROM moderation_moderationaction",
    ],
)
def test_raw_sql_cannot_rewrite_history(entry: ModerationAction, sql: str) -> None:
    params = [entry.pk] if "%s" in sql else []
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
    _unchanged(entry)


def test_new_entries_can_still_be_added(entry: ModerationAction, moderator2: User) -> None:
    article = Article.objects.get(pk=entry.target_id)
    actions.decide(moderator2, "article", article.pk, "restore", "Keliru.")
    assert ModerationAction.objects.count() == 2


def test_deleting_accounts_keeps_the_log(
    entry: ModerationAction, writer: User, moderator: User
) -> None:
    actions.file_appeal(writer, entry, "Mohon.")
    ids = (moderator.pk, writer.pk)
    delete_account(writer)
    delete_account(moderator)
    kept = ModerationAction.objects.get(pk=entry.pk)
    assert (kept.moderator_id, kept.subject_id) == ids


# --- the admin ---------------------------------------------------------------------------


def test_the_admin_shows_the_log_read_only_even_to_superusers(
    entry: ModerationAction, admin_user: User
) -> None:
    model_admin = admin.site._registry[ModerationAction]
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    assert model_admin.has_view_permission(request, entry)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    client = signed_in(admin_user)
    base = "/admin/moderation/moderationaction/"
    assert client.get(base).status_code == 200
    page = client.get(f"{base}{entry.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(f"{base}add/").status_code == 403
    assert client.get(f"{base}{entry.pk}/delete/").status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/change/", {"note": "x"}).status_code == 403
    bulk = client.post(
        base, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert bulk.status_code in (200, 302, 403)
    assert ModerationAction.objects.filter(pk=entry.pk, note="Tautan toko.").exists()


def test_reports_and_appeals_are_read_only_in_the_admin(admin_user: User) -> None:
    from wacana.moderation.models import Appeal, Report

    request = RequestFactory().get("/admin/")
    request.user = admin_user
    for model in (Report, Appeal):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
    client = signed_in(admin_user)
    assert client.get("/admin/moderation/report/").status_code == 200
    assert client.get("/admin/moderation/appeal/").status_code == 200


# --- the log page ------------------------------------------------------------------------


def test_the_log_page_shows_who_what_when_and_why(
    settings: Any, article: Article, moderator: User, moderator2: User, writer: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    made = [file_report(person, "article", article.pk, "hoaks") for person in reporters(2)]
    actions.decide(moderator, "article", article.pk, "hide", "Klaim palsu.")
    gone = with_role(make_user("mantan.mod"), "moderator")
    other = publish(writer, "Tulisan Lain")
    file_report(reporters(1, "lain")[0], "article", other.pk)
    actions.decide(gone, "article", other.pk, "dismiss", "Aman.")
    delete_account(gone)
    html = signed_in(moderator2).get("/moderasi/log").content.decode()
    assert html.count('<tr id="entry-') == 3
    assert indonesian("Hidden automatically pending review") in html
    assert indonesian("Content hidden") in html
    assert "sistem" in html and "akun terhapus" in html and moderator.username in html
    assert 'href="/pedoman#hoaks"' in html
    assert "Klaim palsu." in html
    for report in made:
        assert f"#{report.pk}" in html
    assert "@penulis" in html


def test_the_log_page_is_keyset_paginated(moderator: User, writer: User) -> None:
    for n in range(22):
        item = publish(writer, f"Tulisan {n}")
        file_report(reporters(1, f"p{n}x")[0], "article", item.pk)
        actions.decide(moderator, "article", item.pk, "dismiss", f"Catatan nomor {n}.")
    client = signed_in(moderator)
    first = client.get("/moderasi/log").content.decode()
    assert first.count('<tr id="entry-') == 20
    assert "Catatan nomor 21." in first and "Catatan nomor 1." not in first
    link = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = client.get(f"/moderasi/log{link}").content.decode()
    assert second.count('<tr id="entry-') == 2
    assert "Catatan nomor 1." in second and "Catatan nomor 0." in second
    assert client.get("/moderasi/log?cursor=rusak").status_code == 404


def test_the_log_page_is_empty_at_first(client: Client, moderator: User) -> None:
    html = signed_in(moderator).get("/moderasi/log").content.decode()
    assert indonesian("No decisions yet.") in html
