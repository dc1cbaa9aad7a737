"""Media in an S3-compatible bucket (WACANA_S3_*), against a real S3 API server (moto's
standalone server, started by the `s3_server` fixture): uploads land in the bucket, their
URLs serve the bytes, replaced and deleted files leave it, and a backup carries the
bucket's objects into a restored site's bucket."""

import hashlib
import tarfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.articles import actions, pending
from wacana.articles.models import Category
from wacana.operations import backup
from wacana.operations.tests.test_backup import _manage, restore_env  # noqa: F401
from wacana.testing.images import image_bytes
from wacana.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our server)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _upload(name: str = "foto.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(size=(800, 600)), content_type="image/png")


def _article(user: Any) -> Any:
    category = Category.objects.filter(parent__isnull=False).first()
    return actions.create_article(user, {"title": "Sawah", "body": "Isi.", "category": category})


def test_the_storage_is_s3_and_pages_may_show_its_images(s3_media: Any, settings: Any) -> None:
    assert default_storage.__class__.__name__ == "S3Storage"
    assert s3_media.server.endpoint in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]


def test_avatar_upload_serving_and_replacement(
    s3_media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user("sekar")
    with django_capture_on_commit_callbacks(execute=True):
        account_actions.set_avatar(user, _upload())
    first = sorted([user.avatar.name, user.avatar_small.name])
    assert s3_media.keys() == first
    # A signed URL (no WACANA_S3_PUBLIC_URL): it resolves and returns the stored bytes.
    url = user.avatar.url
    assert "X-Amz-Signature=" in url
    status, body = _fetch(url)
    assert status == 200
    assert body == default_storage.open(user.avatar.name).read()
    assert body[:4] == b"RIFF"  # WebP
    # Without the signature the bucket refuses.
    assert _fetch(url.split("?")[0])[0] == 403

    with django_capture_on_commit_callbacks(execute=True):
        account_actions.set_avatar(user, _upload("baru.png"))
    assert s3_media.keys() == sorted([user.avatar.name, user.avatar_small.name])
    assert not set(first) & set(s3_media.keys())

    with django_capture_on_commit_callbacks(execute=True):
        account_actions.remove_avatar(user)
    assert s3_media.keys() == []


@pytest.mark.parametrize("s3_media", [True], indirect=True)
def test_public_urls_name_the_bucket_without_a_signature(s3_media: Any) -> None:
    user = make_user("sekar")
    image = actions.upload_body_image(user, _upload())
    url = image.file.url
    assert url == f"{s3_media.server.endpoint}/{s3_media.bucket}/{image.file.name}"
    status, body = _fetch(url)
    assert (status, hashlib.sha256(body).digest()) == (
        200,
        hashlib.sha256(default_storage.open(image.file.name).read()).digest(),
    )


def test_featured_image_replacement_and_article_deletion(
    s3_media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user("sekar")
    article = _article(user)
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_featured_image(article, _upload())
    first = s3_media.keys()
    # Three WebP widths and a card thumbnail, with AVIF copies where those are smaller.
    article.refresh_from_db()
    assert first == sorted(article.image_files()) and len(first) >= 4
    assert _fetch(article.image_small.url)[0] == 200
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_featured_image(article, _upload("lain.png"))
    second = s3_media.keys()
    article.refresh_from_db()
    assert second == sorted(article.image_files()) and not set(first) & set(second)
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_article(user, article)
    assert s3_media.keys() == []


def test_pending_images_live_and_are_pruned_in_the_bucket(
    s3_media: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user("sekar")
    kept = pending.keep(user, _upload())
    found = pending.find(user, kept.token)
    assert found is not None and found.name.startswith("pending/")
    assert _fetch(found.url)[0] == 200
    assert found.open().read()[:4] == b"RIFF"
    assert pending.prune() == 0  # young
    monkeypatch.setattr(pending, "MAX_AGE", -60)
    assert pending.prune() == 1
    assert s3_media.keys() == []


def test_deleting_the_account_empties_the_bucket_of_its_files(
    s3_media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user("sekar")
    other = make_user("raka")
    with django_capture_on_commit_callbacks(execute=True):
        account_actions.set_avatar(user, _upload())
        article = _article(user)
        actions.set_featured_image(article, _upload())
        actions.upload_body_image(user, _upload())
        account_actions.set_avatar(other, _upload())
    article.refresh_from_db()
    assert len(s3_media.keys()) == 2 + len(article.image_files()) + 1 + 2
    kept = sorted([other.avatar.name, other.avatar_small.name])

    # Through the account's own deletion page, as the person does it.
    client = Client()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/akun/hapus", {"password": PASSWORD})
    assert response.status_code == 302
    assert s3_media.keys() == kept


@pytest.mark.django_db(transaction=True)
def test_backup_copies_the_bucket_and_restore_fills_another(
    s3_media: Any,
    restore_env: dict[str, str],  # noqa: F811
    tmp_path: Path,
    settings: Any,
) -> None:
    user = make_user("sekar")
    account_actions.set_avatar(user, _upload())
    image = actions.upload_body_image(user, _upload())
    names = sorted([user.avatar.name, user.avatar_small.name, image.file.name])
    originals = {name: default_storage.open(name).read() for name in names}

    result = backup.create_backup(tmp_path / "backups")
    assert result.manifest["media"] == {"files": 3, "source": "object storage"}
    with tarfile.open(result.path) as archive:
        members = sorted(m.name[len("media/") :] for m in archive if m.isfile())
    assert [m for m in members if m in names] == names

    # A fresh site (empty database) using another, empty bucket.
    target = "wacana-restored"
    s3_media.server.create_bucket(target)
    env = {**restore_env, **s3_media.server.env(target)}
    done = _manage(["restore", str(result.path)], env)
    assert done.returncode == 0, done.stderr
    assert "3 media files were written to the bucket" in done.stdout
    client = s3_media.server.client()
    assert s3_media.server.keys(target) == names
    for name in names:
        body = client.get_object(Bucket=target, Key=name)["Body"].read()
        assert body == originals[name]
