"""Holes of kept pages (see wacana/lib/holes.py) that accounts fills for each signed-in
reader: the header's account menu, and on a profile what the reader may do with its
writer. Each renders the same include the page renders for everyone else."""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template

from wacana.accounts import actions
from wacana.accounts.models import User


def account_nav(request: HttpRequest, args: dict[str, str]) -> str:
    return get_template("includes/account_nav.html").render(
        {"user": request.user, "request": request, "csrf_token": get_token(request)}
    )


def writer_actions(request: HttpRequest, args: dict[str, str]) -> str:
    """Follow or unfollow, report, or (the writer themself) edit the profile."""
    # The page's own values (written by its render, not taken from the request): the
    # key and username are all the include shows or asks of the writer.
    person = User(pk=int(args["pk"]), username=args["username"])
    viewer = request.user
    following = (
        isinstance(viewer, User) and viewer.pk != person.pk and actions.is_following(viewer, person)
    )
    return get_template("accounts/includes/writer_actions.html").render(
        {
            "user": viewer,
            "person": person,
            "is_following": following,
            "request": request,
            "csrf_token": get_token(request),
        }
    )
