"""Edits by staff to someone else's article are logged, and the writer is told."""

from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles import actions as article_actions
from wacana.articles.models import Article, Category
from wacana.moderation.actions import log_staff_edit
from wacana.moderation.models import ModerationAction
from wacana.notifications.models import Notification
from wacana.testing.api import api_for
from wacana.testing.personas import signed_in

pytestmark = pytest.mark.django_db


def test_an_editor_renaming_an_article_is_logged_and_the_writer_told(
    article: Article, writer: User, editor: User
) -> None:
    old_title = article.title
    response = api_for(editor).patch(f"/articles/{article.pk}", {"title": "Judul dari Redaksi"})
    assert response.status_code == 200, response.content
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.moderator_id, entry.subject_id) == (
        "staff_edit",
        editor.pk,
        writer.pk,
    )
    assert (entry.target_type, entry.target_id) == ("article", article.pk)
    assert entry.details == {"title": {"from": old_title, "to": "Judul dari Redaksi"}}
    assert entry.note
    notice = Notification.objects.get(recipient=writer)
    assert notice.kind == "moderation" and notice.actor == editor
    assert "Judul dari Redaksi" in notice.message
    article.refresh_from_db()
    assert notice.target_url == article.get_absolute_url()


def test_a_category_move_is_logged_with_both_slugs(
    article: Article, writer: User, editor: User
) -> None:
    response = api_for(editor).patch(f"/articles/{article.pk}", {"category": "sekolah"})
    assert response.status_code == 200
    entry = ModerationAction.objects.get()
    assert entry.details == {"category": {"from": "pertanian", "to": "sekolah"}}


def test_other_changes_by_staff_are_not_logged(article: Article, editor: User) -> None:
    response = api_for(editor).patch(
        f"/articles/{article.pk}",
        {"body": "Isi yang dirapikan.", "title": article.title, "category": "pertanian"},
    )
    assert response.status_code == 200
    assert not ModerationAction.objects.exists()


def test_writers_editing_their_own_articles_are_not_logged(article: Article, writer: User) -> None:
    api_for(writer).patch(f"/articles/{article.pk}", {"title": "Judul Baru Saya"})
    assert not ModerationAction.objects.exists()
    assert not Notification.objects.exists()


def test_a_refused_edit_logs_nothing(article: Article, editor: User) -> None:
    response = api_for(editor).patch(f"/articles/{article.pk}", {"title": ""})
    assert response.status_code == 422
    assert not ModerationAction.objects.exists()


def test_edits_in_the_admin_are_logged(article: Article, writer: User, admin_user: User) -> None:
    client = signed_in(admin_user)
    url = f"/admin/articles/article/{article.pk}/change/"
    assert client.get(url).status_code == 200
    sekolah = Category.objects.get(slug="sekolah")
    response = client.post(
        url,
        {
            "title": "Judul Versi Admin",
            "author": writer.pk,
            "category": sekolah.pk,
            "status": "published",
            "body": article.body,
            "image_caption": "",
            "image_source": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = ModerationAction.objects.get()
    assert entry.kind == "staff_edit" and entry.moderator_id == admin_user.pk
    assert entry.details["title"]["to"] == "Judul Versi Admin"
    assert entry.details["category"] == {"from": "pertanian", "to": "sekolah"}
    assert Notification.objects.filter(recipient=writer).count() == 1


def test_log_staff_edit_ignores_the_writer_and_empty_changes(
    article: Article, writer: User, editor: User
) -> None:
    assert log_staff_edit(writer, article, {"title": ("a", "b")}) is None
    assert log_staff_edit(editor, article, {}) is None
    assert not ModerationAction.objects.exists()


def _page_edit(client: Any, article: Article, **changes: str) -> Any:
    fields = {
        "title": article.title,
        "category": article.category.slug,
        "tags": "",
        "body": article.body,
        "image_caption": "",
        "image_source": "",
        "intent": "save",
    }
    return client.post(f"/tulis/{article.pk}", {**fields, **changes})


def test_an_editor_renaming_an_article_on_the_writing_page_is_logged_and_the_writer_told(
    article: Article, writer: User, editor: User
) -> None:
    old_title = article.title
    response = _page_edit(signed_in(editor), article, title="Judul dari Redaksi")
    assert response.status_code == 302
    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.moderator_id, entry.subject_id) == (
        "staff_edit",
        editor.pk,
        writer.pk,
    )
    assert (entry.target_type, entry.target_id) == ("article", article.pk)
    assert entry.details == {"title": {"from": old_title, "to": "Judul dari Redaksi"}}
    notice = Notification.objects.get(recipient=writer)
    assert notice.kind == "moderation" and notice.actor == editor
    assert "Judul dari Redaksi" in notice.message


def test_a_category_move_on_the_writing_page_is_logged(
    article: Article, writer: User, editor: User
) -> None:
    assert _page_edit(signed_in(editor), article, category="sekolah").status_code == 302
    entry = ModerationAction.objects.get()
    assert entry.details == {"category": {"from": "pertanian", "to": "sekolah"}}
    assert Notification.objects.filter(recipient=writer).count() == 1


def test_the_writer_saving_on_the_writing_page_is_not_logged(
    article: Article, writer: User
) -> None:
    assert _page_edit(signed_in(writer), article, title="Judul Baru Saya").status_code == 302
    assert not ModerationAction.objects.exists()
    assert not Notification.objects.exists()


def test_an_editor_saving_without_changes_on_the_writing_page_is_not_logged(
    article: Article, editor: User
) -> None:
    assert _page_edit(signed_in(editor), article).status_code == 302
    assert not ModerationAction.objects.exists()


def test_the_rule_lives_in_the_edit_action_itself(
    article: Article, writer: User, editor: User
) -> None:
    # Any future path calling the action logs too, with nothing to remember.
    article_actions.update_article(editor, article, {"title": "Diganti di Tempat Lain"})
    entry = ModerationAction.objects.get()
    assert entry.details["title"]["to"] == "Diganti di Tempat Lain"
    assert Notification.objects.filter(recipient=writer, kind="moderation").count() == 1
