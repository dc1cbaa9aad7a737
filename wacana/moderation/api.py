"""The API's reports and moderation endpoints (documented at /api/v1/docs)."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import StrictInt

from wacana.accounts.api import ERRORS
from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.models import User
from wacana.accounts.roles import is_moderator
from wacana.lib.apierrors import ApiError, invalid
from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor, paginate
from wacana.moderation import actions, targets
from wacana.moderation.actions import Refused
from wacana.moderation.limits import check_report_limits
from wacana.moderation.models import (
    DETAIL_MAX,
    Appeal,
    ModerationAction,
    Reason,
    Report,
    Target,
)
from wacana.moderation.views import moderator_name, people_names, subject_name

router = Router(tags=["moderation"])


class ReasonOut(Schema):
    code: str
    label: str


class ReportIn(Schema):
    target: str
    id: Any
    reason: str
    detail: str = ""


class ReportCreated(Schema):
    id: int
    status: str


class TargetOut(Schema):
    type: str
    id: int


class ReportOut(Schema):
    id: int
    target: TargetOut
    subject: str | None
    reporter: str | None
    reason: str
    detail: str
    status: str
    outcome: str
    urgent: bool
    overdue: bool
    deadline: datetime
    created_at: datetime
    resolved_at: datetime | None
    resolved_by_action_id: int | None


class ReportListing(Schema):
    items: list[ReportOut]
    next_cursor: str | None


class ReportQuery(Schema):
    status: Literal["open", "resolved"] = "open"
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


class ResolveIn(Schema):
    action: str
    note: str
    rule: str = ""


class RestoreIn(Schema):
    target: str
    id: Any
    note: str
    rule: str = ""


class LogEntryOut(Schema):
    id: int
    kind: str
    moderator: str
    subject: str | None
    target: TargetOut
    rule: str
    note: str
    report_ids: list[int]
    details: dict[str, Any]
    created_at: datetime


class LogListing(Schema):
    items: list[LogEntryOut]
    next_cursor: str | None


class LogQuery(Schema):
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


class AppealIn(Schema):
    action_id: StrictInt
    statement: str


class AppealOut(Schema):
    id: int
    action_id: int
    status: str
    statement: str
    created_at: datetime
    decided_at: datetime | None


class AppealListing(Schema):
    items: list[AppealOut]
    next_cursor: str | None


class AppealQuery(Schema):
    status: Literal["open", "granted", "rejected"] = "open"
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


class AppealDecisionIn(Schema):
    decision: Literal["grant", "reject"]
    note: str


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _moderator(request: HttpRequest) -> User:
    user = _user(request)
    if not is_moderator(user):
        raise ApiError(403, _("Only moderators may do this."))
    return user


def _api_error(refused: Refused) -> ApiError:
    errors = {refused.field: [refused.message]} if refused.field else None
    return ApiError(refused.status, refused.message, errors)


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    return limit


def _page(queryset: Any, cursor: str | None, limit: int) -> Any:
    try:
        return paginate(queryset, cursor, _limit(limit), time_field="created_at")
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None


def _target_type(value: str) -> str:
    if value not in Target.values:
        raise invalid({"target": [_("Choose article, comment or account.")]})
    return value


def _id_or_username(target_type: str, value: Any) -> tuple[int | None, str]:
    """An id is a JSON number; an account may be named by its username (a string)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return targets.parse_id(value), ""
    if target_type == Target.ACCOUNT and isinstance(value, str) and value.strip():
        return None, value.strip()
    return None, ""


def _entries(entries: list[ModerationAction]) -> list[dict[str, Any]]:
    names = people_names({e.moderator_id for e in entries} | {e.subject_id for e in entries})
    return [
        {
            "id": entry.pk,
            "kind": entry.kind,
            "moderator": moderator_name(entry, names),
            "subject": subject_name(entry, names),
            "target": {"type": entry.target_type, "id": entry.target_id},
            "rule": entry.rule,
            "note": entry.note,
            "report_ids": entry.report_ids,
            "details": entry.details,
            "created_at": entry.created_at,
        }
        for entry in entries
    ]


# --- reporting -------------------------------------------------------------------------


@router.get("/reports/reasons", response=list[ReasonOut], auth=None)
def reasons(request: HttpRequest) -> list[dict[str, str]]:
    return [{"code": code, "label": str(label)} for code, label in Reason.choices]


@router.post("/reports", response={201: ReportCreated, **ERRORS}, auth=signed_in)
def create_report(request: HttpRequest, payload: ReportIn) -> Status[dict[str, Any]]:
    user = _user(request)
    errors: dict[str, list[str]] = {}
    if payload.target not in Target.values:
        errors["target"] = [_("Choose article, comment or account.")]
    pk, username = _id_or_username(payload.target, payload.id)
    if pk is None and not username:
        errors["id"] = [
            _("Send the id as a whole number (or a username, for an account).")
            if payload.target == Target.ACCOUNT
            else _("Send the id as a whole number.")
        ]
    if payload.reason not in Reason.values:
        errors["reason"] = [_("Choose one of the reasons (GET /api/v1/reports/reasons).")]
    if len(payload.detail) > DETAIL_MAX:
        errors["detail"] = [_("Keep the detail under %(max)d characters.") % {"max": DETAIL_MAX}]
    if errors:
        raise invalid(errors)
    check_report_limits(request, user)
    try:
        thing = targets.reportable(user, payload.target, pk, username=username)
    except targets.NotFound:
        raise ApiError(404, _("There is nothing to report with this id.")) from None
    except targets.OwnContent:
        raise ApiError(403, _("You cannot report yourself or your own content.")) from None
    try:
        report = actions.file_report(user, thing, payload.reason, payload.detail)
    except Refused as refused:
        raise _api_error(refused) from None
    return Status(201, {"id": report.pk, "status": report.status})


# --- moderators ------------------------------------------------------------------------


def _report_out(report: Report, names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": report.pk,
        "target": {"type": report.target_type, "id": report.target_id},
        "subject": names.get(report.subject_id) if report.subject_id else None,
        "reporter": report.reporter.username if report.reporter else None,
        "reason": report.reason,
        "detail": report.detail,
        "status": report.status,
        "outcome": report.outcome,
        "urgent": report.is_urgent,
        "overdue": report.is_overdue,
        "deadline": report.deadline(),
        "created_at": report.created_at,
        "resolved_at": report.resolved_at,
        "resolved_by_action_id": report.resolved_by_action_id,
    }


@router.get("/moderation/reports", response={200: ReportListing, **ERRORS}, auth=signed_in)
def list_reports(request: HttpRequest, query: Query[ReportQuery]) -> dict[str, Any]:
    _moderator(request)
    reports = Report.objects.filter(status=query.status).select_related("reporter")
    page = _page(reports, query.cursor, query.limit)
    names = people_names({report.subject_id for report in page.items})
    return {
        "items": [_report_out(report, names) for report in page.items],
        "next_cursor": page.next_cursor,
    }


@router.post(
    "/moderation/reports/{report_id}/resolve",
    response={200: LogEntryOut, **ERRORS},
    auth=signed_in,
)
def resolve(request: HttpRequest, report_id: int, payload: ResolveIn) -> dict[str, Any]:
    moderator = _moderator(request)
    pk = targets.parse_id(report_id)
    if pk is None:
        raise ApiError(404, _("There is no report with this id."))
    if payload.action not in ("dismiss", "hide", "suspend"):
        raise invalid({"action": [_("Choose dismiss, hide or suspend.")]})
    try:
        entry = actions.resolve_report(moderator, pk, payload.action, payload.note, payload.rule)
    except Refused as refused:
        raise _api_error(refused) from None
    return _entries([entry])[0]


@router.post("/moderation/restore", response={200: LogEntryOut, **ERRORS}, auth=signed_in)
def restore(request: HttpRequest, payload: RestoreIn) -> dict[str, Any]:
    moderator = _moderator(request)
    target_type = _target_type(payload.target)
    pk, username = _id_or_username(target_type, payload.id)
    if username:
        found = User.objects.by_username(username[:30]).first()
        if found is None:
            raise ApiError(404, _("There is nothing with this id."))
        pk = found.pk
    if pk is None:
        raise invalid({"id": [_("Send the id as a whole number.")]})
    try:
        entry = actions.decide(moderator, target_type, pk, "restore", payload.note, payload.rule)
    except Refused as refused:
        raise _api_error(refused) from None
    return _entries([entry])[0]


@router.get("/moderation/log", response={200: LogListing, **ERRORS}, auth=signed_in)
def moderation_log(request: HttpRequest, query: Query[LogQuery]) -> dict[str, Any]:
    _moderator(request)
    page = _page(ModerationAction.objects.all(), query.cursor, query.limit)
    return {"items": _entries(page.items), "next_cursor": page.next_cursor}


# --- appeals ---------------------------------------------------------------------------


def _appeal_out(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.pk,
        "action_id": appeal.action_id,
        "status": appeal.status,
        "statement": appeal.statement,
        "created_at": appeal.created_at,
        "decided_at": appeal.decided_at,
    }


@router.post("/appeals", response={201: AppealOut, **ERRORS}, auth=signed_in)
def create_appeal(request: HttpRequest, payload: AppealIn) -> Status[dict[str, Any]]:
    user = _user(request)
    pk = targets.parse_id(payload.action_id)
    entry = ModerationAction.objects.filter(pk=pk).first() if pk is not None else None
    if entry is None:
        raise ApiError(404, _("There is no decision with this id."))
    try:
        appeal = actions.file_appeal(user, entry, payload.statement)
    except Refused as refused:
        raise _api_error(refused) from None
    return Status(201, _appeal_out(appeal))


@router.get("/moderation/appeals", response={200: AppealListing, **ERRORS}, auth=signed_in)
def list_appeals(request: HttpRequest, query: Query[AppealQuery]) -> dict[str, Any]:
    _moderator(request)
    page = _page(Appeal.objects.filter(status=query.status), query.cursor, query.limit)
    return {"items": [_appeal_out(a) for a in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/moderation/appeals/{appeal_id}/decide",
    response={200: LogEntryOut, **ERRORS},
    auth=signed_in,
)
def decide_appeal(request: HttpRequest, appeal_id: int, payload: AppealDecisionIn) -> Any:
    moderator = _moderator(request)
    pk = targets.parse_id(appeal_id)
    appeal = Appeal.objects.filter(pk=pk).first() if pk is not None else None
    if appeal is None:
        raise ApiError(404, _("There is no appeal with this id."))
    try:
        entry = actions.decide_appeal(moderator, appeal, payload.decision == "grant", payload.note)
    except Refused as refused:
        raise _api_error(refused) from None
    return _entries([entry])[0]
