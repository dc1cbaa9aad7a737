"""Background tasks for articles (django-tasks; django-tasks-db's `db_worker` runs them)."""

from django_tasks import task

from wacana.articles import counting


@task()
def flush_views() -> int:
    """Write the buffered view counts to the database; returns how many were written."""
    return counting.flush()
