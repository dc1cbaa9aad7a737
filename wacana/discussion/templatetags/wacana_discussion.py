"""The comment thread under an article, rendered by the discussion app.

The article page (articles, a lower layer) writes `{% comment_thread article %}` and
needs to know nothing else of comments: which ones the reader may see, the cursor, the
forms. One query for the comments, none per comment (see threads.thread_for).
"""

from typing import Any

from django import template

from wacana.discussion.threads import thread_for

register = template.Library()


@register.inclusion_tag("discussion/thread.html", takes_context=True)
def comment_thread(context: template.Context, article: Any) -> dict[str, Any]:
    # The whole page context goes along (user, request, the CSRF token, the language):
    # the thread's includes read them as the page's own did.
    values: dict[str, Any] = {str(name): value for name, value in context.flatten().items()}
    values["thread"] = thread_for(context["request"], article)
    return values
