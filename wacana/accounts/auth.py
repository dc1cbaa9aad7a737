"""How API callers prove who they are: a bearer token, or the browser's session."""

from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth
from ninja.utils import check_csrf

from wacana.accounts.actions import note_token_used
from wacana.accounts.models import ApiToken, User
from wacana.lib.apierrors import ApiError


class ApiRequest(HttpRequest):
    """A request as the API sees it: ninja puts the authenticated caller on `auth`, and
    TokenAuth the bearer token it took. The same object as the HttpRequest, only typed:
    django-stubs cannot know what ninja adds at run time, so code casts to this."""

    auth: Any
    api_token: str
    api_token_id: int


def api_user(request: HttpRequest) -> User:
    """The account an API request authenticated as (an endpoint behind `signed_in`)."""
    user = cast(ApiRequest, request).auth
    assert isinstance(user, User)
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        found = ApiToken.objects.for_key(token).unexpired().select_related("user").first()
        if found is None or not found.user.is_active:
            return None
        note_token_used(found)
        request.user = found.user
        api_request = cast(ApiRequest, request)
        api_request.api_token = token
        api_request.api_token_id = found.pk
        return found.user


class SessionCookieAuth(SessionAuth):
    """The browser's session, with Django's CSRF check on unsafe methods.

    Ninja's own session auth runs the CSRF check before it looks for a session, so a
    caller with no credentials at all got 403 "CSRF check Failed" instead of the
    contract's 401. Without a signed-in session there is nothing to forge: 401.
    """

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiError(
                403,
                _(
                    "The security check of this request failed (CSRF). Reload the page and "
                    "try again, or send a token."
                ),
            )
        return request.user


token_auth = TokenAuth()
session_auth = SessionCookieAuth()
signed_in = [token_auth, session_auth]


class Anyone:
    """Last in an auth list: lets the request through as whoever it is (maybe nobody).

    Endpoints readable by all still need to know a token's owner, e.g. so an author
    reading their own draft through the API is not told it doesn't exist.
    """

    def __call__(self, request: HttpRequest) -> Any:
        return request.user


optional = [token_auth, Anyone()]
