"""manage.py recompute_points [--check]: every account's balance, from the ledger.

Sums each account's point events and compares the sum with the stored balance
(`User.points`, moved by every event); sets any that differ right and lists them.
`--check` only reports, and exits 1 when one differs (for monitoring).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wacana.points.actions import recompute_balances


class Command(BaseCommand):
    help = "Recompute every account's points from the ledger (--check: only report)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="report, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        checked, differed = recompute_balances(fix=not options["check"])
        for user_id, stored, expected in differed:
            self.stdout.write(f"account {user_id}: stored {stored}, ledger {expected}")
        self.stdout.write(f"{checked} accounts checked, {len(differed)} differed.")
        if differed and options["check"]:
            raise CommandError("Stored balances differ from the ledger.")
