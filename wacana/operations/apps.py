from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the process supervisor, /healthz, backups and restores. No models,
    so nothing of it appears in the admin."""

    name = "wacana.operations"

    def ready(self) -> None:
        from django.conf import settings

        if settings.METRICS_ENABLED:
            from wacana.operations.metrics import instrument_caches

            instrument_caches()
