from django.conf import settings
from django.db import models

from wacana.articles.models import Article, Category


class SearchEntry(models.Model):
    """One public article, as search sees it: stemmed words and what the filters need.

    Only published articles have a row (search.sync_article keeps it so). The full-text
    index over `title` and `body` lives outside Django's schema: an FTS5 table kept in
    step by triggers on SQLite, a generated, GIN-indexed tsvector column on PostgreSQL
    (see the migrations); both are built from these same stems.
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    # Every stem of the title, in order.
    title = models.TextField()
    # Each stem of the body and the tags once: ranking needs presence, not counts.
    body = models.TextField()
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    rubric = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+", db_index=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    published_at = models.DateTimeField(db_index=True)

    class Meta:
        # Not in the admin, so no translated names.
        indexes = [
            models.Index(fields=["author", "article"], name="search_author"),
            models.Index(fields=["category", "article"], name="search_category"),
            models.Index(fields=["rubric", "article"], name="search_rubric"),
        ]

    def __str__(self) -> str:
        return f"search:{self.article_id}"


class PopularArticle(models.Model):
    """One place in the precomputed "popular this week" list (see discovery/popular.py).

    A few dozen rows, rewritten whole by `popular.refresh_week()` after view flushes, so
    the home page reads the week's top without summing a week of DailyViews.
    """

    WEEK = "week"

    period = models.CharField(max_length=10, choices=[(WEEK, WEEK)])
    rank = models.PositiveSmallIntegerField()
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    views = models.PositiveIntegerField()
    # The last day (Asia/Jakarta) of the seven the views were summed over.
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["period", "rank"], name="popular_article_rank")
        ]

    def __str__(self) -> str:
        return f"{self.period}#{self.rank}:{self.article_id}"
