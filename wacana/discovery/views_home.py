"""The home page and the editor's picks listing (HTML)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wacana.articles.models import SiteSettings
from wacana.discovery import home as sections
from wacana.lib import cursor


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    after = request.GET.get("cursor")
    if after:
        # Older articles after the home's "Latest" section: a plain keyset listing.
        try:
            page = sections.latest_page(after, cursor.DEFAULT_LIMIT)
        except cursor.BadCursor:
            raise Http404(_("This page of the list does not exist.")) from None
        return render(request, "discovery/latest.html", {"page": page})
    context = {
        "sections": sections.Sections(),
        "site": SiteSettings.current(),
        "home_version": sections.version(),
        "cache_seconds": sections.CACHE_SECONDS,
    }
    return render(request, "discovery/home.html", context)


@require_safe
def picks(request: HttpRequest) -> HttpResponse:
    try:
        page = sections.picks_page(request.GET.get("cursor"))
    except cursor.BadCursor:
        raise Http404(_("This page of the list does not exist.")) from None
    return render(request, "discovery/picks.html", {"page": page})
