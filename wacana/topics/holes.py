"""A rubric's or tag's follow button, rendered for each signed-in reader of a kept page
(see wacana/lib/holes.py): what {% follow_button %} renders, for this reader."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language

from wacana.articles.models import Category, Tag
from wacana.lib import holes
from wacana.topics import actions
from wacana.topics.templatetags.wacana_topics import follow_button

_KINDS: dict[str, type[Category] | type[Tag]] = {"category": Category, "tag": Tag}


def follow(request: HttpRequest, args: dict[str, str]) -> str:
    # The page's own values (written by its render, not taken from the request): the
    # row itself is not needed, its key and slug are all the button shows or asks.
    target = _KINDS[args["kind"]](pk=int(args["pk"]), slug=args["slug"])
    following = actions.is_following(request.user, target)
    # All the button shows (`holes.once` renders it once per process for each).
    key = ("follow", args["kind"], target.pk, target.slug, following, request.get_full_path())
    return holes.once(
        request,
        (*key, get_language()),
        lambda token: render_to_string(
            "topics/follow_button.html",
            follow_button({"request": request, "csrf_token": token}, target),
        ),
    )
