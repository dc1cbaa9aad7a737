"""manage.py refresh_leaderboards: recompute the writers of the week and the month now
(the worker does it after new point events; this is for a first fill or by hand)."""

from typing import Any

from django.core.management.base import BaseCommand

from wacana.points import leaderboards


class Command(BaseCommand):
    help = "Recompute the points leaderboards from the ledger."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{leaderboards.refresh()} places written.")
