"""One refusal type: a request the rules refuse, said once, for the API and for pages.

An action, a check or a handler raises a `Refusal` (or one of its subclasses, each
carrying its own sentence and status) with a translated sentence for people, the HTTP
status, optionally the field at fault (or the field errors) and headers such as
Retry-After. It is turned into an answer in exactly two places:

- the API: `apierrors.install` registers one handler on the NinjaAPI, which answers
  `{"detail": <detail>, "errors": {<field>: [<sentence>]}}` with the status and headers;
- pages: `to_form` puts the sentence on the form (at its field, or above the form),
  `to_messages` shows it as a message, `add_headers` copies Retry-After and the like.
"""

from typing import Any, TypeVar

from django.contrib import messages
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _

NON_FIELD = "non_field_errors"

R = TypeVar("R", bound=HttpResponseBase)


class Refusal(Exception):
    """A request the rules refuse, with a sentence for people and the HTTP status.

    Subclasses set `status` and give their sentence in `default_message()`; a raise
    site may pass its own `message` instead. `field` names the input at fault (its
    sentence is shown there); `errors` gives several fields their own sentences.
    """

    status: int = 422
    field: str | None = None

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        field: str | None = None,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = str(message) if message else self.default_message()
        super().__init__(self.message)
        if status is not None:
            self.status = status
        if field is not None:
            self.field = field
        self.errors = errors
        self.headers = dict(headers or {})

    def default_message(self) -> str:
        return _("The request could not be handled.")

    @property
    def detail(self) -> str:
        """The sentence the API answers in `detail`."""
        return self.message

    def field_errors(self) -> dict[str, list[str]]:
        """The sentences per field ("non_field_errors" for the form as a whole)."""
        if self.errors:
            return self.errors
        if self.field:
            return {self.field: [self.message]}
        return {}


class Invalid(Refusal):
    """Input that fails a check: the API says so in general in `detail`, and each field's
    own sentence under `errors` (what `apierrors.invalid()` raises)."""

    status = 422

    @property
    def detail(self) -> str:
        return _("Some fields are not valid. Please check them.")


class RateLimited(Refusal):
    """Over a rate limit: 429 with Retry-After (seconds); `retry_after` for the pages."""

    status = 429

    def __init__(self, retry_after: int, message: str | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        headers = {"Retry-After": str(retry_after), **kwargs.pop("headers", {})}
        super().__init__(message, headers=headers, **kwargs)

    @property
    def minutes(self) -> int:
        """The wait in whole minutes, rounded up (at least one)."""
        return max(1, (self.retry_after + 59) // 60)

    def default_message(self) -> str:
        return _("Too many requests. Please wait a moment and try again.")


# --- the page mapping ------------------------------------------------------------------


def to_form(form: Any, refusal: Refusal, *, field: str | None = None) -> None:
    """Show the refusal on a Django form: at the field at fault, else above the form.

    `field` names the form's field when it differs from the API's (the API's "file" is
    the avatar form's "avatar"). A field the form does not have becomes a form error.
    """
    errors = refusal.field_errors() or {NON_FIELD: [refusal.message]}
    if field is not None:
        errors = {field: [s for sentences in errors.values() for s in sentences]}
    for name, sentences in errors.items():
        target = name if name in form.fields else None
        for sentence in sentences:
            form.add_error(target, sentence)


def to_messages(request: HttpRequest, refusal: Refusal) -> None:
    """Show the refusal as an error message on the next page."""
    messages.error(request, refusal.message)


def add_headers(response: R, refusal: Refusal) -> R:
    """Copy the refusal's headers (Retry-After, ...) onto a page's response."""
    for name, value in refusal.headers.items():
        response[name] = value
    return response
