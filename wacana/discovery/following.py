"""The "Following" feed (/mengikuti, GET /api/v1/me/feed): the latest published articles
of everything someone follows: writers (accounts.Follow), rubrics and sub-categories,
tags and topics (topics.Follow).

One query, whatever the number of follows: the follows are subqueries of it, and the
articles are read newest first down the `article_latest` index from the cursor, each
kept when any of the follows matches it (so each article comes once, however many
follows match it). A person following hundreds of things matches many articles near
the top, so a page reads little more than its own rows; `scripts/bench/feed_bench.py`
measures it on the bench data.
"""

from django.db.models import Q

from wacana.accounts.models import Follow, User
from wacana.articles.models import Article, ArticleTag
from wacana.lib import cursor
from wacana.topics.models import Follow as Interest
from wacana.topics.models import Kind, TopicArticle


def followed_articles(user: User) -> Q:
    """Articles matching any follow of `user`, as subqueries (no query runs here)."""
    mine = Interest.objects.filter(follower=user)
    categories = mine.filter(kind=Kind.CATEGORY).values("category_id")
    tags = mine.filter(kind=Kind.TAG).values("tag_id")
    topics = mine.filter(kind=Kind.TOPIC).values("topic_id")
    return (
        Q(author__in=Follow.objects.filter(follower=user).values("followed_id"))
        # A followed rubric takes its sub-categories' articles too (`rubric` is copied on
        # every article); a followed sub-category only its own.
        | Q(rubric__in=categories)
        | Q(category__in=categories)
        | Q(pk__in=ArticleTag.objects.filter(tag__in=tags, is_public=True).values("article_id"))
        | Q(pk__in=TopicArticle.objects.filter(topic__in=topics).values("article_id"))
    )


def feed_page(user: User, after: str | None, limit: int | None = None) -> cursor.Page:
    """One page of the feed, newest first; raises cursor.BadCursor for a foreign cursor."""
    articles = (
        Article.objects.published()
        .filter(followed_articles(user), author__is_active=True)
        .select_related("author", "category")
        .defer("body")
    )
    return cursor.paginate(articles, after, limit)
