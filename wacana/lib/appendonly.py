"""SQL for a table that only ever grows (the moderation log, the points ledger): database
triggers refuse UPDATE and DELETE, per database vendor, so not even a stray query or a
raw SQL shell can rewrite history. Migrations run `UP` and reverse with `DOWN`; the test
helper that empties such a table between transactional tests drops and restores them.
"""

Statements = dict[str, list[str]]


def append_only(name: str, table: str, what: str) -> tuple[Statements, Statements]:
    """(UP, DOWN) per vendor for `table`; `name` prefixes the triggers and the function,
    `what` names the table in the refusal ("the points ledger")."""
    message = f"{what} is append-only"
    up = {
        "sqlite": [
            f"""CREATE TRIGGER {name}_no_update BEFORE UPDATE ON {table}
    BEGIN SELECT RAISE(ABORT, '{message}'); END""",
            f"""CREATE TRIGGER {name}_no_delete BEFORE DELETE ON {table}
    BEGIN SELECT RAISE(ABORT, '{message}'); END""",
        ],
        "postgresql": [
            f"""CREATE OR REPLACE FUNCTION {name}_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {name}_no_change BEFORE UPDATE OR DELETE
    ON {table} FOR EACH ROW EXECUTE FUNCTION {name}_append_only()""",
        ],
    }
    down = {
        "sqlite": [
            f"DROP TRIGGER IF EXISTS {name}_no_update",
            f"DROP TRIGGER IF EXISTS {name}_no_delete",
        ],
        "postgresql": [
            f"DROP TRIGGER IF EXISTS {name}_no_change ON {table}",
            f"DROP FUNCTION IF EXISTS {name}_append_only()",
        ],
    }
    return up, down
