from typing import Any

from django.core.management.base import BaseCommand

from wacana.articles import pending


class Command(BaseCommand):
    help = "Delete featured images kept for a preview whose article was never saved."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = pending.prune()
        if options["verbosity"] > 0:
            # Operator output, like the other management commands: not translated.
            self.stdout.write(f"{removed} pending images deleted.")
