"""Roles decide who may do what on the site; is_staff only opens Django's admin.

Before, the article and comment checks asked is_staff beside the roles: an account with
is_staff and no role could edit others' articles and delete others' comments, and an
editor without is_staff could not open a draft it was asked to curate."""

import pytest
from django.contrib.auth.models import Group

from wacana.accounts.models import User
from wacana.accounts.roles import EDITOR, MODERATOR
from wacana.articles import access as article_access
from wacana.articles.models import Article
from wacana.discussion import access as comment_access
from wacana.discussion import actions as comment_actions
from wacana.discussion.models import Comment, seen_by
from wacana.testing.content import draft, publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


def with_role(username: str, role: str | None, **extra: bool) -> User:
    user = make_user(username, **extra)
    if role is not None:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def test_is_staff_alone_grants_nothing_on_the_site(writer: User, reader: User) -> None:
    staff = with_role("staf.saja", None, is_staff=True)
    unpublished = draft(writer, "Draf Rahasia")
    public = publish(writer, "Artikel Terbit")
    hidden = comment_actions.post_comment(reader, public, "Komentar kasar.", None)
    comment_actions.hide_comment(hidden)

    assert not Article.objects.visible_to(staff).filter(pk=unpublished.pk).exists()
    assert not article_access.can_edit(staff, public)
    assert not comment_access.can_delete(staff, hidden)
    assert not Comment.objects.filter(seen_by(staff), pk=hidden.pk).exists()


@pytest.mark.parametrize(
    ("role", "opens_drafts", "edits_others", "deletes_others_comments"),
    [(MODERATOR, True, False, False), (EDITOR, True, True, True)],
)
def test_a_role_without_is_staff_is_enough(
    writer: User,
    reader: User,
    role: str,
    opens_drafts: bool,
    edits_others: bool,
    deletes_others_comments: bool,
) -> None:
    person = with_role("berperan", role)
    assert not person.is_staff
    unpublished = draft(writer, "Draf Rahasia")
    public = publish(writer, "Artikel Terbit")
    made = comment_actions.post_comment(reader, public, "Komentar.", None)

    assert Article.objects.visible_to(person).filter(pk=unpublished.pk).exists() is opens_drafts
    assert article_access.can_edit(person, public) is edits_others
    assert comment_access.can_delete(person, made) is deletes_others_comments
