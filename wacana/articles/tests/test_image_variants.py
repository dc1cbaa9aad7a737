"""Featured images stored before the card thumbnail and AVIF copies existed get them from
`manage.py add_image_variants`; removing a picture leaves no variant behind."""

import io

import pytest
from django.core.management import call_command

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article
from wacana.testing.content import publish
from wacana.testing.images import upload

pytestmark = pytest.mark.django_db


def _as_before_issue_18(article: Article) -> list[str]:
    """Delete the thumbnail and AVIF files and forget them, as an old upload had it."""
    renditions = [article.image.name, article.image_medium.name, article.image_small.name]
    extra = [name for name in article.image_files() if name not in renditions]
    for name in extra:
        article.image.storage.delete(name)
    Article.objects.filter(pk=article.pk).update(image_variants="")
    return extra


def test_the_command_gives_old_pictures_their_variants_once(writer: User) -> None:
    article = publish(writer)
    actions.set_featured_image(article, upload(size=(1600, 900)))
    article.refresh_from_db()
    variants, srcset = article.image_variants, article.thumb_srcset
    extra = _as_before_issue_18(article)
    assert extra and not any(article.image.storage.exists(name) for name in extra)
    small = publish(writer, title="Gambar kecil")
    actions.set_featured_image(small, upload(size=(300, 200)))

    out = io.StringIO()
    call_command("add_image_variants", stdout=out)
    assert out.getvalue().strip() == "1 images given variants, 1 too small for them."
    article.refresh_from_db()
    assert article.image_variants == variants
    assert article.thumb_srcset == srcset
    assert sorted(extra) == sorted(
        n
        for n in article.image_files()
        if n not in (article.image.name,)
        and n not in (article.image_medium.name, article.image_small.name)
    )
    assert all(article.image.storage.exists(name) for name in article.image_files())
    with article.image.storage.open(f"{article.image_small.name[: -len('360.webp')]}240.webp") as f:
        assert f.read(12)[8:] == b"WEBP"

    again = io.StringIO()
    call_command("add_image_variants", stdout=again)
    assert again.getvalue().strip() == "0 images given variants, 1 too small for them."


def test_removing_the_picture_clears_its_variants(writer: User) -> None:
    article = publish(writer)
    actions.set_featured_image(article, upload(size=(1600, 900)))
    actions.remove_featured_image(article)
    article.refresh_from_db()
    assert article.image_variants == ""
    assert article.image_files() == []
