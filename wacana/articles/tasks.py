"""Background tasks for articles (django-tasks; django-tasks-db's `db_worker` runs them)."""

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task, task_backends
from django_tasks_db.backend import DatabaseBackend

from wacana.accounts.models import Follow
from wacana.articles import counting
from wacana.articles.models import Article
from wacana.notifications import actions as notifications
from wacana.notifications.models import Notification


@task()
def flush_views() -> int:
    """Write the buffered view counts to the database; returns how many were written."""
    return counting.flush()


FAN_OUT_BATCH = 1000


@task()
def notify_followers(article_id: int) -> int:
    """Tell every follower of the writer about a newly published article, in batches.

    Runs in the worker: a writer with 100,000 followers must not slow their publish.
    Safe to run again after a crash (the worker's lease runs it again): it resumes after
    the last follower told, going through followers in id order, and each notice has
    a once-key, so nobody is told twice even when a batch is repeated.
    """
    article = Article.objects.published().select_related("author").filter(pk=article_id).first()
    if article is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        message = _("%(name)s published “%(title)s”.") % {
            "name": article.author.name,
            "title": article.title,
        }
    once_key = f"new_article:{article.pk}"
    told, after = 0, Notification.objects.last_recipient_of(once_key)
    followers = Follow.objects.filter(followed_id=article.author_id).order_by("follower_id")
    while True:
        batch = list(
            followers.filter(follower_id__gt=after).values_list("follower_id", flat=True)[
                :FAN_OUT_BATCH
            ]
        )
        if not batch:
            return told
        told += notifications.notify_many(
            batch,
            "new_article",
            message,
            actor=article.author,
            target_url=article.get_absolute_url(),
            once_key=once_key,
        )
        after = batch[-1]


# django-tasks-db keeps a row per task run; the view flusher alone enqueues 2,880 a day.
# Successful results are kept a day, failed ones a week (to read what went wrong), then
# pruned by django-tasks-db's own command, which run_view_flusher runs every hour.
KEEP_RESULTS_DAYS = 1
KEEP_FAILED_RESULTS_DAYS = 7


def prune_task_results() -> bool:
    """Delete finished task results older than the above; False when tasks are not kept
    in the database (another backend: nothing to prune)."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return False
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=KEEP_RESULTS_DAYS,
        failed_min_age_days=KEEP_FAILED_RESULTS_DAYS,
        verbosity=0,
    )
    return True


@task()
def publish_scheduled(article_id: int, stamp: str) -> bool:
    """Publish a draft scheduled ("Terbitkan nanti") for the time `stamp` (ISO format);
    enqueued with run_after that time, so the worker picks it up then."""
    from wacana.articles.writing import publish_when_due  # noqa: PLC0415 - writing imports tasks (scheduling)

    return publish_when_due(article_id, stamp)
