from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "wacana.moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        # An edit by staff of someone else's article is logged here and its writer told;
        # the article action calls the hook, whichever path the edit came by.
        # Imported here: these modules import models, which apps.py may not at load time.
        from wacana.articles import hooks  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.lib import holes  # noqa: PLC0415 - beside the other imports of ready()
        from wacana.moderation.actions import log_staff_edit  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.moderation.holes import report_links  # noqa: PLC0415 - imports models: not before the app registry is ready

        hooks.staff_edited.register(log_staff_edit)
        # A kept page's report links, for each signed-in reader.
        holes.provide("report_links", report_links)
