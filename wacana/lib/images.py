"""Checking and re-encoding uploaded images with Pillow.

Every upload is decoded and written anew as WebP, which drops EXIF (GPS position,
camera serial) and anything hidden after the image data. Limits are checked before
the pixels are decoded, so a small file that unpacks to gigabytes is refused cheaply.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError, features

from wacana.lib.refusal import Refusal

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})


class ImageRejected(Refusal):
    """An upload that is not an image we accept, at the API's field "file" (pages show it
    at their own field: `refusal.to_form(form, rejected, field="avatar")`)."""

    field = "file"

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message, status=status)


@dataclass(frozen=True)
class Encoded:
    data: bytes
    width: int
    height: int


def _too_many_pixels(max_pixels: int) -> ImageRejected:
    return ImageRejected(
        _("The image is too large: at most %(mp)d megapixels.") % {"mp": max_pixels // 1_000_000},
        status=422,
    )


def open_checked(upload: UploadedFile, *, max_bytes: int, max_pixels: int) -> Image.Image:
    """Open and fully decode `upload`, or raise ImageRejected with a message for people."""
    size = upload.size or 0
    if size == 0:
        raise ImageRejected(_("The file is empty."), status=422)
    if size > max_bytes:
        raise ImageRejected(
            _("The file is too large: at most %(mb)d MB.") % {"mb": max_bytes // (1024 * 1024)},
            status=413,
        )
    upload.seek(0)
    head = upload.read(512)
    upload.seek(0)
    if b"<svg" in head.lower():
        raise ImageRejected(_("SVG and other vector files are not accepted."), status=415)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that: make it an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise ImageRejected(
                    _("Use a JPEG, PNG, WebP or GIF image."),
                    status=415,
                )
            width, height = image.size
            if width * height > max_pixels:
                raise _too_many_pixels(max_pixels)
            image.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(max_pixels) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageRejected(_("The file is not an image we can read."), status=415) from None
    return image


def _normalized(image: Image.Image) -> Image.Image:
    # Apply the camera's rotation, then forget every piece of metadata.
    image = ImageOps.exif_transpose(image) or image
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert(
            "RGBA" if "transparency" in image.info or "A" in image.mode else "RGB"
        )
    return image


def square_webp(image: Image.Image, sizes: tuple[int, ...], quality: int = 82) -> list[Encoded]:
    """Centre-crop to a square and encode one WebP per size (never enlarging)."""
    image = _normalized(image)
    side = min(image.size)
    square = ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS)
    out = []
    for size in sizes:
        target = min(size, side)
        resized = square.resize((target, target), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, format="WEBP", quality=quality, method=4)
        out.append(Encoded(buffer.getvalue(), target, target))
    return out


def avif_available() -> bool:
    """Whether this Pillow can write AVIF (a build with libavif)."""
    return bool(features.check("avif"))


def resized_webp(
    image: Image.Image, widths: tuple[int, ...], quality: int = 80, format: str = "WEBP"
) -> list[Encoded]:
    """Keep the aspect ratio; one WebP (or `format`) per width (never enlarging)."""
    image = _normalized(image)
    out = []
    for width in widths:
        target = min(width, image.width)
        height = max(1, round(image.height * target / image.width))
        resized = (
            image
            if target == image.width
            else image.resize((target, height), Image.Resampling.LANCZOS)
        )
        buffer = io.BytesIO()
        if format == "AVIF":
            # About half the bytes of the WebP for the same look; speed 8 keeps it quick.
            resized.save(buffer, format="AVIF", quality=quality - 20, speed=8)
        else:
            resized.save(buffer, format=format, quality=quality, method=4)
        out.append(Encoded(buffer.getvalue(), target, height))
    return out
