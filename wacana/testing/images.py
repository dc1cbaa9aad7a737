"""Image bytes for upload tests: valid JPEG/PNG/WebP, oversized, corrupt and hostile."""

import io
import struct
import zlib
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

CONTENT_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (400, 300), **save: Any) -> bytes:
    """A valid image of `size` in `fmt` (PNG, JPEG, WEBP, GIF, ...)."""
    image = Image.new("RGB", size, (200, 80, 40))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(
    name: str = "foto.png",
    fmt: str = "PNG",
    size: tuple[int, int] = (1600, 900),
    content: bytes | None = None,
) -> Any:
    """`image_bytes` (or `content`, such as `not_an_image()`) as a file a form receives."""
    data = image_bytes(fmt, size) if content is None else content
    return SimpleUploadedFile(name, data, content_type=CONTENT_TYPES[fmt])


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4096, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_with_gps(size: tuple[int, int] = (640, 480)) -> bytes:
    """A JPEG carrying camera and GPS EXIF, which a stored upload must not keep."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "KameraRahasia"
    exif[ExifTags.Base.Model] = "SeriPribadi-0042"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (10.0, 10.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (123.0, 35.0, 0.0)
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, format="JPEG", exif=exif)
    data = buffer.getvalue()
    # The test image must really carry what the stored image must not.
    check = Image.open(io.BytesIO(data)).getexif()
    assert check.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "S"
    assert b"KameraRahasia" in data
    return data


# Hostile uploads shared by every test that checks an image field.
def truncated_png() -> bytes:
    """Corrupt: a valid PNG cut in half."""
    data = image_bytes("PNG", (400, 300))
    return data[: len(data) // 2]


def png_header_only() -> bytes:
    """Corrupt: the signature and header, no pixels."""
    return image_bytes("PNG")[:40]


def not_an_image() -> bytes:
    """Corrupt: text that a browser might still label image/png."""
    return b"Ini daftar belanja, bukan foto.\n"


def bilevel_png(size: tuple[int, int]) -> bytes:
    """Oversized: many pixels, few bytes, small on the wire and large once decoded."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG")
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024, "small on the wire, large once decoded"
    return data


def decompression_bomb() -> bytes:
    return png_claiming(60_000, 60_000)


def bomb_just_over_pillows_limit() -> bytes:
    return png_claiming(10_000, 10_000)
