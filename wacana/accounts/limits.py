"""Rate limits on sign-up and password reset, shared by the HTML pages and the API.

Sign-in limits live in signin.py, with the one function every sign-in path calls.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip
from wacana.lib.refusal import RateLimited


class TooManyAttempts(RateLimited):
    def default_message(self) -> str:
        return _("Too many attempts. Please try again in %(minutes)d minutes.") % {
            "minutes": self.minutes
        }


def _check(name: str, key: str) -> None:
    limited = ratelimit.hit(name, key)
    if limited:
        raise TooManyAttempts(limited.retry_after)


def check_signup_limit(request: HttpRequest) -> None:
    _check("signup", client_ip(request))


def check_password_reset_limit(request: HttpRequest) -> None:
    _check("password_reset", client_ip(request))
