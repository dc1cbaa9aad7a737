"""Writes with side effects for moderation: reports, decisions, appeals, staff edits.

Views and the API parse and authorise, then call one of these. Every decision writes
one entry to the append-only log (ModerationAction), closes the open reports it
answers, and tells the person it affects what happened, under which section of the
Community Guidelines, and how to appeal.
"""

from collections import Counter
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from wacana.accounts.models import ApiToken, User
from wacana.accounts.roles import is_moderator, may_act_on
from wacana.accounts.sessions import end_sessions_of
from wacana.articles.actions import hide_articles_of, restore_articles_of
from wacana.articles.models import Article
from wacana.discussion.actions import hide_comments_of, restore_comments_of
from wacana.lib.refusal import Refusal
from wacana.lib.text import xml_safe
from wacana.moderation import hooks, targets
from wacana.moderation.models import (
    CHOOSE_A_REASON,
    NOTE_MAX,
    STATEMENT_MAX,
    ActionKind,
    Appeal,
    AppealStatus,
    ModerationAction,
    Reason,
    Report,
    ReportStatus,
    Target,
)
from wacana.moderation.rules import is_rule, rule_label, rule_url
from wacana.moderation.targets import Thing
from wacana.notifications.actions import notify

DISMISS, HIDE, SUSPEND, RESTORE = "dismiss", "hide", "suspend", "restore"
DECISIONS = (DISMISS, HIDE, SUSPEND, RESTORE)
APPEALABLE = frozenset({ActionKind.HIDE, ActionKind.AUTO_HIDE, ActionKind.SUSPEND})
NOTICE_NOTE_CHARS = 110

# Report.outcome values, shown to the reporter on /laporan-saya.
DISMISSED, HIDDEN, SUSPENDED, RESTORED = "dismissed", "hidden", "suspended", "restored"


class Refused(Refusal):
    """A request moderation's rules refuse: the HTTP status, a sentence, maybe a field."""

    def __init__(
        self, status: int | None = None, message: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message, status=status, field=field)


class UnknownTarget(Refused):
    """A report or decision about something that is not an article, comment or account."""

    status = 422
    field = "target"

    def default_message(self) -> str:
        return _("Choose article, comment or account.")


class NoSuchReason(Refused):
    status = 422
    field = "reason"

    def default_message(self) -> str:
        return str(CHOOSE_A_REASON)


class NotADecision(Refused):
    """A report is resolved by dismissing, hiding or suspending (restoring is separate)."""

    status = 422
    field = "action"

    def default_message(self) -> str:
        return _("Choose dismiss, hide or suspend.")


class ModeratorsOnly(Refused):
    status = 403

    def default_message(self) -> str:
        return _("Only moderators may do this.")


class NoSuchReport(Refused):
    status = 404

    def default_message(self) -> str:
        return _("There is no report with this id.")


class ConcernsYou(Refused):
    """Moderators do not decide about themselves or what they wrote."""

    status = 403

    def default_message(self) -> str:
        return _("This concerns you: another moderator must decide about it.")


class NoSuchRule(Refused):
    status = 422
    field = "rule"

    def default_message(self) -> str:
        return _("Choose a section of the Community Guidelines.")


class AlreadyAppealed(Refused):
    status = 409

    def default_message(self) -> str:
        return _("You have already appealed this decision.")


class NoSuchThing(Refused):
    status = 404

    def default_message(self) -> str:
        return _("There is nothing with this id.")


# --- reports ---------------------------------------------------------------------------


def file_report(reporter: User, thing: Thing, reason: str, detail: str = "") -> Report:
    """Record a report about `thing` (already checked reportable) and maybe auto-hide it."""
    if reason not in Reason.values:
        raise NoSuchReason
    detail = xml_safe(detail).strip()
    with transaction.atomic():
        duplicate = Report.objects.open().about(thing.type, thing.id).filter(reporter=reporter)
        if duplicate.exists():
            raise _already_reported()
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    reporter=reporter,
                    target_type=thing.type,
                    target_id=thing.id,
                    subject_id=thing.owner_id,
                    reason=reason,
                    detail=detail,
                )
        except IntegrityError:
            # The same person sent the same report twice at once: the constraint decided.
            raise _already_reported() from None
        _maybe_auto_hide(thing)
    return report


def _already_reported() -> Refused:
    return Refused(
        409, _("You have already reported this. A moderator will look at your report soon.")
    )


def _maybe_auto_hide(thing: Thing) -> ModerationAction | None:
    """Many different people reporting the same content hides it until a moderator looks."""
    if not thing.is_content:
        return None
    thing = targets.load(thing.type, thing.id, lock=True)  # fresh: someone may have hidden it
    if not thing.exists or thing.is_hidden:
        return None
    since = timezone.now() - timedelta(hours=settings.AUTO_HIDE_WINDOW_HOURS)
    recent = list(
        Report.objects.open()
        .about(thing.type, thing.id)
        .filter(created_at__gte=since, reporter__isnull=False)
        .values_list("pk", "reporter_id", "reason")
    )
    if len({reporter for _pk, reporter, _reason in recent}) < settings.AUTO_HIDE_REPORTERS:
        return None
    targets.hide(thing)
    rule = Counter(reason for _pk, _reporter, reason in recent).most_common(1)[0][0]
    with translation.override(settings.LANGUAGE_CODE):
        note = _(
            "Reported by %(count)d different accounts within %(hours)d hours; hidden until "
            "a moderator reviews it."
        ) % {"count": len(recent), "hours": settings.AUTO_HIDE_WINDOW_HOURS}
    entry = _log(
        ActionKind.AUTO_HIDE,
        None,
        thing,
        rule=rule,
        note=note,
        report_ids=[],
        details={"reports": sorted(pk for pk, _reporter, _reason in recent)},
    )
    owner = thing.owner
    if owner is not None:
        with translation.override(settings.LANGUAGE_CODE):
            message = _(
                "%(thing)s was hidden automatically because several readers reported it "
                "(Community Guidelines: %(rule)s). A moderator will review it; you may appeal."
            ) % {"thing": capfirst(thing.describe), "rule": rule_label(rule)}
        notify(owner, "moderation", message, target_url=appeal_url(entry))
    return entry


# --- decisions -------------------------------------------------------------------------


def resolve_report(
    moderator: User, report_id: int, action: str, note: str, rule: str = ""
) -> ModerationAction:
    """Decide about the target of one report; every open report about it is closed."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        raise NoSuchReport
    if report.status != ReportStatus.OPEN:
        raise Refused(409, _("This report has already been handled."))
    if action == RESTORE:
        raise NotADecision
    return decide(moderator, report.target_type, report.target_id, action, note, rule)


def decide(
    moderator: User, target_type: str, target_id: int, action: str, note: str, rule: str = ""
) -> ModerationAction:
    """Dismiss the reports about a target, hide it, suspend its owner, or restore it."""
    if not is_moderator(moderator):
        raise ModeratorsOnly
    if action not in DECISIONS:
        raise Refused(422, _("Choose dismiss, hide, suspend or restore."), "action")
    if target_type not in Target.values:
        raise UnknownTarget
    note = _checked_note(note)
    if rule and not is_rule(rule):
        raise NoSuchRule
    with transaction.atomic():
        reports = list(
            Report.objects.open()
            .about(target_type, target_id)
            .select_for_update()
            .order_by("created_at", "id")
        )
        thing = targets.load(target_type, target_id, lock=True)
        if not thing.exists and not reports:
            raise NoSuchThing
        if thing.owner_id == moderator.pk:
            raise ConcernsYou
        if not may_act_on(moderator, thing.owner):
            raise outranked()
        rule = rule or _main_reason(reports)
        if action == DISMISS:
            return _dismiss(moderator, thing, reports, rule, note)
        if action == HIDE:
            return _hide(moderator, thing, reports, rule, note)
        if action == SUSPEND:
            return _suspend(moderator, thing, reports, rule, note)
        return _restore(moderator, thing, reports, rule, note)


def outranked() -> Refused:
    return Refused(
        403,
        _(
            "This is the account or content of an administrator: only someone with more "
            "rights than its owner may act on it."
        ),
    )


def _checked_note(note: str) -> str:
    note = xml_safe(note or "").strip()
    if not note:
        raise Refused(422, _("Write a note: why this decision?"), "note")
    if len(note) > NOTE_MAX:
        raise Refused(422, _("Keep the note under %(max)d characters.") % {"max": NOTE_MAX}, "note")
    return note


def _main_reason(reports: list[Report]) -> str:
    if not reports:
        return ""
    return Counter(report.reason for report in reports).most_common(1)[0][0]


def _dismiss(
    moderator: User, thing: Thing, reports: list[Report], rule: str, note: str
) -> ModerationAction:
    if not reports:
        raise Refused(409, _("There are no open reports about this."))
    # Content hidden automatically was only waiting for this review: it comes back.
    restored = thing.is_content and thing.is_hidden and _hidden_automatically(thing)
    if restored:
        targets.restore(thing)
    entry = _log(
        ActionKind.DISMISS,
        moderator,
        thing,
        rule=rule,
        note=note,
        report_ids=[report.pk for report in reports],
        details={"restored": restored},
    )
    _close(reports, entry, DISMISSED)
    if restored and thing.owner is not None:
        _tell_restored(thing.owner, thing, note)
    return entry


def _hidden_automatically(thing: Thing) -> bool:
    last = (
        ModerationAction.objects.filter(target_type=thing.type, target_id=thing.id)
        .exclude(kind__in=[ActionKind.DISMISS, ActionKind.STAFF_EDIT])
        .order_by("-created_at", "-id")
        .first()
    )
    return last is not None and last.kind == ActionKind.AUTO_HIDE


def _hide(
    moderator: User, thing: Thing, reports: list[Report], rule: str, note: str
) -> ModerationAction:
    if not thing.is_content:
        raise Refused(422, _("An account cannot be hidden; suspend it instead."), "action")
    if not thing.exists:
        raise Refused(409, _("This content no longer exists; dismiss the reports instead."))
    if not rule:
        raise NoSuchRule
    changed = targets.hide(thing)
    if thing.owner is not None:
        # Also when it was already hidden automatically: the moderator confirms it.
        hooks.content_hidden(thing.owner, thing.type, thing.id)
    entry = _log(
        ActionKind.HIDE,
        moderator,
        thing,
        rule=rule,
        note=note,
        report_ids=[report.pk for report in reports],
        details={"changed": changed},
    )
    _close(reports, entry, HIDDEN)
    owner = thing.owner
    if owner is not None:
        with translation.override(settings.LANGUAGE_CODE):
            message = _(
                "%(thing)s was hidden by a moderator under the Community Guidelines section "
                '"%(rule)s" (%(url)s). Reason: %(note)s'
            ) % {
                "thing": capfirst(thing.describe),
                "rule": rule_label(rule),
                "url": rule_url(rule),
                "note": Truncator(note).chars(NOTICE_NOTE_CHARS),
            }
        notify(owner, "moderation", message, target_url=appeal_url(entry))
    return entry


def _suspend(
    moderator: User, thing: Thing, reports: list[Report], rule: str, note: str
) -> ModerationAction:
    person = thing.owner
    if person is None:
        raise Refused(409, _("This account no longer exists; dismiss the reports instead."))
    if person.pk == moderator.pk:
        raise ConcernsYou
    if not may_act_on(moderator, person):
        # Also checked in decide(); here too, so no way to a suspension skips it.
        raise outranked()
    if person.is_superuser:
        # Not even by another superuser: a superuser is taken off in the admin, knowingly.
        raise Refused(403, _("An administrator's account cannot be suspended here."))
    if person.suspended_at is not None or not person.is_active:
        raise Refused(409, _("This account is already suspended."))
    if not rule:
        raise NoSuchRule
    hidden = suspend_account(person)
    account = Thing(Target.ACCOUNT, person.pk, person)
    # Reports about the account itself are answered by its suspension too.
    if thing.type != Target.ACCOUNT:
        reports += list(Report.objects.open().about(Target.ACCOUNT, person.pk).select_for_update())
    entry = _log(
        ActionKind.SUSPEND,
        moderator,
        account,
        rule=rule,
        note=note,
        report_ids=sorted(report.pk for report in reports),
        details={"reported": f"{thing.type}:{thing.id}", **hidden},
    )
    _close(reports, entry, SUSPENDED)
    _tell_suspended(person, entry)
    return entry


def suspend_account(person: User) -> dict[str, int]:
    """No sign-in, no sessions, no tokens, and nothing of theirs public any more."""
    person.is_active = False
    person.suspended_at = timezone.now()
    person.save(update_fields=["is_active", "suspended_at"])
    end_sessions_of(person.pk)
    ApiToken.objects.filter(user=person).delete()
    hooks.account_suspended(person)
    return {
        "articles_hidden": hide_articles_of(person),
        "comments_hidden": hide_comments_of(person),
    }


def reinstate_account(person: User) -> dict[str, int]:
    """Lift a suspension: the account and what the suspension hid come back."""
    person.is_active = True
    person.suspended_at = None
    person.save(update_fields=["is_active", "suspended_at"])
    return {
        "articles_restored": restore_articles_of(person),
        "comments_restored": restore_comments_of(person),
    }


def _restore(
    moderator: User, thing: Thing, reports: list[Report], rule: str, note: str
) -> ModerationAction:
    if not thing.exists:
        raise NoSuchThing
    if not thing.is_hidden:
        raise Refused(409, _("This is not hidden or suspended; there is nothing to restore."))
    owner = thing.owner
    if thing.is_content and owner is not None and owner.suspended_at is not None:
        raise Refused(409, _("The writer's account is suspended; restore the account instead."))
    details = _undo(thing)
    entry = _log(
        ActionKind.RESTORE,
        moderator,
        thing,
        rule=rule,
        note=note,
        report_ids=[report.pk for report in reports],
        details=details,
    )
    _close(reports, entry, RESTORED)
    if owner is not None:
        _tell_restored(owner, thing, note)
    return entry


def _undo(thing: Thing) -> dict[str, Any]:
    if thing.type == Target.ACCOUNT:
        return {"restored": True, **reinstate_account(thing.obj)}
    restored = targets.restore(thing)
    if restored and thing.owner is not None:
        hooks.content_restored(thing.owner, thing.type, thing.id)
    return {"restored": restored}


def _close(reports: list[Report], entry: ModerationAction, outcome: str) -> None:
    if not reports:
        return
    Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        status=ReportStatus.RESOLVED,
        resolved_at=entry.created_at,
        resolved_by_action_id=entry.pk,
        outcome=outcome,
    )


def _log(
    kind: str,
    moderator: User | None,
    thing: Thing,
    *,
    rule: str,
    note: str,
    report_ids: list[int],
    details: dict[str, Any] | None = None,
) -> ModerationAction:
    return ModerationAction.objects.create(
        kind=kind,
        moderator_id=moderator.pk if moderator is not None else None,
        subject_id=thing.owner_id,
        target_type=thing.type,
        target_id=thing.id,
        rule=rule,
        note=note,
        report_ids=report_ids,
        details=details or {},
    )


def appeal_url(entry: ModerationAction) -> str:
    return f"/banding/{entry.pk}"


def _tell_restored(owner: User, thing: Thing, note: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        if thing.type == Target.ACCOUNT:
            message = _("Your account has been restored. Note from the moderators: %(note)s")
        else:
            message = _("%(thing)s is visible again after a moderator's review. Note: %(note)s")
        message = message % {
            "thing": capfirst(thing.describe),
            "note": Truncator(note).chars(NOTICE_NOTE_CHARS),
        }
    notify(owner, "moderation", message, target_url=thing.url)


def _tell_suspended(person: User, entry: ModerationAction) -> None:
    """A suspended person cannot sign in, so they are told by email too, with the
    operator's address for an appeal; the notification waits for a lifted suspension."""
    contact = settings.WACANA_CONTACT_EMAIL
    context = {
        "person": person,
        "rule": entry.rule,
        "rule_label": rule_label(entry.rule),
        "rule_url": rule_url(entry.rule),
        "note": entry.note,
        "contact": contact,
    }
    with translation.override(settings.LANGUAGE_CODE):
        if contact:
            message = _(
                "Your account was suspended under the Community Guidelines section "
                '"%(rule)s" (%(url)s). To appeal, write to %(contact)s. Reason: %(note)s'
            )
        else:
            message = _(
                "Your account was suspended under the Community Guidelines section "
                '"%(rule)s" (%(url)s). To appeal, write to the address on the About page '
                "(/tentang). Reason: %(note)s"
            )
        message = message % {
            "rule": rule_label(entry.rule),
            "url": rule_url(entry.rule),
            "contact": contact,
            "note": Truncator(entry.note).chars(NOTICE_NOTE_CHARS),
        }
        subject = render_to_string("moderation/email/suspended_subject.txt", context).strip()
        body = render_to_string("moderation/email/suspended.txt", context)
    notify(person, "moderation", message, target_url=appeal_url(entry))
    if person.email:
        address = person.email
        transaction.on_commit(
            lambda: send_mail(
                subject,
                body,
                None,
                [address],
                fail_silently=True,
            )
        )


# --- appeals ---------------------------------------------------------------------------


def appeal_problem(user: User, entry: ModerationAction) -> Refused | None:
    """Why `user` may not appeal `entry` now, or None when they may."""
    if entry.subject_id != user.pk:
        return Refused(403, _("Only the person a decision concerns may appeal it."))
    if entry.kind not in APPEALABLE:
        return Refused(422, _("This decision cannot be appealed."), "action_id")
    if Appeal.objects.filter(action=entry).exists():
        return AlreadyAppealed()
    if not targets.load(entry.target_type, entry.target_id).is_hidden:
        return Refused(409, _("This decision has already been undone."))
    return None


def file_appeal(user: User, entry: ModerationAction, statement: str) -> Appeal:
    """Appeal a decision once; a moderator other than the one who made it reviews it."""
    statement = xml_safe(statement or "").strip()
    if not statement:
        raise Refused(422, _("Write why the decision should be changed."), "statement")
    if len(statement) > STATEMENT_MAX:
        raise Refused(
            422,
            _("Keep your statement under %(max)d characters.") % {"max": STATEMENT_MAX},
            "statement",
        )
    problem = appeal_problem(user, entry)
    if problem is not None:
        raise problem
    try:
        with transaction.atomic():
            return Appeal.objects.create(action=entry, appellant=user, statement=statement)
    except IntegrityError:
        raise AlreadyAppealed() from None


def decide_appeal(moderator: User, appeal: Appeal, grant: bool, note: str) -> ModerationAction:
    """Grant (undo the decision) or reject an appeal; never by the original moderator."""
    if not is_moderator(moderator):
        raise ModeratorsOnly
    note = _checked_note(note)
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("action")
            .get(pk=appeal.pk)
        )
        original = appeal.action
        if appeal.status != AppealStatus.OPEN:
            raise Refused(409, _("This appeal has already been decided."))
        if original.moderator_id == moderator.pk:
            raise Refused(
                403, _("You made the original decision; another moderator must decide the appeal.")
            )
        if appeal.appellant_id == moderator.pk:
            raise ConcernsYou
        thing = targets.load(original.target_type, original.target_id, lock=True)
        if not may_act_on(moderator, thing.owner):
            raise outranked()
        reports = list(
            Report.objects.open()
            .about(original.target_type, original.target_id)
            .select_for_update()
        )
        details: dict[str, Any] = {"appeal_id": appeal.pk, "action_id": original.pk}
        if grant and thing.exists and thing.is_hidden:
            details.update(_undo(thing))
        entry = _log(
            ActionKind.APPEAL_GRANTED if grant else ActionKind.APPEAL_REJECTED,
            moderator,
            thing,
            rule=original.rule,
            note=note,
            report_ids=[report.pk for report in reports],
            details=details,
        )
        if grant:
            outcome = RESTORED
        else:
            outcome = SUSPENDED if original.kind == ActionKind.SUSPEND else HIDDEN
        _close(reports, entry, outcome)
        appeal.status = AppealStatus.GRANTED if grant else AppealStatus.REJECTED
        appeal.decided_at = entry.created_at
        appeal.decision_action_id = entry.pk
        appeal.save(update_fields=["status", "decided_at", "decision_action_id"])
        appellant = User.objects.filter(pk=appeal.appellant_id).first()
        if appellant is not None:
            with translation.override(settings.LANGUAGE_CODE):
                if grant:
                    message = _("Your appeal was granted and the decision undone. Note: %(note)s")
                else:
                    message = _(
                        "Your appeal was reviewed by another moderator and the decision "
                        "stands. Note: %(note)s"
                    )
                message = message % {"note": Truncator(note).chars(NOTICE_NOTE_CHARS)}
            notify(appellant, "moderation", message, target_url=appeal_url(original))
    return entry


# --- staff edits -----------------------------------------------------------------------


def log_staff_edit(
    editor: User, article: Article, changes: dict[str, tuple[Any, Any]]
) -> ModerationAction | None:
    """Log an edit by staff to someone else's article and tell its writer.

    `changes` maps a field to (before, after), e.g. {"title": ("Lama", "Baru")}; it is
    computed by the caller before the edit is saved.
    """
    if editor.pk == article.author_id or not changes:
        return None
    recorded = {
        name: {"from": str(before), "to": str(after)} for name, (before, after) in changes.items()
    }
    thing = Thing(Target.ARTICLE, article.pk, article)
    with translation.override(settings.LANGUAGE_CODE):
        names = ", ".join(_field_name(name) for name in sorted(recorded))
        note = _("Changed by staff: %(fields)s.") % {"fields": names}
        message = _('An editor changed %(fields)s of your article "%(title)s".') % {
            "fields": names,
            "title": Truncator(article.title).chars(80),
        }
    entry = _log(
        ActionKind.STAFF_EDIT, editor, thing, rule="", note=note, report_ids=[], details=recorded
    )
    author = User.objects.filter(pk=article.author_id).first()
    if author is not None:
        notify(author, "moderation", message, actor=editor, target_url=article.get_absolute_url())
    return entry


def _field_name(name: str) -> str:
    names = {"title": _("the title"), "category": _("the category")}
    return str(names.get(name, name))
