"""Accounts' reader holes (see wacana/lib/holes.py): the header's account menu and the
author card's follow button, rendered for each signed-in reader of a kept page from the
same includes the page renders for everyone else."""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template

from wacana.accounts import actions
from wacana.accounts.models import User


def account_nav(request: HttpRequest, args: dict[str, str]) -> str:
    return get_template("includes/account_nav.html").render(
        {"user": request.user, "request": request, "csrf_token": get_token(request)}
    )


def follow_writer(request: HttpRequest, args: dict[str, str]) -> str:
    """The author card's follow button (templates/includes/follow_writer.html)."""
    writer = User(pk=int(args["pk"]), username=args["username"])
    user = request.user
    state = (
        actions.is_following(user, writer)
        if isinstance(user, User) and user.pk != writer.pk
        else None
    )
    return get_template("includes/follow_writer.html").render(
        {
            "user": user,
            "request": request,
            "csrf_token": get_token(request),
            "person": writer,
            "follow_state": state,
            "next_url": args["next"],
        }
    )
