"""SQL for the points ledger's append-only triggers, per database vendor.

Used by migration 0002 and by the test helper that empties the ledger between
transactional tests. Change these only together with a new migration.
"""

SQLITE_UP = [
    """CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_pointevent
    BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END""",
    """CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_pointevent
    BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS points_ledger_no_update",
    "DROP TRIGGER IF EXISTS points_ledger_no_delete",
]
POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION points_ledger_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'the points ledger is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER points_ledger_no_change BEFORE UPDATE OR DELETE
    ON points_pointevent FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS points_ledger_no_change ON points_pointevent",
    "DROP FUNCTION IF EXISTS points_ledger_append_only()",
]

UP = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}
DOWN = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}
