"""Topics' part of the personal-data export and of account deletion: what the person
follows (rubrics, sub-categories, tags, topics) and the topics an editor created.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
"""

from typing import Any

from wacana.accounts.models import User
from wacana.topics.models import Follow, Topic

COVERS = ("topics.Follow.follower", "topics.Topic.created_by")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    follows = Follow.objects.filter(follower=user).select_related("category", "tag", "topic")
    return {
        "follows_of_rubrics_tags_and_topics": [
            {
                "kind": row.kind,
                "slug": getattr(row.target, "slug", ""),
                "followed_at": _iso(row.created_at),
            }
            for row in follows.order_by("created_at", "id")
        ],
        "topics_created": [
            {"slug": slug, "title": title, "created_at": _iso(created)}
            for slug, title, created in Topic.objects.filter(created_by=user)
            .order_by("created_at", "id")
            .values_list("slug", "title", "created_at")
        ],
    }


def remove_all_of(user: User) -> None:
    """The follows go; a topic the editor created stays for its writers (SET_NULL)."""
    Follow.objects.filter(follower=user).delete()
