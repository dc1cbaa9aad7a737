"""How fast one may save or preview articles (each render of a body costs CPU time):
one limit per account, shared by the writing page and the API."""

from django.utils.translation import ngettext

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.refusal import RateLimited


class TooManyWrites(RateLimited):
    def default_message(self) -> str:
        if self.retry_after < 120:
            return ngettext(
                "You are saving too fast. Please wait %(count)d second and try again.",
                "You are saving too fast. Please wait %(count)d seconds and try again.",
                self.retry_after,
            ) % {"count": self.retry_after}
        return ngettext(
            "You are saving too fast. Please wait %(count)d minute and try again.",
            "You are saving too fast. Please wait %(count)d minutes and try again.",
            self.minutes,
        ) % {"count": self.minutes}


def check_write_limit(user: User) -> None:
    """Count one save, preview or edit by `user`; raise TooManyWrites when over."""
    limited = ratelimit.hit("article_write", f"user:{user.pk}")
    if limited:
        raise TooManyWrites(limited.retry_after)
