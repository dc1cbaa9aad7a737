"""The account's part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
"""

from typing import Any

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wacana.accounts.actions import delete_avatar_files
from wacana.accounts.models import ApiToken, Follow, User
from wacana.accounts.sessions import DEVICE_KEY, SIGNED_IN_KEY, UserSession, end_sessions_of

COVERS = (
    "accounts.ApiToken.user",
    "accounts.Follow.follower",
    "accounts.Follow.followed",
    "accounts.User_groups.user",
    "accounts.User_user_permissions.user",
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _tokens(user: User) -> list[dict[str, Any]]:
    # The secret is never exported (only its hash is kept anyway).
    return [
        {
            "hint": str(token),
            "name": token.name,
            "created_at": _iso(token.created_at),
            "last_used_at": _iso(token.last_used_at),
            "expires_at": _iso(token.expires_at),
        }
        for token in ApiToken.objects.filter(user=user).order_by("created_at", "id")
    ]


def _follows(rows: Any, other: str) -> list[dict[str, Any]]:
    return [
        {"username": username, "display_name": name, "since": _iso(since)}
        for username, name, since in rows.order_by("created_at", "id").values_list(
            f"{other}__username", f"{other}__display_name", "created_at"
        )
    ]


def _sessions(user: User) -> list[dict[str, Any]]:
    """Active sign-ins: the device (browser's user agent) and when; never the key."""
    store = UserSession.get_session_store_class()()
    out = []
    for session in UserSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now()):
        data = store.decode(session.session_data)
        out.append(
            {
                "device": data.get(DEVICE_KEY, ""),
                "signed_in_at": data.get(SIGNED_IN_KEY),
                "expires_at": _iso(session.expire_date),
            }
        )
    out.sort(key=lambda row: row["signed_in_at"] or "")
    return out


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    permissions = Permission.objects.filter(user=user).values_list(
        "content_type__app_label", "codename"
    )
    return {
        "account": {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            # An address given at sign-up that belonged to another account: kept back,
            # never mailed, but it is the person's data all the same.
            "email_unconfirmed": user.email_unconfirmed,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_staff": user.is_staff,
            "verified": user.verified,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "permissions": sorted(f"{app}.{codename}" for app, codename in permissions),
            "read_all_pages": user.read_all_pages,
            "password": _("Stored only as a salted hash; it cannot be read back."),
        },
        "profile": {
            "display_name": user.display_name,
            "tagline": user.tagline,
            "bio": user.bio,
            "avatar_url": media_url(user.avatar.name),
            "avatar_small_url": media_url(user.avatar_small.name),
        },
        "api_tokens": _tokens(user),
        "sessions": _sessions(user),
        "following": _follows(Follow.objects.filter(follower=user), "followed"),
        "followers": _follows(Follow.objects.filter(followed=user), "follower"),
        "counts": {
            "articles": user.article_count,
            "followers": user.follower_count,
            "following": user.following_count,
        },
    }


def remove_all_of(user: User) -> None:
    """The account itself, last: sessions, follows (out of everyone's counts), the
    avatar files of every size; tokens and group memberships go by CASCADE."""
    files = [user.avatar.name, user.avatar_small.name]
    with transaction.atomic():
        end_sessions_of(user.pk)
        _drop_follows(user)
        user.delete()
        transaction.on_commit(lambda: delete_avatar_files(files))


def _drop_follows(user: User) -> None:
    """Before an account goes: take its follows out of everyone else's counts."""
    User.objects.filter(pk__in=Follow.objects.filter(follower=user).values("followed_id")).update(
        follower_count=F("follower_count") - 1
    )
    User.objects.filter(pk__in=Follow.objects.filter(followed=user).values("follower_id")).update(
        following_count=F("following_count") - 1
    )
    Follow.objects.filter(follower=user).delete()
    Follow.objects.filter(followed=user).delete()
