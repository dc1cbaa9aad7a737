"""Bulk-generate a benchmark data set: writers, published articles, their pages and tags.

Used by `make bench` (scripts/bench/run.py). Everything goes in by bulk insert: one
password value for all writers (never hashed per row), a handful of body variants
rendered once each, and the stored counts set at the end by one UPDATE per table.
"""

import math
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from itertools import accumulate
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from wacana.accounts.models import User
from wacana.articles.actions import WORDS_PER_MINUTE
from wacana.articles.models import (
    PAGE_BREAK,
    Article,
    ArticlePage,
    ArticleTag,
    Category,
    DailyViews,
    Status,
    Tag,
)
from wacana.discovery import popular, search
from wacana.lib import markdown

USERNAME_PREFIX = "penulis"
SKEWED_RUBRIC = "fiksiana"
SKEWED_SHARE = 0.30
THREE_PAGE_SHARE = 1 / 3
SINGLE_VARIANTS = 16
PAGED_VARIANTS = 8
TAG_POOL = 500
MAX_TAGS = 5
SPAN = timedelta(days=3 * 365)
# The home page's curated sections: picks and headlines among the recent articles, some
# rated, and a week of daily views spread over them.
BENCH_RECENT = 20_000
BENCH_PICKS = 500
BENCH_HEADLINES = 30
BENCH_RATED = 2_000
BENCH_VIEWED_PER_DAY = 3_000

# Plain strings split at import (a literal's .split() would be rewritten into a long list).
_VOCABULARY = (
    "dan yang di ke dari untuk dengan dalam pada ini itu tidak akan sudah masih juga "
    "bisa harus kami kita mereka saya orang rumah desa kota pasar sekolah anak ibu "
    "bapak guru petani nelayan pedagang jalan sungai laut gunung hutan sawah kebun "
    "kopi teh beras air hujan panas angin pagi siang sore malam hari minggu bulan "
    "tahun waktu cerita kabar berita harapan mimpi kenangan rindu hati jiwa pikiran "
    "kata bahasa buku surat puisi lagu musik tari budaya adat tradisi agama sejarah "
    "masa depan kerja usaha modal harga pajak upah pasar koperasi bank uang hutang "
    "tabungan kesehatan puskesmas dokter perawat obat makan minum gizi tidur "
    "olahraga lari bola pemerintah warga rakyat negara daerah provinsi kabupaten "
    "kecamatan kelurahan kebijakan aturan hukum hak kewajiban suara pemilu partai "
    "wakil pemimpin teknologi internet ponsel aplikasi data jaringan listrik sinyal "
    "layar berjalan berlari menulis membaca belajar mengajar menanam memanen menjual "
    "membeli datang pergi pulang tinggal menunggu melihat mendengar merasa berpikir "
    "berbicara baik buruk besar kecil panjang pendek baru lama jauh dekat ramai sepi "
    "indah sulit mudah murah mahal cepat lambat tenang hangat dingin terang gelap "
    "sederhana"
)
_PLACES = (
    "Kupang Medan Makassar Ambon Jayapura Bandung Yogyakarta Surabaya Padang "
    "Pontianak Banjarmasin Manado Mataram Palembang Semarang Malang Solo Bogor "
    "Denpasar Ternate"
)
WORDS = tuple(_VOCABULARY.split())
PLACES = tuple(_PLACES.split())
TITLE_PATTERNS = (
    "Catatan tentang {a} dan {b} di {place}",
    "Mengapa {a} {b} Masih Penting bagi Warga {place}",
    "{A} yang {b}: Cerita dari {place}",
    "Belajar dari {a} dan {b}",
    "Sore di {place}, {a} yang {b}",
    "Tentang {a}, {b}, dan Hal-hal Kecil",
    "Surat untuk {a} di {place}",
    "{A} dan {B} di Tahun yang {c}",
)


# Search benchmarks: a word in the bodies of about half the articles (searched as
# "ekonomi", which stems alike) and a word in the titles of a handful.
COMMON_SENTENCE = "Perekonomian warga bergerak pelan tetapi pasti."
RARE_TITLE = "Komodo"
RARE_EVERY = 20_000


@dataclass(frozen=True)
class BodyVariant:
    body: str
    pages: list[str]
    excerpt: str
    word_count: int
    reading_minutes: int


@contextmanager
def keep_created_at() -> Iterator[None]:
    """Let bulk_create keep the created_at we set (auto_now_add would overwrite it)."""
    field: Any = Article._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 15))
    return " ".join(words).capitalize() + "."


def _page_text(rng: random.Random, words: int) -> str:
    blocks: list[str] = []
    written = 0
    while written < words:
        roll = rng.random()
        if blocks and roll < 0.08:
            heading = " ".join(rng.choices(WORDS, k=rng.randint(2, 5))).capitalize()
            blocks.append(f"## {heading}")
            written += len(heading.split())
        elif blocks and roll < 0.12:
            items = [" ".join(rng.choices(WORDS, k=rng.randint(3, 8))) for _ in range(3)]
            blocks.append("\n".join(f"- {item}" for item in items))
            written += sum(len(item.split()) for item in items)
        else:
            sentences = [_sentence(rng) for _ in range(rng.randint(3, 7))]
            if roll > 0.9:
                word = rng.choice(WORDS)
                sentences[0] = sentences[0][:-1] + f" **{word}**."
            paragraph = " ".join(sentences)
            blocks.append(paragraph)
            written += len(paragraph.split())
    return "\n\n".join(blocks)


def _variant(rng: random.Random, page_count: int) -> BodyVariant:
    total = rng.randint(1000, 1400)
    sizes = [total // page_count] * page_count
    body = f"\n\n{PAGE_BREAK}\n\n".join(_page_text(rng, size) for size in sizes)
    pages = markdown.render_pages(body)
    text = markdown.plain_text_from_html(" ".join(pages))
    words = markdown.word_count(text)
    return BodyVariant(
        body=body,
        pages=pages,
        excerpt=markdown.excerpt(markdown.plain_text_from_html(pages[0]) or text),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
    )


def _with_common_word(variants: list[BodyVariant]) -> list[BodyVariant]:
    """Every other variant ends with the common sentence (no random draw, so the rest of
    the data set stays what the seed made it)."""
    out = []
    for index, variant in enumerate(variants):
        if index % 2 == 0:
            out.append(variant)
            continue
        body = f"{variant.body}\n\n{COMMON_SENTENCE}"
        pages = markdown.render_pages(body)
        text = markdown.plain_text_from_html(" ".join(pages))
        out.append(
            BodyVariant(
                body=body,
                pages=pages,
                excerpt=variant.excerpt,
                word_count=markdown.word_count(text),
                reading_minutes=variant.reading_minutes,
            )
        )
    return out


def _title(rng: random.Random) -> str:
    a, b, c = rng.sample(WORDS, 3)
    pattern = rng.choice(TITLE_PATTERNS)
    title = pattern.format(
        a=a, b=b, c=c, A=a.capitalize(), B=b.capitalize(), place=rng.choice(PLACES)
    )
    return title[:150]


class Command(BaseCommand):
    help = "Bulk-generate writers and published articles for benchmarks (make bench)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--writers", type=int, default=10_000)
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=2_000)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the data even when the database already has articles.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        writers: int = options["writers"]
        articles: int = options["articles"]
        self.batch: int = options["batch_size"]
        if writers < 1 or articles < 0 or self.batch < 1:
            raise CommandError("--writers and --batch-size must be positive, --articles not <0.")
        if Article.objects.exists() and not options["force"]:
            raise CommandError(
                "The database already has articles; use --force to add the bench data anyway."
            )
        rng = random.Random(options["seed"])
        started = time.monotonic()

        user_ids = self._writers(writers)
        self._lap("writers", len(user_ids), started)
        tags = self._tags(rng)
        self._lap("tags", len(tags), started)
        self._articles(rng, articles, user_ids, tags, started)
        self._curation_and_views(rng, started)
        self._counts(started)
        self._search_index(started)
        self._analyze(started)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {writers:,} writers and {articles:,} articles"
                f" in {time.monotonic() - started:.1f} s ({connection.vendor})."
            )
        )

    def _batch(self, model: Any) -> int:
        """Rows per INSERT: the asked size, kept under PostgreSQL's 65,535 parameters."""
        return max(1, min(self.batch, 60_000 // len(model._meta.concrete_fields)))

    def _lap(self, what: str, count: int, started: float) -> None:
        self.stdout.write(f"  {what}: {count:,} ({time.monotonic() - started:.1f} s)")

    def _writers(self, count: int) -> list[int]:
        """Create penulisNNNNN accounts (existing ones are reused); returns their ids."""
        password = make_password(None)  # unusable, computed once for everyone
        width = max(5, len(str(count)))
        names = [f"{USERNAME_PREFIX}{n:0{width}d}" for n in range(1, count + 1)]
        joined = timezone.now() - SPAN - timedelta(days=30)
        for start in range(0, count, self.batch):
            with transaction.atomic():
                User.objects.bulk_create(
                    (
                        User(
                            username=name,
                            email=f"{name}@bench.invalid",
                            display_name=f"Penulis {name[len(USERNAME_PREFIX) :]}",
                            password=password,
                            date_joined=joined,
                        )
                        for name in names[start : start + self.batch]
                    ),
                    batch_size=self._batch(User),
                    ignore_conflicts=True,
                )
        by_name = dict(
            User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("username", "pk")
        )
        return [by_name[name] for name in names if name in by_name]

    def _tags(self, rng: random.Random) -> list[Tag]:
        pool: dict[str, str] = {}
        while len(pool) < TAG_POOL:
            name = " ".join(rng.sample(WORDS, 2)).title()
            pool.setdefault(slugify(name), name)
        Tag.objects.bulk_create(
            (Tag(slug=slug, name=name) for slug, name in pool.items()),
            batch_size=self.batch,
            ignore_conflicts=True,
        )
        return list(Tag.objects.filter(slug__in=list(pool)).order_by("pk"))

    def _categories(self) -> tuple[list[Category], list[Category]]:
        subs = list(Category.objects.subcategories().select_related("parent").order_by("pk"))
        skewed = [c for c in subs if c.parent and c.parent.slug == SKEWED_RUBRIC]
        others = [c for c in subs if c not in skewed]
        if not skewed or not others:
            raise CommandError(
                f"Needs the seeded sub-categories, some under '{SKEWED_RUBRIC}'; run migrate."
            )
        return skewed, others

    def _articles(
        self,
        rng: random.Random,
        count: int,
        user_ids: list[int],
        tags: list[Tag],
        started: float,
    ) -> None:
        skewed, others = self._categories()
        single = _with_common_word([_variant(rng, 1) for _ in range(SINGLE_VARIANTS)])
        paged = _with_common_word([_variant(rng, 3) for _ in range(PAGED_VARIANTS)])
        self._lap("body variants rendered", len(single) + len(paged), started)

        # A few prolific writers, a long tail, some who never publish (Zipf-like).
        author_weights = list(accumulate(1 / (rank + 5) ** 0.9 for rank in range(len(user_ids))))
        shuffled_authors = user_ids[:]
        rng.shuffle(shuffled_authors)
        tag_weights = list(accumulate(1 / (rank + 3) for rank in range(len(tags))))
        tag_rows = [{"slug": tag.slug, "name": tag.name} for tag in tags]

        # Ascending times, so ids grow with published_at as on a real site.
        now = timezone.now()
        span = SPAN.total_seconds()
        offsets = sorted((rng.random() * span for _ in range(count)), reverse=True)

        done = 0
        with keep_created_at():
            for start in range(0, count, self.batch):
                batch: list[Article] = []
                chosen_variants: list[BodyVariant] = []
                chosen_tags: list[list[int]] = []
                for offset in offsets[start : start + self.batch]:
                    category = rng.choice(skewed if rng.random() < SKEWED_SHARE else others)
                    variant = rng.choice(paged if rng.random() < THREE_PAGE_SHARE else single)
                    picks = sorted(
                        set(
                            rng.choices(
                                range(len(tags)),
                                cum_weights=tag_weights,
                                k=rng.randint(0, MAX_TAGS),
                            )
                        )
                    )
                    title = _title(rng)
                    if (start + len(batch)) % RARE_EVERY == RARE_EVERY // 2:
                        title = f"{title[: 150 - len(RARE_TITLE) - 1]} {RARE_TITLE}"
                    at = now - timedelta(seconds=offset)
                    batch.append(
                        Article(
                            author_id=rng.choices(shuffled_authors, cum_weights=author_weights)[0],
                            title=title,
                            slug=slugify(title)[:80].strip("-") or "artikel",
                            body=variant.body,
                            status=Status.PUBLISHED,
                            category_id=category.pk,
                            rubric_id=category.rubric_id,
                            tag_list=[tag_rows[i] for i in picks],
                            created_at=at - timedelta(minutes=rng.randint(5, 600)),
                            published_at=at,
                            excerpt=variant.excerpt,
                            page_count=len(variant.pages),
                            word_count=variant.word_count,
                            reading_minutes=variant.reading_minutes,
                        )
                    )
                    chosen_variants.append(variant)
                    chosen_tags.append([tags[i].pk for i in picks])
                with transaction.atomic():
                    Article.objects.bulk_create(batch, batch_size=self._batch(Article))
                    ArticlePage.objects.bulk_create(
                        (
                            ArticlePage(article_id=article.pk, number=number, html=html)
                            for article, variant in zip(batch, chosen_variants, strict=True)
                            for number, html in enumerate(variant.pages, 1)
                        ),
                        batch_size=self.batch,
                    )
                    ArticleTag.objects.bulk_create(
                        (
                            ArticleTag(
                                article_id=article.pk,
                                tag_id=tag_id,
                                is_public=True,
                                published_at=article.published_at,
                            )
                            for article, tag_ids in zip(batch, chosen_tags, strict=True)
                            for tag_id in tag_ids
                        ),
                        batch_size=self.batch,
                    )
                done += len(batch)
                if done % 20_000 < self.batch or done == count:
                    self._lap("articles", done, started)

    def _curation_and_views(self, rng: random.Random, started: float) -> None:
        """What the home page shows beyond "latest": editor's picks and headlines among
        recent articles, some top-rated scores, and a week of daily views."""
        recent = list(
            Article.objects.filter(status=Status.PUBLISHED)
            .order_by("-published_at", "-id")
            .values_list("pk", "published_at")[:BENCH_RECENT]
        )
        if not recent:
            return
        chosen = rng.sample(recent, k=min(BENCH_PICKS, len(recent)))
        headlines = set(rng.sample(range(len(chosen)), k=min(BENCH_HEADLINES, len(chosen))))
        with transaction.atomic():
            for n, (pk, at) in enumerate(chosen):
                picked = (at or timezone.now()) + timedelta(hours=rng.randint(1, 48))
                fields: dict[str, Any] = {"picked_at": picked}
                if n in headlines:
                    fields["headline_at"] = fields["picked_at"] + timedelta(minutes=5)
                Article.objects.filter(pk=pk).update(
                    pick_notified=True, headline_notified=n in headlines, **fields
                )
            # Scores only (rating_score orders "top rated"); no Rating rows behind them.
            for pk, _at in rng.sample(recent, k=min(BENCH_RATED, len(recent))):
                score = rng.randint(1, 40)
                Article.objects.filter(pk=pk).update(
                    rating_score=score, rating_counts={"menarik": score}
                )
        today = popular.today()
        rows = [
            DailyViews(article_id=pk, day=today - timedelta(days=days_ago), views=views)
            for days_ago in range(popular.WEEK_DAYS)
            for pk, _at in rng.sample(recent, k=min(BENCH_VIEWED_PER_DAY, len(recent)))
            if (views := int(rng.paretovariate(1.2) * 3)) > 0
        ]
        DailyViews.objects.bulk_create(rows, batch_size=self._batch(DailyViews))
        popular.refresh_week(today)
        self._lap("picks, headlines, ratings and daily views", len(chosen) + len(rows), started)

    def _counts(self, started: float) -> None:
        published = (
            Article.objects.filter(author=OuterRef("pk"), status=Status.PUBLISHED)
            .order_by()
            .values("author")
            .annotate(n=Count("pk"))
            .values("n")
        )
        tagged = (
            ArticleTag.objects.filter(tag=OuterRef("pk"), is_public=True)
            .order_by()
            .values("tag")
            .annotate(n=Count("pk"))
            .values("n")
        )
        zero = Value(0, output_field=IntegerField())
        with transaction.atomic():
            User.objects.update(article_count=Coalesce(Subquery(published), zero))
            Tag.objects.update(article_count=Coalesce(Subquery(tagged), zero))
        self._lap("counts set", User.objects.count(), started)

    def _search_index(self, started: float) -> None:
        with transaction.atomic():
            count = search.rebuild(self.batch)
        self._lap("search index", count, started)

    def _analyze(self, started: float) -> None:
        """Fresh planner statistics, as autovacuum (PostgreSQL) would soon have them."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self._lap("analyzed", 1, started)
