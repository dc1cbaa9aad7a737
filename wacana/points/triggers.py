"""SQL for the points ledger's append-only triggers (wacana.lib.appendonly).

Used by migration 0002 and by the test helper that empties the ledger between
transactional tests. Change these only together with a new migration.
"""

from wacana.lib.appendonly import append_only

UP, DOWN = append_only("points_ledger", "points_pointevent", "the points ledger")
