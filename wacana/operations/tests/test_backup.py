"""Backup while articles are being written, restore into a fresh site, and check that it
serves the same articles, images and sessions (on this run's database: SQLite, or
PostgreSQL when DATABASE_URL points at one)."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Category
from wacana.operations import backup
from wacana.testing.images import image_bytes
from wacana.testing.personas import make_user

ROOT = Path(__file__).resolve().parents[3]

VERIFY = """
import json, os, hashlib
from django.test import Client
expected = json.loads(os.environ["WACANA_TEST_EXPECTED"])
client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 Pemeriksa")
out = {"articles": {}, "images": {}}
for url in expected["articles"]:
    response = client.get(url)
    out["articles"][url] = [response.status_code, response.content.decode()]
for url in expected["images"]:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    out["images"][url] = [response.status_code, hashlib.sha256(body).hexdigest()]
signed_in = Client(HTTP_HOST="127.0.0.1")
signed_in.cookies["sessionid"] = expected["session"]
out["dashboard"] = signed_in.get("/dasbor").status_code
from wacana.articles.models import Article
out["count"] = Article.objects.count()
print(json.dumps(out))
"""


def _category() -> Category:
    category = Category.objects.filter(parent__isnull=False).first()
    assert category is not None
    return category


def _manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class Writer(threading.Thread):
    """Writes articles as fast as it can until told to stop, as a busy site would."""

    def __init__(self, author: Any) -> None:
        super().__init__(daemon=True)
        self.author = author
        self.stop = threading.Event()
        self.written = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            category = _category()
            while not self.stop.is_set():
                # One transaction, as the API's create-and-publish: a snapshot taken
                # between the two would hold a draft the restored site answers 404 for.
                with transaction.atomic():
                    article = actions.create_article(
                        self.author,
                        {"title": f"Catatan {self.written}", "body": "Isi. " * 50,
                         "category": category},
                    )  # fmt: skip
                    actions.publish_article(self.author, article)
                self.written += 1
        except BaseException as error:  # reported by the test
            self.error = error
        finally:
            connection.close()


@pytest.fixture
def restore_env(tmp_path: Path) -> Any:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "MEDIA_ROOT", "REDIS_URL", "SECRET_KEY")
    }
    env["WACANA_VAR_DIR"] = str(tmp_path / "restored")
    env["WACANA_PLAIN_STATIC"] = "1"
    env.pop("DATABASE_URL", None)
    target_db = None
    if connection.vendor == "postgresql":
        if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
            pytest.skip("pg_dump and pg_restore are needed for the PostgreSQL backup test")
        db = connection.settings_dict
        target_db = f"{db['NAME']}_restore"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target_db}"')
            cursor.execute(f'CREATE DATABASE "{target_db}"')
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        env["DATABASE_URL"] = (
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{target_db}"
        )
    yield env
    if target_db:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_round_trip_while_writing(tmp_path: Path, restore_env: dict[str, str]) -> None:
    writer = make_user("penulis")
    article = actions.create_article(
        writer, {"title": "Pagi di Sanur", "body": "Ombak tenang.", "category": _category()}
    )
    actions.set_featured_image(
        article, SimpleUploadedFile("pantai.png", image_bytes(), content_type="image/png")
    )
    actions.publish_article(writer, article)
    article.refresh_from_db()
    client = Client()
    client.force_login(writer)
    session = client.cookies["sessionid"].value
    image_path = Path(settings.MEDIA_ROOT) / article.image.name
    image_sha = hashlib.sha256(image_path.read_bytes()).hexdigest()

    busy = Writer(writer)
    busy.start()
    try:
        while busy.written < 3 and busy.is_alive():
            busy.stop.wait(0.01)
        out = io.StringIO()
        call_command("backup", str(tmp_path / "backups"), stdout=out)
        written_during = busy.written
    finally:
        busy.stop.set()
        busy.join(30)
    assert busy.error is None, busy.error
    assert written_during >= 3
    [archive] = (tmp_path / "backups").glob("wacana-*.tar.gz")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    manifest = backup.read_manifest(archive)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["secret_key"] == "included"
    assert "accounts" in manifest["migrations"]
    # A single moment of the database: every article it holds, and no half-written one.
    saved = manifest["counts"]["articles"]
    assert 1 + 3 <= saved <= 1 + busy.written

    done = _manage(["restore", str(archive)], restore_env)
    assert done.returncode == 0, done.stderr
    titles = {a.get_absolute_url(): a.title for a in Article.objects.order_by("pk")}
    urls = list(titles)
    expected = {
        "articles": urls[:saved],
        "images": [settings.MEDIA_URL + article.image.name],
        "session": session,
    }
    checked = _manage(
        ["shell", "--no-imports", "-c", VERIFY],
        {**restore_env, "WACANA_TEST_EXPECTED": json.dumps(expected)},
    )
    assert checked.returncode == 0, checked.stderr
    result = json.loads(checked.stdout.strip().splitlines()[-1])
    assert result["count"] == saved
    assert list(result["articles"]) == urls[:saved]
    for url, (status, body) in result["articles"].items():
        assert status == 200, url
        assert titles[url] in body
    assert "Pagi di Sanur" in result["articles"][urls[0]][1]
    assert result["images"] == {expected["images"][0]: [200, image_sha]}
    # The session from before the backup still signs the writer in: the key travelled.
    assert result["dashboard"] == 200

    # A second restore over the now non-empty site is refused without --force.
    again = _manage(["restore", str(archive)], restore_env)
    assert again.returncode != 0
    assert "--force" in again.stderr
    forced = _manage(["restore", "--force", str(archive)], restore_env)
    assert forced.returncode == 0, forced.stderr
    assert "media that were there are kept" in forced.stdout


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    archive = tmp_path / "b.tar.gz"
    _write_archive(archive, {"format": 1, "database": {"vendor": connection.vendor}})
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))


def _write_archive(path: Path, manifest: dict[str, Any], extra: str | None = None) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps(manifest).encode()), (extra, b"x")):
            if name is None:
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.mark.django_db
def test_restore_answers_clearly_for_bad_input(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar")
    with pytest.raises(CommandError, match="not a Wacana backup"):
        call_command("restore", str(junk))
    other = tmp_path / "other.tar.gz"
    vendor = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    _write_archive(other, {"format": 1, "database": {"vendor": vendor}})
    with pytest.raises(CommandError, match=f"backup is of a {vendor} database"):
        call_command("restore", "--force", str(other))


def test_an_archive_escaping_its_folder_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.tar.gz"
    _write_archive(archive, {"format": 1}, extra="../../evil.txt")
    (tmp_path / "into").mkdir()
    with pytest.raises(backup.BackupError, match="unsafe path"):
        backup._extract(archive, tmp_path / "into")
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.django_db
def test_backup_refuses_a_bad_destination(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"\.tar\.gz"):
        call_command("backup", str(tmp_path / "backup.zip"))


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path: Path) -> None:
    archive = tmp_path / "damaged.tar.gz"
    name = backup.SQLITE_NAME if connection.vendor == "sqlite" else backup.PG_NAME
    manifest = {
        "format": 1,
        "database": {"vendor": connection.vendor, "file": name, "sha256": "0" * 64},
    }
    _write_archive(archive, manifest, extra=name)
    make_user("tetap")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", "--force", str(archive))
    assert User.objects.filter(username="tetap").exists()
