"""A rubric's or tag's follow button, rendered for each signed-in reader of a kept page
(see wacana/lib/holes.py): what {% follow_button %} renders, for this reader."""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from wacana.articles.models import Category, Tag
from wacana.topics.templatetags.wacana_topics import follow_button

_KINDS: dict[str, type[Category] | type[Tag]] = {"category": Category, "tag": Tag}


def follow(request: HttpRequest, args: dict[str, str]) -> str:
    # The page's own values (written by its render, not taken from the request): the
    # row itself is not needed, its key and slug are all the button shows or asks.
    target = _KINDS[args["kind"]](pk=int(args["pk"]), slug=args["slug"])
    context = follow_button({"request": request, "csrf_token": get_token(request)}, target)
    return render_to_string("topics/follow_button.html", context)
