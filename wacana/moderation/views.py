"""HTML pages for reports, the moderation queue, the log, appeals and transparency."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wacana.accounts.models import User
from wacana.accounts.roles import is_moderator
from wacana.lib import cursor
from wacana.lib.refusal import Refusal, add_headers
from wacana.moderation import actions, targets, transparency
from wacana.moderation.actions import Refused
from wacana.moderation.forms import AppealDecisionForm, AppealForm, DecisionForm, ReportForm
from wacana.moderation.limits import TooManyReports, check_report_limits
from wacana.moderation.models import (
    WAITING_FOR_REVIEW,
    ActionKind,
    Appeal,
    AppealStatus,
    ModerationAction,
    Reason,
    Report,
    Target,
)
from wacana.moderation.rules import rule_choices, rule_label, rule_url
from wacana.moderation.targets import Thing

QUEUE_GROUPS = 100
QUEUE_APPEALS = 50
FRAGMENT_HEADER = "X-Wacana-Fragment"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def moderators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people are sent to sign in; signed-in people who aren't moderators get 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _refused(request: HttpRequest, refused: Refusal) -> HttpResponse:
    """Moderators' decisions refused: a page of its own saying why."""
    return render(
        request, "moderation/refused.html", {"message": refused.message}, status=refused.status
    )


def _no_decision() -> Refused:
    return Refused(422, _("Choose a decision and write a note."))


def _page(request: HttpRequest, queryset: Any, time_field: str = "created_at") -> cursor.Page:
    try:
        return cursor.paginate(queryset, request.GET.get("cursor"), time_field=time_field)
    except cursor.BadCursor:
        raise Http404 from None


# --- reporting -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """The report form: a page of its own, shown in a dialog by report.js."""
    user = _user(request)
    source = request.POST if request.method == "POST" else request.GET
    target_type, raw_id = source.get("target", ""), source.get("id", "")
    fragment = request.headers.get(FRAGMENT_HEADER) == "1"
    template = "moderation/report.html#panel" if fragment else "moderation/report.html"
    context: dict[str, Any] = {"target": target_type, "target_id": raw_id, "fragment": fragment}
    try:
        thing = targets.reportable(user, target_type, targets.parse_id(raw_id))
    except targets.NotFound:
        raise Http404(_("There is nothing to report here.")) from None
    except targets.OwnContent as own:
        context["error"] = own.message
        return render(request, template, context, status=own.status)
    context["thing"] = thing
    form = ReportForm(request.POST if request.method == "POST" else None)
    status, problem = 200, None
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            try:
                check_report_limits(request, user)
                actions.file_report(
                    user, thing, form.cleaned_data["reason"], form.cleaned_data["detail"]
                )
            except (TooManyReports, Refused) as refused:
                status, problem = refused.status, refused
                context["error"] = refused.message
            else:
                if fragment:
                    return render(request, template, {**context, "done": True})
                messages.success(request, _thanks())
                return redirect("moderation:my_reports")
    context["form"] = form
    response = render(request, template, context, status=status)
    return add_headers(response, problem) if problem else response


def _thanks() -> str:
    return _(
        "Thank you. Your report has been received and a moderator will review it. "
        "You can follow it on My reports."
    )


OUTCOME_LABELS = {
    actions.DISMISSED: gettext_lazy("Reviewed: no violation was found"),
    actions.HIDDEN: gettext_lazy("Reviewed: the content was hidden"),
    actions.SUSPENDED: gettext_lazy("Reviewed: the account was suspended"),
    actions.RESTORED: gettext_lazy("Reviewed: restored after review"),
}


def _status_label(report: Report) -> str:
    if report.status == "open":
        return str(WAITING_FOR_REVIEW)
    return str(OUTCOME_LABELS.get(report.outcome, _("Reviewed")))


@login_required
@require_safe
def my_reports(request: HttpRequest) -> HttpResponse:
    page = _page(request, Report.objects.filter(reporter=_user(request)))
    things = targets.load_many((r.target_type, r.target_id) for r in page.items)
    rows = [
        {
            "report": r,
            "thing": things[(r.target_type, r.target_id)],
            "status": _status_label(r),
        }
        for r in page.items
    ]
    return render(request, "moderation/my_reports.html", {"page": page, "rows": rows})


# --- the queue -------------------------------------------------------------------------


@dataclass
class Group:
    thing: Thing
    reports: list[Report] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.reports)

    @property
    def reasons(self) -> list[tuple[str, int]]:
        labels = dict(Reason.choices)
        counted = Counter(report.reason for report in self.reports)
        return [(str(labels.get(code, code)), n) for code, n in counted.most_common()]

    @property
    def main_reason(self) -> str:
        return Counter(report.reason for report in self.reports).most_common(1)[0][0]

    @property
    def overdue(self) -> bool:
        return any(report.is_overdue for report in self.reports)

    @property
    def urgent(self) -> bool:
        return any(report.is_urgent for report in self.reports)

    @property
    def oldest(self) -> Any:
        return min(report.created_at for report in self.reports)


@moderators_only
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    """Open reports grouped by what they are about, overdue first, then oldest first."""
    user = _user(request)
    heads = list(
        Report.objects.open()
        .values("target_type", "target_id")
        .annotate(count=Count("id"), oldest=Min("created_at"))
        .order_by("oldest", "target_type", "target_id")[:QUEUE_GROUPS]
    )
    keys = [(head["target_type"], head["target_id"]) for head in heads]
    groups: list[Group] = []
    if keys:
        things = targets.load_many(keys)
        by_key = {key: Group(things[key]) for key in keys}
        wanted = Q()
        for target_type in Target.values:
            ids = [pk for kind, pk in keys if kind == target_type]
            if ids:
                wanted |= Q(target_type=target_type, target_id__in=ids)
        for item in Report.objects.open().filter(wanted).select_related("reporter"):
            by_key[(item.target_type, item.target_id)].reports.append(item)
        for group in by_key.values():
            group.reports.sort(key=lambda r: (r.created_at, r.pk))
        groups = sorted(by_key.values(), key=lambda g: (not g.overdue, g.oldest))
    appeals = list(
        Appeal.objects.filter(status=AppealStatus.OPEN)
        .select_related("action", "appellant")
        .order_by("created_at", "id")[:QUEUE_APPEALS]
    )
    appeal_things = targets.load_many(
        (appeal.action.target_type, appeal.action.target_id) for appeal in appeals
    )
    appeal_rows = [
        {
            "appeal": appeal,
            "thing": appeal_things[(appeal.action.target_type, appeal.action.target_id)],
            "kind": ActionKind(appeal.action.kind).label,
            "rule_label": rule_label(appeal.action.rule),
            "rule_url": rule_url(appeal.action.rule),
            "can_decide": appeal.action.moderator_id != user.pk and appeal.appellant_id != user.pk,
        }
        for appeal in appeals
    ]
    return render(
        request,
        "moderation/queue.html",
        {
            "groups": groups,
            "appeals": appeal_rows,
            "rules": rule_choices(),
            "limit": QUEUE_GROUPS,
        },
    )


@moderators_only
@require_POST
def act(request: HttpRequest) -> HttpResponse:
    form = DecisionForm(request.POST)
    target_id = targets.parse_id(request.POST.get("id", ""))
    target_type = request.POST.get("target", "")
    if target_id is None or target_type not in Target.values:
        raise Http404
    if not form.is_valid():
        return _refused(request, _no_decision())
    try:
        entry = actions.decide(
            _user(request),
            target_type,
            target_id,
            form.cleaned_data["action"],
            form.cleaned_data["note"],
            form.cleaned_data["rule"],
        )
    except Refused as refused:
        return _refused(request, refused)
    messages.success(
        request,
        _done(entry),
    )
    return redirect("moderation:queue")


def _done(entry: ModerationAction) -> str:
    """The message after a decision, with its kind."""
    return _("Done: %(kind)s. The decision is in the log.") % {"kind": ActionKind(entry.kind).label}


@moderators_only
@require_POST
def decide_appeal(request: HttpRequest, appeal_id: int) -> HttpResponse:
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    form = AppealDecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, _no_decision())
    try:
        entry = actions.decide_appeal(
            _user(request),
            appeal,
            form.cleaned_data["decision"] == "grant",
            form.cleaned_data["note"],
        )
    except Refused as refused:
        return _refused(request, refused)
    messages.success(
        request,
        _done(entry),
    )
    return redirect("moderation:queue")


# --- the log ---------------------------------------------------------------------------


def people_names(ids: set[int | None]) -> dict[int, str]:
    """Usernames of the given ids in one query; deleted people are simply missing."""
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    return dict(User.objects.filter(pk__in=wanted).values_list("pk", "username"))


def _deleted_account() -> str:
    return _("deleted account")


def moderator_name(entry: ModerationAction, names: dict[int, str]) -> str:
    if entry.moderator_id is None:
        return _("system")
    return names.get(entry.moderator_id, _deleted_account())


def subject_name(entry: ModerationAction, names: dict[int, str]) -> str | None:
    if entry.subject_id is None:
        return None
    return names.get(entry.subject_id, _deleted_account())


@moderators_only
@require_safe
def log(request: HttpRequest) -> HttpResponse:
    page = _page(request, ModerationAction.objects.all())
    names = people_names({e.moderator_id for e in page.items} | {e.subject_id for e in page.items})
    rows = [
        {
            "entry": entry,
            "kind": ActionKind(entry.kind).label if entry.kind in ActionKind.values else entry.kind,
            "moderator": moderator_name(entry, names),
            "subject": subject_name(entry, names),
            "rule_label": rule_label(entry.rule) if entry.rule else "",
            "rule_url": rule_url(entry.rule),
        }
        for entry in page.items
    ]
    return render(request, "moderation/log.html", {"page": page, "rows": rows})


# --- appeals ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def appeal(request: HttpRequest, action_id: int) -> HttpResponse:
    """The decision as its subject sees it, and the one appeal they may make."""
    user = _user(request)
    entry = get_object_or_404(ModerationAction, pk=action_id)
    if entry.subject_id != user.pk:
        raise PermissionDenied
    thing = targets.load(entry.target_type, entry.target_id)
    existing = Appeal.objects.filter(action=entry).first()
    form = AppealForm(request.POST if request.method == "POST" else None)
    status, error = 200, ""
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            try:
                actions.file_appeal(user, entry, form.cleaned_data["statement"])
            except Refused as refused:
                status, error = refused.status, refused.message
            else:
                messages.success(
                    request,
                    _(
                        "Your appeal has been sent. A moderator who did not make the decision "
                        "will review it."
                    ),
                )
                return redirect("moderation:appeal", action_id=entry.pk)
    problem = None if existing else actions.appeal_problem(user, entry)
    return render(
        request,
        "moderation/appeal.html",
        {
            "entry": entry,
            "kind": ActionKind(entry.kind).label,
            "thing": thing,
            "rule_label": rule_label(entry.rule) if entry.rule else "",
            "rule_url": rule_url(entry.rule),
            "existing": existing,
            "problem": problem.message if problem else "",
            "form": form,
            "error": error,
            "contact": _contact(),
        },
        status=status,
    )


def _contact() -> str:
    return str(settings.WACANA_CONTACT_EMAIL)


# --- transparency ----------------------------------------------------------------------


def _labelled(counts: dict[str, int], choices: Any) -> list[tuple[str, int]]:
    """Counts in the order of the choices, with their labels; unknown codes last."""
    known = [(str(label), counts[code]) for code, label in choices if code in counts]
    codes = {code for code, _label in choices}
    return known + [(code, n) for code, n in sorted(counts.items()) if code not in codes]


@require_safe
def transparency_report(request: HttpRequest) -> HttpResponse:
    months = [
        {
            "month": month,
            "reports": _labelled(month.reports, Reason.choices),
            "actions": _labelled(month.actions, ActionKind.choices),
            "appeals": _labelled(month.appeals, AppealStatus.choices),
        }
        for month in transparency.figures()
        if not month.is_empty
    ]
    return render(request, "moderation/transparency.html", {"months": months})
