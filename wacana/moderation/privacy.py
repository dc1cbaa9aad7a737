"""Moderation's part of the personal-data export and of account deletion.

Called by the privacy app (wacana/privacy/parts.py), never imported by other apps.
The log (ModerationAction) refers to people by id, not by foreign key: it is exported
(decisions about the person, and those a moderator took) but never changed.
"""

from typing import Any

from django.db.models import Q

from wacana.accounts.models import User
from wacana.moderation.models import Appeal, ModerationAction, Report

COVERS = ("moderation.Report.reporter", "moderation.Appeal.appellant")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _entry(entry: ModerationAction) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "rule": entry.rule,
        "note": entry.note,
        "created_at": _iso(entry.created_at),
    }


def personal_data_of(user: User, media_url: Any) -> dict[str, Any]:
    log = ModerationAction.objects.order_by("created_at", "id")
    return {
        "reports_filed": [
            {
                "id": report.pk,
                "target_type": report.target_type,
                "target_id": report.target_id,
                "reason": report.reason,
                "detail": report.detail,
                "status": report.status,
                "outcome": report.outcome,
                "created_at": _iso(report.created_at),
                "resolved_at": _iso(report.resolved_at),
            }
            for report in Report.objects.filter(reporter=user).order_by("created_at", "id")
        ],
        "appeals": [
            {
                "id": appeal.pk,
                "decision_id": appeal.action_id,
                "statement": appeal.statement,
                "status": appeal.status,
                "created_at": _iso(appeal.created_at),
                "decided_at": _iso(appeal.decided_at),
            }
            for appeal in Appeal.objects.filter(appellant=user).order_by("created_at", "id")
        ],
        # Who reported the person is not theirs to know; what was decided is.
        "moderation_decisions_about_me": [_entry(e) for e in log.filter(subject_id=user.pk)],
        "moderation_decisions_taken": [
            _entry(e) for e in log.filter(Q(moderator_id=user.pk) & ~Q(subject_id=user.pk))
        ],
    }


def remove_all_of(user: User) -> None:
    """Reports the person filed stay without them (the work is not undone); their appeals
    go. The log keeps its rows: the person is shown there as a deleted account."""
    Report.objects.filter(reporter=user).update(reporter=None)
    Appeal.objects.filter(appellant=user).delete()
