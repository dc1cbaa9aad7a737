"""Discovery's pages (HTML): the home page, the editor's picks, the search page (/cari?q=,
a GET form that works without JavaScript) and the following feed (/mengikuti)."""

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wacana.accounts.models import User
from wacana.articles.models import SiteSettings
from wacana.discovery import home as sections
from wacana.discovery import search
from wacana.discovery.following import feed_page
from wacana.discovery.forms import SearchForm
from wacana.discovery.limits import TooManySearches, check_search_limit
from wacana.lib import compression, cursor, front, inline_css, pagecache, refusal, savedata


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    after = request.GET.get("cursor")
    if after:
        # Older articles after the home's "Latest" section: a plain keyset listing.
        try:
            page = sections.latest_page(after, cursor.DEFAULT_LIMIT)
        except cursor.BadCursor:
            raise cursor.no_such_page() from None
        return render(request, "discovery/latest.html", {"page": page})
    site = SiteSettings.current()
    version = sections.version()
    context = {
        "sections": sections.Sections(),
        "site": site,
        "home_version": version,
        "cache_seconds": sections.CACHE_SECONDS,
        "with_sidebar": True,
        # The home's own sections show the picks already.
        "hide_picks": True,
    }
    if not _same_for_everyone(request):
        return render(request, "discovery/home.html", context)
    # Most readers are anonymous, without a session or a pending message: for them the
    # whole page is the same, so it is kept whole, not only its sections, and kept
    # compressed (brotli and gzip), so a hit costs neither rendering nor compression.
    # Saving data (the Save-Data header or the reader's choice) is a page of its own.
    light = "light" if savedata.saves_data(request) else "full"
    # With the inlined styles' digest: a deploy that changes them renders the page anew.
    key = f"home:page:{get_language()}:{inline_css.digest()}:{site.version}:{version}:{light}"
    variants, hit = compression.cached_variants(
        cache,
        key,
        sections.CACHE_SECONDS,
        lambda: render(request, "discovery/home.html", context),
    )
    if hit:
        # Answered before Django next time, while the home's version and the site's
        # (which site settings move) hold (wacana/lib/front.py).
        pagecache.version()
        front.offer(request)
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
    if pagecache.same_but_for_holes(request, ("cursor",)):
        return pagecache.serve(request, (pagecache.version(),), lambda: _render_picks(request))
    return _render_picks(request)


def _render_picks(request: HttpRequest) -> HttpResponse:
    try:
        page = sections.picks_page(request.GET.get("cursor"))
    except cursor.BadCursor:
        raise cursor.no_such_page() from None
    return render(request, "discovery/picks.html", {"page": page})


# --- search -----------------------------------------------------------------------------

# Results change as people publish: a shared cache may keep a page this long, no more.
PUBLIC_MAX_AGE = 30


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    searching = bool(form.is_bound and form.is_valid() and form.cleaned_data["q"].strip())
    if searching:
        # Before any kept page: every search counts towards the reader's limit.
        try:
            check_search_limit(request)
        except TooManySearches as refused:
            return _render_search(request, form, searching=False, limited=refused)
    if pagecache.same_but_for_holes(request, SEARCH_PARAMS):
        return pagecache.serve(
            request,
            (pagecache.version(),),
            lambda: _render_search(request, form, searching=searching),
            timeout=PUBLIC_MAX_AGE,
            in_front=False,  # every search must reach its limit
        )
    return _render_search(request, form, searching=searching)


# The search form's fields and the page's cursor.
SEARCH_PARAMS = ("q", "category", "author", "from", "to", "cursor")


def _render_search(
    request: HttpRequest,
    form: SearchForm,
    *,
    searching: bool,
    limited: TooManySearches | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {"form": form, "page": None, "searched": False}
    status = 200
    if limited:
        context["limited"] = limited.message
        status = limited.status
    elif searching:
        try:
            context["page"] = search.search(form.terms, form.filters(), request.GET.get("cursor"))
            if not request.GET.get("cursor") and context["page"].next_cursor:
                # More than one page: count (capped), one more query.
                context["count_cap"] = search.COUNT_CAP
                context["total"] = search.count_matches(form.terms, form.filters())
        except cursor.BadCursor:
            raise cursor.no_such_page() from None
        context["searched"] = True
    elif form.is_bound and form.errors:
        status = 400
    response = render(request, "discovery/search.html", context, status=status)
    if limited:
        refusal.add_headers(response, limited)
    signed_in = request.user.is_authenticated
    if status == 200 and not signed_in:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


# --- the following feed -------------------------------------------------------------------


@login_required
@require_safe
def following(request: HttpRequest) -> HttpResponse:
    """The latest articles of the writers the signed-in person follows (/mengikuti)."""
    user = request.user
    assert isinstance(user, User)  # login_required
    if pagecache.same_but_for_holes(request, ("cursor",)):
        # Kept for this reader alone (their id in the key) until what is public or what
        # they follow changes (pagecache.FEED), or a minute passes (a card's count of
        # reads, as on every kept listing); their account menu is a hole.
        parts = (pagecache.object_version(pagecache.FEED, user.pk), user.pk)
        return pagecache.serve(
            request, parts, lambda: _render_following(request, user), one_reader=True
        )
    return _render_following(request, user)


def _render_following(request: HttpRequest, user: User) -> HttpResponse:
    # `user`, not request.user: a page kept for its reader is rendered as nobody sees it.
    try:
        page = feed_page(user, request.GET.get("cursor"), cards=True)
    except cursor.BadCursor:
        raise Http404 from None
    return render(request, "discovery/following.html", {"page": page})
