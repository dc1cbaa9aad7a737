"""The search page, /cari?q=: a GET form that works without JavaScript."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wacana.discovery import search
from wacana.discovery.forms_search import SearchForm
from wacana.discovery.limits_search import TooManySearches, check_search_limit
from wacana.lib import cursor

# Results change as people publish: a shared cache may keep a page this long, no more.
PUBLIC_MAX_AGE = 30


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "page": None, "searched": False}
    status = 200
    headers: dict[str, str] = {}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        try:
            check_search_limit(request)
        except TooManySearches as limited:
            context["limited"] = limited.detail
            status, headers = 429, limited.headers
        else:
            try:
                context["page"] = search.search(
                    form.terms, form.filters(), request.GET.get("cursor")
                )
            except cursor.BadCursor:
                raise Http404(_("This page of the list does not exist.")) from None
            context["searched"] = True
    elif form.is_bound and form.errors:
        status = 400
    response = render(request, "discovery/search.html", context, status=status)
    for name, value in headers.items():
        response[name] = value
    signed_in = request.user.is_authenticated
    if status == 200 and not signed_in:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
