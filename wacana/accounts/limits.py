"""Rate limits on sign-up and sign-in, shared by the HTML pages and the API."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from wacana.lib import ratelimit
from wacana.lib.apierrors import ApiError
from wacana.lib.clientip import client_ip


class TooManyAttempts(ApiError):
    def __init__(self, retry_after: int) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        super().__init__(
            429,
            _("Too many attempts. Please try again in %(minutes)d minutes.") % {"minutes": minutes},
            headers={"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after


def _check(name: str, key: str) -> None:
    limited = ratelimit.hit(name, key)
    if limited:
        raise TooManyAttempts(limited.retry_after)


def check_signup_limit(request: HttpRequest) -> None:
    _check("signup", client_ip(request))


def check_login_limits(request: HttpRequest, username: str) -> None:
    _check("login", client_ip(request))
    # Guessing one account's password from many addresses is slowed too; only failures
    # count, so the owner is not locked out by their own successful sign-ins.
    limited = ratelimit.peek("login_account", username) if username else None
    if limited:
        raise TooManyAttempts(limited.retry_after)


def note_login_failure(request: HttpRequest, username: str) -> None:
    if username:
        ratelimit.hit("login_account", username)


def check_password_reset_limit(request: HttpRequest) -> None:
    _check("password_reset", client_ip(request))
