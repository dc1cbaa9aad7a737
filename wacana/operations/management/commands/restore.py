from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wacana.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database, the media and the"
        " secret key. Stop the site first. Refuses a database that is not empty unless"
        " --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", help="the .tar.gz written by manage.py backup")
        parser.add_argument(
            "--force", action="store_true", help="replace a database that is not empty"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["backup"])
        if not archive.is_file():
            raise CommandError(f"No backup at {archive}.")
        try:
            notes = restore_backup(archive, force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {archive}.")
        for note in notes:
            self.stdout.write(note)
        self.stdout.write("Run `manage.py migrate` if this code is newer than the backup.")
