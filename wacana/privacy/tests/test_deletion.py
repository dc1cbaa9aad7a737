"""After an account is deleted nothing of the person is left to fetch or to query."""

from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client

from wacana.accounts.models import User
from wacana.discovery.models import SearchEntry
from wacana.discovery.stemming import stem
from wacana.notifications.models import Notification
from wacana.privacy import actions
from wacana.privacy.tests.support import WORD, Life, a_life
from wacana.testing.api import Api
from wacana.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def delete(life: Life, capture: Any) -> None:
    with capture(execute=True):  # the files go once the deletion commits
        response = Api(Client(), life.token).delete("/me", {"password": PASSWORD})
    assert response.status_code == 204, response.content
    assert not User.objects.filter(pk=life.person.pk).exists()


def files_of(life: Life) -> list[str]:
    person, article = life.person, life.published
    person.refresh_from_db()
    article.refresh_from_db()
    names = [
        person.avatar.name,
        person.avatar_small.name,
        article.image.name,
        article.image_medium.name,
        article.image_small.name,
        life.body_image.file.name,
    ]
    assert all(names)
    return names


def test_every_image_the_person_uploaded_is_gone_and_its_address_answers_404(
    django_capture_on_commit_callbacks: Any,
) -> None:
    life = a_life()
    names = files_of(life)
    visitor = Client()
    for name in names:
        assert visitor.get(default_storage.url(name)).status_code == 200
    delete(life, django_capture_on_commit_callbacks)
    for name in names:
        assert not default_storage.exists(name), name
        assert visitor.get(default_storage.url(name)).status_code == 404, name


def test_other_peoples_notifications_no_longer_name_or_link_to_the_person(
    django_capture_on_commit_callbacks: Any,
) -> None:
    life = a_life()
    friend = life.friend
    about = Notification.objects.filter(recipient=friend, actor=life.person)
    # The follow and the comment were told to the friend, with the person's name.
    assert {n.kind for n in about} == {"follower", "comment"}
    assert all("Warga Teladan" in n.message for n in about)
    delete(life, django_capture_on_commit_callbacks)

    left = Notification.objects.all()
    assert not [n.message for n in left if "Warga Teladan" in n.message]
    assert not [n.target_url for n in left if n.target_url.startswith("/warga")]
    inbox = Client()
    inbox.force_login(friend)
    page = inbox.get("/notifikasi")
    assert page.status_code == 200
    assert "Warga Teladan" not in page.content.decode()
    assert 'href="/warga"' not in page.content.decode()
    # The unread badge counts what is left.
    friend.refresh_from_db()
    unread = Notification.objects.filter(recipient=friend, read_at__isnull=True).count()
    assert friend.unread_notifications == unread


def test_notices_from_staff_stay_without_the_deleted_staff_member(
    django_capture_on_commit_callbacks: Any,
) -> None:
    life = a_life()
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_account(life.moderator)
    decision = Notification.objects.get(recipient=life.person, kind="moderation")
    assert decision.actor is None and decision.message


def search_rows_holding(word: str) -> int:
    """How many places of the full-text index's storage still hold `word`."""
    term = stem(word)
    with connection.cursor() as db:
        if connection.vendor == "postgresql":
            db.execute(
                "SELECT count(*) FROM discovery_searchentry WHERE document @@ %s::tsquery",
                [f"'{term}'"],
            )
        else:
            # FTS5 keeps its terms in the blocks of this shadow table; a term is stored
            # whole, or after the letters it shares with the term before it (none here:
            # no other indexed word begins with "q"), so its tail is searched for.
            db.execute(
                "SELECT count(*) FROM discovery_search_fts_data "
                "WHERE instr(block, CAST(%s AS BLOB)) > 0",
                [term[1:]],
            )
        (count,) = db.fetchone()
    return int(count)


def test_the_search_index_holds_no_word_of_the_deleted_articles(
    django_capture_on_commit_callbacks: Any,
) -> None:
    life = a_life()
    assert SearchEntry.objects.filter(author=life.person).exists()
    assert search_rows_holding(WORD) >= 1
    delete(life, django_capture_on_commit_callbacks)
    assert not SearchEntry.objects.filter(article_id=life.published.pk).exists()
    assert search_rows_holding(WORD) == 0
    assert search_rows_holding("qoxtrafulvensi") == 0
    # The index still answers for what is left.
    assert Client().get("/cari", {"q": "sahabat"}).status_code == 200
