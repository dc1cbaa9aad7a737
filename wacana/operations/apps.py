from django.apps import AppConfig
from django.conf import settings


class OperationsConfig(AppConfig):
    """Running the site: the process supervisor, /healthz, backups and restores. No models,
    so nothing of it appears in the admin."""

    name = "wacana.operations"

    def ready(self) -> None:

        if settings.METRICS_ENABLED:
            from wacana.lib import front  # noqa: PLC0415
            from wacana.operations.metrics import (  # noqa: PLC0415 - loaded only when WACANA_METRICS is on
                count_front_answer,
                instrument_caches,
            )

            instrument_caches()
            front.answered.register(count_front_answer)
