"""The API's one error shape: {"detail": "<sentence>", "errors": {"<field>": ["..."]}}.

Every refusal (`wacana.lib.refusal.Refusal`, whatever app raised it) becomes this shape
through the one handler `install` registers; so do ninja's and Django's own errors.
"""

import json
import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.parser import Parser

from wacana.lib.refusal import Invalid, RateLimited, Refusal
from wacana.lib.text import NOT_ALLOWED_CHARACTERS

logger = logging.getLogger("wacana.api")


# The error shape, as the OpenAPI schema documents it (no docstring: it would become the
# schema's description).
class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


# The error answers every operation may give, for `response={200: ..., **ERRORS}`.
ERRORS: dict[int, Any] = {code: ErrorOut for code in (400, 401, 403, 404, 409, 413, 415, 422, 429)}


class ApiError(Refusal):
    """A refusal said only by the API (its handlers' own checks): status first."""

    def __init__(
        self,
        status: int,
        detail: str,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail, status=status, errors=errors, headers=headers)


def form_errors(form: Any) -> dict[str, list[str]]:
    """A Django form's errors in the API shape ("__all__" becomes "non_field_errors")."""
    out: dict[str, list[str]] = {}
    for field, messages in form.errors.items():
        out["non_field_errors" if field == "__all__" else field] = [str(m) for m in messages]
    return out


def invalid(errors: dict[str, list[str]], status: int = 422) -> Invalid:
    return Invalid(errors=errors, status=status)


def not_null(names: list[str]) -> Invalid:
    """The refusal of fields sent as null where null is not accepted."""
    return invalid({name: [_("This field cannot be null.")] for name in names})


def not_a_choice() -> str:
    return _("This value is not one of the allowed choices.")


def _pydantic_message(kind: str) -> str:
    whole_number = _("This field must be a whole number.")
    true_or_false = _("This field must be true or false.")
    json_object = _("This must be a JSON object.")
    messages = {
        "missing": _("This field is required."),
        "string_type": _("This field must be text."),
        "int_type": whole_number,
        "int_parsing": whole_number,
        "int_from_float": whole_number,
        "bool_type": true_or_false,
        "bool_parsing": true_or_false,
        "list_type": _("This field must be a list."),
        "dict_type": _("This field must be an object."),
        "model_type": json_object,
        "model_attributes_type": json_object,
        "string_too_long": _("This text is too long."),
        "string_too_short": _("This text is too short."),
        "literal_error": not_a_choice(),
        "enum": not_a_choice(),
        "extra_forbidden": _("This field is not accepted here."),
        "string_unicode": _("This text is not valid Unicode."),
    }
    return messages.get(kind, _("This value is not valid."))


def _constraint_message(item: dict[str, Any]) -> str:
    """The sentence for a broken constraint of the OpenAPI document (wacana.lib.apischema),
    with its bound where it has one."""
    kind = str(item.get("type", ""))
    ctx = item.get("ctx") or {}
    if kind == "string_too_long" and "max_length" in ctx:
        return _("This text is too long: at most %(max)s characters.") % {"max": ctx["max_length"]}
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return _("This field cannot be empty.")
    if kind == "string_too_short" and "min_length" in ctx:
        return _("This text is too short: at least %(min)s characters.") % {
            "min": ctx["min_length"]
        }
    if kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")).startswith("[^\\x00-\\x20"):
            return _("This field cannot be blank.")
        return _("This text is not in the expected form.")
    if kind in ("greater_than_equal", "greater_than") and ("ge" in ctx or "gt" in ctx):
        return _("This number is too small: at least %(min)s.") % {
            "min": ctx.get("ge", ctx.get("gt"))
        }
    if kind in ("less_than_equal", "less_than") and ("le" in ctx or "lt" in ctx):
        return _("This number is too large: at most %(max)s.") % {
            "max": ctx.get("le", ctx.get("lt"))
        }
    if kind == "too_long" and "max_length" in ctx:
        return _("This list is too long: at most %(max)s items.") % {"max": ctx["max_length"]}
    return _pydantic_message(kind)


LOCATIONS = {"body", "query", "path", "form", "file", "header", "cookie"}
PARAMETERS = {"payload", "query"}


def _union_tag(part: Any) -> bool:
    return isinstance(part, str) and (
        part.startswith(("constrained-", "function-")) or part in ("int", "str", "none")
    )


def _field_of(location: list[Any]) -> str:
    # Ninja reports ["body", "payload", "username"], ["query", "query", "limit"] or
    # ["file", "file"]; people care about "username", "limit" and "file". A field may
    # itself be called "body", so only the leading location and parameter are dropped.
    # A field that takes one of several shapes (an id or a username) has the shape tried
    # in its location, e.g. ["body", "payload", "id", "constrained-int"]: not a field.
    parts = [str(part) for part in location if not _union_tag(part)]
    if len(parts) > 1 and parts[0] in LOCATIONS:
        parts = parts[1:]
        if len(parts) > 1 and parts[0] in PARAMETERS:
            parts = parts[1:]
    return ".".join(parts) if parts else "non_field_errors"


def _bad_text(value: str) -> bool:
    # PostgreSQL refuses NUL, and lone surrogates cannot be encoded to UTF-8 at all.
    return "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)


def _check_text(value: Any, field: str, errors: dict[str, list[str]]) -> None:
    if isinstance(value, str):
        if _bad_text(value):
            errors.setdefault(field, []).append(str(NOT_ALLOWED_CHARACTERS))
    elif isinstance(value, list):
        for item in value:
            _check_text(item, field, errors)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, field, errors)
            _check_text(item, field, errors)


class JsonParser(Parser):
    """JSON bodies must be objects, and their text must be storable everywhere."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            if not request.POST and not request.FILES:
                return {}  # an empty form is an empty body
            raise ApiError(415, _("Send the body as JSON (Content-Type: application/json)."))
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, _("The request body is not valid JSON.")) from None
        if not isinstance(data, dict):
            raise ApiError(400, _("The request body must be a JSON object."))
        errors: dict[str, list[str]] = {}
        for key, value in data.items():
            _check_text(value, key if not _bad_text(key) else "non_field_errors", errors)
        if errors:
            raise invalid(errors)
        return data


def body_of(refusal: Refusal) -> dict[str, Any]:
    """A refusal in the API's shape: `errors` only where a field is at fault."""
    body: dict[str, Any] = {"detail": refusal.detail}
    errors = refusal.field_errors()
    if errors:
        body["errors"] = errors
    return body


def _respond(api: NinjaAPI, request: HttpRequest, error: Refusal) -> HttpResponse:
    response = api.create_response(request, body_of(error), status=error.status)
    for name, value in error.headers.items():
        response[name] = value
    return response


def install(api: NinjaAPI) -> None:
    def on_refusal(request: HttpRequest, exc: Refusal) -> HttpResponse:
        if exc.status >= 500:
            # The server's momentary trouble (TryAgainLater), not a client's mistake.
            logger.warning("%s %s: %s", request.method, request.path, exc.message)
        return _respond(api, request, exc)

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for item in exc.errors:
            field = _field_of(list(item.get("loc", [])))
            errors.setdefault(field, []).append(_constraint_message(item))
        return _respond(api, request, invalid(errors))

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = {field: [str(m) for m in exc.message_dict[field]] for field in exc.error_dict}
        else:
            errors = {"non_field_errors": [str(m) for m in exc.messages]}
        return _respond(api, request, invalid(errors))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, Refusal):
            # Raised by JsonParser; ninja wraps every parser error in a plain 400.
            return _respond(api, request, exc.__cause__)
        if isinstance(exc, AuthenticationError):
            detail = _detail_for(401)
        elif isinstance(exc, AuthorizationError):
            detail = _detail_for(403)
        else:
            detail = str(exc)
        return _respond(api, request, ApiError(exc.status_code, detail))

    def on_404(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _respond(api, request, ApiError(404, _detail_for(404)))

    def on_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _respond(api, request, ApiError(413, _detail_for(413)))

    def on_suspicious(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _respond(api, request, ApiError(400, _detail_for(400)))

    handlers: list[tuple[type[Exception], Any]] = [
        (Refusal, on_refusal),
        (ValidationError, on_validation),
        (DjangoValidationError, on_django_validation),
        (HttpError, on_http_error),
        (Http404, on_404),
        (RequestDataTooBig, on_too_big),
        (SuspiciousOperation, on_suspicious),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)


def _detail_for(status: int) -> str:
    details = {
        400: _("The request could not be understood."),
        401: _("Sign in first: send a valid token or a session cookie."),
        403: _("You may not do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        413: _("The request is too large."),
        429: RateLimited(0).message,
    }
    if status in details:
        return details[status]
    if status >= 500:
        return _("Something went wrong on our side. Please try again later.")
    return Refusal().message


def json_error(
    status: int,
    detail: str | None = None,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """An error in the API's shape, for answers made outside ninja (middleware, handlers)."""
    return refusal_json(ApiError(status, detail or _detail_for(status), errors, headers))


def refusal_json(refusal: Refusal) -> HttpResponse:
    """A refusal as a JSON answer in the API's shape, outside ninja (as `_respond` does)."""
    response = HttpResponse(
        json.dumps(body_of(refusal), ensure_ascii=False),
        status=refusal.status,
        content_type="application/json",
    )
    for name, value in refusal.headers.items():
        response[name] = value
    return response


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


# Headers an error answer keeps when its body is replaced.
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary")


class ApiErrorShapeMiddleware:
    """Every error under /api/ in the contract's JSON shape.

    Ninja shapes the errors of its own operations (see install); this catches the
    rest: an unknown path (Django's HTML 404), a method an operation doesn't take
    (ninja's bare 405), the 500 page, and any other HTML or empty error answer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not is_api_path(request.path_info)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        shaped = json_error(response.status_code)
        for name in _KEPT_HEADERS:
            if name in response:
                shaped[name] = response[name]
        return shaped
