"""Make the points ledger append-only in the database itself.

The model already refuses save() of an existing row and delete(); these triggers also
stop QuerySet.update()/delete(), the admin, a shell and raw SQL. Reversible: the
reverse drops the triggers (a deliberate, reviewed migration is the only way out).
"""

from django.db import migrations

from wacana.points.triggers import DOWN, UP


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("points", "0001_initial")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
