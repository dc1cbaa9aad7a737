"""The roles: groups made by a data migration, and one helper deciding who moderates."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group

from wacana.accounts.models import User
from wacana.accounts.roles import ROLES, is_administrator, is_moderator

pytestmark = pytest.mark.django_db

roles_migration = import_module("wacana.moderation.migrations.0003_roles")


def test_the_migration_made_the_three_groups() -> None:
    # Run it again too: it must be harmless on a database that already has them.
    roles_migration.create_roles(apps, None)
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == {
        "moderator",
        "editor",
        "administrator",
    }


def test_the_migration_is_reversible() -> None:
    (operation,) = roles_migration.Migration.operations
    assert operation.reversible
    roles_migration.remove_roles(apps, None)
    assert not Group.objects.filter(name__in=ROLES).exists()
    roles_migration.create_roles(apps, None)
    assert Group.objects.filter(name__in=ROLES).count() == 3


def test_who_is_a_moderator(
    reader: User,
    moderator: User,
    administrator: User,
    admin_user: User,
    editor: User,
) -> None:
    assert not is_moderator(AnonymousUser())
    assert not is_moderator(reader)
    assert not is_moderator(editor)  # staff, but editors curate, they don't moderate
    assert is_moderator(moderator)
    assert is_moderator(administrator)
    assert is_moderator(admin_user)
    assert is_administrator(administrator) and is_administrator(admin_user)
    assert not is_administrator(moderator)


def test_a_deactivated_moderator_is_not_one(moderator: User) -> None:
    moderator.is_active = False
    assert not is_moderator(moderator)


def test_the_answer_costs_one_query_per_user(
    moderator: User, django_assert_num_queries: object
) -> None:
    fresh = User.objects.get(pk=moderator.pk)
    with django_assert_num_queries(1):  # type: ignore[operator]
        assert is_moderator(fresh)
        assert is_moderator(fresh)
        assert not is_administrator(fresh)


def test_ages_read_baru_saja_under_a_minute_and_lalu_after() -> None:
    from datetime import timedelta

    from django.utils import timezone, translation

    from wacana.moderation.templatetags.moderation_tags import ago

    with translation.override("id"):
        assert ago(timezone.now() - timedelta(seconds=20)) == "baru saja"
        later = ago(timezone.now() - timedelta(minutes=5, seconds=3))
        assert later.replace("\xa0", " ") == "5 menit lalu"
