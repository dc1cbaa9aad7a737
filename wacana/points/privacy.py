"""Points' part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
The ledger refers to people by id, not by foreign key, and is append-only: it is
exported (the person's own events) but never changed; after deletion its entries name
an account that no longer exists. The leaderboard places go with the account (cascade).
"""

from typing import Any

from wacana.accounts.models import User
from wacana.accounts.ranks import rank_for
from wacana.points.models import PointEvent

COVERS: tuple[str, ...] = ()


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    events = PointEvent.objects.filter(user_id=user.pk).order_by("created_at", "id")
    # As stored now (the instance may have been loaded before its latest events).
    balance = User.objects.filter(pk=user.pk).values_list("points", flat=True).first() or 0
    return {
        "points": {
            "balance": balance,
            "rank": rank_for(balance).name,
            "events": [
                {
                    "id": event.pk,
                    "rule": event.rule,
                    "amount": event.amount,
                    "rule_version": event.rule_version,
                    "reason": event.reason,
                    "reverses_id": event.reverses_id,
                    "article_id": event.article_id,
                    "comment_id": event.comment_id,
                    "created_at": event.created_at.isoformat(),
                }
                for event in events
            ],
        }
    }


def remove_all_of(user: User) -> None:
    """Nothing to remove: the ledger is append-only and keeps its entries by id."""
