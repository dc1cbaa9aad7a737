"""Demo curation for `make run`: an editor, a few picks and headlines, some ratings and a
week of daily views, so that every section of the demo home page has something in it."""

import random
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db.models import F

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.accounts.roles import EDITOR
from wacana.articles import actions
from wacana.articles.models import Article, DailyViews, RatingKind
from wacana.discovery import popular

EDITOR_USERNAME = "redaksi"


def create_demo_editor(password: str) -> User:
    editor = account_actions.create_account(
        username=EDITOR_USERNAME,
        email="redaksi@example.com",
        password=password,
        display_name="Meja Redaksi Wacana",
    )
    editor.groups.add(Group.objects.get_or_create(name=EDITOR)[0])
    return editor


def curate_demo(articles: list[Article], password: str) -> User:
    """Pick every third article, make the two newest picks headlines, rate a few and
    spread a week of views; then compute "popular this week"."""
    editor = create_demo_editor(password)
    rng = random.Random(2026)
    newest_first = sorted(
        Article.objects.filter(pk__in=[a.pk for a in articles]),
        key=lambda a: (a.published_at, a.pk),
        reverse=True,
    )
    picks = newest_first[::3]
    for article in picks:
        actions.curate(editor, article, actions.PICK, True)
    # Headlines lead the home with their picture: the two newest picks that have one.
    for article in [pick for pick in picks if pick.image][:2]:
        actions.curate(editor, article, actions.HEADLINE, True)

    readers = list(User.objects.filter(articles__isnull=False).distinct())
    praise = [kind for kind in RatingKind.values if kind != RatingKind.TIDAK_MENARIK]
    for article in newest_first[: max(1, len(newest_first) // 2)]:
        for reader in rng.sample(readers, k=min(3, len(readers))):
            if reader.pk != article.author_id:
                actions.rate_article(reader, article, rng.choice(praise))

    today = popular.today()
    for article in newest_first:
        total = 0
        for days_ago in range(7):
            n = rng.randint(0, 60) * (2 if article in picks else 1)
            if n:
                DailyViews.objects.create(
                    article=article, day=today - timedelta(days=days_ago), views=n
                )
                total += n
        Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + total)
    popular.refresh_week()
    return editor
