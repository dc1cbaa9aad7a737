"""The cast: one person per role, as factory functions and as pytest fixtures.

Roles are the groups of `wacana.accounts.roles` (moderator, editor, administrator);
`is_staff` grants nothing on the site and is never how a persona gets its role.
The fixtures reach every test through `wacana/conftest.py`.
"""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from wacana.accounts import actions
from wacana.accounts.models import User
from wacana.accounts.roles import ADMINISTRATOR, EDITOR, MODERATOR
from wacana.moderation.actions import suspend_account

PASSWORD = "kopi-tubruk-pagi-77"


def make_user(username: str, **extra: Any) -> User:
    """An ordinary account made as sign-up makes it; `extra` sets further fields."""
    user = actions.create_account(
        username=username,
        email=f"{username.replace('.', '_')}@example.com",
        password=PASSWORD,
        display_name=extra.pop("display_name", username.title()),
    )
    for name, value in extra.items():
        setattr(user, name, value)
    if extra:
        user.save()
    return user


def with_role(user: User, *roles: str) -> User:
    """`user` in the groups named (`wacana.accounts.roles`: moderator, editor, administrator)."""
    for role in roles:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user


def make_reader(username: str = "pembaca", **extra: Any) -> User:
    return make_user(username, **{"display_name": "Raka Pembaca", **extra})


def make_writer(username: str = "penulis", **extra: Any) -> User:
    defaults = {"display_name": "Sekar Penulis", "tagline": "Guru", "bio": "Menulis."}
    return make_user(username, **{**defaults, **extra})


def make_moderator(username: str = "moderator1", **extra: Any) -> User:
    return with_role(make_user(username, **{"display_name": "Moderator Satu", **extra}), MODERATOR)


def make_editor(username: str = "redaktur", **extra: Any) -> User:
    return with_role(make_user(username, **{"display_name": "Dewi Redaktur", **extra}), EDITOR)


def make_administrator(username: str = "administrasi", **extra: Any) -> User:
    """An administrator by role (group), not a Django superuser."""
    user = make_user(username, **{"display_name": "Admin Peran", **extra})
    return with_role(user, ADMINISTRATOR)


def make_suspended(username: str = "ditangguhkan", **extra: Any) -> User:
    """An account suspended the way moderation suspends one (inactive, no sessions)."""
    user = make_user(username, **{"display_name": "Akun Ditangguhkan", **extra})
    suspend_account(user)
    user.refresh_from_db()
    return user


def reporters(count: int, prefix: str = "pelapor") -> list[User]:
    """`count` ordinary accounts, `prefix`0, `prefix`1, ..."""
    return [make_user(f"{prefix}{n}") for n in range(count)]


def signed_in(user: User) -> Client:
    """A test client with `user` signed in (a session, as after /masuk)."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reader(db: Any) -> User:
    return make_reader()


@pytest.fixture
def writer(db: Any) -> User:
    return make_writer()


@pytest.fixture
def moderator(db: Any) -> User:
    return make_moderator()


@pytest.fixture
def editor(db: Any) -> User:
    return make_editor()


@pytest.fixture
def administrator(db: Any) -> User:
    return make_administrator()


@pytest.fixture
def suspended(db: Any) -> User:
    return make_suspended()


@pytest.fixture
def admin_user(db: Any) -> User:
    """A Django superuser (the admin site's own notion), for the few tests of that."""
    return make_user("pengelola", is_staff=True, is_superuser=True)
