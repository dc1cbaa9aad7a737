"""Background tasks of the topics app (django-tasks; the worker runs them)."""

from django_tasks import task

from wacana.topics import actions


@task()
def announce_topic(topic_id: int) -> int:
    """Tell the followers of the topics that `topic_id` has opened (once each)."""
    return actions.announce(topic_id)
