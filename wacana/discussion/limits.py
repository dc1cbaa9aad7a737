"""How fast one may comment: per account (stricter for new accounts) and per address."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip
from wacana.lib.refusal import RateLimited

NEW_ACCOUNT_AGE = timedelta(hours=24)


class TooManyComments(RateLimited):
    def default_message(self) -> str:
        if self.retry_after < 120:
            return ngettext(
                "You are commenting too fast. Please wait %(count)d second and try again.",
                "You are commenting too fast. Please wait %(count)d seconds and try again.",
                self.retry_after,
            ) % {"count": self.retry_after}
        return ngettext(
            "You are commenting too fast. Please wait %(count)d minute and try again.",
            "You are commenting too fast. Please wait %(count)d minutes and try again.",
            self.minutes,
        ) % {"count": self.minutes}


def account_limit(user: User) -> str:
    if user.date_joined > timezone.now() - NEW_ACCOUNT_AGE:
        return "comment_new_account"
    return "comment"


def check_comment_limits(request: HttpRequest, user: User) -> None:
    """Count one comment attempt; raise TooManyComments when over either limit."""
    for name, key in (
        (account_limit(user), f"user:{user.pk}"),
        ("comment_address", client_ip(request)),
    ):
        limited = ratelimit.hit(name, key)
        if limited:
            raise TooManyComments(limited.retry_after)
