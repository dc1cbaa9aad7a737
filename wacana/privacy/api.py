"""The personal-data endpoints of the API: the export and account deletion."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from wacana.accounts.api import router as accounts_router
from wacana.accounts.auth import api_user, signed_in
from wacana.accounts.forms import DeleteAccountForm
from wacana.accounts.models import User
from wacana.accounts.validators import PASSWORD_MAX, WRONG_PASSWORD
from wacana.lib.apierrors import ERRORS, ApiError, form_errors
from wacana.privacy import actions

router = Router(tags=["accounts"])


class PasswordIn(Schema):
    password: str = Field(max_length=PASSWORD_MAX, description="Wrong: 403, nothing deleted.")


def _user(request: HttpRequest) -> User:
    return api_user(request)


# The operation ids they had when accounts served them, for clients generated from the
# OpenAPI document.
@router.get(
    "/me/export",
    response={200: dict[str, Any], **ERRORS},
    auth=signed_in,
    operation_id="wacana_accounts_api_export",
)
def export(request: HttpRequest) -> dict[str, Any]:
    return actions.export_personal_data(_user(request), build_url=request.build_absolute_uri)


# The contract puts DELETE on /me, the path whose GET and PATCH accounts serves, and
# django-ninja joins the methods of one path only within one router: so this operation,
# written here, is registered on the accounts router.
@accounts_router.delete(
    "/me",
    response={204: None, **ERRORS},
    auth=signed_in,
    operation_id="wacana_accounts_api_delete_me",
)
def delete_me(request: HttpRequest, payload: PasswordIn) -> Status[None]:
    user = _user(request)
    form = DeleteAccountForm(user, data=payload.dict())
    if not form.is_valid():
        raise ApiError(403, str(WRONG_PASSWORD), form_errors(form))
    actions.delete_account(user)
    if hasattr(request, "session"):
        request.session.flush()
    return Status(204, None)
