from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wacana.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Accounts, below notifications, tells of a new follower through this hook
        # (wacana/lib/hooks.py says why not an import the other way).
        # Imported here: these modules import models, which apps.py may not at load time.
        from wacana.accounts import hooks  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.notifications.actions import tell_followed  # noqa: PLC0415 - imports models: not before the app registry is ready

        hooks.followed.register(tell_followed)
