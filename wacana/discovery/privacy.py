"""Search's part of account deletion: no word of a deleted article stays in the index.

Called by the privacy app (wacana/privacy/parts.py) after the articles are deleted.
The index holds nothing of a person that the articles' own export does not show, so
there is no export part here.
"""

from typing import Any

from django.db import connection, transaction

from wacana.accounts.models import User
from wacana.discovery.models import SearchEntry

COVERS: tuple[str, ...] = ()  # see parts.NOT_EXPORTED


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    return {}


def purge_deleted_words() -> None:
    """On SQLite, FTS5's 'delete' (the trigger on SearchEntry) only records that a row's
    words are gone; they stay in the index's shadow table (discovery_search_fts_data)
    until its segments are merged. 'optimize' merges them all into one now, dropping the
    deleted words, with `secure_delete` on so the pages it frees are zeroed, not left
    holding them in the file.

    It rewrites the whole index: measured here, 0.5 s for 10,000 indexed articles and
    4 s for 100,000 (250 distinct stems each). So it runs once per deleted account, after
    the deletion has committed (a failure here cannot undo the deletion), not per
    article. SQLite 3.44's 'secure-delete' option would remove the words row by row, but
    this machine's Python has SQLite 3.40. PostgreSQL keeps the words in the row's own
    tsvector columns, which go with the row."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as db:
        db.execute("PRAGMA secure_delete")
        (before,) = db.fetchone()
        db.execute("PRAGMA secure_delete = ON")
        try:
            with transaction.atomic():
                db.execute(
                    "INSERT INTO discovery_search_fts(discovery_search_fts) VALUES ('optimize')"
                )
        finally:
            db.execute(f"PRAGMA secure_delete = {int(before)}")


def remove_all_of(user: User) -> None:
    # The articles' deletion has removed their entries already (CASCADE); any left by a
    # half-finished earlier attempt go too.
    SearchEntry.objects.filter(author=user).delete()
    transaction.on_commit(purge_deleted_words)
