"""An account's comments, for the personal-data export the privacy policy promises."""

from typing import Any

from wacana.accounts.models import User
from wacana.discussion.models import Comment


def comments_of(user: User) -> list[dict[str, Any]]:
    """Every comment the account wrote, hidden ones included, oldest first."""
    return [
        {
            "id": comment.pk,
            "article_id": comment.article_id,
            "parent_id": comment.parent_id,
            "body": comment.body,
            "status": comment.status,
            "created_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
        }
        for comment in Comment.objects.filter(author=user).oldest_first().iterator()
    ]
