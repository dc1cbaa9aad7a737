"""Uploads: refused by their declared size before the body is read, and rate-limited.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves out the files of a multipart body, which
are streamed to disk whatever their size: a 300 MB upload was read whole before the
image check refused it. The middleware looks only at Content-Length, so an oversized
request is answered without a byte of its body being read. Per account, uploads are
counted (decoding a large image costs seconds of CPU, and can be sent again and again).
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wacana.lib import ratelimit
from wacana.lib.apierrors import is_api_path, json_error
from wacana.lib.refusal import RateLimited

MB = 1024 * 1024


def declared_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def too_large_message() -> str:
    return _("The upload is too large: at most %(mb)d MB.") % {
        "mb": settings.MAX_REQUEST_BYTES // MB
    }


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is larger than any upload we take.

    It sits after the session, user and message middleware (none of them reads the
    body), so the page can be the site's own, and before CSRF, which reads the form.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if declared_length(request) > settings.MAX_REQUEST_BYTES:
            # The body is left unread; the server drains or drops it (a WSGI application
            # may not set Connection: close itself, it is a hop-by-hop header).
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request: HttpRequest) -> HttpResponse:
        if is_api_path(request.path_info):
            return json_error(413, too_large_message())
        return render(request, "413.html", {"message": too_large_message()}, status=413)


class TooManyUploads(RateLimited):
    """Over the per-account upload limit (WACANA_RATE_UPLOAD): 429 with Retry-After, at
    the API's field "file"."""

    field = "file"

    def default_message(self) -> str:
        return ngettext(
            "You have uploaded many images in a short time. Please wait %(count)d minute "
            "and try again.",
            "You have uploaded many images in a short time. Please wait %(count)d minutes "
            "and try again.",
            self.minutes,
        ) % {"count": self.minutes}


def count_upload(user_pk: int) -> None:
    """Count one upload by the account; raise TooManyUploads when over the limit.

    Called by every path that decodes an uploaded image (avatar, featured image, body
    images; page and API) before it decodes anything."""
    limited = ratelimit.hit("upload", f"user:{user_pk}")
    if limited:
        raise TooManyUploads(limited.retry_after)
