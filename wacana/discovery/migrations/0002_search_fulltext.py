"""The full-text index over SearchEntry's stems, one per database engine.

SQLite: an FTS5 table with SearchEntry as its external content, kept in step by
triggers, so every insert, update and delete of an entry (CASCADE included) reaches it.
`detail=column` stores which column a stem is in (title or body), enough for the title
tiers, without positions. PostgreSQL: a stored generated tsvector ('simple': the text is
already stemmed), title weighted A and body B, under a GIN index.

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
POSTGRES_UP = [
    """ALTER TABLE discovery_searchentry ADD COLUMN document tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title), 'A')
            || setweight(to_tsvector('simple'::regconfig, body), 'B')
        ) STORED""",
    "CREATE INDEX discovery_search_document ON discovery_searchentry USING gin (document)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS discovery_search_document",
    "ALTER TABLE discovery_searchentry DROP COLUMN IF EXISTS document",
]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forwards(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def backwards(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_search_entry")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
