"""The "Following" feed: the latest published articles of the writers someone follows."""

from wacana.accounts.models import Follow, User
from wacana.articles.models import Article
from wacana.lib import cursor


def feed_page(user: User, after: str | None, limit: int | None = None) -> cursor.Page:
    """One page of the feed, newest first; raises cursor.BadCursor for a foreign cursor."""
    followed = Follow.objects.filter(follower=user).values("followed_id")
    articles = (
        Article.objects.published()
        .filter(author__in=followed, author__is_active=True)
        .select_related("author", "category")
        .defer("body")
    )
    return cursor.paginate(articles, after, limit)
