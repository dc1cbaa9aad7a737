from django.apps import AppConfig
from django.conf import settings


class OperationsConfig(AppConfig):
    """Running the site: the process supervisor, /healthz, backups and restores. No models,
    so nothing of it appears in the admin."""

    name = "wacana.operations"

    def ready(self) -> None:

        if settings.METRICS_ENABLED:
            from wacana.operations.metrics import instrument_caches  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

            instrument_caches()
