from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PointsConfig(AppConfig):
    name = "wacana.points"
    verbose_name = _("Points")

    def ready(self) -> None:
        # The lower apps' writes that earn or take back points; each hook is called
        # inside the write's transaction, so the ledger commits with it or not at all.
        # Imported here: these modules import models, which apps.py may not at load time.
        from wacana.accounts import hooks as accounts  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.articles import hooks as articles  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.discussion import hooks as discussion  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.moderation import hooks as moderation  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.points import actions  # noqa: PLC0415 - imports models: not before the app registry is ready

        accounts.signed_up.register(actions.signed_up)
        articles.first_published.register(actions.first_published)
        articles.curated.register(actions.curated)
        articles.rated.register(actions.rated)
        articles.deleting.register(actions.article_deleting)
        discussion.comment_shown.register(actions.comment_shown)
        discussion.comment_gone.register(actions.comment_gone)
        moderation.content_hidden.register(actions.content_hidden)
        moderation.content_restored.register(actions.content_restored)
        moderation.account_suspended.register(actions.account_suspended)
