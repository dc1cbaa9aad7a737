"""The test kit's cast (wacana/testing/personas.py) holds the roles its names promise,
through groups and never through is_staff."""

from wacana.accounts import roles
from wacana.accounts.models import User


def test_each_persona_has_exactly_its_role(
    reader: User, writer: User, moderator: User, editor: User, administrator: User
) -> None:
    for person in (reader, writer, moderator, editor, administrator):
        assert not person.is_staff and not person.is_superuser
    assert not roles.is_moderator(reader) and not roles.is_editor(writer)
    assert roles.is_moderator(moderator) and not roles.is_editor(moderator)
    assert roles.is_editor(editor) and not roles.is_moderator(editor)
    assert roles.is_administrator(administrator)
    assert not roles.is_administrator(moderator) and not roles.is_administrator(editor)


def test_the_suspended_persona_is_suspended(suspended: User) -> None:
    assert not suspended.is_active and suspended.suspended_at is not None
    assert not roles.is_moderator(suspended)
