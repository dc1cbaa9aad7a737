"""The home page and the editor's picks listing (HTML)."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wacana.articles.models import SiteSettings
from wacana.discovery import home as sections
from wacana.discovery import sidebar
from wacana.lib import compression, cursor


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
    site = SiteSettings.current()
    version = sections.version()
    context = {
        "sections": sections.Sections(),
        "site": site,
        "home_version": version,
        "cache_seconds": sections.CACHE_SECONDS,
        "sidebar": SimpleLazyObject(sidebar.sidebar),
        # The home's own sections show the picks already.
        "hide_picks": True,
    }
    if not _same_for_everyone(request):
        return render(request, "discovery/home.html", context)
    # Most readers are anonymous, without a session or a pending message: for them the
    # whole page is the same, so it is kept whole, not only its sections, and kept
    # compressed (brotli and gzip), so a hit costs neither rendering nor compression.
    key = f"home:page:{get_language()}:{site.version}:{version}"
    variants, _hit = compression.cached_variants(
        cache,
        key,
        sections.CACHE_SECONDS,
        lambda: render(request, "discovery/home.html", context),
    )
    return compression.response_from_variants(request, variants)


def _same_for_everyone(request: HttpRequest) -> bool:
    """An anonymous reader with no session and no message waiting (a goodbye after
    deleting an account, say) sees exactly what every other such reader sees."""
    return (
        not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


@require_safe
def picks(request: HttpRequest) -> HttpResponse:
    try:
        page = sections.picks_page(request.GET.get("cursor"))
    except cursor.BadCursor:
        raise Http404(_("This page of the list does not exist.")) from None
    return render(request, "discovery/picks.html", {"page": page})
