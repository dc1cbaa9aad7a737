from django.db import models


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
