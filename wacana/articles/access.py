"""Who may open or change an article: every view and API handler asks here."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from wacana.accounts.roles import is_editor, may_act_on
from wacana.articles.models import Article


def get_article_for_reading(user: Any, pk: int) -> Article:
    """The article if `user` may see it; drafts and hidden ones are 404 to others."""
    # The Markdown source is not needed to read (pages are stored rendered), nor are
    # the writer's private columns.
    queryset = (
        Article.objects.visible_to(user)
        .select_related("author", "category", "category__parent")
        .defer("body", "author__password", "author__email", "author__last_login")
    )
    return get_object_or_404(queryset, pk=pk)


def can_edit(user: Any, article: Article) -> bool:
    """Its writer, or an editor (or administrator) who may act on the writer (not an
    administrator's article for a mere editor: see accounts.roles.may_act_on)."""
    if not user.is_authenticated:
        return False
    if article.author_id == user.pk:
        return True
    return is_editor(user) and may_act_on(user, article.author)


def get_article_for_edit(user: Any, pk: int) -> Article:
    """The article if `user` may change it (its author or staff), else 404.

    Someone who may not edit gets 404 rather than 403, so drafts don't leak their ids.
    """
    article = get_article_for_reading(user, pk)
    if not can_edit(user, article):
        raise Http404
    return article
