"""SQL for the moderation log's append-only triggers, per database vendor.

Used by migration 0002 and by the test helper that empties the log between
transactional tests. Change these only together with a new migration.
"""

SQLITE_UP = [
    """CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_moderationaction
    BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END""",
    """CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_moderationaction
    BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS moderation_log_no_update",
    "DROP TRIGGER IF EXISTS moderation_log_no_delete",
]
POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION moderation_log_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'the moderation log is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER moderation_log_no_change BEFORE UPDATE OR DELETE
    ON moderation_moderationaction FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS moderation_log_no_change ON moderation_moderationaction",
    "DROP FUNCTION IF EXISTS moderation_log_append_only()",
]

UP = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}
DOWN = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}
