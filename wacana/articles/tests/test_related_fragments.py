"""Hidden content leaves every cached fragment at once: the "more in this category / from
this writer" links and the cached anonymous article block that holds them are keyed by
per-category and per-writer versions, which every change of visibility moves."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles import actions
from wacana.articles.models import Article
from wacana.testing.content import publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any) -> Any:
    """Runs what follows a commit in production right after the change (the test's own
    transaction is never committed), so the tests see what a reader would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


TITLE = "Senja di Pelabuhan Kalimas"


def _hide(article: Article, writer: User) -> None:
    assert actions.hide_article(article)


def _unpublish(article: Article, writer: User) -> None:
    actions.unpublish_article(writer, article)


def _delete(article: Article, writer: User) -> None:
    actions.delete_article(writer, article)


def _suspend_writer(article: Article, writer: User) -> None:
    assert actions.hide_articles_of(writer) >= 1


CHANGES: dict[str, Callable[[Article, User], None]] = {
    "hide": _hide,
    "unpublish": _unpublish,
    "delete": _delete,
    "suspend-writer": _suspend_writer,
}


def page_of(article: Article, client: Client | None = None) -> str:
    response = (client or Client()).get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("change", "relation"),
    [(change, "same-category") for change in CHANGES]
    # A suspension hides the writer's other articles too: no page of theirs to look at.
    + [(change, "same-writer") for change in CHANGES if change != "suspend-writer"],
)
def test_a_removed_article_is_gone_from_cached_article_pages_at_once(
    writer: User, change: str, relation: str, commit: Any
) -> None:
    gone = publish(writer, title=TITLE)
    if relation == "same-category":
        # Another writer, the same category: only the category's version links them.
        other = publish(make_user("penulis2"), title="Lontong Balap Surabaya")
    else:
        other = publish(writer, title="Lontong Balap Surabaya", category="bisnis")
    # Twice: the second is served from the cached article block (and cached links).
    assert TITLE in page_of(other)
    assert TITLE in page_of(other)
    with commit():
        CHANGES[change](gone, writer)
    assert TITLE not in page_of(other)


def test_a_restored_or_renamed_article_shows_at_once(writer: User, commit: Any) -> None:
    shown = publish(writer, title=TITLE)
    other = publish(make_user("penulis2"), title="Lontong Balap Surabaya")
    assert TITLE in page_of(other)
    with commit():
        actions.hide_article(shown)
    assert TITLE not in page_of(other)
    with commit():
        actions.restore_article(shown)
    assert TITLE in page_of(other)
    with commit():
        actions.update_article(writer, shown, {"title": "Fajar di Pelabuhan Kalimas"})
    html = page_of(other)
    assert "Fajar di Pelabuhan Kalimas" in html
    assert TITLE not in html


def test_an_article_moved_to_another_category_leaves_the_old_ones_links(
    writer: User, commit: Any
) -> None:
    from wacana.articles.models import Category

    moving = publish(writer, title=TITLE)
    other = publish(make_user("penulis2"), title="Lontong Balap Surabaya")
    assert TITLE in page_of(other)
    with commit():
        actions.update_article(writer, moving, {"category": Category.objects.get(slug="bisnis")})
    assert TITLE not in page_of(other)


def test_the_links_cost_no_query_once_cached(writer: User, django_assert_num_queries: Any) -> None:
    publish(writer, title=TITLE)
    other = publish(make_user("penulis2"), title="Lontong Balap Surabaya")
    page_of(other)
    from wacana.articles import related

    with django_assert_num_queries(0):
        links = related.for_article(other)
    assert [item["title"] for item in links["same_category"]] == [TITLE]


def test_signed_in_readers_see_the_change_too(writer: User, reader: User, commit: Any) -> None:
    gone = publish(writer, title=TITLE)
    other = publish(make_user("penulis2"), title="Lontong Balap Surabaya")
    client = Client()
    client.force_login(reader)
    assert not is_editor(reader)
    assert TITLE in page_of(other, client)
    with commit():
        actions.hide_article(gone)
    assert TITLE not in page_of(other, client)
