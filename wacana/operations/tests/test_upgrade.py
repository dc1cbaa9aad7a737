"""An upgrade from the previous release keeps every account, article, image and token.

The database is taken back to the previous release's migrations, filled through the
models as they were then (the historical models of that migration state), and migrated
forward to today's; the same rows must come out, and still work: the token signs in to
the API, the article page shows.

At each release, set PREVIOUS_RELEASE to the leaf migration of each of our apps at that
release (`manage.py showmigrations`, or the newest file in each app's migrations/ at the
release's commit), and fill the data for any model or field the release added.
"""

import hashlib
from typing import Any

import pytest
from django.apps import apps as current_apps
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

# The previous release: main at commit 6e57b7d.
PREVIOUS_RELEASE = {
    "accounts": "0005_follows",
    "articles": "0006_curation",
    "discovery": "0003_search_fulltext",
    "discussion": "0001_initial",
    "moderation": "0003_roles",
    "notifications": "0002_curation",
}

# What must survive, per model: the columns an upgrade may not change.
SNAPSHOT = {
    "accounts.User": ["username", "email", "password", "display_name", "tagline", "bio",
                      "avatar", "avatar_small", "verified", "is_active"],
    "accounts.ApiToken": ["user_id", "key_hash", "hint"],
    "articles.Article": ["author_id", "title", "slug", "body", "status", "category_id",
                         "published_at", "image", "image_medium", "image_small",
                         "image_width", "image_height", "view_count", "word_count"],
    "articles.ArticlePage": ["article_id", "number", "html"],
    "articles.Image": ["owner_id", "file", "width", "height"],
}  # fmt: skip

TOKEN = "wcn_" + "k" * 43


def _snapshot(apps: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        label: list(apps.get_model(label).objects.order_by("pk").values_list("pk", *fields))
        for label, fields in SNAPSHOT.items()
    }


def _fill(apps: Any) -> None:
    """Data as the previous release stored it, through its own models."""
    user_model = apps.get_model("accounts", "User")
    writer = user_model.objects.create(
        username="sekar.ayu",
        email="sekar@example.com",
        password=make_password("kopi-tubruk-pagi-77"),
        display_name="Sekar Ayu",
        tagline="Guru di Lombok",
        bio="Menulis tentang laut.",
        avatar="avatars/sekar.webp",
        avatar_small="avatars/sekar-small.webp",
    )
    user_model.objects.create(username="raka", email="raka@example.com", display_name="Raka")
    apps.get_model("accounts", "ApiToken").objects.create(
        user=writer, key_hash=hashlib.sha256(TOKEN.encode()).hexdigest(), hint=TOKEN[4:12]
    )
    category = apps.get_model("articles", "Category").objects.filter(parent__isnull=False)[0]
    article = apps.get_model("articles", "Article").objects.create(
        author=writer,
        title="Senja di Ampenan",
        slug="senja-di-ampenan",
        body="Kapal-kapal tua bersandar.",
        status="published",
        category=category,
        rubric_id=category.parent_id,  # a subcategory's rubric is its parent
        published_at=timezone.now(),
        image="articles/1-senja-1200.webp",
        image_medium="articles/1-senja-800.webp",
        image_small="articles/1-senja-400.webp",
        image_width=1200,
        image_height=800,
        view_count=42,
        word_count=3,
    )
    apps.get_model("articles", "ArticlePage").objects.create(
        article=article, number=1, html="<p>Kapal-kapal tua bersandar.</p>"
    )
    apps.get_model("articles", "Image").objects.create(
        owner=writer, file="images/perahu.png", width=640, height=480
    )
    user_model.objects.filter(pk=writer.pk).update(article_count=1)


@pytest.mark.django_db(transaction=True)
def test_upgrade_from_the_previous_release_keeps_the_data() -> None:
    previous = list(PREVIOUS_RELEASE.items())
    executor = MigrationExecutor(connection)
    missing = [node for node in previous if node not in executor.loader.graph.nodes]
    assert not missing, f"PREVIOUS_RELEASE names migrations that do not exist: {missing}"
    executor.migrate(previous)
    executor.loader.build_graph()
    old_apps = executor.loader.project_state(previous).apps
    _fill(old_apps)
    before = _snapshot(old_apps)
    assert all(before.values())

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()
    assert not executor.migration_plan(executor.loader.graph.leaf_nodes())

    assert _snapshot(current_apps) == before
    # And they still work: the token signs in, the article shows.
    me = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert me.status_code == 200
    assert me.json()["username"] == "sekar.ayu"
    article = current_apps.get_model("articles", "Article").objects.get()
    page = Client(HTTP_USER_AGENT="Mozilla/5.0 Pembaca").get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Senja di Ampenan" in page.content.decode()
