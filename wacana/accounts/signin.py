"""Signing in: one function for `/masuk`, `/admin/login/` and `POST /api/v1/auth/token`.

Every sign-in path calls `sign_in()`, so the limits, the lockout and the timing are the
same whichever door a guesser knocks on.

The username typed is read in one form, `normalize_login_name()` (NFKC, then case
folding), for the lookup and for every per-account limit, so a look-alike spelling
(full-width letters, capitals) reaches neither a different account nor a fresh counter.

Lockouts follow OWASP's device-cookie scheme ("Slow down online guessing attacks with
device cookies"), so a guesser locks themselves out, not the owner:

- A successful sign-in sets a device cookie: signed with the site's secret, it names
  the account and carries a random nonce; it lasts `DEVICE_COOKIE_AGE`. One cookie per
  browser: signing in to another account replaces it.
- An attempt that carries a valid device cookie for the account typed is *trusted*.
  Its failures count against that device's nonce only (`login_device`); over the limit,
  only that device waits.
- Any other attempt is *untrusted*. Its failures count per account and address
  (`login_account_address`: one address guessing waits) and per account across all
  untrusted clients (`login_account`, set higher: many addresses guessing together
  lock untrusted clients out of that account, never a device that signed in before).
- Every attempt, good or bad, counts per address (`login`).
- A locked attempt is refused before the password is checked, whatever it is, so the
  answer says nothing about the password.

Unknown usernames cost what known ones do: the password is checked against a dummy hash
with the same hasher, so the time taken does not tell who has an account.
"""

import secrets
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core import signing
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext_lazy

from wacana.accounts.backends import BACKEND
from wacana.accounts.limits import TooManyAttempts
from wacana.accounts.models import User
from wacana.accounts.validators import is_username_shaped, normalize_login_name
from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip
from wacana.lib.refusal import Refusal

DEVICE_COOKIE = "wacana_perangkat"
DEVICE_COOKIE_AGE = 60 * 60 * 24 * 180
_DEVICE_SALT = "wacana.accounts.signin.device"
# Longer than any username, short enough that normalising it costs nothing.
_NAME_MAX = 200


# The one sentence for a wrong username or password, on the sign-in page and in the API.
WRONG_CREDENTIALS = gettext_lazy("The username or password is not correct.")


class SignInRefused(Refusal):
    """The username or password is wrong (one answer for both, and for inactive accounts)."""

    status = 401

    def default_message(self) -> str:
        return str(WRONG_CREDENTIALS)


def sign_in(request: HttpRequest, username: str, password: str) -> User:
    """Check a sign-in attempt against the limits and the password; return the person.

    Raises TooManyAttempts (with Retry-After) when this client may not try now, and
    SignInRefused when the username or password is wrong.
    """
    name = normalize_login_name(username[:_NAME_MAX])
    address = client_ip(request)
    _raise_if(ratelimit.hit("login", address))
    device = _trusted_device(request, name)
    if device:
        _raise_if(ratelimit.peek("login_device", device))
    else:
        _raise_if(ratelimit.peek("login_account_address", _pair(name, address)))
        _raise_if(ratelimit.peek("login_account", name))
    user = _check_credentials(name, password)
    if user is None:
        if device:
            ratelimit.hit("login_device", device)
        else:
            ratelimit.hit("login_account_address", _pair(name, address))
            ratelimit.hit("login_account", name)
        raise SignInRefused
    # Django's backend name, for auth.login() when more than one backend is configured.
    user.backend = BACKEND
    return user


def remember_device(response: HttpResponseBase, user: User) -> None:
    """After a successful sign-in: mark this browser or client as the account's device."""
    value = f"{user.username}:{secrets.token_urlsafe(16)}"
    response.set_signed_cookie(
        DEVICE_COOKIE,
        value,
        salt=_DEVICE_SALT,
        max_age=DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _trusted_device(request: HttpRequest, name: str) -> str | None:
    """The nonce of a valid device cookie for account `name`, else None."""
    try:
        value = request.get_signed_cookie(
            DEVICE_COOKIE, default=None, salt=_DEVICE_SALT, max_age=DEVICE_COOKIE_AGE
        )
    except signing.BadSignature:
        return None
    if not value:
        return None
    account, _sep, nonce = value.rpartition(":")
    return nonce if nonce and account == name else None


def _pair(name: str, address: str) -> str:
    # The rate-limit store hashes keys with a secret, so the pair is never readable there.
    return f"{name}\n{address}"


def _raise_if(limited: ratelimit.Limited | None) -> None:
    if limited:
        raise TooManyAttempts(limited.retry_after)


@lru_cache(maxsize=4)
def _dummy_hash(hashers: tuple[str, ...]) -> str:
    # Made with the preferred hasher, so checking it costs what a real account's check does.
    return make_password(secrets.token_urlsafe(16))


def _check_credentials(name: str, password: str) -> User | None:
    user = User.objects.filter(username=name).first() if is_username_shaped(name) else None
    if user is None:
        # Same work as a real check, so an unknown (or malformed) name is not faster.
        check_password(password, _dummy_hash(tuple(settings.PASSWORD_HASHERS)))
        return None
    # The password first, then the state: an inactive account costs the same time.
    if not user.check_password(password) or not user.is_active:
        return None
    return user
