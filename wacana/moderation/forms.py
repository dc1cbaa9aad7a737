"""Forms for the moderation pages; the API checks the same limits through the actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wacana.lib.text import XmlSafeInput
from wacana.moderation.actions import DECISIONS
from wacana.moderation.models import CHOOSE_A_REASON, DETAIL_MAX, NOTE_MAX, STATEMENT_MAX, Reason
from wacana.moderation.rules import rule_choices


class ReportForm(XmlSafeInput, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_A_REASON, "invalid_choice": CHOOSE_A_REASON},
    )
    detail = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=DETAIL_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": DETAIL_MAX}),
        help_text=_("What should the moderators look at? At most 1,000 characters."),
    )


class DecisionForm(XmlSafeInput, forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=[(d, d) for d in DECISIONS])
    rule = forms.ChoiceField(label=_("Guideline section"), required=False, choices=())
    note = forms.CharField(
        label=_("Note (why)"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": NOTE_MAX}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        rule = self.fields["rule"]
        assert isinstance(rule, forms.ChoiceField)
        rule.choices = [("", _("The reason of the reports")), *rule_choices()]


class AppealForm(XmlSafeInput, forms.Form):
    statement = forms.CharField(
        label=_("Your statement"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": STATEMENT_MAX}),
        help_text=_("Explain why the decision should be changed. At most 3,000 characters."),
    )


class AppealDecisionForm(XmlSafeInput, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Grant: undo the decision")), ("reject", _("Reject: it stands"))],
    )
    note = forms.CharField(
        label=_("Note (why)"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": NOTE_MAX}),
    )
