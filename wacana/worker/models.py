from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """One row per task worker process (`manage.py run_worker`), touched every few
    seconds while it lives: the health check reads it, and a running task whose worker
    stopped beating is taken again by another worker (wacana.worker.lease)."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
