from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: the process supervisor, /healthz, backups and restores."""

    name = "wacana.operations"
    verbose_name = _("Operations")
