"""Rate limits on reports: per account (stricter for new accounts) and per address."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.lib import ratelimit
from wacana.lib.apierrors import ApiError
from wacana.lib.clientip import client_ip

NEW_ACCOUNT_AGE = timedelta(hours=24)


class TooManyReports(ApiError):
    def __init__(self, retry_after: int) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        super().__init__(
            429,
            _(
                "You have sent many reports in a short time. "
                "Please try again in %(minutes)d minutes."
            )
            % {"minutes": minutes},
            headers={"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after


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
