"""Editorial curation: editor's picks ("Pilihan") and headlines ("Artikel Utama").

Who may curate (anonymous, reader, the writer, a moderator who is not an editor, an
editor, a superuser) through the API, the article page's forms and the admin; what
may be curated; the labels; and the writer told once.
"""

from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles import actions
from wacana.articles.models import Article
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import curate, draft, fresh, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_editor, make_user, signed_in

pytestmark = pytest.mark.django_db

KINDS = ("pick", "headline")


@pytest.fixture
def editor(db: Any) -> User:
    return make_editor()


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer, "Sekolah di Atas Bukit")


# --- the role ---------------------------------------------------------------------------


def test_who_is_an_editor(
    editor: User, reader: User, writer: User, moderator: User, admin_user: User
) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert is_editor(editor)
    assert is_editor(admin_user)
    assert not is_editor(reader)
    assert not is_editor(writer)
    assert not is_editor(moderator)
    assert not is_editor(AnonymousUser())
    editor.is_active = False
    assert not is_editor(editor)


# --- API --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", ["put", "delete"])
def test_anonymous_callers_are_401(anon_api: Api, article: Article, kind: str, method: str) -> None:
    assert_error_shape(getattr(anon_api, method)(f"/articles/{article.pk}/{kind}"), 401)
    assert fresh(article).picked_at is None and fresh(article).headline_at is None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", ["reader", "writer", "moderator"])
def test_readers_writers_and_moderators_who_are_not_editors_are_403(
    request: pytest.FixtureRequest, article: Article, kind: str, who: str
) -> None:
    api = api_for(request.getfixturevalue(who))
    body = assert_error_shape(api.put(f"/articles/{article.pk}/{kind}"), 403)
    assert "editor" in body["detail"].lower() or "redaktur" in body["detail"].lower()
    assert_error_shape(api.delete(f"/articles/{article.pk}/{kind}"), 403)
    assert fresh(article).picked_at is None and fresh(article).headline_at is None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_editors_and_superusers_curate_idempotently(
    request: pytest.FixtureRequest, article: Article, kind: str, who: str
) -> None:
    user = request.getfixturevalue(who)
    api = api_for(user)
    flag, at = ("editors_pick", "picked_at") if kind == "pick" else ("headline", "headline_at")

    for _ in range(2):
        response = api.put(f"/articles/{article.pk}/{kind}")
        assert response.status_code == 204, response.content
    body = api.get(f"/articles/{article.pk}").json()
    assert body[flag] is True and body[at] is not None
    stored = fresh(article)
    by = stored.picked_by_id if kind == "pick" else stored.headline_by_id
    assert by == user.pk
    summary = next(
        item for item in api.get("/articles").json()["items"] if item["id"] == article.pk
    )
    assert summary[flag] is True and summary[at] == body[at]

    for _ in range(2):
        assert api.delete(f"/articles/{article.pk}/{kind}").status_code == 204
    body = api.get(f"/articles/{article.pk}").json()
    assert body[flag] is False and body[at] is None


def test_article_json_carries_the_flags_unset(anon_api: Api, article: Article) -> None:
    body = anon_api.get(f"/articles/{article.pk}").json()
    assert body["editors_pick"] is False and body["picked_at"] is None
    assert body["headline"] is False and body["headline_at"] is None


@pytest.mark.parametrize("article_id", ["987654", "0", "99999999999999999999"])
def test_an_unknown_article_is_404(editor: User, article_id: str) -> None:
    api = api_for(editor)
    for kind in KINDS:
        assert_error_shape(api.put(f"/articles/{article_id}/{kind}"), 404)
        assert_error_shape(api.delete(f"/articles/{article_id}/{kind}"), 404)


@pytest.mark.parametrize("article_id", ["abc", "-1", "1.5", "%00"])
def test_an_id_that_is_not_a_number_is_a_client_error(editor: User, article_id: str) -> None:
    response = api_for(editor).put(f"/articles/{article_id}/pick")
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["detail"]


def test_a_draft_is_409_to_an_editor_and_a_superuser(
    editor: User, admin_user: User, writer: User
) -> None:
    # Editors are staff (accounts.roles): they may open a draft, as a superuser may, and
    # are told it cannot be curated. (Before roles decided, only is_staff editors could.)
    unfinished = draft(writer, "Masih Draf")
    for kind in KINDS:
        assert_error_shape(api_for(editor).put(f"/articles/{unfinished.pk}/{kind}"), 409)
        body = assert_error_shape(api_for(admin_user).put(f"/articles/{unfinished.pk}/{kind}"), 409)
        assert (
            body["detail"]
            == "Hanya artikel yang sudah terbit yang bisa menjadi Pilihan atau Artikel Utama."
        )
    assert fresh(unfinished).picked_at is None and fresh(unfinished).headline_at is None


def test_a_hidden_article_cannot_be_picked(
    editor: User, admin_user: User, article: Article
) -> None:
    actions.hide_article(fresh(article))
    assert_error_shape(api_for(editor).put(f"/articles/{article.pk}/pick"), 409)
    assert_error_shape(api_for(admin_user).put(f"/articles/{article.pk}/headline"), 409)
    assert not Notification.objects.filter(kind__in=("picked", "headline")).exists()


def test_picking_is_not_an_edit(editor: User, article: Article) -> None:
    before = fresh(article).updated_at
    api_for(editor).put(f"/articles/{article.pk}/pick")
    api_for(editor).put(f"/articles/{article.pk}/headline")
    assert fresh(article).updated_at == before


# --- notifications ---------------------------------------------------------------------


def test_the_writer_is_told_once_per_kind_however_often_editors_toggle(
    editor: User, writer: User, article: Article
) -> None:
    api = api_for(editor)
    other_editor = api_for(make_editor("redaktur2"))
    for _ in range(3):
        api.put(f"/articles/{article.pk}/pick")
        api.delete(f"/articles/{article.pk}/pick")
    other_editor.put(f"/articles/{article.pk}/pick")
    api.put(f"/articles/{article.pk}/headline")
    api.delete(f"/articles/{article.pk}/headline")
    api.put(f"/articles/{article.pk}/headline")

    told = Notification.objects.filter(recipient=writer).order_by("id")
    assert [n.kind for n in told] == ["picked", "headline"]
    assert (
        told[0].message == "Artikel Anda “Sekolah di Atas Bukit” dipilih redaksi sebagai Pilihan."
    )
    assert told[1].message == "Artikel Anda “Sekolah di Atas Bukit” dipilih sebagai Artikel Utama."
    assert told[0].actor_id == editor.pk
    assert told[0].target_url == article.get_absolute_url()
    writer.refresh_from_db()
    assert writer.unread_notifications == 2


def test_an_editor_picking_their_own_article_is_not_told(editor: User) -> None:
    own = publish(editor, "Tulisan Redaktur Sendiri")
    assert api_for(editor).put(f"/articles/{own.pk}/pick").status_code == 204
    assert fresh(own).picked_at is not None
    assert not Notification.objects.filter(recipient=editor).exists()


# --- the article page's forms ----------------------------------------------------------


def _curate_url(article: Article) -> str:
    return f"/tulis/{article.pk}/kurasi"


def test_only_editors_see_the_curation_forms(
    client: Client, editor: User, reader: User, writer: User, moderator: User, article: Article
) -> None:
    url = article.get_absolute_url()
    mark = indonesian("Mark as editor's pick")
    headline = indonesian("Make headline")
    assert mark not in client.get(url).content.decode()
    for person in (reader, writer, moderator):
        assert mark not in signed_in(person).get(url).content.decode()
    html = signed_in(editor).get(url).content.decode()
    assert mark in html and headline in html
    assert f'action="{_curate_url(article)}"' in html


def test_anonymous_posts_go_to_sign_in(client: Client, article: Article) -> None:
    response = client.post(_curate_url(article), {"kind": "pick", "action": "add"})
    assert response.status_code == 302 and "/masuk" in response["Location"]
    assert fresh(article).picked_at is None


@pytest.mark.parametrize("who", ["reader", "writer", "moderator"])
def test_non_editors_posting_the_form_are_refused(
    request: pytest.FixtureRequest, article: Article, who: str
) -> None:
    client = signed_in(request.getfixturevalue(who))
    response = client.post(_curate_url(article), {"kind": "pick", "action": "add"})
    assert response.status_code == 403
    assert fresh(article).picked_at is None


def test_an_editor_picks_and_unpicks_with_the_forms(
    editor: User, writer: User, article: Article
) -> None:
    client = signed_in(editor)
    response = client.post(_curate_url(article), {"kind": "pick", "action": "add"}, follow=True)
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    html = response.content.decode()
    assert indonesian("The article is now an editor's pick.") in html
    assert indonesian("Remove from editor's picks") in html
    assert fresh(article).picked_at is not None

    client.post(_curate_url(article), {"kind": "headline", "action": "add"})
    assert fresh(article).headline_at is not None
    client.post(_curate_url(article), {"kind": "headline", "action": "remove"})
    client.post(_curate_url(article), {"kind": "pick", "action": "remove"})
    stored = fresh(article)
    assert stored.picked_at is None and stored.headline_at is None
    assert Notification.objects.filter(recipient=writer).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "sticky", "action": "add"},
        {"kind": "pick", "action": "toggle"},
        {"kind": "pick"},
        {},
        {"kind": "pick" * 1000, "action": "add"},
    ],
)
def test_bad_form_input_is_400(editor: User, article: Article, data: dict[str, str]) -> None:
    response = signed_in(editor).post(_curate_url(article), data)
    assert response.status_code == 400
    assert fresh(article).picked_at is None


def test_bad_ids_and_methods(editor: User, writer: User) -> None:
    client = signed_in(editor)
    assert client.post("/tulis/987654/kurasi", {"kind": "pick", "action": "add"}).status_code == 404
    assert client.post("/tulis/abc/kurasi", {"kind": "pick", "action": "add"}).status_code == 404
    # An editor may open a draft (editors are staff: accounts.roles) but not pick it.
    unfinished = draft(writer, "Masih Draf")
    assert (
        client.post(_curate_url(unfinished), {"kind": "pick", "action": "add"}).status_code == 302
    )
    assert fresh(unfinished).picked_at is None
    article = publish(writer)
    assert client.get(_curate_url(article)).status_code == 405


def test_a_superuser_is_told_a_draft_cannot_be_picked(admin_user: User, writer: User) -> None:
    unfinished = draft(writer, "Masih Draf")
    response = signed_in(admin_user).post(
        _curate_url(unfinished), {"kind": "pick", "action": "add"}, follow=True
    )
    assert response.status_code == 200
    assert (
        "Hanya artikel yang sudah terbit yang bisa menjadi Pilihan atau Artikel Utama."
        in response.content.decode()
    )
    assert fresh(unfinished).picked_at is None


def test_the_form_needs_the_csrf_token(editor: User, article: Article) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(_curate_url(article), {"kind": "pick", "action": "add"})
    assert response.status_code == 403
    assert fresh(article).picked_at is None


# --- labels ------------------------------------------------------------------------------


def test_labels_show_on_the_article_page_even_after_it_was_cached(
    client: Client, editor: User, article: Article
) -> None:
    url = article.get_absolute_url()
    pick_label = '<span class="label">Pilihan</span>'
    headline_label = '<span class="label label-headline">Artikel Utama</span>'
    html = client.get(url).content.decode()  # the anonymous block is cached now
    assert pick_label not in html and headline_label not in html
    curate(editor, article, actions.PICK)
    html = client.get(url).content.decode()
    assert pick_label in html and headline_label not in html
    curate(editor, article, actions.HEADLINE)
    html = client.get(url).content.decode()
    assert pick_label in html and headline_label in html
    curate(editor, article, actions.PICK, on=False)
    curate(editor, article, actions.HEADLINE, on=False)
    html = client.get(url).content.decode()
    assert pick_label not in html and headline_label not in html


def test_labels_show_on_cards_in_listings(client: Client, editor: User, writer: User) -> None:
    picked = publish(writer, "Yang Dipilih")
    plain = publish(writer, "Yang Biasa")
    curate(editor, picked, actions.PICK)
    html = client.get("/kategori/sekolah").content.decode()
    cards = html.split('<li class="card">')[1:]
    by_title = {
        next(t for t in ("Yang Dipilih", "Yang Biasa") if t in card): card for card in cards
    }
    assert '<span class="label">Pilihan</span>' in by_title["Yang Dipilih"]
    assert "Pilihan" not in by_title["Yang Biasa"]
    assert plain.pk != picked.pk


# --- admin actions -----------------------------------------------------------------------


def test_admin_actions_curate_for_editors_only(admin_user: User, writer: User) -> None:
    article = publish(writer)
    unfinished = draft(writer, "Masih Draf")
    client = signed_in(admin_user)
    response = client.post(
        "/admin/articles/article/",
        {"action": "add_pick", "_selected_action": [article.pk, unfinished.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert fresh(article).picked_at is not None
    assert fresh(unfinished).picked_at is None  # skipped, with a warning
    client.post(
        "/admin/articles/article/",
        {"action": "add_headline", "_selected_action": [article.pk]},
    )
    assert fresh(article).headline_at is not None

    staff = make_user("staf.biasa", is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(*Permission.objects.filter(codename__endswith="_article"))
    signed_in(staff).post(
        "/admin/articles/article/",
        {"action": "remove_pick", "_selected_action": [article.pk]},
    )
    assert fresh(article).picked_at is not None  # not an editor: nothing changed
