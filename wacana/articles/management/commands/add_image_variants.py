from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wacana.articles.actions import add_image_variants
from wacana.articles.models import Article


class Command(BaseCommand):
    help = (
        "Give featured images uploaded before WebP thumbnails and AVIF copies existed "
        "their card thumbnail and AVIF renditions. Safe to run again: done ones are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=200, help="Articles read at a time.")

    def handle(self, *args: Any, **options: Any) -> None:
        todo = Article.objects.filter(image_variants="").exclude(image="").order_by("pk")
        done = skipped = 0
        last = 0
        while batch := list(todo.filter(pk__gt=last)[: options["batch"]]):
            for article in batch:
                if add_image_variants(article):
                    done += 1
                else:
                    skipped += 1
            last = batch[-1].pk
        if options["verbosity"] > 0:
            # Operator output, like the other management commands: not translated.
            self.stdout.write(f"{done} images given variants, {skipped} too small for them.")
