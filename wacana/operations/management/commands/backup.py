from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wacana.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (while the site runs), the uploaded media and the secret key"
        " into one .tar.gz (in the folder given, or the file named)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", help="a folder, or a file name ending in .tar.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = create_backup(Path(options["destination"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = result.manifest["counts"]
        self.stdout.write(
            f"Backup written to {result.path}: {counts['articles']} articles,"
            f" {counts['users']} accounts, {result.manifest['media']['files']} media files,"
            f" secret key {result.manifest['secret_key']}."
        )
