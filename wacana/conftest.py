"""Shared fixtures: the fixed cast, API helpers, and isolation of files and caches."""

import io
import json
import os
import struct
import time
import zlib
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from PIL import ExifTags, Image

from wacana.accounts import actions
from wacana.accounts.models import ApiToken, User

PASSWORD = "kopi-tubruk-pagi-77"


@pytest.fixture(autouse=True)
def _isolated(settings: Any, tmp_path: Any) -> Iterator[None]:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture(autouse=True)
def _steady_rate_limit_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate limits count in fixed windows; a test that crossed a window boundary (a
    minute, for per-minute limits) would see its count start again. The clock stands
    still for each test."""
    from wacana.lib import ratelimit

    frozen = time.time()
    monkeypatch.setattr(ratelimit, "clock", lambda: frozen)


@pytest.fixture(autouse=True)
def _purge_moderation_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests end by emptying every table; the append-only log must be
    emptied first with its triggers lifted (only here, only in tests)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    # The previous transactional test emptied every table, seeded categories included.
    from wacana.articles import taxonomy
    from wacana.articles.models import Category

    if not Category.objects.exists():
        taxonomy.seed(Category)
    yield
    from wacana.moderation.testing import purge_log_for_tests

    purge_log_for_tests()


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Without Redis the caches are folders on disk: each test run gets its own, so a
    run never empties (or reads) the site's cache in var/, nor another run's (tmp_path is
    per xdist worker too). With Redis, each worker empties and reads a database of its
    own: the run's (REDIS_URL) for the first, one lower for each next (see
    wacana.testing.parallel)."""
    from django.conf import settings
    from django.test import override_settings

    from wacana.testing.parallel import worker_redis_url

    if "views" not in settings.CACHES:  # Redis
        url = os.environ.get("REDIS_URL", "")
        own = worker_redis_url(url) if url else url
        if own == url:
            yield
            return
        moved = {
            alias: {**config, "LOCATION": own}
            for alias, config in settings.CACHES.items()
            if config["BACKEND"].endswith("RedisCache")
        }
        with override_settings(CACHES={**settings.CACHES, **moved}, REDIS_URL=own):
            os.environ["REDIS_URL"] = own  # for tests that ask Redis directly
            os.environ["WACANA_TEST_RUN_REDIS_URL"] = url
            try:
                yield
            finally:
                os.environ["REDIS_URL"] = url
                del os.environ["WACANA_TEST_RUN_REDIS_URL"]
        return
    folder = tmp_path_factory.mktemp("cache")
    moved = {
        alias: {**config, "LOCATION": str(folder / alias)}
        for alias, config in settings.CACHES.items()
    }
    with override_settings(CACHES=moved, CACHE_DIR=folder):
        yield


def _clear_caches() -> None:
    from django.conf import settings

    for alias in settings.CACHES:
        caches[alias].clear()


def warm_frame(client: Client) -> None:
    """Fill the site-wide caches every page's frame reads (the rubric bar, the sidebar),
    so a query count measures the page itself, not the first request after a restart."""
    from wacana.articles.models import Category

    rubric = Category.objects.rubrics().first()
    assert rubric is not None
    assert client.get(rubric.get_absolute_url()).status_code == 200


def make_user(username: str, **extra: Any) -> User:
    user = actions.create_account(
        username=username,
        email=f"{username.replace('.', '_')}@example.com",
        password=PASSWORD,
        display_name=extra.pop("display_name", username.title()),
    )
    for name, value in extra.items():
        setattr(user, name, value)
    if extra:
        user.save()
    return user


@pytest.fixture
def writer(db: Any) -> User:
    return make_user("penulis", display_name="Sekar Penulis", tagline="Guru", bio="Menulis.")


@pytest.fixture
def reader(db: Any) -> User:
    return make_user("pembaca", display_name="Raka Pembaca")


@pytest.fixture
def moderator(db: Any) -> User:
    user = make_user("moderator1", display_name="Moderator Satu")
    group, _ = Group.objects.get_or_create(name="moderator")
    user.groups.add(group)
    return user


@pytest.fixture
def admin_user(db: Any) -> User:
    return make_user("pengelola", is_staff=True, is_superuser=True)


class Api:
    """A thin JSON client for /api/v1 that remembers a bearer token."""

    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client = client
        self.token = token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def call(
        self,
        method: str,
        path: str,
        data: Any = None,
        raw: str | bytes | None = None,
        content_type: str = "application/json",
        **extra: Any,
    ) -> Any:
        body = raw if raw is not None else (json.dumps(data) if data is not None else None)
        kwargs: dict[str, Any] = {"headers": {**self._headers(), **extra.pop("headers", {})}}
        if body is not None:
            kwargs.update(data=body, content_type=content_type)
        response = getattr(self.client, method)(f"/api/v1{path}", **kwargs, **extra)
        return response

    def get(self, path: str, **kw: Any) -> Any:
        return self.call("get", path, **kw)

    def post(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("post", path, data, **kw)

    def patch(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("patch", path, data, **kw)

    def put(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("put", path, data, **kw)

    def delete(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.call("delete", path, data, **kw)

    def upload(self, path: str, name: str, content: bytes, content_type: str = "image/png") -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(name, content, content_type=content_type)
        return self.client.post(f"/api/v1{path}", {"file": upload}, headers=self._headers())


@pytest.fixture
def anon_api(client: Client) -> Api:
    return Api(client)


def api_for(user: User) -> Api:
    # Marked as just used: a token's "last used" is written at most once per
    # API_TOKEN_LAST_USED_MINUTES, so tests that count queries see the steady state.
    token, key = actions.create_token(user)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return Api(Client(), key)


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (400, 300), **save: Any) -> bytes:
    image = Image.new("RGB", size, (200, 80, 40))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def assert_error_shape(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"].strip()
    if field is not None:
        assert field in body.get("errors", {}), body
        assert all(isinstance(m, str) and m for m in body["errors"][field])
    return body


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
    data = image_bytes("PNG", (400, 300))
    return data[: len(data) // 2]


def png_header_only() -> bytes:
    return image_bytes("PNG")[:40]


def bilevel_png(size: tuple[int, int]) -> bytes:
    """Many pixels, few bytes: small on the wire, large once decoded."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG")
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024, "small on the wire, large once decoded"
    return data


def decompression_bomb() -> bytes:
    return png_claiming(60_000, 60_000)


def bomb_just_over_pillows_limit() -> bytes:
    return png_claiming(10_000, 10_000)


def delete_account(user: User) -> None:
    """Delete `user`'s account the way they would, through `DELETE /api/v1/me` (the
    privacy app owns deletion; tests of the apps below it reach it through the API)."""
    response = api_for(user).delete("/me", {"password": PASSWORD})
    assert response.status_code == 204, response.content


# --- Media on object storage -----------------------------------------------------------


@pytest.fixture(scope="session")
def s3_server() -> Iterator[Any]:
    """moto's S3 server for the whole run, started on first use; skips where it cannot."""
    from wacana.operations.testing import S3Unavailable, start_s3_server
    from wacana.testing.parallel import server_port

    try:
        # A free port, or per worker from WACANA_TEST_S3_PORT when that is set.
        server = start_s3_server(server_port("WACANA_TEST_S3_PORT"))
    except S3Unavailable as error:
        pytest.skip(f"no S3 server for the object-storage tests: {error}")
    yield server
    server.stop()


@pytest.fixture
def s3_media(s3_server: Any, settings: Any, request: pytest.FixtureRequest) -> Any:
    """The site's media in a fresh bucket of the S3 server (signed URLs), as
    WACANA_S3_BUCKET would configure it."""
    import importlib
    import uuid

    from wacana import settings as site_settings

    bucket = f"wacana-{uuid.uuid4().hex[:12]}"
    server = s3_server
    public = bool(getattr(request, "param", False))
    server.create_bucket(bucket, public=public)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in server.env(bucket, public=public).items():
            patch.setenv(name, value)
        importlib.reload(site_settings)
        storage = site_settings.STORAGES["default"]
        policy = site_settings.CONTENT_SECURITY_POLICY
    importlib.reload(site_settings)  # back to the environment's own settings
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.CONTENT_SECURITY_POLICY = policy
    return SimpleNamespace(server=server, bucket=bucket, keys=lambda: server.keys(bucket))
