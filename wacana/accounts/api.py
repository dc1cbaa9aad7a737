"""The Accounts section of API.md."""

import copy
from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from wacana.accounts import actions
from wacana.accounts.auth import signed_in, token_auth
from wacana.accounts.forms import DeleteAccountForm, ProfileForm, SignupForm
from wacana.accounts.limits import check_login_limits, check_signup_limit, note_login_failure
from wacana.accounts.models import User
from wacana.accounts.validators import is_username_shaped
from wacana.lib.apierrors import ApiError, form_errors, invalid
from wacana.lib.images import ImageRejected
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


class SignupIn(Schema):
    username: str
    email: str
    password: str
    display_name: str = ""


class TokenIn(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str


class ProfilePatch(Schema):
    display_name: str | None = None
    tagline: str | None = None
    bio: str | None = None


class PasswordIn(Schema):
    password: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


ERRORS: dict[int, Any] = {code: ErrorOut for code in (400, 401, 403, 404, 409, 413, 415, 422, 429)}


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


@router.post("/accounts", response={201: ProfileOut, **ERRORS}, auth=None)
def sign_up(request: HttpRequest, payload: SignupIn) -> Status[User]:
    check_signup_limit(request)
    form = SignupForm(data=payload.dict())
    if not form.is_valid():
        if form.only_conflicts():
            raise ApiError(
                409, _("That username or email address is already in use."), form_errors(form)
            )
        raise invalid(form_errors(form))
    try:
        user = actions.create_account(**form.cleaned_data)
    except actions.UsernameTaken:
        raise ApiError(
            409,
            _("That username is already in use."),
            {"username": [_("This username is already taken.")]},
        ) from None
    except actions.EmailTaken:
        raise ApiError(
            409,
            _("That email address is already in use."),
            {"email": [_("An account with this email address already exists.")]},
        ) from None
    return Status(201, user)


@router.post("/auth/token", response={200: TokenOut, **ERRORS}, auth=None)
def create_token(request: HttpRequest, payload: TokenIn) -> dict[str, str]:
    username = payload.username.strip().lower()[:200]
    check_login_limits(request, username)
    user = User.objects.by_username(username).first() if is_username_shaped(username) else None
    if user is None or not user.is_active or not user.check_password(payload.password):
        note_login_failure(request, username)
        raise ApiError(401, _("The username or password is not correct."))
    return {"token": actions.issue_token(user)}


@router.delete("/auth/token", response={204: None, **ERRORS}, auth=token_auth)
def revoke_token(request: HttpRequest) -> Status[None]:
    actions.revoke_token(request.api_token)  # type: ignore[attr-defined]
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
        raise invalid({name: [_("This field cannot be null.")] for name in nulls})
    data = {name: getattr(user, name) for name in ("display_name", "tagline", "bio")} | sent
    form = ProfileForm(data=data, instance=copy.copy(user))
    if not form.is_valid():
        raise invalid(form_errors(form))
    return actions.update_profile(user, **{k: form.cleaned_data[k] for k in sent})


@router.post("/me/avatar", response={200: OwnProfileOut, **ERRORS}, auth=signed_in)
def upload_avatar(request: HttpRequest, file: UploadedFile = File(...)) -> User:  # noqa: B008
    user = _user(request)
    count_upload(user.pk)
    try:
        return actions.set_avatar(user, file)
    except ImageRejected as rejected:
        raise ApiError(rejected.status, rejected.message, {"file": [rejected.message]}) from None


@router.get("/me/export", response={200: dict[str, Any], **ERRORS}, auth=signed_in)
def export(request: HttpRequest) -> dict[str, Any]:
    return actions.export_personal_data(_user(request), build_url=request.build_absolute_uri)


@router.delete("/me", response={204: None, **ERRORS}, auth=signed_in)
def delete_me(request: HttpRequest, payload: PasswordIn) -> Status[None]:
    user = _user(request)
    form = DeleteAccountForm(user, data=payload.dict())
    if not form.is_valid():
        raise ApiError(403, _("The password is not correct."), form_errors(form))
    actions.delete_account(user)
    if hasattr(request, "session"):
        request.session.flush()
    return Status(204, None)


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
    try:
        actions.follow(_user(request), person)
    except actions.CannotFollowSelf:
        raise ApiError(422, _("You cannot follow yourself.")) from None
    return Status(204, None)


@router.delete("/users/{username}/follow", response={204: None, **ERRORS}, auth=signed_in)
def unfollow(request: HttpRequest, username: str) -> Status[None]:
    actions.unfollow(_user(request), _followable(username))
    return Status(204, None)
