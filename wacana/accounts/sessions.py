"""Database sessions that know their user, so deleting an account ends every session.

Django's own session table stores the user only inside the encoded data; this is the
documented way to extend it with an indexed user column.
"""

from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import connection, models
from django.utils import timezone


class UserSession(AbstractBaseSession):
    user_id = models.BigIntegerField(null=True, db_index=True)

    @classmethod
    def get_session_store_class(cls) -> type["SessionStore"]:
        return SessionStore

    class Meta:
        db_table = "accounts_session"


class SessionStore(DbSessionStore):
    @classmethod
    def get_model_class(cls) -> type[UserSession]:
        return UserSession

    def _get_session_from_db(self) -> UserSession | None:
        """The unexpired session row, with its user's row, read by one plain query: the
        ORM's took about 1 ms of CPU on every signed-in request and the user's another
        0.4 (issue 15). The user goes to AccountBackend.get_user, which checks it is
        the one the session names."""
        from wacana.accounts import backends  # noqa: PLC0415 - accounts.models imports this module

        key = self.session_key
        if key is None:
            backends.read_with_session(None)
            return None
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as db:
            db.execute(backends.session_and_user_sql(UserSession._meta.db_table), [key, now])
            row = db.fetchone()
        if row is None:
            backends.read_with_session(None)
            self._session_key = None  # as Django's: a new session gets a new key
            return None
        backends.read_with_session(backends.user_from_row(row[1:]))
        return UserSession(session_key=key, session_data=row[0])

    def load(self) -> dict[str, Any]:
        from wacana.accounts.backends import (  # noqa: PLC0415 - accounts.models imports this module
            BACKEND,
            EARLIER_BACKEND,
        )

        data: dict[str, Any] = super().load()
        if data.get(BACKEND_SESSION_KEY) == EARLIER_BACKEND:
            # Signed in before AccountBackend: still signed in, through it.
            data[BACKEND_SESSION_KEY] = BACKEND
        return data

    def create_model_instance(self, data: dict[str, Any]) -> UserSession:
        instance = super().create_model_instance(data)
        assert isinstance(instance, UserSession)
        try:
            instance.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            instance.user_id = None
        return instance


def end_sessions_of(user_id: int) -> int:
    deleted, _ = UserSession.objects.filter(user_id=user_id).delete()
    return deleted


# What the personal-data export shows of each active session (never its key).
DEVICE_KEY = "_wacana_device"
SIGNED_IN_KEY = "_wacana_signed_in_at"
DEVICE_MAX = 300


def remember_device(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """On every sign-in (pages, admin): note the browser and the time in the session, so
    a person can see where they are signed in. Connected in AccountsConfig.ready."""
    session = getattr(request, "session", None)
    if session is None:
        return
    session[DEVICE_KEY] = request.META.get("HTTP_USER_AGENT", "")[:DEVICE_MAX]
    session[SIGNED_IN_KEY] = timezone.now().isoformat()
