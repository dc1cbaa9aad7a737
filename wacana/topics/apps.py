from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "wacana.topics"
    verbose_name = _("Topics and follows")

    def ready(self) -> None:
        # The writing page belongs to articles, below topics: it shows topics' choice
        # through the {% topic_choice %} tag and hands the posted value to this hook
        # (wacana/lib/hooks.py says why not an import the other way).
        # Imported here: these modules import models, which apps.py may not at load time.
        from wacana.articles import hooks  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.lib import holes  # noqa: PLC0415 - beside the other imports of ready()
        from wacana.topics.actions import writing_saved  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.topics.holes import follow  # noqa: PLC0415 - imports models: not before the app registry is ready

        hooks.writing_saved.register(writing_saved)
        # Kept listings: the follow button of a rubric or tag, for each signed-in reader.
        holes.provide("follow", follow)
