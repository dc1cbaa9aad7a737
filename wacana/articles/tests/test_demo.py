"""The demo content `make run` loads looks like a living site."""

import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from PIL import Image

from wacana.accounts.models import User
from wacana.articles.demo_content import ARTICLES
from wacana.articles.demo_pictures import picture_for, scene_for
from wacana.articles.models import Article, Series
from wacana.discussion.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> Iterator[None]:
    call_command("load_demo", stdout=io.StringIO())
    yield


def test_pictures_follow_their_captions_and_differ_per_article() -> None:
    assert scene_for("Buah kopi robusta petik merah dijemur").__name__ == "coffee"
    assert scene_for("Kapal kayu bersandar di dermaga Tuktuk").__name__ == "water"
    assert scene_for("Anak-anak bermain bola di lahan kosong").__name__ == "pitch"
    assert scene_for("Deretan jeriken kecil di depan kelas").__name__ == "jerrycans"
    captions = [str(a.get("image_caption") or a["title"]) for a in ARTICLES if a.get("image")]
    scenes = {scene_for(caption).__name__ for caption in captions}
    assert len(scenes) >= 8, scenes  # not one picture for everything
    drawn = [picture_for(caption, f"demo-{n}").read() for n, caption in enumerate(captions[:6])]
    assert len(set(drawn)) == len(drawn)
    assert Image.open(io.BytesIO(drawn[0])).size == (1200, 675)


def test_writers_joined_before_they_wrote_and_have_followers_and_comments(demo: None) -> None:
    writers = User.objects.filter(articles__isnull=False).distinct()
    assert writers.count() >= 5
    for writer in writers:
        first = Article.objects.filter(author=writer).order_by("published_at").first()
        assert first is not None and first.published_at is not None
        assert writer.date_joined < first.published_at, writer.username
        assert writer.follower_count >= 1 or writer.following_count >= 2
    assert sum(w.follower_count for w in writers) >= writers.count() * 2
    commented = Article.objects.published().filter(comment_count__gt=0).count()
    assert commented >= Article.objects.published().count() // 3
    assert Comment.objects.filter(parent__isnull=False).exists()  # writers reply
    # The headlines lead the home with a picture.
    headlines = Article.objects.published().headlines()
    assert headlines.count() == 2 and all(a.image for a in headlines)


def test_the_demo_has_a_series_in_reading_order(demo: None) -> None:
    series = Series.objects.get()
    parts = list(series.parts.order_by("series_position").values_list("title", flat=True))
    assert len(parts) == 3 and parts[0].startswith("Menyeberang ke Samosir")
    assert series.owner.username == "maria.tambunan"


def test_the_demo_has_a_response_across_two_writers(demo: None) -> None:
    answer = Article.objects.get(response_to__isnull=False)
    original = answer.response_to
    assert original is not None and original.response_count == 1 and answer.is_response
    assert answer.author_id != original.author_id
    assert original.published_at and answer.published_at
    assert answer.published_at > original.published_at
