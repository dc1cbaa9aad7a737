"""Background tasks for articles (django-tasks; django-tasks-db's `db_worker` runs them)."""

from django_tasks import task

from wacana.articles import counting


@task()
def flush_views() -> int:
    """Write the buffered view counts to the database; returns how many were written."""
    return counting.flush()


FAN_OUT_BATCH = 1000


@task()
def notify_followers(article_id: int) -> int:
    """Tell every follower of the writer about a newly published article, in batches.

    Runs in the worker: a writer with 100,000 followers must not slow their publish.
    """
    from django.conf import settings
    from django.utils import translation
    from django.utils.translation import gettext as _

    from wacana.accounts.models import Follow
    from wacana.articles.models import Article
    from wacana.notifications.actions import notify_many

    article = Article.objects.published().select_related("author").filter(pk=article_id).first()
    if article is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        message = _("%(name)s published “%(title)s”.") % {
            "name": article.author.name,
            "title": article.title,
        }
    told, after = 0, 0
    followers = Follow.objects.filter(followed_id=article.author_id).order_by("follower_id")
    while True:
        batch = list(
            followers.filter(follower_id__gt=after).values_list("follower_id", flat=True)[
                :FAN_OUT_BATCH
            ]
        )
        if not batch:
            return told
        told += notify_many(
            batch,
            "new_article",
            message,
            actor=article.author,
            target_url=article.get_absolute_url(),
        )
        after = batch[-1]
