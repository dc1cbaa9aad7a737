"""Image bytes for upload tests: valid JPEG/PNG/WebP, oversized, corrupt and hostile."""

import io
import struct
import zlib
from typing import Any

import pytest
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


def svg() -> bytes:
    """An SVG with a script: never an acceptable image."""
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
        b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'
    )


def svg_late_tag() -> bytes:
    return b"<?xml version='1.0'?>" + b" " * 1024 + svg().split(b"\n", 1)[1]


def plain_text() -> bytes:
    return b"Ini bukan gambar, hanya teks biasa.\n" * 20


def html_page() -> bytes:
    return b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def empty() -> bytes:
    return b""


def gif_bomb() -> bytes:
    """A GIF header claiming 65535 x 65535 pixels (4.3 gigapixels) with almost no data."""
    return b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x00\x00\x00;"


def _bmp() -> bytes:
    return image_bytes("BMP")


def _tiff() -> bytes:
    return image_bytes("TIFF")


# What every image field refuses: (bytes maker, file name, declared type), with ids.
NOT_ACCEPTABLE_IMAGES = [
    pytest.param(plain_text, "catatan.txt", "text/plain", id="text"),
    pytest.param(plain_text, "foto.png", "image/png", id="text-named-png"),
    pytest.param(html_page, "foto.jpg", "image/jpeg", id="html-named-jpeg"),
    pytest.param(svg, "logo.svg", "image/svg+xml", id="svg"),
    pytest.param(svg, "logo.png", "image/png", id="svg-named-png"),
    pytest.param(svg_late_tag, "logo.svg", "image/svg+xml", id="svg-late-tag"),
    pytest.param(_bmp, "foto.bmp", "image/bmp", id="bmp"),
    pytest.param(_tiff, "foto.tiff", "image/tiff", id="tiff"),
    pytest.param(truncated_png, "foto.png", "image/png", id="truncated-png"),
    pytest.param(png_header_only, "foto.png", "image/png", id="png-header-only"),
    pytest.param(empty, "foto.png", "image/png", id="empty"),
    pytest.param(decompression_bomb, "bom.png", "image/png", id="decompression-bomb"),
    pytest.param(bomb_just_over_pillows_limit, "bom.png", "image/png", id="bomb-100mp"),
]
