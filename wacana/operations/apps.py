from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the process supervisor, /healthz, backups and restores. No models,
    so nothing of it appears in the admin."""

    name = "wacana.operations"
