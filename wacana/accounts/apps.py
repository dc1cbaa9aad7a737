from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wacana.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Imported here: these modules import models, which apps.py may not at load time.
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415 - imports models: not before the app registry is ready

        from wacana.accounts.holes import account_nav, follow_writer, writer_actions  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.accounts.sessions import remember_device  # noqa: PLC0415 - imports models: not before the app registry is ready
        from wacana.lib import holes  # noqa: PLC0415 - beside the other imports of ready()

        user_logged_in.connect(remember_device, dispatch_uid="wacana-remember-device")
        holes.provide("account", account_nav)
        holes.provide("follow_writer", follow_writer)
        holes.provide("writer_actions", writer_actions)
