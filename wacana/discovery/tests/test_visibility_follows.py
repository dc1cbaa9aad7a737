"""Whatever changes an article's visibility, what is derived from it follows: the search
index, the cached home page and the other articles' cached related links. The article
actions gather this in one place (articles.actions._visibility_changed), calling the
hooks discovery registers; before, publishing and restoring left the home cache alone."""

from collections.abc import Callable
from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles import actions, related
from wacana.articles.models import Article
from wacana.discovery import home
from wacana.discovery.models import SearchEntry
from wacana.testing.content import draft, publish

pytestmark = pytest.mark.django_db


def _hidden(writer: User) -> Article:
    article = publish(writer, "Sekolah di Tepi Sungai")
    actions.hide_article(article)
    return article


# name: (how the article starts, the change, whether it is public afterwards)
CHANGES: dict[str, tuple[Callable[[User], Article], Callable[[User, Article], Any], bool]] = {
    "publish": (
        lambda w: draft(w, "Sekolah di Tepi Sungai"),
        lambda w, a: actions.publish_article(w, a),
        True,
    ),
    "unpublish": (
        lambda w: publish(w, "Sekolah di Tepi Sungai"),
        lambda w, a: actions.unpublish_article(w, a),
        False,
    ),
    "hide": (
        lambda w: publish(w, "Sekolah di Tepi Sungai"),
        lambda w, a: actions.hide_article(a),
        False,
    ),
    "restore": (_hidden, lambda w, a: actions.restore_article(a), True),
    "delete": (
        lambda w: publish(w, "Sekolah di Tepi Sungai"),
        lambda w, a: actions.delete_article(w, a),
        False,
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_of_visibility_refreshes_search_home_and_related(
    writer: User, change: str
) -> None:
    start, act, public_after = CHANGES[change]
    article = start(writer)
    pk = article.pk
    home_before = home.version()
    related_before = related.for_article(article)["related_version"]

    act(writer, article)

    assert SearchEntry.objects.filter(article_id=pk).exists() is public_after
    assert home.version() != home_before, "the home page's cache was not refreshed"
    assert related.for_article(article)["related_version"] != related_before
