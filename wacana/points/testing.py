"""For tests only: empty the append-only ledger between transactional tests (as
wacana/moderation/testing.py does for the moderation log)."""

from django.db import connection

from wacana.points import triggers


def purge_ledger_for_tests() -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for statement in triggers.DOWN.get(vendor, []):
            cursor.execute(statement)
        cursor.execute("DELETE FROM points_pointevent")
        for statement in triggers.UP.get(vendor, []):
            cursor.execute(statement)
