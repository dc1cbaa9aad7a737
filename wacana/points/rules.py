"""The published rule table: how many points each kind of event is worth, by version.

A version starts on a date (Asia/Jakarta midnight) and holds until the next one starts.
An event is valued by the version in force when it happens and stores that version's
number; a new version changes nothing already in the ledger. To change a value, append
a version with a later start date (never edit one that has started: the test
`test_published_versions_are_frozen` keeps their values). The rules page
(`/poin`) and `GET /api/v1/points/rules` publish every version.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SITE_TIME_ZONE = zoneinfo.ZoneInfo("Asia/Jakarta")

SIGNUP = "signup"
PUBLISH = "publish"
PICK = "pick"
HEADLINE = "headline"
RATING = "rating"
COMMENT = "comment"
ARTICLE_HIDDEN = "article_hidden"
COMMENT_HIDDEN = "comment_hidden"
REVERSAL = "reversal"  # a compensating event: the opposite of an earlier one

# rule: (name, what earns it), in the order the rules page lists them.
DESCRIPTIONS: dict[str, tuple[Promise, Promise]] = {
    SIGNUP: (_("Signing up"), _("Once, when your account is created.")),
    PUBLISH: (
        _("Publishing an article"),
        _("Once per article, the first time it is published (not again after unpublishing)."),
    ),
    PICK: (_("Editor's pick"), _("Once per article, when the editors choose it.")),
    HEADLINE: (_("Headline"), _("Once per article, when the editors make it a headline.")),
    RATING: (
        _("A rating received"),
        _(
            "For each reader's praise of your article (every rating but “Tidak Menarik”); "
            "taken back when the reader withdraws it or changes it to “Tidak Menarik”."
        ),
    ),
    COMMENT: (
        _("A comment received"),
        _(
            "For each comment or reply someone else writes under your article; taken back "
            "when the comment is deleted or hidden."
        ),
    ),
    ARTICLE_HIDDEN: (
        _("Article hidden by a moderator"),
        _("Deducted when a moderator hides your article; given back if it is restored."),
    ),
    COMMENT_HIDDEN: (
        _("Comment hidden by a moderator"),
        _("Deducted when a moderator hides your comment; given back if it is restored."),
    ),
}


@dataclass(frozen=True)
class Version:
    number: int
    starts: date  # from midnight in Asia/Jakarta
    points: dict[str, int]

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.starts, time.min, tzinfo=SITE_TIME_ZONE)


VERSIONS: tuple[Version, ...] = (
    Version(
        1,
        date(2026, 12, 1),
        {
            SIGNUP: 5,
            PUBLISH: 10,
            PICK: 25,
            HEADLINE: 50,
            RATING: 1,
            COMMENT: 1,
            ARTICLE_HIDDEN: -20,
            COMMENT_HIDDEN: -5,
        },
    ),
)

# What never earns, whatever the version (the rules page says so too).
MIN_ACCOUNT_AGE_HOURS = 24


def version_at(moment: datetime) -> Version:
    """The version in force at `moment` (the first one for anything before it)."""
    found = VERSIONS[0]
    for version in VERSIONS:
        if version.starts_at <= moment:
            found = version
    return found


def current(now: datetime | None = None) -> Version:
    return version_at(now or datetime.now(SITE_TIME_ZONE))


def by_number(number: int) -> Version | None:
    return next((v for v in VERSIONS if v.number == number), None)


def rule_name(rule: str) -> str:
    if rule == REVERSAL:
        return str(_("Taken back"))
    found = DESCRIPTIONS.get(rule)
    return str(found[0]) if found else rule
