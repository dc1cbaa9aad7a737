"""Rate limits on reports: per account (stricter for new accounts) and per address."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip
from wacana.lib.refusal import RateLimited

NEW_ACCOUNT_AGE = timedelta(hours=24)


class TooManyReports(RateLimited):
    def default_message(self) -> str:
        return _(
            "You have sent many reports in a short time. Please try again in %(minutes)d minutes."
        ) % {"minutes": self.minutes}


def check_report_limits(request: HttpRequest, reporter: User) -> None:
    """Count one report attempt; raise TooManyReports when a limit is passed."""
    is_new = reporter.date_joined > timezone.now() - NEW_ACCOUNT_AGE
    for name, key in (
        ("report_new_account" if is_new else "report", str(reporter.pk)),
        ("report_address", client_ip(request)),
    ):
        limited = ratelimit.hit(name, key)
        if limited:
            raise TooManyReports(limited.retry_after)
