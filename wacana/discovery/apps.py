from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "wacana.discovery"
    verbose_name = _("Discovery")

    def ready(self) -> None:
        # Discovery keeps copies of articles (the search index, the cached home page,
        # "popular this week"); the article actions tell it of changes through these
        # hooks (wacana/lib/hooks.py says why not an import the other way).
        # Imported here: these modules import models, which apps.py may not at load time.
        from wacana.articles import hooks  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.discovery import home, popular, search  # noqa: PLC0415 - imports models: not before the app registry is ready

        hooks.article_changed.register(search.sync_article)
        hooks.category_moved.register(search.move_category)
        hooks.listings_changed.register(home.forget)
        hooks.views_flushed.register(popular.after_flush)
