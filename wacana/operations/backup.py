"""Backups and restores: the database, the uploaded media and the secret key, together.

A backup is one `.tar.gz` holding `manifest.json`, the database (`database.sqlite3`, a
consistent copy made with SQLite's online backup API while the site keeps writing, or
`database.pgdump`, pg_dump's custom format), `media/` and `secret_key` (when the key is
the generated `var/secret_key` rather than the SECRET_KEY variable). Without the media,
images 404; without the key, every session ends.

The database is copied before the media, so every file the copied database names was
on disk when the media were read (a file deleted in between is the only gap).

With media on object storage (WACANA_S3_BUCKET), `media/` holds a copy of every object
under the site's prefix in the bucket, read through the storage; a restore writes them
back with the same names (onto disk or into a bucket, whichever the site uses).
"""

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction

from wacana.accounts.models import User
from wacana.articles.models import Article, Image

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class Result:
    path: Path
    manifest: dict[str, Any]


def _vendor() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _key_file() -> Path | None:
    """var/secret_key when it is the key in use (not one from the environment)."""
    path = Path(settings.VAR_DIR) / "secret_key"
    if path.exists() and path.read_text().strip() == settings.SECRET_KEY:
        return path
    return None


def _pg_args() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])  # not on the command line, where ps shows it
    return args, env


def _run(argv: list[str], env: dict[str, str]) -> None:
    if shutil.which(argv[0]) is None:
        raise BackupError(f"{argv[0]} is not installed (PostgreSQL's client tools).")
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{argv[0]} failed: {done.stderr.strip()[-2000:]}")


def _copy_sqlite(target: Path) -> dict[str, Any]:
    source = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=30)
    copy = sqlite3.connect(str(target))
    try:
        # One step (pages=-1): one read transaction, so the copy is a single moment of
        # the database; in WAL mode writers go on meanwhile.
        source.backup(copy, pages=-1)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        [(verdict,)] = copy.execute("PRAGMA quick_check").fetchall()
        if verdict != "ok":
            raise BackupError(f"The copy of the database failed its check: {verdict}")
        return _snapshot_facts(lambda sql: copy.execute(sql).fetchall())
    finally:
        copy.close()
        source.close()


def _snapshot_facts(execute: Callable[[str], list[tuple[Any, ...]]]) -> dict[str, Any]:
    """Applied migrations and a few counts, read in the same moment the copy holds."""
    applied: dict[str, list[str]] = {}
    for app, name in execute("SELECT app, name FROM django_migrations"):
        applied.setdefault(app, []).append(name)
    counts = {}
    for label, model in (("users", User), ("articles", Article), ("images", Image)):
        table = connection.ops.quote_name(model._meta.db_table)
        [(counts[label],)] = execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
    return {
        "migrations": {app: sorted(names) for app, names in sorted(applied.items())},
        "counts": counts,
    }


def _dump_postgresql(target: Path) -> dict[str, Any]:
    """pg_dump of the moment whose counts the manifest records: it reads the snapshot
    this transaction exported."""

    def execute(sql: str) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall())

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        [(snapshot,)] = execute("SELECT pg_export_snapshot()")
        facts = _snapshot_facts(execute)
        args, env = _pg_args()
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--snapshot={snapshot}", "--file", str(target), *args], env)  # fmt: skip
    return facts


def _target(destination: Path, now: datetime) -> Path:
    """A folder (made if need be) gets a dated file; a name ending in .tar.gz is the file."""
    is_file = destination.name.endswith((".tar.gz", ".tgz"))
    if destination.is_dir() or (not is_file and "." not in destination.name):
        destination.mkdir(parents=True, exist_ok=True)
        return destination / f"wacana-{now:%Y%m%d-%H%M%S}.tar.gz"
    if not is_file:
        raise BackupError("Give a folder or a file name ending in .tar.gz.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    return destination


def create_backup(destination: Path) -> Result:
    vendor = _vendor()
    now = datetime.now(UTC)
    target = _target(destination, now)
    if target.exists():
        raise BackupError(f"{target} exists already; a backup never overwrites one.")
    with tempfile.TemporaryDirectory(prefix=".wacana-backup-", dir=target.parent) as work:
        root = Path(work)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database": {"vendor": vendor},
        }
        database = root / (SQLITE_NAME if vendor == "sqlite" else PG_NAME)
        if vendor == "sqlite":
            manifest.update(_copy_sqlite(database))
        else:
            manifest.update(_dump_postgresql(database))
        manifest["database"].update(file=database.name, sha256=_sha256(database))
        if media_is_local():
            media = Path(settings.MEDIA_ROOT)
            files = 0
            if media.is_dir():
                shutil.copytree(media, root / "media", symlinks=False)
                files = sum(1 for path in (root / "media").rglob("*") if path.is_file())
            manifest["media"] = {"files": files, "source": "disk"}
        else:
            files = _download_objects(root / "media")
            manifest["media"] = {"files": files, "source": "object storage"}
        key = _key_file()
        if key is not None:
            shutil.copyfile(key, root / "secret_key")
        manifest["secret_key"] = "included" if key else "environment"
        (root / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_name(target.name + ".partial")
        # Created private: the archive holds the secret key and every account's data.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            for name in ("manifest.json", database.name, "secret_key", "media"):
                if (root / name).exists():
                    archive.add(root / name, arcname=name)
        os.replace(partial, target)
    return Result(target, manifest)


# --- Media on object storage ---------------------------------------------------------


def media_is_local() -> bool:
    return str(settings.STORAGES["default"]["BACKEND"]).endswith("FileSystemStorage")


def _walk(storage: Any, folder: str = "") -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _download_objects(into: Path) -> int:
    """Every object under the site's prefix in the bucket, copied into the archive's
    media/ folder with its name, so one archive restores onto disk or into a bucket."""

    into.mkdir()
    count = 0
    for name in _walk(default_storage):
        target = (into / name).resolve()
        if not target.is_relative_to(into.resolve()):
            raise BackupError(f"The bucket holds an unsafe object name: {name!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
        count += 1
    return count


def _upload_objects(extracted: Path) -> int:

    count = 0
    if not extracted.is_dir():
        return count
    for path in sorted(p for p in extracted.rglob("*") if p.is_file()):
        name = path.relative_to(extracted).as_posix()
        # The storage never overwrites (it would pick another name): the restored object
        # must keep the name the database holds.
        default_storage.delete(name)
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}; restore stopped.")
        count += 1
    return count


# --- Restore -------------------------------------------------------------------------


def read_manifest(archive: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("manifest.json")
            if member is None:
                raise KeyError("manifest.json")
            manifest: dict[str, Any] = json.load(io.TextIOWrapper(member, "utf-8"))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{archive} is not a Wacana backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _extract(archive: Path, into: Path) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        try:
            # "data": no absolute paths, no way out of the folder, no devices or links out.
            tar.extractall(into, filter="data")
        except tarfile.FilterError as error:
            raise BackupError(f"The backup holds an unsafe path: {error}") from error


def _restore_sqlite(copy: Path) -> None:
    target = Path(str(connection.settings_dict["NAME"]))
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(copy, staged)
    # A WAL left from the old database would be replayed into the restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(target) + suffix).unlink()
    os.replace(staged, target)


def _restore_postgresql(dump: Path) -> None:
    with connection.cursor() as cursor:
        # Only reached when empty or with --force: start from an empty schema.
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    args, env = _pg_args()
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *args,
          str(dump)], env)  # fmt: skip


def _restore_media(extracted: Path, now: datetime) -> Path | None:
    media = Path(settings.MEDIA_ROOT)
    aside = None
    if media.exists() and any(media.iterdir()):
        aside = media.with_name(f"{media.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        media.rename(aside)
    elif media.exists():
        media.rmdir()
    media.parent.mkdir(parents=True, exist_ok=True)
    if extracted.is_dir():
        shutil.move(str(extracted), media)
    else:
        media.mkdir()
    return aside


def restore_backup(archive: Path, *, force: bool) -> list[str]:
    """Restore over this site's database, media and key; returns notes for the operator."""
    vendor = _vendor()
    manifest = read_manifest(archive)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database and this site"
            f" uses {vendor}."
        )
    if not force and not database_is_empty():
        raise BackupError(
            "The database is not empty; restoring would replace it. Stop the site and"
            " run again with --force."
        )
    notes = []
    now = datetime.now(UTC)
    media_parent = Path(settings.MEDIA_ROOT).parent
    media_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".wacana-restore-", dir=media_parent) as work:
        root = Path(work)
        _extract(archive, root)
        database = root / manifest["database"]["file"]
        if _sha256(database) != manifest["database"]["sha256"]:
            raise BackupError("The database in the backup does not match its checksum.")
        if vendor == "sqlite":
            _restore_sqlite(database)
        else:
            _restore_postgresql(database)
        if media_is_local():
            aside = _restore_media(root / "media", now)
            if aside:
                notes.append(f"The media that were there are kept in {aside}.")
        else:
            uploaded = _upload_objects(root / "media")
            notes.append(
                f"{uploaded} media files were written to the bucket; objects the backup"
                " does not hold were left there."
            )
        if (root / "secret_key").exists():
            key = Path(settings.VAR_DIR) / "secret_key"
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write((root / "secret_key").read_text())
            if os.environ.get("SECRET_KEY"):
                notes.append(
                    "SECRET_KEY is set in the environment and wins over the restored"
                    f" {key}: sessions survive only if it is the backup's key."
                )
        else:
            notes.append(
                "The backup's site took SECRET_KEY from the environment: set the same one"
                " here, or every session ends."
            )
    return notes
