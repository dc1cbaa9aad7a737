"""The sign-in backend: Django's ModelBackend, with the signed-in reader (and their
roles) loaded by one plain query on every request.

Loading the reader through the ORM cost about 0.4 ms of CPU per signed-in request, a
tenth of the article page's budget (issue 15); the same row read by a plain query, built
into a User as the ORM would, costs a tenth of that. Everything else (passwords,
permissions, who may sign in) is ModelBackend's own.
"""

import functools
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
    sql: str
    names: list[str]
    # Per column, the expression and the converters the ORM would run on its value.
    columns: list[tuple[Any, list[Any]]]


@functools.cache
def _query() -> _Query:
    """Built once per process from the model's fields; the key is a parameter."""
    quote = connection.ops.quote_name
    table = User._meta.db_table
    fields = User._meta.concrete_fields
    listed = ", ".join(f"u.{quote(field.column)}" for field in fields)
    groups = groups_column(connection.vendor, f"u.{quote('id')}")
    sql = f"SELECT {listed}, {groups} FROM {quote(table)} u WHERE u.{quote('id')} = %s"  # noqa: S608 - names from the model
    columns = []
    for field in fields:
        column = field.get_col(table)
        columns.append(
            (
                column,
                connection.ops.get_db_converters(column) + column.get_db_converters(connection),
            )
        )
    return _Query(sql, [field.attname for field in fields], columns)


def load_user(pk: int) -> User | None:
    """The account with this key, as User.objects.get would load it, or None."""
    query = _query()
    with connection.cursor() as db:
        db.execute(query.sql, [pk])
        row = db.fetchone()
    if row is None:
        return None
    *columns, groups = row
    values = []
    for value, (column, converters) in zip(columns, query.columns, strict=True):
        for convert in converters:
            value = convert(value, column, connection)
        values.append(value)
    user = User.from_db(connection.alias, query.names, values)
    remember_group_names(user, groups)  # its roles, asked on every signed-in page
    return user


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = load_user(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
