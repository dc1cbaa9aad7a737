"""A demo topic for `make run` (issue 16): one open "Topik Pilihan" with a few demo
articles on it, so the home's topics section and the topic page have something to show."""

from datetime import timedelta

from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.topics import actions
from wacana.topics.models import Topic

DEMO_TOPIC = {
    "title": "Gotong Royong di Kampung Kita",
    "slug": "gotong-royong",
    "description": (
        "Ceritakan kerja bersama di sekitar Anda: koperasi, kerja bakti, pojok baca, "
        "lapangan yang dijaga warga. Yang kecil pun layak ditulis."
    ),
}
# Beginnings of the demo articles written on it.
ON_TOPIC = ("Longsor Tutup Jalan Kebun", "Koperasi Kami Hampir Bubar", "Pojok Baca dari Kardus")


def create_demo_topic(editor: User, articles: list[Article]) -> Topic:
    now = timezone.now()
    topic = actions.save_topic(
        editor,
        None,
        {**DEMO_TOPIC, "opens_at": now - timedelta(days=10), "closes_at": now + timedelta(days=20)},
    )
    for article in articles:
        if article.title.startswith(ON_TOPIC):
            actions.set_article_topic(article.author, article, topic)
    return topic
