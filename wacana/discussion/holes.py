"""The comment thread of a kept article page, rendered for each signed-in reader (see
wacana/lib/holes.py): their comment form, their own comments' tools, report links."""

from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.translation import get_language

from wacana.articles.holes import article_for
from wacana.discussion.threads import thread_for
from wacana.lib import holes


def comment_thread(request: HttpRequest, args: dict[str, str]) -> str:
    article = article_for(request, int(args["pk"]))
    thread = thread_for(request, article)

    def render(token: str) -> str:
        return get_template("discussion/thread.html").render(
            {
                "user": request.user,
                "request": request,
                "csrf_token": token,
                "article": article,
                "thread": thread,
            }
        )

    if thread.comments or thread.is_later_page or thread.next_cursor:
        return render(holes.token(request))
    # No comment to show (most articles): the part shows only the article's key, its
    # count and whether the reader may comment, so it is rendered once per process.
    key = ("thread", article.pk, thread.count, thread.is_open, thread.can_comment, get_language())
    return holes.once(request, key, render)
