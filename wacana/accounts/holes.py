"""Holes of kept pages (see wacana/lib/holes.py) that accounts fills for each signed-in
reader: the header's account menu, the author card's follow button on an article, and on
a profile what the reader may do with its writer. Each renders the same include the page
renders for everyone else."""

from typing import Any

from django.http import HttpRequest

from wacana.accounts import actions
from wacana.accounts.models import User
from wacana.accounts.roles import group_names
from wacana.lib import holes


def _menu_key(user: Any) -> tuple[object, ...]:
    """Everything includes/account_nav.html (and the avatar it includes) shows of the
    reader or depends on: the menu is rendered once per process for each, and for each
    language (`holes.once_template`)."""
    return (
        "account",
        user.pk,
        user.username,
        user.display_name,
        user.avatar.name,
        user.avatar_small.name,
        user.unread_notifications,
        user.is_active,
        user.is_staff,
        user.is_superuser,
        group_names(user),
    )


def account_nav(request: HttpRequest, args: dict[str, str]) -> str:
    user = request.user
    return holes.once_template(request, _menu_key(user), "includes/account_nav.html", {})


def writer_actions(request: HttpRequest, args: dict[str, str]) -> str:
    """Follow or unfollow, report, or (the writer themself) edit the profile."""
    # The page's own values (written by its render, not taken from the request): the
    # key and username are all the include shows or asks of the writer.
    person = User(pk=int(args["pk"]), username=args["username"])
    viewer = request.user
    following = (
        isinstance(viewer, User) and viewer.pk != person.pk and actions.is_following(viewer, person)
    )
    own = viewer.pk == person.pk
    key = ("writer_actions", person.pk, person.username, own, following)
    return holes.once_template(
        request,
        key,
        "accounts/includes/writer_actions.html",
        {"person": person, "is_following": following},
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
    # All the button shows or depends on (`holes.once` renders it once per process).
    path = request.get_full_path()
    key = ("follow_writer", writer.pk, writer.username, state, args["next"], path)
    return holes.once_template(
        request,
        key,
        "includes/follow_writer.html",
        {"person": writer, "follow_state": state, "next_url": args["next"]},
    )
