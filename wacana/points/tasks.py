"""Background tasks for points (django-tasks; the worker runs them)."""

from django.core.cache import cache
from django_tasks import task

from wacana.points import leaderboards


@task()
def refresh_leaderboards() -> int:
    """Recompute the leaderboards from the ledger; the next event may queue another."""
    cache.delete(leaderboards.QUEUED_KEY)
    return leaderboards.refresh()
