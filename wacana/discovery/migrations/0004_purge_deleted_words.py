"""Sites whose accounts were deleted before deletion purged the search index: the
deleted articles' words may still be in FTS5's shadow tables. One 'optimize' drops
them (see discovery/privacy.py); PostgreSQL has nothing to do. Nothing to undo."""

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "INSERT INTO discovery_search_fts(discovery_search_fts) VALUES ('optimize')"
        )


class Migration(migrations.Migration):
    dependencies = [("discovery", "0003_search_fulltext")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
