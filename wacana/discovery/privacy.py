"""Search's part of account deletion: no word of a deleted article stays in the index.

Called by the privacy app (wacana/privacy/parts.py) after the articles are deleted.
The index holds nothing of a person that the articles' own export does not show, so
there is no export part here.
"""

from typing import Any

from django.db import connection

from wacana.accounts.models import User
from wacana.discovery.models import SearchEntry

COVERS: tuple[str, ...] = ()  # see parts.NOT_EXPORTED


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    return {}


def purge_deleted_words() -> None:
    """On SQLite, FTS5's 'delete' (the trigger on SearchEntry) only records that a row's
    words are gone; they stay in the index's shadow table (discovery_search_fts_data)
    until its segments are merged. 'optimize' merges them all into one now, dropping the
    deleted words. It rewrites the whole index, which is why it runs once per deleted
    account and not for each article: ~0.3 s for 10,000 indexed articles on this
    machine (see the report of the privacy work). SQLite 3.44's 'secure-delete' option
    would do it per row, but 3.40 is what Debian ships here. PostgreSQL keeps the words
    in the row's own tsvector columns, deleted with the row."""
    if connection.vendor == "sqlite":
        with connection.cursor() as db:
            db.execute("INSERT INTO discovery_search_fts(discovery_search_fts) VALUES ('optimize')")


def remove_all_of(user: User) -> None:
    # The articles' deletion has removed their entries already (CASCADE); any left by a
    # half-finished earlier attempt go too.
    SearchEntry.objects.filter(author=user).delete()
    purge_deleted_words()
