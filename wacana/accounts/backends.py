"""The sign-in backend: Django's ModelBackend, with the signed-in reader (and their
roles) loaded by one plain query on every request.

Loading the reader through the ORM cost about 0.4 ms of CPU per signed-in request, a
tenth of the article page's budget (issue 15); the same row read by a plain query, built
into a User as the ORM would, costs a tenth of that. Everything else (passwords,
permissions, who may sign in) is ModelBackend's own.
"""

import functools
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any, NamedTuple

from django.contrib.auth.backends import ModelBackend
from django.db import connection

from wacana.accounts.models import User
from wacana.accounts.roles import groups_column, remember_group_names

# Its dotted path: what auth.login() keeps in the session for it.
BACKEND = "wacana.accounts.backends.AccountBackend"
# The backend earlier sessions name (read as this one: see sessions.SessionStore.load).
EARLIER_BACKEND = "django.contrib.auth.backends.ModelBackend"


class _Query(NamedTuple):
    columns_sql: str  # the user's columns (alias u) and their group names
    names: list[str]
    # Per column, the expression and the converters the ORM would run on its value.
    columns: list[tuple[Any, list[Any]]]


@functools.cache
def _query() -> _Query:
    """Built once per process from the model's fields; values are parameters."""
    quote = connection.ops.quote_name
    table = User._meta.db_table
    fields = User._meta.concrete_fields
    listed = ", ".join(f"u.{quote(field.column)}" for field in fields)
    groups = groups_column(connection.vendor, f"u.{quote('id')}")
    columns = []
    for field in fields:
        column = field.get_col(table)
        converters = connection.ops.get_db_converters(column)
        columns.append((column, converters + column.get_db_converters(connection)))
    return _Query(f"{listed}, {groups}", [field.attname for field in fields], columns)


@functools.cache
def _user_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(User._meta.db_table)
    return f"SELECT {_query().columns_sql} FROM {table} u WHERE u.{quote('id')} = %s"  # noqa: S608 - names from the model


@functools.cache
def session_and_user_sql(session_table: str) -> str:
    """The session's data and its user's row (NULLs where it names none), for
    sessions.SessionStore: a signed-in request then reads both in one query."""
    quote = connection.ops.quote_name
    return (
        f"SELECT s.{quote('session_data')}, {_query().columns_sql}"  # noqa: S608 - names from the models
        f" FROM {quote(session_table)} s"
        f" LEFT JOIN {quote(User._meta.db_table)} u ON u.{quote('id')} = s.{quote('user_id')}"
        f" WHERE s.{quote('session_key')} = %s AND s.{quote('expire_date')} > %s"
    )


def user_from_row(row: Sequence[Any]) -> User | None:
    """A User from the columns `_query` lists (None if they are NULL: no such user)."""
    *columns, groups = row
    if columns[0] is None:
        return None
    query = _query()
    values = []
    for value, (column, converters) in zip(columns, query.columns, strict=True):
        for convert in converters:
            value = convert(value, column, connection)
        values.append(value)
    user = User.from_db(connection.alias, query.names, values)
    remember_group_names(user, groups)  # its roles, asked on every signed-in page
    return user


def load_user(pk: int) -> User | None:
    """The account with this key, as User.objects.get would load it, or None."""
    with connection.cursor() as db:
        db.execute(_user_sql(), [pk])
        row = db.fetchone()
    return None if row is None else user_from_row(row)


# The user the session's query read along with it, for this request's get_user (set on
# every session load, taken by get_user: never another request's).
_read_with_session: ContextVar[User | None] = ContextVar("wacana_read_with_session", default=None)


def read_with_session(user: User | None) -> None:
    _read_with_session.set(user)


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = _read_with_session.get()
        _read_with_session.set(None)
        if user is None or user.pk != pk:
            user = load_user(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
