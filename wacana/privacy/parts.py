"""Which apps hold personal data, and in what order they give it up.

Every app that stores something about a person has a `privacy` module with two
functions and one declaration:

- `personal_data_of(user, media_url) -> dict`: the app's part of the export, under keys
  of its own (`media_url` turns a stored file name into an address);
- `remove_all_of(user) -> None`: remove (or anonymise) the app's part, through the app's
  own actions so that stored counts stay exact;
- `COVERS`: the "app_label.Model.field" foreign keys to the user whose rows the app
  exports (tests/test_coverage.py fails for a key to the user that no part covers and
  NOT_EXPORTED below does not explain).

The parts are registered here by name, explicitly, rather than discovered by module
name: deletion is ordered (content before the account it belongs to, the search index's
purge after the articles are gone, the account itself last), and an explicit list is
where that order is written down and reviewed. A new app that adds a foreign key to the
user is caught by the coverage test and has to be added here.

This app sits above every other one: it imports them, none of them imports it.
"""

from collections.abc import Callable
from importlib import import_module
from typing import Any, Protocol, cast

from wacana.accounts.models import User

MediaUrl = Callable[[str], str | None]

# In deletion order; the export lists the parts' keys in this order too.
PARTS = (
    "wacana.articles.privacy",
    "wacana.discussion.privacy",
    "wacana.moderation.privacy",
    "wacana.points.privacy",
    "wacana.notifications.privacy",
    "wacana.topics.privacy",
    "wacana.discovery.privacy",
    "wacana.privacy.django_parts",
    "wacana.accounts.privacy",  # last: the account row itself goes here
)


# Foreign keys to the user whose rows are not in the export, each with the reason.
NOT_EXPORTED = {
    "notifications.Notification.actor": (
        "the notices other people received about what the person did are theirs; "
        "deletion removes the ones that quote the person (notifications/privacy.py)"
    ),
    "points.LeaderboardEntry.user": (
        "a place on a leaderboard, derived from the ledger (whose entries are exported, "
        "points/privacy.py); it goes with the account"
    ),
    "discovery.SearchEntry.author": (
        "a derived copy of a public article's stemmed words, exported as the article; "
        "deletion purges it from the full-text index (discovery/privacy.py)"
    ),
}


class Part(Protocol):
    __name__: str
    COVERS: tuple[str, ...]

    def personal_data_of(self, user: User, media_url: MediaUrl) -> dict[str, Any]: ...

    def remove_all_of(self, user: User) -> None: ...


def parts() -> list[Part]:
    return [cast(Part, import_module(name)) for name in PARTS]
