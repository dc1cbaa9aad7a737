"""Who may do what with a comment, over every comment endpoint and page.

The cast: anonymous, an ordinary reader, the comment's writer, the article's writer, a
moderator (not staff: moderators hide through the moderation tools, not here) and an
administrator (staff: may delete anyone's comment, never edit it).
"""

from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion import actions
from wacana.discussion.models import Comment
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import assert_count_exact, comment
from wacana.testing.personas import signed_in

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "commenter", "writer", "moderator", "admin_user"]


def person(request: pytest.FixtureRequest, role: str) -> User | None:
    return None if role == "anonymous" else request.getfixturevalue(role)


def api_as(user: User | None) -> Api:
    return Api(Client()) if user is None else api_for(user)


def client_as(user: User | None) -> Client:
    return Client() if user is None else signed_in(user)


@pytest.fixture
def target(article: Article, commenter: User) -> Comment:
    return comment(commenter, article, "Komentar yang diuji.")


def unchanged(target: Comment) -> bool:
    fresh = Comment.objects.filter(pk=target.pk).first()
    return bool(fresh and fresh.body == "Komentar yang diuji." and fresh.status == "visible")


# --- the API -------------------------------------------------------------------------------

API_EXPECTED: dict[str, dict[str, int]] = {
    #                    anon reader commenter writer moderator admin
    "list": dict(zip(ROLES, [200, 200, 200, 200, 200, 200], strict=True)),
    "read": dict(zip(ROLES, [200, 200, 200, 200, 200, 200], strict=True)),
    "post": dict(zip(ROLES, [401, 201, 201, 201, 201, 201], strict=True)),
    "reply": dict(zip(ROLES, [401, 201, 201, 201, 201, 201], strict=True)),
    "edit": dict(zip(ROLES, [401, 403, 200, 403, 403, 403], strict=True)),
    "delete": dict(zip(ROLES, [401, 403, 204, 403, 403, 204], strict=True)),
}


def _call(api: Api, action: str, article: Article, target: Comment) -> Any:
    if action == "list":
        return api.get(f"/articles/{article.pk}/comments")
    if action == "read":
        return api.get(f"/comments/{target.pk}")
    if action == "post":
        return api.post(f"/articles/{article.pk}/comments", {"body": "Komentar baru."})
    if action == "reply":
        return api.post(
            f"/articles/{article.pk}/comments", {"body": "Balasan.", "parent_id": target.pk}
        )
    if action == "edit":
        return api.patch(f"/comments/{target.pk}", {"body": "Diubah."})
    return api.delete(f"/comments/{target.pk}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(API_EXPECTED))
def test_api_authorization(
    request: pytest.FixtureRequest, article: Article, target: Comment, role: str, action: str
) -> None:
    expected = API_EXPECTED[action][role]
    response = _call(api_as(person(request, role)), action, article, target)
    if expected >= 400:
        assert_error_shape(response, expected)
        assert unchanged(target)
        assert Comment.objects.count() == 1
    else:
        assert response.status_code == expected, response.content
    assert_count_exact(article)


HIDDEN_EXPECTED: dict[str, dict[str, int]] = {
    #                    anon reader commenter writer moderator admin
    "read": dict(zip(ROLES, [404, 404, 200, 404, 404, 200], strict=True)),
    "reply": dict(zip(ROLES, [401, 422, 422, 422, 422, 422], strict=True)),
    "edit": dict(zip(ROLES, [401, 404, 409, 404, 404, 403], strict=True)),
    "delete": dict(zip(ROLES, [401, 404, 204, 404, 404, 204], strict=True)),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(HIDDEN_EXPECTED))
def test_api_authorization_on_a_hidden_comment(
    request: pytest.FixtureRequest, article: Article, target: Comment, role: str, action: str
) -> None:
    actions.hide_comment(target)
    expected = HIDDEN_EXPECTED[action][role]
    response = _call(api_as(person(request, role)), action, article, target)
    if expected >= 400:
        assert_error_shape(response, expected)
        assert Comment.objects.filter(pk=target.pk, status="hidden").exists()
    else:
        assert response.status_code == expected, response.content
    assert Comment.objects.filter(parent=target).count() == 0
    assert_count_exact(article)


# --- the pages -----------------------------------------------------------------------------

PAGE_EXPECTED: dict[str, dict[str, int]] = {
    #                         anon reader commenter writer moderator admin
    "compose": dict(zip(ROLES, [302, 200, 200, 200, 200, 200], strict=True)),
    "post": dict(zip(ROLES, [302, 302, 302, 302, 302, 302], strict=True)),
    "edit page": dict(zip(ROLES, [302, 403, 200, 403, 403, 403], strict=True)),
    "edit": dict(zip(ROLES, [302, 403, 302, 403, 403, 403], strict=True)),
    "delete page": dict(zip(ROLES, [302, 403, 200, 403, 403, 200], strict=True)),
    "delete": dict(zip(ROLES, [302, 403, 302, 403, 403, 302], strict=True)),
}


def _visit(client: Client, action: str, article: Article, target: Comment) -> Any:
    post_url = f"/komentar/artikel/{article.pk}"
    return {
        "compose": lambda: client.get(post_url, {"balas": target.pk}),
        "post": lambda: client.post(post_url, {"body": "Dari halaman."}),
        "edit page": lambda: client.get(f"/komentar/{target.pk}/sunting"),
        "edit": lambda: client.post(f"/komentar/{target.pk}/sunting", {"body": "Diubah."}),
        "delete page": lambda: client.get(f"/komentar/{target.pk}/hapus"),
        "delete": lambda: client.post(f"/komentar/{target.pk}/hapus"),
    }[action]()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(PAGE_EXPECTED))
def test_page_authorization(
    request: pytest.FixtureRequest, article: Article, target: Comment, role: str, action: str
) -> None:
    user = person(request, role)
    response = _visit(client_as(user), action, article, target)
    assert response.status_code == PAGE_EXPECTED[action][role]
    if user is None:
        assert response["Location"].startswith("/masuk?next=/komentar/")
    changed = action in ("post", "edit", "delete") and response.status_code == 302
    if not changed:
        assert unchanged(target)
        assert Comment.objects.count() == 1
    assert_count_exact(article)


@pytest.mark.parametrize("role", ROLES)
def test_hidden_comments_pages_are_not_found_for_others(
    request: pytest.FixtureRequest, article: Article, target: Comment, role: str
) -> None:
    actions.hide_comment(target)
    client = client_as(person(request, role))
    edit = client.get(f"/komentar/{target.pk}/sunting").status_code
    delete = client.get(f"/komentar/{target.pk}/hapus").status_code
    expected = {
        "anonymous": (302, 302),
        "reader": (404, 404),
        "commenter": (403, 200),
        "writer": (404, 404),
        "moderator": (404, 404),
        "admin_user": (403, 200),
    }[role]
    assert (edit, delete) == expected
