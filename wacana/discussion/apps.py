from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "wacana.discussion"
    verbose_name = _("Discussion")

    def ready(self) -> None:
        # A kept article page's comment thread, for each signed-in reader.
        from wacana.discussion.holes import comment_thread  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.lib import holes  # noqa: PLC0415 - beside the other imports of ready()

        holes.provide("comment_thread", comment_thread)
