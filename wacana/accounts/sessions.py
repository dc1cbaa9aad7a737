"""Database sessions that know their user, so deleting an account ends every session.

Django's own session table stores the user only inside the encoded data; this is the
documented way to extend it with an indexed user column.
"""

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
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
