from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "wacana.articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        # Connects the signals that drop the cached rubric bar when a category changes.
        from wacana.articles import navigation  # noqa: F401, PLC0415 - models must be ready first
        from wacana.articles.holes import provide  # noqa: PLC0415 - imports models: not before the app registry is ready

        # The article page's parts rendered for each signed-in reader of the kept page.
        provide()
