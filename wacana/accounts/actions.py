"""Writes with side effects for accounts. Views and the API call these, nothing else."""

import functools
import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Field
from django.utils import timezone
from django.utils.translation import gettext as _

from wacana.accounts import hooks
from wacana.accounts.models import USERNAME_TAKEN, ApiToken, Follow, User
from wacana.accounts.tasks import tell_owner_of_signup
from wacana.accounts.validators import (
    EMPTY_DISPLAY_NAME,
    normalize_email_address,
    normalize_username,
    validate_username,
)
from wacana.lib import images, pagecache
from wacana.lib.refusal import Refusal

AVATAR_SIZES = (256, 96)


class UsernameTaken(Refusal):
    """The username is someone else's: said in general, and at the field "username"."""

    status = 409

    def __init__(self, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(errors=errors or {"username": [str(USERNAME_TAKEN)]})

    def default_message(self) -> str:
        return _("That username is already in use.")


class CannotFollowSelf(Refusal):
    status = 422

    def default_message(self) -> str:
        return _("You cannot follow yourself.")


def clean_username(raw: str) -> str:
    username = normalize_username(raw)
    validate_username(username)
    return username


def create_account(
    *, username: str, email: str, password: str, display_name: str, reset_url: str = ""
) -> User:
    """Create an account after every rule holds; raises ValidationError or UsernameTaken.

    A taken username is refused (usernames are public, so that tells nothing). A taken
    email address is not: refusing it would tell anyone whether an address has an
    account. The sign-up goes through exactly as any other, but the new account does
    not get the address: it is kept as `email_unconfirmed`, shown back to the account
    as given and never mailed. The address's owner is told by email that someone tried,
    with the way back in (`reset_url`, the password-reset page) in case it was them.
    """
    username = clean_username(username)
    email = normalize_email_address(email)
    display_name = display_name.strip() or username
    user = User(username=username, email=email, display_name=display_name)
    password_validation.validate_password(password, user)
    if User.objects.by_username(username).exists():
        raise UsernameTaken
    owner = _owner_of(email)
    if owner is not None:
        user.email, user.email_unconfirmed = "", email
    user.set_password(password)
    try:
        _save_new(user)
    except IntegrityError:
        # Two sign-ups raced for the same name or address: the constraint decided.
        if User.objects.by_username(username).exists():
            raise UsernameTaken from None
        owner = _owner_of(email)
        user.pk, user.email, user.email_unconfirmed = None, "", email
        _save_new(user)
    if owner is not None:
        _tell_owner_of_signup(owner, reset_url)
    return user


@transaction.atomic
def _save_new(user: User) -> None:
    user.save()
    hooks.signed_up(user)


def _owner_of(email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def _tell_owner_of_signup(owner: User, reset_url: str) -> None:
    owner_id = owner.pk
    # By the worker: mail sent here would make this sign-up slower than any other.
    transaction.on_commit(lambda: tell_owner_of_signup.enqueue(owner_id, reset_url))


def update_profile(user: User, **fields: str) -> User:
    allowed = {"display_name", "tagline", "bio"}
    changed = []
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(user, name, value.strip())
        changed.append(name)
    if "display_name" in changed and not user.display_name:
        raise ValidationError({"display_name": [str(EMPTY_DISPLAY_NAME)]})
    user.full_clean(exclude=["password", "username", "email", "avatar", "avatar_small"])
    if changed:
        user.save(update_fields=changed)
        if "display_name" in changed and user.article_count:
            pagecache.forget()  # the writer's name on the cards of kept pages
    return user


def delete_avatar_files(names: list[str]) -> None:
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
    transaction.on_commit(lambda: delete_avatar_files(old))
    return user


def remove_avatar(user: User) -> User:
    old = [user.avatar.name, user.avatar_small.name]
    user.avatar = ""
    user.avatar_small = ""
    user.save(update_fields=["avatar", "avatar_small"])
    transaction.on_commit(lambda: delete_avatar_files(old))
    return user


def create_token(
    user: User, *, name: str = "", expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Create an API token; return it and its key (shown once: only its hash is kept)."""
    key = ApiToken.new_key()
    with transaction.atomic():
        # Expired tokens can never work again; they go when a new one is made.
        user.api_tokens.filter(expires_at__lte=timezone.now()).delete()
        token = ApiToken.objects.create(
            user=user,
            key_hash=ApiToken.hash_key(key),
            hint=key[len(ApiToken.PREFIX) :][:8],
            name=name,
            expires_at=expires_at,
        )
    return token, key


def issue_token(user: User, *, name: str = "", expires_at: datetime | None = None) -> str:
    """Create an API token and return its key; only its hash is kept."""
    return create_token(user, name=name, expires_at=expires_at)[1]


def revoke_token(key: str) -> None:
    ApiToken.objects.for_key(key).delete()


def revoke_token_of(user: User, token_id: int) -> bool:
    """Revoke one of `user`'s tokens; False when they have no token with that id."""
    deleted, _rows = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def revoke_tokens_of(user: User) -> int:
    """Revoke every API token of `user` (also called on every password change)."""
    deleted, _rows = ApiToken.objects.filter(user=user).delete()
    return deleted


def note_token_used(token: ApiToken) -> None:
    """Record that `token` was used, at most once per API_TOKEN_LAST_USED_MINUTES.

    Checked against the row already read, so most requests write nothing; the filter on
    the old value keeps two racing requests to one write.
    """
    if not token.last_used_is_stale():
        return
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk, last_used_at=token.last_used_at).update(last_used_at=now)
    token.last_used_at = now


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
        hooks.followed(follower, followed)
    pagecache.touch(pagecache.FEED, follower.pk)
    return True


def unfollow(follower: User, followed: User) -> bool:
    """Stop `follower` following `followed`; True if a follow was really removed."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(follower=follower, followed=followed).delete()
        if not deleted:
            return False
        User.objects.filter(pk=follower.pk).update(following_count=F("following_count") - 1)
        User.objects.filter(pk=followed.pk).update(follower_count=F("follower_count") - 1)
    pagecache.touch(pagecache.FEED, follower.pk)
    return True


def is_following(follower: User, followed: User) -> bool:
    # Asked for each signed-in reader of a kept profile (its follow button): composing
    # the ORM's query cost 0.3 ms of CPU, running this one a twentieth of that.
    with connection.cursor() as db:
        db.execute(_following_sql(connection.vendor), [follower.pk, followed.pk])
        return db.fetchone() is not None


@functools.cache
def _following_sql(vendor: str) -> str:
    def column(name: str) -> str:
        found = Follow._meta.get_field(name)
        assert isinstance(found, Field)  # a concrete column
        return connection.ops.quote_name(found.column)

    table = connection.ops.quote_name(Follow._meta.db_table)
    where = f"{column('follower')} = %s AND {column('followed')} = %s"
    return f"SELECT 1 FROM {table} WHERE {where} LIMIT 1"  # noqa: S608 - the model's names; values are parameters
