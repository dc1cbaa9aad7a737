import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wacana.articles import counting
from wacana.articles.tasks import flush_views


class Command(BaseCommand):
    help = "Enqueue the flush_views task every few seconds, for the task worker to run."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=int, default=30, help="seconds between flushes")

    def handle(self, *args: Any, **options: Any) -> None:
        interval = max(1, options["interval"])
        if counting.redis_client() is None:
            # Local-memory buffers belong to each server process, which flushes its own
            # (WACANA_VIEW_FLUSH_SECONDS); a worker elsewhere would find nothing.
            self.stdout.write("View counts: no Redis, each server process flushes its own.")
            return
        try:
            while True:
                time.sleep(interval)
                flush_views.enqueue()
        except KeyboardInterrupt:
            pass
