"""Files left by deletions from before deletion removed them are found and removed."""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.articles import actions as article_actions
from wacana.articles.demo_pictures import picture_for
from wacana.articles.forms import TagsField
from wacana.articles.models import Category
from wacana.testing.images import upload
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


def aged(name: str, hours: float) -> str:
    path = default_storage.path(name)
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return name


def test_only_old_files_no_row_refers_to_are_deleted() -> None:
    person = make_user("warga")
    account_actions.set_avatar(person, upload())
    image = article_actions.upload_body_image(person, upload())
    kept = [aged(image.file.name, 48), aged(person.avatar.name, 48)]
    # What deleting an account left before: a body image whose row is gone.
    left_behind = aged(default_storage.save("images/9-abandoned.webp", ContentFile(b"x")), 48)
    just_uploaded = default_storage.save("images/9-in-flight.webp", ContentFile(b"x"))
    unrelated = aged(default_storage.save("elsewhere/notes.txt", ContentFile(b"x")), 48)

    out = io.StringIO()
    call_command("purge_orphan_media", "--dry-run", stdout=out)
    assert left_behind in out.getvalue() and default_storage.exists(left_behind)

    call_command("purge_orphan_media", stdout=io.StringIO())
    assert not default_storage.exists(left_behind)
    assert Client().get(default_storage.url(left_behind)).status_code == 404
    for name in [*kept, just_uploaded, unrelated]:
        assert default_storage.exists(name), name


def test_a_featured_images_thumbnail_and_avif_copies_are_not_orphans() -> None:
    writer = make_user("penulis")
    data = {
        "title": "Pasar Terapung Banjarmasin",
        "body": "Subuh di Sungai Martapura, perahu-perahu sudah penuh sayur.",
        "category": Category.objects.get(slug="sekolah"),
        "tags": TagsField(required=False).clean(""),
    }
    article = article_actions.create_article(writer, data)
    article_actions.set_featured_image(article, picture_for("Pasar terapung", "purge"))
    files = article.image_files()
    assert article.image_variants and len(files) > 3
    for name in files:
        aged(name, 48)
    call_command("purge_orphan_media", stdout=io.StringIO())
    for name in files:
        assert default_storage.exists(name), name
