"""Demo articles for `make run`: original text (demo_articles.py), generated pictures."""

import random
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles import series as series_actions
from wacana.articles.demo_content import ARTICLES
from wacana.articles.demo_pictures import picture_for
from wacana.articles.forms import TagsField
from wacana.articles.models import Article, ArticleTag, Category


def create_demo_articles() -> list[Article]:
    now = timezone.now()
    categories = {c.slug: c for c in Category.objects.select_related("parent")}
    writers = {
        u.username: u for u in User.objects.filter(username__in={a["author"] for a in ARTICLES})
    }
    made = []
    for n, entry in enumerate(ARTICLES):
        author = writers[str(entry["author"])]
        data = {
            "title": entry["title"],
            "body": entry["body"],
            "category": categories[str(entry["category"])],
            "tags": TagsField().clean(entry["tags"]),
            "image_caption": entry.get("image_caption", ""),
            "image_source": entry.get("image_source", ""),
        }
        article = actions.create_article(author, data)
        if entry.get("image"):
            caption = str(entry.get("image_caption") or entry["title"])
            actions.set_featured_image(article, picture_for(caption, f"demo-{n}"))
        actions.publish_article(author, article)
        # Spread the demo over the past weeks, at a plausible hour of the day.
        when = now - timedelta(
            days=int(str(entry.get("days_ago", n))), hours=n % 7, minutes=n * 7 % 60
        )
        Article.objects.filter(pk=article.pk).update(published_at=when)
        ArticleTag.objects.filter(article=article).update(published_at=when)
        made.append(article)
    return made


def bring_demo_to_life(articles: list[Article]) -> None:
    """What makes the demo look lived in: writers who joined before their first article
    and who follow one another (the comments come from wacana.discussion.demo).
    Deterministic, so every `make run` shows the same site."""
    rng = random.Random(1945)
    writers = list(User.objects.filter(articles__in=articles).distinct().order_by("username"))
    for writer in writers:
        first = min(a.published_at for a in Article.objects.filter(author=writer) if a.published_at)
        joined = first - timedelta(days=rng.randint(20, 240), hours=rng.randint(0, 23))
        User.objects.filter(pk=writer.pk).update(date_joined=joined)
    for writer in writers:
        others = [w for w in writers if w.pk != writer.pk]
        for followed in rng.sample(others, k=min(len(others), rng.randint(2, 4))):
            account_actions.follow(writer, followed)
    _demo_series(articles)
    _demo_response(articles)


# A series ("Seri") of one demo writer's pieces, in reading order (issue 16).
DEMO_SERIES = (
    "maria.tambunan",
    "Danau Toba dari Dekat",
    "Catatan orang Balige tentang danau di depan rumahnya: menyeberang, berlibur, menjaga.",
    ("Menyeberang ke Samosir", "Tiga Hari di Danau Toba", "Danau Toba Tidak Butuh Dipuji"),
)


def _demo_series(articles: list[Article]) -> None:
    username, name, description, beginnings = DEMO_SERIES
    mine = [a for a in articles if a.author.username == username]
    parts = [a for start in beginnings for a in mine if a.title.startswith(start)]
    if len(parts) == len(beginnings):
        series = series_actions.create_series(parts[0].author, name, description)
        series_actions.set_parts(series, [a.pk for a in parts])


# A response ("Tanggapan", issue 16): the night-shift nurse's piece answers the piece on
# working from home (published after it), across two writers.
DEMO_RESPONSE = ("Ketika Malam Jadi Siang", "Kerja dari Rumah Bukan Liburan")


def _demo_response(articles: list[Article]) -> None:
    answer, original = (
        next((a for a in articles if a.title.startswith(start)), None) for start in DEMO_RESPONSE
    )
    if answer is None or original is None:
        return
    # Written as the writing page would have stored it: the link and the original's count.
    Article.objects.filter(pk=answer.pk).update(response_to=original, is_response=True)
    Article.objects.filter(pk=original.pk).update(response_count=F("response_count") + 1)
