"""Helpers shared by the moderation tests."""

from typing import Any

from django.contrib.auth.models import Group
from django.db.models import F
from django.test import Client
from django.utils import translation

from wacana.accounts.models import User
from wacana.articles import actions as article_actions
from wacana.articles.models import Article, Category
from wacana.discussion.models import Comment
from wacana.moderation import actions, targets
from wacana.moderation.models import Report
from wacana.testing.personas import make_user


def indonesian(message: str, **params: Any) -> str:
    """What the Indonesian interface shows for `message`."""
    with translation.override("id"):
        text = translation.gettext(message)
    return text % params if params else text


def write_article(author: User, title: str = "Banjir di Pesisir Demak", **extra: Any) -> Article:
    category = Category.objects.get(slug=extra.pop("category", "pertanian"))
    article = article_actions.create_article(
        author,
        {
            "title": title,
            "body": "Air laut naik setiap sore. Warga memindahkan perabot ke loteng.",
            "category": category,
            "tags": [],
        },
    )
    if extra.get("publish", True):
        article_actions.publish_article(author, article)
    article.refresh_from_db()
    return article


def add_comment(article: Article, author: User, body: str = "Tulisan yang bagus.") -> Comment:
    """A comment made directly in the database, counted on its article like a real one."""
    comment = Comment.objects.create(
        article=article, author=author, body=body, body_html=f"<p>{body}</p>"
    )
    Article.objects.filter(pk=article.pk).update(comment_count=F("comment_count") + 1)
    return comment


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def in_group(user: User, name: str) -> User:
    group, _ = Group.objects.get_or_create(name=name)
    user.groups.add(group)
    return user


def file(
    reporter: User, target: str, target_id: Any, reason: str = "spam", detail: str = ""
) -> Report:
    """A report as the API or the page would file it (limits aside)."""
    return actions.file_report(
        reporter, targets.reportable(reporter, target, int(target_id)), reason, detail
    )


def reporters(count: int, prefix: str = "pelapor") -> list[User]:
    return [make_user(f"{prefix}{n}") for n in range(count)]
