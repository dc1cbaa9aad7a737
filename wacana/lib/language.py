"""Indonesian by default; English only when the reader picks it.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show
English to the many Indonesians whose phones are set to English. Pages follow the
language cookie set by the footer switch; API clients may also ask by Accept-Language.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_for(request: HttpRequest) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen not in SUPPORTED and request.path.startswith("/api/"):
        accepted = translation.get_language_from_request(request)
        if accepted in SUPPORTED:
            return accepted
    return page_language(chosen)


def page_language(chosen: str) -> str:
    """A page's language, from the language cookie's value (empty when there is none)."""
    return chosen if chosen in SUPPORTED else settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(
            response, ["Cookie"] + (["Accept-Language"] if request.path.startswith("/api/") else [])
        )
        return response
