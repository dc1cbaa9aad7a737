"""The ranks a writer climbs by points ("Debutan" to "Maestro"), by thresholds.

Here, beside the account, rather than in wacana.points: every page that shows a
writer's name (the author card, comments, the profile) is drawn by an app below points,
and shows the rank from the account's stored balance (`User.points`) without a query.
The points app keeps that balance and publishes these thresholds on its rules page.

The names are the product's own words (as on the big Indonesian platforms) and are not
translated; the descriptions are.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Rank:
    slug: str
    name: str
    threshold: int  # the least points that give this rank
    description: Promise

    def __str__(self) -> str:
        return self.name


RANKS = (
    Rank("debutan", "Debutan", 0, _("Every new writer starts here.")),
    Rank("junior", "Junior", 50, _("A few articles out and the first readers won.")),
    Rank("taruna", "Taruna", 150, _("Writes regularly and readers answer.")),
    Rank("penjelajah", "Penjelajah", 400, _("Explores many subjects with a steady readership.")),
    Rank("fanatik", "Fanatik", 1000, _("A pillar of the community.")),
    Rank("senior", "Senior", 2500, _("Long, well-read work the editors notice.")),
    Rank("maestro", "Maestro", 6000, _("The highest rank.")),
)


def rank_for(points: int) -> Rank:
    """The highest rank whose threshold `points` reaches (Debutan below zero too)."""
    found = RANKS[0]
    for rank in RANKS:
        if points >= rank.threshold:
            found = rank
    return found
