"""Index every public article again: after migrating an existing site, or a bulk import."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from wacana.discovery import search


class Command(BaseCommand):
    help = "Rebuild the search index from the published articles (bulk, in one transaction)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=2_000)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the index is empty while published articles exist (make run uses"
            " this, so a site that existed before search gets its index once)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and not search.index_is_missing():
            return
        started = time.monotonic()

        def progress(done: int) -> None:
            if options["verbosity"] > 1 or done % 20_000 < options["batch_size"]:
                self.stdout.write(f"  {done:,} articles ({time.monotonic() - started:.1f} s)")

        # One transaction: readers see the old index until the new one is complete.
        with transaction.atomic():
            count = search.rebuild(max(1, options["batch_size"]), progress=progress)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count:,} articles in {time.monotonic() - started:.1f} s.")
        )
