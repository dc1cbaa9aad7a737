"""The comments' part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
"""

from typing import Any

from wacana.accounts.models import User
from wacana.discussion.actions import remove_comments_of
from wacana.discussion.models import Comment

COVERS = ("discussion.Comment.author",)


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


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    return {"comments": comments_of(user)}


def remove_all_of(user: User) -> None:
    remove_comments_of(user)
