"""Writes with side effects for accounts. Views and the API call these, nothing else."""

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from wacana.accounts.models import ApiToken, Follow, User
from wacana.accounts.sessions import end_sessions_of
from wacana.accounts.validators import (
    normalize_email_address,
    normalize_username,
    validate_username,
)
from wacana.lib import images

AVATAR_SIZES = (256, 96)


class UsernameTaken(Exception):
    pass


class EmailTaken(Exception):
    pass


class CannotFollowSelf(Exception):
    pass


def clean_username(raw: str) -> str:
    username = normalize_username(raw)
    validate_username(username)
    return username


def check_available(username: str, email: str) -> None:
    if User.objects.by_username(username).exists():
        raise UsernameTaken
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken


def create_account(*, username: str, email: str, password: str, display_name: str) -> User:
    """Create an account after every rule holds; raises ValidationError or *Taken."""
    username = clean_username(username)
    email = normalize_email_address(email)
    display_name = display_name.strip() or username
    user = User(username=username, email=email, display_name=display_name)
    password_validation.validate_password(password, user)
    check_available(username, email)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # Two sign-ups raced for the same name or address: the constraint decided.
        if User.objects.by_username(username).exists():
            raise UsernameTaken from None
        raise EmailTaken from None
    return user


def update_profile(user: User, **fields: str) -> User:
    allowed = {"display_name", "tagline", "bio"}
    changed = []
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(user, name, value.strip())
        changed.append(name)
    if "display_name" in changed and not user.display_name:
        raise ValidationError({"display_name": [_("A display name cannot be empty.")]})
    user.full_clean(exclude=["password", "username", "email", "avatar", "avatar_small"])
    if changed:
        user.save(update_fields=changed)
    return user


def _delete_avatar_files(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        if name:
            default_storage.delete(name)


def set_avatar(user: User, upload: UploadedFile) -> User:
    """Replace the avatar; raises images.ImageRejected with a message for people."""
    image = images.open_checked(
        upload, max_bytes=settings.AVATAR_MAX_BYTES, max_pixels=settings.AVATAR_MAX_PIXELS
    )
    large, small = images.square_webp(image, AVATAR_SIZES)
    old = [user.avatar.name, user.avatar_small.name]
    stem = f"{user.pk}-{secrets.token_hex(6)}"
    user.avatar.save(f"{stem}-256.webp", ContentFile(large.data), save=False)
    user.avatar_small.save(f"{stem}-96.webp", ContentFile(small.data), save=False)
    user.save(update_fields=["avatar", "avatar_small"])
    transaction.on_commit(lambda: _delete_avatar_files(old))
    return user


def remove_avatar(user: User) -> User:
    old = [user.avatar.name, user.avatar_small.name]
    user.avatar = ""
    user.avatar_small = ""
    user.save(update_fields=["avatar", "avatar_small"])
    transaction.on_commit(lambda: _delete_avatar_files(old))
    return user


def issue_token(user: User) -> str:
    """Create an API token and return its key; only its hash is kept."""
    key = ApiToken.new_key()
    ApiToken.objects.create(
        user=user, key_hash=ApiToken.hash_key(key), hint=key[len(ApiToken.PREFIX) :][:8]
    )
    return key


def revoke_token(key: str) -> None:
    ApiToken.objects.for_key(key).delete()


def delete_account(user: User) -> None:
    """Delete the account and everything the privacy policy says goes with it."""
    # The apps that own the person's content remove it through their own actions, so
    # every stored count (comments per article, articles per tag) stays exact.
    from wacana.articles.actions import delete_article, remove_ratings_of
    from wacana.articles.models import Article, Image
    from wacana.discussion.actions import remove_comments_of

    # Body images go with their rows by CASCADE; their files must go too.
    files = [user.avatar.name, user.avatar_small.name]
    files += list(Image.objects.filter(owner=user).values_list("file", flat=True))
    remove_ratings_of(user)
    remove_comments_of(user)
    for article in Article.objects.by(user):
        delete_article(user, article)
    with transaction.atomic():
        end_sessions_of(user.pk)
        _drop_follows(user)
        # Tokens, notifications, and what is left go by CASCADE.
        user.delete()
        transaction.on_commit(lambda: _delete_avatar_files(files))


def _articles_of(user: User) -> list[dict[str, Any]]:
    from wacana.articles.models import Article

    return [
        {
            "id": article.pk,
            "title": article.title,
            "status": article.status,
            "category": article.category.slug,
            "tags": [tag["slug"] for tag in article.tag_list],
            "body": article.body,
            "image_caption": article.image_caption,
            "image_source": article.image_source,
            "created_at": article.created_at.isoformat(),
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "url": article.get_absolute_url(),
        }
        for article in Article.objects.by(user).select_related("category", "author").order_by("id")
    ]


def export_personal_data(user: User, *, build_url: Any = None) -> dict[str, Any]:
    """Every piece of personal data Wacana holds about `user` (see the privacy policy)."""

    from wacana.articles.actions import personal_data_of
    from wacana.discussion.export import comments_of

    def url(name: str) -> str | None:
        if not name:
            return None
        from django.core.files.storage import default_storage

        path = default_storage.url(name)
        return build_url(path) if build_url else path

    return {
        "account": {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_staff": user.is_staff,
            "verified": user.verified,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "password": _("Stored only as a salted hash; it cannot be read back."),
        },
        "profile": {
            "display_name": user.display_name,
            "tagline": user.tagline,
            "bio": user.bio,
            "avatar_url": url(user.avatar.name),
            "avatar_small_url": url(user.avatar_small.name),
        },
        "api_tokens": [
            {"hint": str(token), "created_at": token.created_at.isoformat()}
            for token in user.api_tokens.order_by("created_at")
        ],
        "articles": _articles_of(user),
        "comments": comments_of(user),
        **personal_data_of(user),
        "counts": {
            "articles": user.article_count,
            "followers": user.follower_count,
            "following": user.following_count,
        },
    }


def set_reading_preference(user: User, all_pages: bool) -> None:
    user.read_all_pages = all_pages
    user.save(update_fields=["read_all_pages"])


def follow(follower: User, followed: User) -> bool:
    """Make `follower` follow `followed`; True if a follow was really added.

    Idempotent: following again changes nothing. Both stored counts move in the same
    transaction as the row, and only when the row was really created.
    """
    if follower.pk == followed.pk:
        raise CannotFollowSelf
    with transaction.atomic():
        try:
            with transaction.atomic():
                Follow.objects.create(follower=follower, followed=followed)
        except IntegrityError:
            return False  # already following (perhaps a request racing this one)
        User.objects.filter(pk=follower.pk).update(following_count=F("following_count") + 1)
        User.objects.filter(pk=followed.pk).update(follower_count=F("follower_count") + 1)
        from wacana.notifications.actions import notify

        notify(
            followed,
            "follower",
            _("%(name)s started following you.") % {"name": follower.name},
            actor=follower,
            target_url=follower.get_absolute_url(),
        )
    return True


def unfollow(follower: User, followed: User) -> bool:
    """Stop `follower` following `followed`; True if a follow was really removed."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(follower=follower, followed=followed).delete()
        if not deleted:
            return False
        User.objects.filter(pk=follower.pk).update(following_count=F("following_count") - 1)
        User.objects.filter(pk=followed.pk).update(follower_count=F("follower_count") - 1)
    return True


def is_following(follower: User, followed: User) -> bool:
    return Follow.objects.filter(follower=follower, followed=followed).exists()


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
