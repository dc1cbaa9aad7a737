from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from wacana.accounts.demo import DEMO_PASSWORD, create_demo_writers
from wacana.accounts.models import User
from wacana.articles.demo import bring_demo_to_life, create_demo_articles
from wacana.discovery.demo import EDITOR_USERNAME, curate_demo
from wacana.discussion.demo import add_demo_comments
from wacana.topics.demo import create_demo_topic


class Command(BaseCommand):
    help = "Load original Indonesian demo content: writers with profiles and their articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has accounts.",
        )
        parser.add_argument(
            "--force-in-production",
            action="store_true",
            help="Load the demo even with WACANA_ENV=production (its passwords are public).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo accounts' password, the editor's included, is printed in the README:
        # on a production site they would be accounts anyone can sign in to.
        if settings.PRODUCTION and not options["force_in_production"]:
            raise CommandError(
                "WACANA_ENV=production: demo content is not loaded (its accounts' password "
                "is public). Pass --force-in-production if you really mean it."
            )
        if options["if_empty"] and User.objects.exists():
            self.stdout.write("The database has content already; demo content not loaded.")
            return
        with transaction.atomic():
            writers = create_demo_writers()
            articles = create_demo_articles()
            editor = curate_demo(articles, DEMO_PASSWORD)
            create_demo_topic(editor, articles)
            bring_demo_to_life(articles)
            add_demo_comments(articles)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(writers)} demo writers and {len(articles)} articles"
                f" (password for each writer: {DEMO_PASSWORD}); the editor"
                f" {EDITOR_USERNAME!r} has picked a few."
            )
        )
