"""SQL for the moderation log's append-only triggers (wacana.lib.appendonly).

Used by migration 0002 and by the test helper that empties the log between
transactional tests. Change these only together with a new migration.
"""

from wacana.lib.appendonly import append_only

UP, DOWN = append_only("moderation_log", "moderation_moderationaction", "the moderation log")
