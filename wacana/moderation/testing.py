"""For tests only: empty the append-only log between transactional tests.

Transactional tests (browser journeys) end by emptying every table, which the log's
triggers rightly refuse; this lifts them for that one statement, then puts them back.
"""

from django.db import connection

from wacana.moderation import triggers


def purge_log_for_tests() -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for statement in triggers.DOWN.get(vendor, []):
            cursor.execute(statement)
        # Appeals point at log entries (PROTECT), so they go first.
        cursor.execute("DELETE FROM moderation_appeal")
        cursor.execute("DELETE FROM moderation_moderationaction")
        for statement in triggers.UP.get(vendor, []):
            cursor.execute(statement)
