import hashlib
import secrets
from datetime import timedelta
from functools import lru_cache
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wacana.accounts.ranks import Rank, rank_for
from wacana.accounts.validators import validate_username

DISPLAY_NAME_MAX = 50
# Said wherever a username is refused or looked up in vain (forms, API, pages).
USERNAME_TAKEN = _("This username is already taken.")
NO_SUCH_WRITER = _("No writer has that username.")
TAGLINE_MAX = 100
BIO_MAX = 500


@lru_cache(maxsize=8192)
def _profile_url(username: str) -> str:
    # Every card, comment and author link shows one: reverse() each name once per process.
    return reverse("accounts:profile", kwargs={"username": username})


class UserQuerySet(models.QuerySet["User"]):
    def active(self) -> "UserQuerySet":
        return self.filter(is_active=True)

    def by_username(self, username: str) -> "UserQuerySet":
        return self.filter(username__iexact=username)


class WacanaUserManager(UserManager["User"]):
    def get_queryset(self) -> UserQuerySet:
        return UserQuerySet(self.model, using=self._db)

    def active(self) -> UserQuerySet:
        return self.get_queryset().active()

    def by_username(self, username: str) -> UserQuerySet:
        return self.get_queryset().by_username(username)


class User(AbstractUser):
    """A person on Wacana; the profile lives on the user row (one table, one lookup)."""

    username = models.CharField(
        _("username"),
        max_length=30,
        unique=True,
        validators=[validate_username],
        help_text=_("3–30 lowercase letters, digits, underscores or dots."),
        error_messages={"unique": USERNAME_TAKEN},
    )
    email = models.EmailField(_("email address"), max_length=254)
    # An address given at sign-up that already belonged to another account. The account
    # shows it back as its own (in GET /me), so a sign-up cannot learn whether an address
    # is registered, but it is never mailed, never used for a password reset, and never
    # unique: the address's owner was told by email instead.
    email_unconfirmed = models.EmailField(
        _("unconfirmed email address"), max_length=254, blank=True
    )
    display_name = models.CharField(_("display name"), max_length=DISPLAY_NAME_MAX)
    tagline = models.CharField(_("occupation or tagline"), max_length=TAGLINE_MAX, blank=True)
    bio = models.TextField(_("bio"), max_length=BIO_MAX, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    avatar_small = models.ImageField(_("small avatar"), upload_to="avatars/", blank=True)
    verified = models.BooleanField(_("verified writer"), default=False)
    read_all_pages = models.BooleanField(_("always read articles on one page"), default=False)
    # Stored counts, moved with F() by the actions that change them (never COUNT(*)).
    article_count = models.PositiveIntegerField(default=0, editable=False)
    follower_count = models.PositiveIntegerField(default=0, editable=False)
    following_count = models.PositiveIntegerField(default=0, editable=False)
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)
    # The sum of the account's point events (wacana.points), moved with F() in the same
    # transaction as each event; `manage.py recompute_points` proves it from the ledger.
    # Here, on the row every listing already loads with its writer, so the rank beside a
    # name costs no query. May go below zero (moderation's deductions).
    points = models.IntegerField(_("points"), default=0, editable=False)
    # Set when a moderator suspends the account (is_active goes off too: no sign-in).
    suspended_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects: ClassVar[WacanaUserManager] = WacanaUserManager()

    # Set by Django, not columns: the new password until save() (AbstractBaseUser), and
    # the backend that authenticated this user (for auth.login()).
    _password: str | None
    backend: str

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
            models.UniqueConstraint(
                Lower("email"), name="user_email_ci_unique", condition=~models.Q(email="")
            ),
        ]

    def __str__(self) -> str:
        return self.username

    @property
    def unread_badge(self) -> str:
        """The header's count of unread notifications: "99+" beyond 99."""
        n = self.unread_notifications
        return "99+" if n > 99 else str(n)

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def get_absolute_url(self) -> str:
        return _profile_url(self.username)

    @property
    def rank(self) -> Rank:
        return rank_for(self.points)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Every path that sets a new password (the settings page, a reset link, the
        # admin, `changepassword`) saves through here with _password set; a hash upgrade
        # at sign-in clears it first. A new password ends every API token, so a token
        # taken with the old password stops working.
        password_changed = self._password is not None and not self._state.adding
        if not self._state.adding and kwargs.get("update_fields") is None and not args:
            # The points balance moves only by F() beside its ledger entry: a save of an
            # instance loaded earlier (a profile form, the admin) must not write it back.
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name != "points"
                and field.attname not in deferred
            ]
        super().save(*args, **kwargs)
        if password_changed:
            # Imported here: actions imports this module (a cycle at load time).
            from wacana.accounts.actions import revoke_tokens_of  # noqa: PLC0415 - actions imports this module (a cycle)

            revoke_tokens_of(self)


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_key(self, key: str) -> "ApiTokenQuerySet":
        return self.filter(key_hash=ApiToken.hash_key(key))

    def unexpired(self) -> "ApiTokenQuerySet":
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        )


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a SHA-256 of the key is stored."""

    PREFIX = "wcn_"
    NAME_MAX = 100
    EXPIRY_DAYS_MAX = 3650

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    # The first characters after the prefix, so a person can tell their tokens apart.
    hint = models.CharField(max_length=8)
    # Chosen by the person, to tell their tokens apart ("skrip cadangan", "ponsel").
    name = models.CharField(_("name"), max_length=NAME_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Moved at most once per API_TOKEN_LAST_USED_MINUTES, never on every request.
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.PREFIX}{self.hint}…"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def last_used_is_stale(self) -> bool:
        interval = timedelta(minutes=settings.API_TOKEN_LAST_USED_MINUTES)
        return self.last_used_at is None or timezone.now() - self.last_used_at >= interval

    @staticmethod
    def hash_key(key: str) -> str:
        # Keys are 256 random bits, so a fast unsalted hash is enough: nothing to brute-force.
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def new_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)


class Follow(models.Model):
    """`follower` follows `followed`. The two stored counts on User move with each row."""

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following_rows")
    followed = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follower_rows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            # Also the index the feed's "whom do I follow" subquery reads.
            models.UniqueConstraint(fields=["follower", "followed"], name="follow_unique"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followed")), name="follow_not_self"
            ),
        ]
        indexes = [
            models.Index(fields=["followed", "created_at", "id"], name="follow_followers"),
            models.Index(fields=["follower", "created_at", "id"], name="follow_following"),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} → {self.followed_id}"


# The session model lives in sessions.py; imported here so migrations find it.
from wacana.accounts.sessions import UserSession  # noqa: E402

__all__ = ["ApiToken", "Follow", "User", "UserSession"]
