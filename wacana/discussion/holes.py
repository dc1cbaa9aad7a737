"""The comment thread of a kept article page, rendered for each signed-in reader (see
wacana/lib/holes.py): their comment form, their own comments' tools, report links."""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template

from wacana.articles.holes import article_for
from wacana.discussion.threads import thread_for


def comment_thread(request: HttpRequest, args: dict[str, str]) -> str:
    article = article_for(request, int(args["pk"]))
    return get_template("discussion/thread.html").render(
        {
            "user": request.user,
            "request": request,
            "csrf_token": get_token(request),
            "article": article,
            "thread": thread_for(request, article),
        }
    )
