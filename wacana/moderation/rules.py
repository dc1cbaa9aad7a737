"""The sections of the Community Guidelines (/pedoman) a decision can cite.

Every report reason is a section (the reason code is the section's anchor); the
guidelines also have a section on comments that no report reason maps to.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wacana.moderation.models import Reason

COMMENTS = "komentar"

RULES: dict[str, Promise | str] = {
    **{str(code): label for code, label in Reason.choices},
    COMMENTS: _("Commenting wisely"),
}


def is_rule(value: str) -> bool:
    return value in RULES


def rule_label(value: str) -> str:
    return str(RULES.get(value, value))


def rule_url(value: str) -> str:
    return f"/pedoman#{value}" if value in RULES else "/pedoman"


def rule_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in RULES.items()]
