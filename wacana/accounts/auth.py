"""How API callers prove who they are: a bearer token, or the browser's session."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from wacana.accounts.actions import note_token_used
from wacana.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        found = ApiToken.objects.for_key(token).unexpired().select_related("user").first()
        if found is None or not found.user.is_active:
            return None
        note_token_used(found)
        request.user = found.user
        request.api_token = token  # type: ignore[attr-defined]
        request.api_token_id = found.pk  # type: ignore[attr-defined]
        return found.user


token_auth = TokenAuth()
# Session auth in django-ninja enforces Django's CSRF check on unsafe methods.
signed_in = [token_auth, django_auth]


class Anyone:
    """Last in an auth list: lets the request through as whoever it is (maybe nobody).

    Endpoints readable by all still need to know a token's owner, e.g. so an author
    reading their own draft through the API is not told it doesn't exist.
    """

    def __call__(self, request: HttpRequest) -> Any:
        return request.user


optional = [token_auth, Anyone()]
