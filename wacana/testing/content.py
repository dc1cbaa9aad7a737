"""Articles and comments made through the actions, as the pages and the API make them."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import F

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.forms import TagsField
from wacana.articles.models import Article, Category
from wacana.discovery import search
from wacana.discussion import actions as discussion_actions
from wacana.discussion.models import Comment
from wacana.moderation import actions as moderation_actions
from wacana.moderation import targets
from wacana.moderation.models import Report

TITLE = "Catatan dari Ende"
BODY = "Pagi itu sawah di Ende masih berkabut."


def category(slug: str) -> Category:
    return Category.objects.get(slug=slug)


def draft(
    author: User,
    title: str = TITLE,
    body: str = BODY,
    category: str | Category = "sekolah",
    tags: str | Sequence[str] = "",
    **extra: Any,
) -> Article:
    """A draft of `author`'s; `tags` as the form takes them ("a, b") or as a list."""
    data = {
        "title": title,
        "body": body,
        "category": category
        if isinstance(category, Category)
        else Category.objects.get(slug=category),
        "tags": TagsField(required=False).clean(tags),
        **extra,
    }
    return actions.create_article(author, data)


def publish(
    author: User,
    title: str = TITLE,
    body: str = BODY,
    category: str | Category = "sekolah",
    tags: str | Sequence[str] = "",
    *,
    at: datetime | None = None,
    **extra: Any,
) -> Article:
    """A published article of `author`'s; `at` backdates (or postdates) its publication."""
    article = draft(author, title, body, category, tags, **extra)
    if at is not None:
        article.published_at = at
        article.save(update_fields=["published_at"])
    return actions.publish_article(author, article)


def fresh(article: Article) -> Article:
    """`article` as the database has it now."""
    return Article.objects.get(pk=article.pk)


def comment(
    author: User, article: Article, body: str = "Tulisan yang bagus.", parent: Any = None
) -> Comment:
    """A comment posted as the page posts one (limits and checks included)."""
    article = Article.objects.select_related("author").get(pk=article.pk)
    return discussion_actions.post_comment(author, article, body, parent)


def add_comment(article: Article, author: User, body: str = "Tulisan yang bagus.") -> Comment:
    """A comment made directly in the database (no checks), counted on its article."""
    made = Comment.objects.create(
        article=article, author=author, body=body, body_html=f"<p>{body}</p>"
    )
    Article.objects.filter(pk=article.pk).update(comment_count=F("comment_count") + 1)
    return made


def file_report(
    reporter: User, target: str, target_id: Any, reason: str = "spam", detail: str = ""
) -> Report:
    """A report as the API or the page would file it (limits aside)."""
    found = targets.reportable(reporter, target, int(target_id))
    return moderation_actions.file_report(reporter, found, reason, detail)


def curate(editor: User, article: Article, kind: str = actions.PICK, on: bool = True) -> Any:
    """`editor` makes `article` a pick (or, by `kind`, a headline), or takes it back."""
    return actions.curate(editor, fresh(article), kind, on)


def assert_count_exact(article: Article) -> None:
    """The article's stored comment count is the number of its visible comments."""
    visible = Comment.objects.filter(article=article, status="visible").count()
    assert fresh(article).comment_count == visible


def assert_reply_counts_exact(article: Article) -> None:
    """Each top-level comment's stored reply count is the number of its visible replies."""
    for top in Comment.objects.filter(article=article, parent__isnull=True):
        assert top.reply_count == top.replies.filter(status="visible").count(), top.pk


def found(q: str, **filters: Any) -> list[int]:
    """Ids of every article search finds for `q`, best first, across all pages."""
    terms = search.query_stems(q)
    ids: list[int] = []
    after = None
    while True:
        page = search.search(terms, search.Filters(**filters), after, limit=2)
        ids += [hit.article.pk for hit in page.items]
        if page.next_cursor is None:
            return ids
        after = page.next_cursor
