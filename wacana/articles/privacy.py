"""The articles' part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
"""

from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q

from wacana.accounts.models import User
from wacana.articles.actions import delete_article, remove_ratings_of
from wacana.articles.models import Article, Image, Rating, Revision, SavedArticle, Series

COVERS = (
    "articles.Article.author",
    "articles.Article.picked_by",
    "articles.Article.headline_by",
    "articles.Image.owner",
    "articles.Rating.user",
    "articles.Revision.editor",
    "articles.SavedArticle.user",
    "articles.Series.owner",
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _articles(user: User, media_url: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": article.pk,
            "title": article.title,
            "status": article.status,
            "category": article.category.slug,
            "tags": [tag["slug"] for tag in article.tag_list],
            "body": article.body,
            "image_url": media_url(article.image.name),
            "image_medium_url": media_url(article.image_medium.name),
            "image_small_url": media_url(article.image_small.name),
            "image_caption": article.image_caption,
            "image_source": article.image_source,
            "created_at": _iso(article.created_at),
            "updated_at": _iso(article.updated_at),
            "published_at": _iso(article.published_at),
            "url": article.get_absolute_url(),
            "response_to": article.response_to_id,
            "series_id": article.series_id,
            "series_position": article.series_position if article.series_id else None,
        }
        # Drafts and hidden articles included: they are the writer's data all the same.
        for article in Article.objects.filter(author=user)
        .select_related("category", "author")
        .order_by("id")
    ]


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    curated = Article.objects.filter(Q(picked_by=user) | Q(headline_by=user)).order_by("id")
    return {
        "articles": _articles(user, media_url),
        "images": [
            {
                "url": media_url(image.file.name),
                "width": image.width,
                "height": image.height,
                "uploaded_at": _iso(image.created_at),
            }
            for image in Image.objects.filter(owner=user).order_by("created_at", "id")
        ],
        "ratings": [
            {"article_id": article_id, "kind": kind, "rated_at": _iso(at)}
            for article_id, kind, at in Rating.objects.filter(user=user)
            .order_by("rated_at", "id")
            .values_list("article_id", "kind", "rated_at")
        ],
        "reading_list": [
            {"article_id": article_id, "saved_at": _iso(at)}
            for article_id, at in SavedArticle.objects.filter(user=user)
            .order_by("-saved_at", "-id")
            .values_list("article_id", "saved_at")
        ],
        # Every kept state of a text the person saved (their own articles' revisions,
        # and staff edits of others' articles). The revisions of their own articles go
        # with the articles at deletion; on others' articles the editor is set to NULL.
        "revisions": [
            {"article_id": article_id, "title": title, "body": body, "saved_at": _iso(at)}
            for article_id, title, body, at in Revision.objects.filter(editor=user)
            .order_by("id")
            .values_list("article_id", "title", "body", "saved_at")
        ],
        # Their series: names and the order they set (the parts are in "articles").
        "series": [
            {
                "id": series.pk,
                "name": series.name,
                "description": series.description,
                "created_at": _iso(series.created_at),
                "article_ids": list(
                    series.parts.order_by("series_position", "id").values_list("pk", flat=True)
                ),
            }
            for series in Series.objects.filter(owner=user).order_by("id")
        ],
        # An editor's curation decisions: which articles they chose, and when.
        "curation": [
            {
                "article_id": article.pk,
                "picked_at": _iso(article.picked_at) if article.picked_by_id == user.pk else None,
                "headline_at": (
                    _iso(article.headline_at) if article.headline_by_id == user.pk else None
                ),
            }
            for article in curated.only(
                "pk", "picked_at", "picked_by", "headline_at", "headline_by"
            )
        ],
    }


def _delete_files(names: list[str]) -> None:
    for name in names:
        if name:
            default_storage.delete(name)


def remove_all_of(user: User) -> None:
    """Ratings withdrawn (counts kept exact), every article deleted with its featured
    image in all sizes, and every body image the person uploaded, files included (an
    image another writer's article still shows goes too: it was the person's)."""
    remove_ratings_of(user)
    for article in Article.objects.filter(author=user):
        delete_article(user, article)
    SavedArticle.objects.filter(user=user).delete()
    Series.objects.filter(owner=user).delete()  # its articles went above
    images = Image.objects.filter(owner=user)
    files = list(images.values_list("file", flat=True))
    images.delete()
    transaction.on_commit(lambda: _delete_files(files))

    # Curation by a deleted editor stays (the pick is the site's); the editor's name goes
    # by SET_NULL.
