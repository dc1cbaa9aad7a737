"""The API's account endpoints (documented at /api/v1/docs)."""

import copy
from datetime import datetime, timedelta
from typing import Annotated, Any, cast

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from wacana.accounts import actions
from wacana.accounts.auth import ApiRequest, api_user, signed_in, token_auth
from wacana.accounts.forms import ProfileForm, SignupForm
from wacana.accounts.limits import check_signup_limit
from wacana.accounts.models import BIO_MAX, DISPLAY_NAME_MAX, TAGLINE_MAX, ApiToken, User
from wacana.accounts.signin import remember_device, sign_in
from wacana.accounts.validators import (
    PASSWORD_MAX,
    PASSWORD_MIN,
    USERNAME_MAX,
    USERNAME_MIN,
    USERNAME_PATTERN,
    is_username_shaped,
)
from wacana.lib.apierrors import ERRORS, form_errors, invalid, not_null
from wacana.lib.apischema import omittable, text
from wacana.lib.uploads import count_upload

router = Router(tags=["accounts"])


class ProfileOut(Schema):
    username: str
    display_name: str
    tagline: str
    bio: str
    avatar_url: str | None
    avatar_small_url: str | None
    url: str
    joined_at: datetime
    verified: bool
    article_count: int
    follower_count: int
    following_count: int
    points: int = Field(description="The writer's points: the sum of their ledger entries.")
    rank: str = Field(description="The rank those points give (GET /api/v1/points/rules).")

    @staticmethod
    def resolve_rank(user: User) -> str:
        return user.rank.name

    @staticmethod
    def resolve_avatar_url(user: User) -> str | None:
        return user.avatar.url if user.avatar else None

    @staticmethod
    def resolve_avatar_small_url(user: User) -> str | None:
        return user.avatar_small.url if user.avatar_small else None

    @staticmethod
    def resolve_url(user: User) -> str:
        return user.get_absolute_url()

    @staticmethod
    def resolve_joined_at(user: User) -> datetime:
        return user.date_joined


class OwnProfileOut(ProfileOut):
    email: str

    @staticmethod
    def resolve_email(user: User) -> str:
        # The address as given at sign-up, even one kept back (see create_account).
        return user.email or user.email_unconfirmed


class SignupIn(Schema):
    username: str = Field(
        min_length=USERNAME_MIN,
        max_length=USERNAME_MAX,
        pattern=USERNAME_PATTERN,
        description=(
            "Letters a-z, digits, underscores and dots (no dot first, last or twice in a "
            "row); capitals are stored in lower case. Taken: 409; reserved for the site's "
            "own pages: 422."
        ),
    )
    email: str = Field(
        max_length=254,
        json_schema_extra={"format": "email"},
        description="Never shown to others; a registered address gets the same answer.",
    )
    password: str = Field(
        min_length=PASSWORD_MIN,
        max_length=PASSWORD_MAX,
        description="Not too common, not only digits and not like the username (else 422).",
    )
    display_name: Annotated[str, text(DISPLAY_NAME_MAX)] = ""


class TokenIn(Schema):
    username: str
    password: str
    name: Annotated[str, text(ApiToken.NAME_MAX, description="To tell your tokens apart.")] = ""
    expires_in_days: int | None = Field(
        None,
        ge=1,
        le=ApiToken.EXPIRY_DAYS_MAX,
        description="Days until the token stops working; null keeps it until revoked.",
    )


class TokenOut(Schema):
    token: str
    id: int
    name: str
    expires_at: datetime | None


class TokenInfo(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    current: bool

    @staticmethod
    def resolve_hint(token: ApiToken) -> str:
        return str(token)

    @staticmethod
    def resolve_current(token: ApiToken, context: Any) -> bool:
        return token.pk == getattr(context["request"], "api_token_id", None)


class ProfilePatch(Schema):
    """Only the fields sent change; none may be null."""

    display_name: Annotated[str, text(DISPLAY_NAME_MAX, required=True)] = omittable()
    tagline: Annotated[str, text(TAGLINE_MAX)] = omittable()
    bio: Annotated[str, text(BIO_MAX, description="Plain text.")] = omittable()


def _user(request: HttpRequest) -> User:
    return api_user(request)


@router.post("/accounts", response={201: ProfileOut, **ERRORS}, auth=None)
def sign_up(request: HttpRequest, payload: SignupIn) -> Status[User]:
    check_signup_limit(request)
    form = SignupForm(data=payload.dict())
    if not form.is_valid():
        if form.only_conflicts():
            raise actions.UsernameTaken(form_errors(form))
        raise invalid(form_errors(form))
    user = actions.create_account(
        **form.cleaned_data,
        reset_url=request.build_absolute_uri(reverse("accounts:password_reset")),
    )
    # A registered email address gets the same answer as a new one (see create_account).
    return Status(201, user)


def _token_options(payload: TokenIn) -> tuple[str, datetime | None]:
    name = payload.name.strip()
    errors: dict[str, list[str]] = {}
    if len(name) > ApiToken.NAME_MAX:
        errors["name"] = [
            _("At most %(max)d characters.") % {"max": ApiToken.NAME_MAX},
        ]
    if "\x00" in name:
        errors["name"] = [_("This field cannot contain a NUL character.")]
    days = payload.expires_in_days
    if days is not None and not 1 <= days <= ApiToken.EXPIRY_DAYS_MAX:
        errors["expires_in_days"] = [
            _("Give a whole number of days from 1 to %(max)d, or leave it out.")
            % {"max": ApiToken.EXPIRY_DAYS_MAX}
        ]
    if errors:
        raise invalid(errors)
    return name, (timezone.now() + timedelta(days=days) if days else None)


@router.post("/auth/token", response={200: TokenOut, **ERRORS}, auth=None)
def create_token(request: HttpRequest, payload: TokenIn, response: HttpResponse) -> dict[str, Any]:
    name, expires_at = _token_options(payload)
    user = sign_in(request, payload.username, payload.password)
    token, key = actions.create_token(user, name=name, expires_at=expires_at)
    remember_device(response, user)
    return {"token": key, "id": token.pk, "name": token.name, "expires_at": token.expires_at}


@router.delete("/auth/token", response={204: None, **ERRORS}, auth=token_auth)
def revoke_token(request: HttpRequest) -> Status[None]:
    actions.revoke_token(cast(ApiRequest, request).api_token)
    return Status(204, None)


@router.get("/me/tokens", response={200: list[TokenInfo], **ERRORS}, auth=signed_in)
def my_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(_user(request).api_tokens.unexpired().order_by("-created_at", "-id"))


@router.delete("/me/tokens/{token_id}", response={204: None, **ERRORS}, auth=signed_in)
def revoke_my_token(request: HttpRequest, token_id: int) -> Status[None]:
    # Someone else's token id is answered like one that does not exist.
    if not 0 < token_id < 2**63 or not actions.revoke_token_of(_user(request), token_id):
        raise Http404
    return Status(204, None)


@router.delete("/me/tokens", response={204: None, **ERRORS}, auth=signed_in)
def revoke_my_tokens(request: HttpRequest) -> Status[None]:
    actions.revoke_tokens_of(_user(request))
    return Status(204, None)


@router.get("/me", response={200: OwnProfileOut, **ERRORS}, auth=signed_in)
def me(request: HttpRequest) -> User:
    return _user(request)


@router.patch("/me", response={200: OwnProfileOut, **ERRORS}, auth=signed_in)
def update_me(request: HttpRequest, payload: ProfilePatch) -> User:
    user = _user(request)
    sent = payload.dict(exclude_unset=True)
    nulls = [name for name, value in sent.items() if value is None]
    if nulls:
        raise not_null(nulls)
    data = {name: getattr(user, name) for name in ("display_name", "tagline", "bio")} | sent
    form = ProfileForm(data=data, instance=copy.copy(user))
    if not form.is_valid():
        raise invalid(form_errors(form))
    return actions.update_profile(user, **{k: form.cleaned_data[k] for k in sent})


@router.post("/me/avatar", response={200: OwnProfileOut, **ERRORS}, auth=signed_in)
def upload_avatar(request: HttpRequest, file: File[UploadedFile]) -> User:
    user = _user(request)
    count_upload(user.pk)
    return actions.set_avatar(user, file)


@router.get("/users/{username}", response={200: ProfileOut, **ERRORS}, auth=None)
def profile(request: HttpRequest, username: str) -> User:
    username = username.lower()
    if not is_username_shaped(username):
        raise Http404
    return get_object_or_404(User.objects.active(), username=username)


def _followable(username: str) -> User:
    # Usernames are stored lowercase; anything else (NUL included) is nobody's, and is
    # refused before it can reach the database.
    if not is_username_shaped(username):
        raise Http404
    return get_object_or_404(User.objects.active(), username=username)


@router.put("/users/{username}/follow", response={204: None, **ERRORS}, auth=signed_in)
def follow(request: HttpRequest, username: str) -> Status[None]:
    person = _followable(username)
    actions.follow(_user(request), person)
    return Status(204, None)


@router.delete("/users/{username}/follow", response={204: None, **ERRORS}, auth=signed_in)
def unfollow(request: HttpRequest, username: str) -> Status[None]:
    actions.unfollow(_user(request), _followable(username))
    return Status(204, None)
