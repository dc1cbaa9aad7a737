"""A featured image chosen on the writing page before the article is saved.

A browser cannot put a chosen file back into a form, so when "Pratinjau" or a form error
sends the page back, the upload is checked and stored once under pending/ and the page
carries a signed token naming it (bound to the writer, valid for two days). Saving the
article turns it into the featured image; the token is worth nothing to anyone else.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from wacana.accounts.models import User
from wacana.lib import images

FOLDER = "pending"
MAX_AGE = 2 * 24 * 3600
# Kept at the largest featured width and a high quality: saving re-encodes it once more.
WIDTH = 1200
QUALITY = 92


@dataclass(frozen=True)
class PendingImage:
    name: str
    token: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)

    def open(self) -> UploadedFile:
        stored = default_storage.open(self.name)
        return UploadedFile(stored, self.name, "image/webp", default_storage.size(self.name))

    def discard(self) -> None:
        default_storage.delete(self.name)


def _salt(user: User) -> str:
    return f"wacana.articles.pending-image.{user.pk}"


def keep(user: User, upload: UploadedFile) -> PendingImage:
    """Check and store `upload`; raises images.ImageRejected like any other upload."""
    picture = images.open_checked(
        upload,
        max_bytes=settings.ARTICLE_IMAGE_MAX_BYTES,
        max_pixels=settings.ARTICLE_IMAGE_MAX_PIXELS,
    )
    (encoded,) = images.resized_webp(picture, (WIDTH,), quality=QUALITY)
    name = default_storage.save(
        f"{FOLDER}/{user.pk}-{secrets.token_hex(12)}.webp", ContentFile(encoded.data)
    )
    return PendingImage(name, signing.dumps(name, salt=_salt(user)))


def find(user: User, token: str | None) -> PendingImage | None:
    """The pending image `token` names, if this writer made it and it still exists."""
    if not token or len(token) > 500:
        return None
    try:
        name = signing.loads(token, salt=_salt(user), max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if (
        not isinstance(name, str)
        or not name.startswith(f"{FOLDER}/{user.pk}-")
        or not default_storage.exists(name)
    ):
        return None
    return PendingImage(name, token)


def prune() -> int:
    """Delete pending images older than a token's life (the writer never saved them)."""
    # Not storage.exists(FOLDER): in a bucket a folder is only a prefix, never an object.
    try:
        filenames = default_storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - timedelta(seconds=MAX_AGE)
    removed = 0
    for filename in filenames:
        name = f"{FOLDER}/{filename}"
        if default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
            removed += 1
    return removed
