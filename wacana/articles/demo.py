"""Demo articles for `make run`: original text (demo_articles.py), generated pictures."""

import io
import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.demo_content import ARTICLES
from wacana.articles.forms import TagsField
from wacana.articles.models import Article, ArticleTag, Category

SKIES = [
    ((250, 170, 90), (90, 60, 140)),
    ((120, 190, 230), (20, 70, 120)),
    ((250, 220, 150), (200, 90, 60)),
    ((160, 220, 180), (20, 100, 80)),
    ((230, 200, 230), (80, 50, 110)),
]


def generated_picture(seed: str, size: tuple[int, int] = (1200, 675)) -> SimpleUploadedFile:
    """A landscape-like picture drawn with Pillow: sky, sun, hills. Different per seed."""
    rng = random.Random(seed)
    width, height = size
    top, bottom = rng.choice(SKIES)
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sun_x, sun_y, sun_r = (
        rng.randint(150, width - 150),
        rng.randint(80, height // 2),
        rng.randint(40, 90),
    )
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=(255, 240, 200))
    for layer in range(3):
        base = int(height * (0.55 + 0.15 * layer))
        shade = tuple(max(0, int(c * (0.55 - 0.15 * layer))) for c in bottom)
        points: list[tuple[int, int]] = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 40)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile(f"{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")


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
            actions.set_featured_image(article, generated_picture(f"demo-{n}"))
        actions.publish_article(author, article)
        # Spread the demo over the past weeks, at a plausible hour of the day.
        when = now - timedelta(
            days=int(str(entry.get("days_ago", n))), hours=n % 7, minutes=n * 7 % 60
        )
        Article.objects.filter(pk=article.pk).update(published_at=when)
        ArticleTag.objects.filter(article=article).update(published_at=when)
        made.append(article)
    return made
