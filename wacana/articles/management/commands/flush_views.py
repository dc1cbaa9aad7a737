from typing import Any

from django.core.management.base import BaseCommand

from wacana.articles import counting


class Command(BaseCommand):
    help = "Write the view counts buffered in the cache to the database."

    def handle(self, *args: Any, **options: Any) -> None:
        written = counting.flush()
        if options["verbosity"] > 0:
            # Operator output, like the other management commands: not translated.
            self.stdout.write(f"{written} views written.")
