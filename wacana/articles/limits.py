"""How fast one may save or preview articles (each render of a body costs CPU time):
one limit per account, shared by the writing page and the API."""

from django.utils.translation import ngettext

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.apierrors import ApiError


class TooManyWrites(ApiError):
    def __init__(self, retry_after: int) -> None:
        if retry_after < 120:
            detail = ngettext(
                "You are saving too fast. Please wait %(count)d second and try again.",
                "You are saving too fast. Please wait %(count)d seconds and try again.",
                retry_after,
            ) % {"count": retry_after}
        else:
            minutes = (retry_after + 59) // 60
            detail = ngettext(
                "You are saving too fast. Please wait %(count)d minute and try again.",
                "You are saving too fast. Please wait %(count)d minutes and try again.",
                minutes,
            ) % {"count": minutes}
        super().__init__(429, detail, headers={"Retry-After": str(retry_after)})
        self.retry_after = retry_after


def check_write_limit(user: User) -> None:
    """Count one save, preview or edit by `user`; raise TooManyWrites when over."""
    limited = ratelimit.hit("article_write", f"user:{user.pk}")
    if limited:
        raise TooManyWrites(limited.retry_after)
