"""The header's account menu, rendered for each signed-in reader of a kept page (see
wacana/lib/holes.py): the same include base.html renders for everyone else."""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template


def account_nav(request: HttpRequest, args: dict[str, str]) -> str:
    return get_template("includes/account_nav.html").render(
        {"user": request.user, "request": request, "csrf_token": get_token(request)}
    )
