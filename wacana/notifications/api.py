"""GET /api/v1/notifications and POST /api/v1/notifications/read."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.models import User
from wacana.lib.apierrors import ERRORS, invalid
from wacana.lib.apischema import BIGINT_MAX, Cursor, Limit
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit, paginate
from wacana.notifications import actions
from wacana.notifications.models import Kind, Notification, switchable_kinds

router = Router(tags=["notifications"])


class ActorOut(Schema):
    username: str
    display_name: str
    url: str


class NotificationOut(Schema):
    id: int
    kind: str
    actor: ActorOut | None
    message: str
    target_url: str
    created_at: datetime
    read: bool

    @staticmethod
    def resolve_actor(item: Notification) -> dict[str, str] | None:
        if item.actor is None:
            return None
        return {
            "username": item.actor.username,
            "display_name": item.actor.display_name,
            "url": item.actor.get_absolute_url(),
        }


class Listing(Schema):
    items: list[NotificationOut]
    next_cursor: str | None
    unread: int


class ListingQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


READ_IDS_MAX = 1000


class ReadIn(Schema):
    ids: Annotated[
        list[Annotated[int, Field(ge=1, le=BIGINT_MAX)]] | None,
        Field(
            max_length=READ_IDS_MAX,
            description=(
                f"The notifications to mark read (at most {READ_IDS_MAX}); "
                "left out or null: all of them."
            ),
        ),
    ] = None


def _user(request: HttpRequest) -> User:
    return api_user(request)


@router.get("/notifications", response={200: Listing, **ERRORS}, auth=signed_in)
def notifications(request: HttpRequest, query: Query[ListingQuery]) -> dict[str, Any]:
    user = _user(request)
    checked_limit(query.limit)
    mine = Notification.objects.filter(recipient=user).select_related("actor")
    page = paginate(mine, query.cursor, query.limit, time_field="created_at")
    return {
        "items": page.items,
        "next_cursor": page.next_cursor,
        "unread": user.unread_notifications,
    }


@router.post("/notifications/read", response={204: None, **ERRORS}, auth=signed_in)
def mark_read(request: HttpRequest, payload: ReadIn | None = None) -> Status[None]:
    ids = payload.ids if payload is not None else None
    if ids is not None and (len(ids) > READ_IDS_MAX or any(not 0 < i < 2**63 for i in ids)):
        raise invalid({"ids": [_("Send at most 1,000 notification ids.")]})
    actions.mark_read(_user(request), ids)
    return Status(204, None)


class KindOut(Schema):
    kind: str
    label: str
    on: bool


class PreferencesOut(Schema):
    kinds: list[KindOut] = Field(
        description="Every kind one may switch off (moderation decisions are always told)."
    )
    switched_off: list[str]


SwitchableKind = Annotated[
    str, Field(json_schema_extra={"enum": [v for v, _l in switchable_kinds()]})
]


class PreferencesIn(Schema):
    switched_off: Annotated[
        list[SwitchableKind],
        Field(
            max_length=len(Kind.choices),
            description="Exactly the kinds not to be told of (in-site); [] turns every kind on.",
        ),
    ]


def _preferences(user: User) -> dict[str, Any]:
    off = actions.switched_off(user)
    return {
        "kinds": [
            {"kind": value, "label": str(label), "on": value not in off}
            for value, label in switchable_kinds()
        ],
        "switched_off": sorted(off),
    }


@router.get("/notifications/preferences", response={200: PreferencesOut, **ERRORS}, auth=signed_in)
def preferences(request: HttpRequest) -> dict[str, Any]:
    return _preferences(_user(request))


@router.put("/notifications/preferences", response={200: PreferencesOut, **ERRORS}, auth=signed_in)
def set_preferences(request: HttpRequest, payload: PreferencesIn) -> dict[str, Any]:
    """Switch kinds off (and every other kind on); a kind that is not in the list is 422."""
    known = {value for value, _label in switchable_kinds()}
    unknown = [kind for kind in payload.switched_off if kind not in known]
    if unknown:
        raise invalid(
            {
                "switched_off": [
                    _("These kinds cannot be switched off: %(kinds)s.")
                    % {"kinds": ", ".join(sorted(set(unknown)))[:200]}
                ]
            }
        )
    actions.set_switched_off(_user(request), payload.switched_off)
    return _preferences(_user(request))
