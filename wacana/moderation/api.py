"""The API's reports and moderation endpoints (documented at /api/v1/docs)."""

from datetime import datetime
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field, StrictInt, StrictStr

from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.models import User
from wacana.accounts.roles import is_moderator
from wacana.accounts.validators import USERNAME_MAX
from wacana.lib.apierrors import ERRORS, ApiError, invalid
from wacana.lib.apischema import BIGINT_MAX, Cursor, Limit, text
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit, paginate
from wacana.moderation import actions, targets
from wacana.moderation.limits import check_report_limits
from wacana.moderation.models import (
    DETAIL_MAX,
    NOTE_MAX,
    STATEMENT_MAX,
    Appeal,
    AppealStatus,
    ModerationAction,
    Reason,
    Report,
    ReportStatus,
    Target,
)
from wacana.moderation.rules import RULES
from wacana.moderation.views import moderator_name, people_names, subject_name

router = Router(tags=["moderation"])


class ReasonOut(Schema):
    code: str
    label: str


TargetId = Annotated[
    Annotated[StrictInt, Field(ge=1, le=BIGINT_MAX)]
    | Annotated[StrictStr, text(USERNAME_MAX, required=True)],
    Field(
        description=(
            "The article's, comment's or account's id; an account may be named by its "
            "username instead (a username for an article or comment: 422)."
        ),
    ),
]
Note = Annotated[
    str, text(NOTE_MAX, required=True, description="Why: shown in the moderation log.")
]
# A section of the Community Guidelines (/pedoman); hiding and suspending need one.
Rule = Literal[("", *RULES)]  # type: ignore[valid-type]  # built from RULES, so one list


class ReportIn(Schema):
    target: Target
    id: TargetId
    reason: Reason = Field(description="One of the codes of GET /api/v1/reports/reasons.")
    detail: Annotated[str, text(DETAIL_MAX, description="What is wrong, in a few words.")] = ""


ReportStatusOut = Annotated[str, Field(json_schema_extra={"enum": list(ReportStatus.values)})]


class ReportCreated(Schema):
    id: int
    status: ReportStatusOut


class TargetOut(Schema):
    type: str
    id: int


class ReportOut(Schema):
    """A report as moderators see it."""

    id: int
    target: TargetOut
    subject: str | None
    reporter: str | None
    reason: str
    detail: str
    status: ReportStatusOut
    outcome: str
    urgent: bool = Field(description="About content that must be handled within hours.")
    overdue: bool = Field(description="Still open past its deadline.")
    deadline: datetime = Field(description="When the report should be handled by.")
    created_at: datetime
    resolved_at: datetime | None
    resolved_by_action_id: int | None


class ReportListing(Schema):
    items: list[ReportOut]
    next_cursor: str | None


class ReportQuery(Schema):
    status: Literal["open", "resolved"] = "open"
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


class ResolveIn(Schema):
    action: Literal["dismiss", "hide", "suspend"]
    note: Note
    rule: Rule = ""


class RestoreIn(Schema):
    target: Target
    id: TargetId
    note: Note
    rule: Rule = ""


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
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


class AppealIn(Schema):
    action_id: StrictInt = Field(
        ge=1, le=BIGINT_MAX, description="The decision appealed (a moderation log entry's id)."
    )
    statement: Annotated[
        str, text(STATEMENT_MAX, required=True, description="Why it should be changed.")
    ]


class AppealOut(Schema):
    id: int
    action_id: int
    status: str = Field(json_schema_extra={"enum": list(AppealStatus.values)})
    statement: str
    created_at: datetime
    decided_at: datetime | None


class AppealListing(Schema):
    items: list[AppealOut]
    next_cursor: str | None


class AppealQuery(Schema):
    status: Literal["open", "granted", "rejected"] = "open"
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


class AppealDecisionIn(Schema):
    decision: Literal["grant", "reject"]
    note: Note


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _moderator(request: HttpRequest) -> User:
    user = _user(request)
    if not is_moderator(user):
        raise actions.ModeratorsOnly
    return user


def _page(queryset: Any, cursor: str | None, limit: int) -> Any:
    return paginate(queryset, cursor, checked_limit(limit), time_field="created_at")


def _whole_number_id() -> str:
    return _("Send the id as a whole number.")


def _target_type(value: str) -> str:
    if value not in Target.values:
        raise invalid({"target": [actions.UnknownTarget().message]})
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
    """Report ("Laporkan") an article, a comment or an account to the moderators."""
    user = _user(request)
    errors: dict[str, list[str]] = {}
    if payload.target not in Target.values:
        errors["target"] = [actions.UnknownTarget().message]
    pk, username = _id_or_username(payload.target, payload.id)
    if pk is None and not username:
        errors["id"] = [
            _("Send the id as a whole number (or a username, for an account).")
            if payload.target == Target.ACCOUNT
            else _whole_number_id()
        ]
    if payload.reason not in Reason.values:
        errors["reason"] = [actions.NoSuchReason().message]
    if len(payload.detail) > DETAIL_MAX:
        errors["detail"] = [_("Keep the detail under %(max)d characters.") % {"max": DETAIL_MAX}]
    if errors:
        raise invalid(errors)
    check_report_limits(request, user)
    thing = targets.reportable(user, payload.target, pk, username=username)
    report = actions.file_report(user, thing, payload.reason, payload.detail)
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
    """Moderators: the reports, open (the default) or resolved, newest first."""
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
    """Moderators: decide a report (dismiss, hide the content, or suspend the account);
    every open report about the same thing is resolved with it. Answers the log entry."""
    moderator = _moderator(request)
    pk = targets.parse_id(report_id)
    if pk is None:
        raise actions.NoSuchReport
    if payload.action not in ("dismiss", "hide", "suspend"):
        raise invalid({"action": [actions.NotADecision().message]})
    entry = actions.resolve_report(moderator, pk, payload.action, payload.note, payload.rule)
    return _entries([entry])[0]


@router.post("/moderation/restore", response={200: LogEntryOut, **ERRORS}, auth=signed_in)
def restore(request: HttpRequest, payload: RestoreIn) -> dict[str, Any]:
    """Moderators: undo a hiding or a suspension. Answers the log entry."""
    moderator = _moderator(request)
    target_type = _target_type(payload.target)
    pk, username = _id_or_username(target_type, payload.id)
    if username:
        found = User.objects.by_username(username[:30]).first()
        if found is None:
            raise actions.NoSuchThing
        pk = found.pk
    if pk is None:
        raise invalid({"id": [_whole_number_id()]})
    entry = actions.decide(moderator, target_type, pk, "restore", payload.note, payload.rule)
    return _entries([entry])[0]


@router.get("/moderation/log", response={200: LogListing, **ERRORS}, auth=signed_in)
def moderation_log(request: HttpRequest, query: Query[LogQuery]) -> dict[str, Any]:
    """Moderators: the append-only log of decisions, newest first."""
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
    """Appeal ("Banding") a decision about oneself or one's content, once per decision."""
    user = _user(request)
    pk = targets.parse_id(payload.action_id)
    entry = ModerationAction.objects.filter(pk=pk).first() if pk is not None else None
    if entry is None:
        raise ApiError(404, _("There is no decision with this id."))
    appeal = actions.file_appeal(user, entry, payload.statement)
    return Status(201, _appeal_out(appeal))


@router.get("/moderation/appeals", response={200: AppealListing, **ERRORS}, auth=signed_in)
def list_appeals(request: HttpRequest, query: Query[AppealQuery]) -> dict[str, Any]:
    """Moderators: the appeals, open (the default), granted or rejected, newest first."""
    _moderator(request)
    page = _page(Appeal.objects.filter(status=query.status), query.cursor, query.limit)
    return {"items": [_appeal_out(a) for a in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/moderation/appeals/{appeal_id}/decide",
    response={200: LogEntryOut, **ERRORS},
    auth=signed_in,
)
def decide_appeal(request: HttpRequest, appeal_id: int, payload: AppealDecisionIn) -> Any:
    """Moderators (not the original decider, nor the appellant): grant an appeal (the
    decision is undone) or reject it. Answers the log entry."""
    moderator = _moderator(request)
    pk = targets.parse_id(appeal_id)
    appeal = Appeal.objects.filter(pk=pk).first() if pk is not None else None
    if appeal is None:
        raise ApiError(404, _("There is no appeal with this id."))
    entry = actions.decide_appeal(moderator, appeal, payload.decision == "grant", payload.note)
    return _entries([entry])[0]
