"""The comment thread shown under an article (built by the discussion app)."""

from typing import Any

from django.http import HttpRequest

from wacana.articles.models import Article


def thread_for(request: HttpRequest, article: Article) -> Any:
    """Everything the thread template needs; one query for the comments, none per comment."""
    return None
