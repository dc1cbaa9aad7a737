"""Nobody acts on someone above them (issue 10.7): a moderator or editor not on an
administrator's account or content, an administrator not on a superuser's. One rule,
accounts.roles.may_act_on, asked on every path; each path is tested here."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.accounts.roles import may_act_on
from wacana.articles.models import Article, Status
from wacana.discussion.models import Comment, CommentStatus
from wacana.moderation import actions
from wacana.moderation.models import Reason, Report, Target
from wacana.testing.api import api_for
from wacana.testing.content import add_comment, publish
from wacana.testing.personas import make_user, signed_in, with_role

pytestmark = pytest.mark.django_db

ROLES = ("writer", "moderator", "editor", "administrator", "superuser")


def person(role: str, name: str | None = None) -> User:
    username = name or f"{role[:8]}_x"
    if role == "writer":
        return make_user(username)
    if role == "moderator":
        return with_role(make_user(username), "moderator")
    if role == "editor":
        return with_role(make_user(username, is_staff=True), "editor")
    if role == "administrator":
        return with_role(make_user(username, is_staff=True), "administrator")
    return make_user(username, is_staff=True, is_superuser=True)


def allowed(actor: str, target: str) -> bool:
    if target == "administrator":
        return actor == "superuser"
    if target == "superuser":
        return actor == "superuser"
    return True


PAIRS = [(a, t) for a in ROLES[1:] for t in ROLES]


@pytest.fixture
def cast() -> dict[str, User]:
    """Every role twice: actors ("…_a") and targets ("…_t")."""
    found = {f"{role}_a": person(role, f"{role[:6]}_akt") for role in ROLES}
    found.update({f"{role}_t": person(role, f"{role[:6]}_sas") for role in ROLES})
    return found


@pytest.mark.parametrize(("actor", "target"), [(a, t) for a in ROLES for t in ROLES])
def test_the_rule_for_every_pair(cast: dict[str, User], actor: str, target: str) -> None:
    # (Whether a writer may act as staff at all is the callers' other rule.)
    assert may_act_on(cast[f"{actor}_a"], cast[f"{target}_t"]) is allowed(actor, target)


def test_own_account_and_no_owner(cast: dict[str, User]) -> None:
    admin = cast["administrator_a"]
    assert may_act_on(admin, admin)
    assert may_act_on(cast["moderator_a"], None)


# --- moderation: report resolution (API and page), hide, restore -----------------------


def report_on(target_type: str, target_id: int, reporter: User) -> Report:
    return Report.objects.create(
        reporter=reporter,
        target_type=target_type,
        target_id=target_id,
        subject_id=None,
        reason=Reason.SPAM,
        detail="",
    )


MOD_PAIRS = [(a, t) for a in ("moderator", "administrator", "superuser") for t in ROLES]


@pytest.mark.parametrize(("actor", "target"), MOD_PAIRS)
def test_suspend_through_a_report_in_the_api(
    cast: dict[str, User], actor: str, target: str
) -> None:
    victim = cast[f"{target}_t"]
    report = report_on(Target.ACCOUNT, victim.pk, cast["writer_a"])
    response = api_for(cast[f"{actor}_a"]).post(
        f"/moderation/reports/{report.pk}/resolve",
        {"action": "suspend", "note": "Akun spam.", "rule": "spam"},
    )
    victim.refresh_from_db()
    # A superuser is never suspended by a report, not even by another superuser.
    if allowed(actor, target) and target != "superuser":
        assert response.status_code == 200, response.content
        assert victim.suspended_at is not None
    else:
        assert response.status_code == 403, response.content
        assert response.json()["detail"]
        assert victim.is_active and victim.suspended_at is None


@pytest.mark.parametrize(("actor", "target"), MOD_PAIRS)
def test_hide_an_article_through_a_report_in_the_api(
    cast: dict[str, User], actor: str, target: str
) -> None:
    article = publish(cast[f"{target}_t"])
    report = report_on(Target.ARTICLE, article.pk, cast["writer_a"])
    response = api_for(cast[f"{actor}_a"]).post(
        f"/moderation/reports/{report.pk}/resolve",
        {"action": "hide", "note": "Iklan.", "rule": "spam"},
    )
    article.refresh_from_db()
    if allowed(actor, target):
        assert response.status_code == 200, response.content
        assert article.status == Status.HIDDEN
    else:
        assert response.status_code == 403, response.content
        assert article.status == Status.PUBLISHED
        assert Report.objects.get(pk=report.pk).status == "open"


@pytest.mark.parametrize(("actor", "target"), MOD_PAIRS)
def test_direct_hide_of_a_comment_on_the_moderation_page(
    cast: dict[str, User], actor: str, target: str
) -> None:
    article = publish(cast["writer_t"])
    comment = add_comment(article, cast[f"{target}_t"])
    response = signed_in(cast[f"{actor}_a"]).post(
        "/moderasi/tindakan",
        {"target": "comment", "id": comment.pk, "action": "hide", "note": "x", "rule": "spam"},
    )
    comment.refresh_from_db()
    if allowed(actor, target):
        assert response.status_code == 302, response.content
        assert comment.status == CommentStatus.HIDDEN
    else:
        assert response.status_code == 403
        assert comment.status == CommentStatus.VISIBLE


@pytest.mark.parametrize(("actor", "target"), MOD_PAIRS)
def test_restore_in_the_api(cast: dict[str, User], actor: str, target: str) -> None:
    article = publish(cast[f"{target}_t"])
    boss = person("superuser", "bos_besar")
    actions.decide(boss, Target.ARTICLE, article.pk, "hide", "Disembunyikan.", "spam")
    response = api_for(cast[f"{actor}_a"]).post(
        "/moderation/restore", {"target": "article", "id": article.pk, "note": "Kembali."}
    )
    article.refresh_from_db()
    if allowed(actor, target):
        assert response.status_code == 200, response.content
        assert article.status == Status.PUBLISHED
    else:
        assert response.status_code == 403, response.content
        assert article.status == Status.HIDDEN


# --- staff edits of articles (API and page), deleting others' comments -----------------

STAFF_PAIRS = [(a, t) for a in ("editor", "administrator", "superuser") for t in ROLES]


@pytest.mark.parametrize(("actor", "target"), STAFF_PAIRS)
def test_staff_edit_of_an_article_in_the_api(
    cast: dict[str, User], actor: str, target: str
) -> None:
    article = publish(cast[f"{target}_t"])
    api = api_for(cast[f"{actor}_a"])
    response = api.patch(f"/articles/{article.pk}", {"title": "Judul Diganti Staf"})
    title = Article.objects.get(pk=article.pk).title
    if allowed(actor, target):
        assert response.status_code == 200, response.content
        assert title == "Judul Diganti Staf"
    else:
        # 403 for a published article anyone can read (404 where it would leak a draft).
        assert response.status_code in (403, 404), response.content
        assert title == article.title
        assert api.delete(f"/articles/{article.pk}").status_code in (403, 404)
        assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize(("actor", "target"), STAFF_PAIRS)
def test_staff_edit_of_an_article_on_the_writing_page(
    cast: dict[str, User], actor: str, target: str
) -> None:
    article = publish(cast[f"{target}_t"])
    client = signed_in(cast[f"{actor}_a"])
    data = {
        "title": "Judul Diganti Staf",
        "category": article.category.slug,
        "tags": "",
        "body": "Isi baru.",
    }
    response = client.post(f"/tulis/{article.pk}", data)
    title = Article.objects.get(pk=article.pk).title
    if allowed(actor, target):
        assert response.status_code == 302
        assert title == "Judul Diganti Staf"
    else:
        assert response.status_code == 404
        assert title == article.title
        assert client.post(f"/tulis/{article.pk}/hapus").status_code == 404
        assert (
            client.post(f"/tulis/{article.pk}/status", {"intent": "unpublish"}).status_code == 404
        )
        assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


@pytest.mark.parametrize(("actor", "target"), STAFF_PAIRS)
def test_deleting_someone_elses_comment(cast: dict[str, User], actor: str, target: str) -> None:
    article = publish(cast["writer_t"])
    first = add_comment(article, cast[f"{target}_t"], "Komentar pertama.")
    second = add_comment(article, cast[f"{target}_t"], "Komentar kedua.")
    response = api_for(cast[f"{actor}_a"]).delete(f"/comments/{first.pk}")
    page = signed_in(cast[f"{actor}_a"]).post(f"/komentar/{second.pk}/hapus")
    statuses = set(
        Comment.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    )
    if allowed(actor, target):
        assert response.status_code == 204, response.content
        assert page.status_code == 302
        assert statuses <= {CommentStatus.DELETED}
    else:
        assert response.status_code == 403, response.content
        assert page.status_code == 403
        assert statuses == {CommentStatus.VISIBLE}


def test_the_thread_asks_the_authors_groups_once(cast: dict[str, User]) -> None:
    article = publish(cast["writer_t"])
    client = signed_in(cast["editor_a"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/articles/{article.pk}/comments").status_code == 200
        return len(captured)

    add_comment(article, cast["administrator_t"])
    before = queries()
    for role in ("writer", "moderator", "superuser", "editor"):
        add_comment(article, cast[f"{role}_t"])
    assert queries() == before
    items = client.get(f"/api/v1/articles/{article.pk}/comments").json()["items"]
    by_author = {item["author"]["username"]: item["can_delete"] for item in items}
    assert by_author[cast["administrator_t"].username] is False
    assert by_author[cast["writer_t"].username] is True


# --- the admin ---------------------------------------------------------------------------


def admin_client(user: User) -> Client:
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["accounts", "articles"])
    )
    return signed_in(User.objects.get(pk=user.pk))


ADMIN_PAIRS = [("administrator", t) for t in ROLES] + [("editor", "administrator")]


@pytest.mark.parametrize(("actor", "target"), ADMIN_PAIRS)
def test_admin_user_change_and_verify(cast: dict[str, User], actor: str, target: str) -> None:
    victim = cast[f"{target}_t"]
    client = admin_client(cast[f"{actor}_a"])
    change = client.get(f"/admin/accounts/user/{victim.pk}/change/")
    delete = client.get(f"/admin/accounts/user/{victim.pk}/delete/")
    client.post(
        "/admin/accounts/user/",
        {"action": "mark_verified", "_selected_action": [victim.pk]},
    )
    client.post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [victim.pk], "post": "yes"},
    )
    if allowed(actor, target):
        assert b'name="_save"' in change.content
        assert delete.status_code == 200
        assert not User.objects.filter(pk=victim.pk).exists()
    else:
        # Read-only at most, never deletable, never changed by a bulk action.
        assert b'name="_save"' not in change.content
        assert delete.status_code == 403
        victim.refresh_from_db()
        assert victim.verified is False and victim.is_active


@pytest.mark.parametrize(("actor", "target"), ADMIN_PAIRS)
def test_admin_article_change_and_delete(cast: dict[str, User], actor: str, target: str) -> None:
    article = publish(cast[f"{target}_t"])
    client = admin_client(cast[f"{actor}_a"])
    change = client.get(f"/admin/articles/article/{article.pk}/change/")
    delete = client.get(f"/admin/articles/article/{article.pk}/delete/")
    client.post(
        "/admin/articles/article/",
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    if allowed(actor, target):
        assert b'name="_save"' in change.content
        assert delete.status_code == 200
        assert not Article.objects.filter(pk=article.pk).exists()
    else:
        assert b'name="_save"' not in change.content
        assert delete.status_code == 403
        assert Article.objects.filter(pk=article.pk).exists()


def test_admin_cannot_post_a_change_to_a_superuser(cast: dict[str, User]) -> None:
    boss = cast["superuser_t"]
    client = admin_client(cast["administrator_a"])
    response = client.post(
        f"/admin/accounts/user/{boss.pk}/change/",
        {"username": boss.username, "email": "diambil@example.com", "display_name": "Diambil"},
    )
    assert response.status_code in (302, 403)
    boss.refresh_from_db()
    assert boss.email != "diambil@example.com"
    assert json.dumps(boss.is_superuser) == "true"


@pytest.mark.parametrize(("actor", "target"), MOD_PAIRS)
def test_deciding_an_appeal(cast: dict[str, User], actor: str, target: str) -> None:
    owner = cast[f"{target}_t"]
    article = publish(owner)
    boss = person("superuser", "bos_besar")
    entry = actions.decide(boss, Target.ARTICLE, article.pk, "hide", "Disembunyikan.", "spam")
    appeal = actions.file_appeal(owner, entry, "Tolong tinjau lagi.")
    response = api_for(cast[f"{actor}_a"]).post(
        f"/moderation/appeals/{appeal.pk}/decide", {"decision": "grant", "note": "Dikabulkan."}
    )
    article.refresh_from_db()
    if allowed(actor, target):
        assert response.status_code == 200, response.content
        assert article.status == Status.PUBLISHED
    else:
        assert response.status_code == 403, response.content
        assert article.status == Status.HIDDEN
