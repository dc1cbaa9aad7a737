"""Delete uploaded files that no row refers to any more.

Before account deletion removed every image a person uploaded, their body images'
files stayed on disk and were served at /media/. This finds such files: every file
field of every model (found through django.apps, so a new one is covered without
editing this) names a folder; a file in one of those folders that no row refers to,
and that is older than the grace period (an upload is written before the row that
refers to it is committed), is deleted.
"""

from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandParser
from django.db import models
from django.utils import timezone

from wacana.articles.models import Article


def file_fields() -> list[tuple[type[models.Model], str, str]]:
    """(model, field name, folder) for every file field whose folder is fixed."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and isinstance(field.upload_to, str):
                found.append((model, field.name, field.upload_to.strip("/")))
    return found


def orphans(grace: timedelta) -> list[str]:
    fields = file_fields()
    in_use: set[str] = set()
    for model, name, _folder in fields:
        in_use.update(
            value
            for value in model._default_manager.exclude(**{name: ""})
            .values_list(name, flat=True)
            .iterator()
            if value
        )
    # A featured image's thumbnail and AVIF copies are named after its files, not stored
    # in a field of their own (issue 18).
    with_variants = Article.objects.exclude(image_variants="").only(
        "image", "image_medium", "image_small", "image_variants"
    )
    for article in with_variants.iterator():
        in_use.update(article.image_files())
    cutoff = timezone.now() - grace
    found = []
    for folder in sorted({folder for _model, _name, folder in fields if folder}):
        # Not storage.exists(folder): in a bucket a folder is only a prefix, never an object.
        try:
            filenames = default_storage.listdir(folder)[1]
        except FileNotFoundError:
            continue
        for filename in filenames:
            path = f"{folder}/{filename}"
            if path not in in_use and default_storage.get_modified_time(path) < cutoff:
                found.append(path)
    return found


class Command(BaseCommand):
    help = "Delete uploaded files (images, avatars) that no row refers to any more."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List them; delete nothing.")
        parser.add_argument(
            "--grace-hours",
            type=int,
            default=24,
            help="Leave files younger than this alone (default 24).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        found = orphans(timedelta(hours=max(0, options["grace_hours"])))
        for path in found:
            if not options["dry_run"]:
                default_storage.delete(path)
            self.stdout.write(path)
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{len(found)} file(s) no row refers to {verb}.")
