"""Export and deletion of everything Wacana holds about a person (UU PDP), assembled
from each app's part (see parts.py). Views and the API call these, nothing else."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.files.storage import default_storage
from django.db import connection, transaction

from wacana.accounts.models import User
from wacana.privacy.parts import parts


def export_personal_data(
    user: User, *, build_url: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """Every piece of personal data Wacana holds about `user` (see the privacy policy)."""

    def media_url(name: str) -> str | None:
        if not name:
            return None
        path = default_storage.url(name)
        return build_url(path) if build_url else path

    data: dict[str, Any] = {}
    for part in parts():
        piece = part.personal_data_of(user, media_url)
        clash = data.keys() & piece.keys()
        assert not clash, f"{part.__name__} repeats {sorted(clash)}"
        data.update(piece)
    return data


def delete_account(user: User) -> None:
    """Delete the account and everything the privacy policy says goes with it, each app
    removing its own part in the order parts.PARTS gives, all in one transaction (files
    go once it commits)."""
    with transaction.atomic(), _overwriting_deleted_content():
        for part in parts():
            part.remove_all_of(user)


@contextmanager
def _overwriting_deleted_content() -> Iterator[None]:
    """On SQLite, a deleted row's bytes stay in the database file (free pages, free
    space in a page) until reused; `secure_delete` makes SQLite overwrite them with
    zeros, for this deletion only (it costs writes, so not for every request)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as db:
        db.execute("PRAGMA secure_delete")
        (before,) = db.fetchone()
        db.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        with connection.cursor() as db:
            db.execute(f"PRAGMA secure_delete = {int(before)}")
