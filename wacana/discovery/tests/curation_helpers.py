"""The cast and articles the home and curation tests share."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import Group
from django.test import Client

from wacana.accounts.models import User
from wacana.accounts.roles import EDITOR
from wacana.articles import actions
from wacana.articles.models import Article, Category
from wacana.testing.personas import make_user


def make_editor(username: str = "redaktur1") -> User:
    user = make_user(username, display_name="Dewi Redaktur")
    group, _ = Group.objects.get_or_create(name=EDITOR)
    user.groups.add(group)
    return user


def write(
    author: User,
    title: str = "Catatan dari Ende",
    *,
    category: str = "sekolah",
    published: bool = True,
    at: datetime | None = None,
    body: str = "Pagi itu sawah di Ende masih berkabut dan anak-anak berangkat sekolah.",
) -> Article:
    article = actions.create_article(
        author,
        {"title": title, "body": body, "category": Category.objects.get(slug=category), "tags": []},
    )
    if at is not None:
        article.published_at = at
        article.save(update_fields=["published_at"])
    if published:
        actions.publish_article(author, article)
    return article


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fresh(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def curate(editor: User, article: Article, kind: str = actions.PICK, on: bool = True) -> Any:
    return actions.curate(editor, fresh(article), kind, on)
