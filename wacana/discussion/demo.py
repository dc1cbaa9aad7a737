"""Demo comments: readers' comments, some with the writer's reply, under half the demo
articles (called by `load_demo` after the articles exist)."""

import random

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion import actions

COMMENTS = [
    "Terima kasih sudah menulis ini. Di kampung saya keadaannya mirip sekali.",
    "Tulisan yang jernih. Saya jadi ingin tahu kelanjutannya.",
    "Setuju dengan bagian akhirnya. Semoga pemerintah daerah ikut membaca.",
    "Boleh tahu sumber angka di paragraf ketiga? Ingin saya bagikan ke teman-teman.",
    "Saya pernah ke sana tahun lalu, dan memang begitu adanya.",
    "Bagus sekali. Cara bertutur seperti ini jarang saya temukan.",
]
REPLIES = [
    "Terima kasih sudah membaca! Kelanjutannya sedang saya tulis.",
    "Angkanya dari catatan koperasi dan wawancara langsung, nanti saya tautkan.",
    "Senang mendengarnya. Semoga makin banyak yang peduli.",
]


def add_demo_comments(articles: list[Article]) -> None:
    """Comments by other demo writers under every second article, a reply by the writer
    under some. Deterministic, so every `make run` shows the same site."""
    rng = random.Random(1946)
    writers = list(User.objects.filter(articles__in=articles).distinct().order_by("username"))
    for article in Article.objects.filter(pk__in=[a.pk for a in articles]).order_by("pk")[::2]:
        readers = [w for w in writers if w.pk != article.author_id]
        replied = ""
        for reader in rng.sample(readers, k=min(len(readers), rng.randint(1, 3))):
            comment = actions.post_comment(reader, article, rng.choice(COMMENTS))
            if rng.random() < 0.4:
                # Never the writer's previous reply again: the site refuses a repeat.
                replied = rng.choice([text for text in REPLIES if text != replied])
                actions.post_comment(article.author, article, replied, comment)
