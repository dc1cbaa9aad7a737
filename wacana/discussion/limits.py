"""How fast one may comment: per account (stricter for new accounts) and per address."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.apierrors import ApiError
from wacana.lib.clientip import client_ip

NEW_ACCOUNT_AGE = timedelta(hours=24)


class TooManyComments(ApiError):
    def __init__(self, retry_after: int) -> None:
        if retry_after < 120:
            detail = ngettext(
                "You are commenting too fast. Please wait %(count)d second and try again.",
                "You are commenting too fast. Please wait %(count)d seconds and try again.",
                retry_after,
            ) % {"count": retry_after}
        else:
            minutes = (retry_after + 59) // 60
            detail = ngettext(
                "You are commenting too fast. Please wait %(count)d minute and try again.",
                "You are commenting too fast. Please wait %(count)d minutes and try again.",
                minutes,
            ) % {"count": minutes}
        super().__init__(429, detail, headers={"Retry-After": str(retry_after)})
        self.retry_after = retry_after


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
