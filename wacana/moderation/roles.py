"""The staff roles, as Django groups (made by migration 0003), and who counts as what.

Every view, API handler and template asks `is_moderator` or `is_editor`, so each rule
lives in one place.
"""

from typing import Any

MODERATOR = "moderator"
EDITOR = "editor"
ADMINISTRATOR = "administrator"
ROLES = (MODERATOR, EDITOR, ADMINISTRATOR)

_CACHE_ATTRIBUTE = "_wacana_group_names"


def group_names(user: Any) -> frozenset[str]:
    """The user's group names, asked once per user object (one query at most)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def is_administrator(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or ADMINISTRATOR in group_names(user)


def is_moderator(user: Any) -> bool:
    """Moderators, administrators and superusers may work the queue and read the log."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or bool({MODERATOR, ADMINISTRATOR} & group_names(user))


def is_editor(user: Any) -> bool:
    """Editors curate: they choose the editor's picks ("Pilihan") and the headlines
    ("Artikel Utama"). The "editor" group, administrators and superusers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or bool({EDITOR, ADMINISTRATOR} & group_names(user))
