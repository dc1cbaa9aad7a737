"""The staff roles, as Django groups (made by moderation's migration 0003), and who
counts as what.

Every permission check (views, API handlers, querysets, templates) asks `is_moderator`,
`is_editor` or `is_administrator`, and every staff action on someone
else asks `may_act_on`, so each rule lives in one place. `User.is_staff` only opens
Django's admin; it grants nothing on the site itself.
"""

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q

if TYPE_CHECKING:
    from django.db.models import Q

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
        # Asked on every signed-in page (the account menu): composing the ORM's query
        # cost 0.25 ms of CPU, running this one a tenth of that. From the primary.
        with connection.cursor() as db:
            db.execute(_groups_sql(connection.vendor), [user.pk])
            cached = frozenset(str(name) for (name,) in db.fetchall())
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


@functools.cache
def _groups_sql(vendor: str) -> str:
    """The names of a user's groups, in the names of the models' tables and columns."""
    from django.contrib.auth.models import Group  # noqa: PLC0415 - a model: not at import time

    through, group = get_user_model().groups.through, Group
    quote = connection.ops.quote_name

    def column(model: Any, name: str) -> str:
        return str(quote(model._meta.get_field(name).column))

    return (
        f"SELECT g.{column(group, 'name')} FROM {quote(group._meta.db_table)} g"  # noqa: S608 - the models' names; the value is a parameter
        f" INNER JOIN {quote(through._meta.db_table)} t"
        f" ON g.{column(group, 'id')} = t.{column(through, 'group')}"
        f" WHERE t.{column(through, 'user')} = %s"
    )


# Between the names of `groups_column`: a character no group's name holds.
_SEPARATOR = "\x1f"


@functools.cache
def groups_column(vendor: str, user_key: str) -> str:
    """A column for a query of users: the names of the groups of the user whose key is
    `user_key` (a column of that query), joined, for `remember_group_names`. A signed-in
    request then loads its reader and their roles in one query (accounts.backends)."""
    from django.contrib.auth.models import Group  # noqa: PLC0415 - a model: not at import time

    through, group = get_user_model().groups.through, Group
    quote = connection.ops.quote_name

    def column(model: Any, name: str) -> str:
        return str(quote(model._meta.get_field(name).column))

    name = f"g.{column(group, 'name')}"
    joined = (
        f"string_agg({name}, chr(31))"
        if vendor == "postgresql"
        else f"group_concat({name}, char(31))"
    )
    return (
        f"(SELECT {joined} FROM {quote(group._meta.db_table)} g"  # noqa: S608 - the models' names
        f" INNER JOIN {quote(through._meta.db_table)} t"
        f" ON g.{column(group, 'id')} = t.{column(through, 'group')}"
        f" WHERE t.{column(through, 'user')} = {user_key})"
    )


def remember_group_names(user: Any, joined: str | None) -> None:
    """What `groups_column` read for this user: `group_names` then asks nothing."""
    names = frozenset(joined.split(_SEPARATOR)) if joined else frozenset()
    setattr(user, _CACHE_ATTRIBUTE, names)


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
    ("Artikel Utama"); and they tidy others' content: edit others' articles, read and
    delete others' comments (within `may_act_on`). The "editor" group, administrators
    and superusers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or bool({EDITOR, ADMINISTRATOR} & group_names(user))


def load_group_names(users: Iterable[Any]) -> None:
    """Ask the groups of many users in one query (a listing checking `may_act_on` for
    each row's author would otherwise ask once per author)."""
    pending = {
        user.pk: user
        for user in users
        if user is not None and getattr(user, _CACHE_ATTRIBUTE, None) is None
    }
    if not pending:
        return
    names: dict[int, set[str]] = {pk: set() for pk in pending}
    through = get_user_model().groups.through
    for user_id, name in through.objects.filter(user_id__in=list(pending)).values_list(
        "user_id", "group__name"
    ):
        names[user_id].add(name)
    for pk, user in pending.items():
        setattr(user, _CACHE_ATTRIBUTE, frozenset(names[pk]))


# --- who may act on whom ---------------------------------------------------------------
# Ranks for acting on someone else's account or content. Moderators and editors are
# not protected from each other (they work on ordinary writers' content, and on each
# other's, as before); administrators are protected from everyone below them, and
# superusers from everyone but superusers.
ORDINARY, ADMINISTRATOR_RANK, SUPERUSER_RANK = 1, 2, 3


def rank(user: Any) -> int:
    """How protected an account is. Whether it is active does not matter: a suspended
    administrator is still an administrator's account."""
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    if user.is_superuser:
        return SUPERUSER_RANK
    if ADMINISTRATOR in group_names(user):
        return ADMINISTRATOR_RANK
    return ORDINARY


def may_act_on(actor: Any, target: Any) -> bool:
    """May `actor`, acting as staff, act on `target`'s account or content?

    The one rule every staff path asks (report decisions, hide, suspend, restore,
    staff edits of articles and comments, deleting others' comments, the admin):
    a moderator or editor may not act on an administrator's account or content, nor
    an administrator on a superuser's. Whether `actor` is staff at all, and what one
    may do with one's own content, are the caller's other rules. `target` is the
    person (the account, or the owner of the content); None when it has none.
    """
    if target is None or not getattr(actor, "is_authenticated", False):
        return target is None
    if actor.pk == target.pk:
        return True
    protected = rank(target)
    if protected < ADMINISTRATOR_RANK:
        return True
    mine = rank(actor)
    return mine > protected or mine == SUPERUSER_RANK


def protected_from(actor: Any) -> "Q":
    """The accounts `actor` may not act on, as a filter on users (for the admin's bulk
    actions, which work on querysets)."""
    if rank(actor) == SUPERUSER_RANK:
        return Q(pk__in=[])
    # Below a superuser, every administrator and superuser but oneself is out of reach.
    return (Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR)) & ~Q(pk=actor.pk)
