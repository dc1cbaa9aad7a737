"""The full-text index over SearchEntry's stems, one per database engine.

SQLite: an FTS5 table with SearchEntry as its external content, kept in step by
triggers, so every insert, update and delete of an entry (CASCADE included) reaches it.
`detail=column` stores which column a stem is in (title or body), enough for the title
tiers, without positions. PostgreSQL: two stored generated tsvectors, the title's stems
and all the stems, each under a GIN index (why two, below).

A later migration that alters SearchEntry on SQLite makes Django rebuild the table,
which drops these triggers: such a migration must create them again (and 'rebuild').
"""

from typing import Any

from django.db import migrations

SQLITE_UP = [
    """CREATE VIRTUAL TABLE discovery_search_fts USING fts5(
        title, body, content='discovery_searchentry', content_rowid='article_id',
        detail='column', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER discovery_search_ai AFTER INSERT ON discovery_searchentry BEGIN
        INSERT INTO discovery_search_fts(rowid, title, body)
        VALUES (new.article_id, new.title, new.body);
    END""",
    """CREATE TRIGGER discovery_search_ad AFTER DELETE ON discovery_searchentry BEGIN
        INSERT INTO discovery_search_fts(discovery_search_fts, rowid, title, body)
        VALUES ('delete', old.article_id, old.title, old.body);
    END""",
    """CREATE TRIGGER discovery_search_au AFTER UPDATE ON discovery_searchentry BEGIN
        INSERT INTO discovery_search_fts(discovery_search_fts, rowid, title, body)
        VALUES ('delete', old.article_id, old.title, old.body);
        INSERT INTO discovery_search_fts(rowid, title, body)
        VALUES (new.article_id, new.title, new.body);
    END""",
    # Entries written before this migration (none on a fresh install).
    "INSERT INTO discovery_search_fts(discovery_search_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS discovery_search_au",
    "DROP TRIGGER IF EXISTS discovery_search_ad",
    "DROP TRIGGER IF EXISTS discovery_search_ai",
    "DROP TABLE IF EXISTS discovery_search_fts",
]
# Two columns rather than one with weights: PostgreSQL's planner ignores weights when it
# estimates `'ekonomi':A` (it counts every 'ekonomi'), so with 'ekonomi' in half the
# bodies and no title it walked the whole table backwards (2.4 s over 100,000 rows).
# A title-only column has statistics of its own. The stems go in as they are
# (array_to_tsvector): they are already what the 'simple' configuration would make of
# them, and no parser can cut one differently from FTS5; no positions are kept, since
# ranking needs only presence.
POSTGRES_UP = [
    """ALTER TABLE discovery_searchentry ADD COLUMN title_document tsvector
        GENERATED ALWAYS AS (array_to_tsvector(string_to_array(title, ' '))) STORED""",
    """ALTER TABLE discovery_searchentry ADD COLUMN document tsvector
        GENERATED ALWAYS AS (
            array_to_tsvector(string_to_array(title, ' ') || string_to_array(body, ' '))
        ) STORED""",
    "CREATE INDEX discovery_search_title ON discovery_searchentry USING gin (title_document)",
    "CREATE INDEX discovery_search_document ON discovery_searchentry USING gin (document)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS discovery_search_document",
    "DROP INDEX IF EXISTS discovery_search_title",
    "ALTER TABLE discovery_searchentry DROP COLUMN IF EXISTS document",
    "ALTER TABLE discovery_searchentry DROP COLUMN IF EXISTS title_document",
]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forwards(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def backwards(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})


class Migration(migrations.Migration):
    dependencies = [("discovery", "0002_search_entry")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
