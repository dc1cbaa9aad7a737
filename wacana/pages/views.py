import hashlib
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wacana.articles.models import Category
from wacana.lib import offline, savedata

DOCUMENTS = ("about", "privacy", "terms", "guidelines")


@require_safe
def language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language with a plain link or GET form (no cookie for CSRF).

    A GET is fine here: the only effect is the reader's own language cookie.
    """
    code = request.GET.get("language", "")
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE or 60 * 60 * 24 * 365,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response


@require_safe
def document(request: HttpRequest, name: str) -> HttpResponse:
    # Long documents are written whole per language rather than split into messages.
    assert name in DOCUMENTS
    language = "en" if (get_language() or "").startswith("en") else "id"
    return render(
        request,
        f"pages/{language}/{name}.html",
        {"contact_email": settings.WACANA_CONTACT_EMAIL},
    )


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /akun/",
        "Disallow: /api/",
        # Search results are an endless space of pages: crawlers find articles by the
        # sitemap. "/cari?" and not "/cari": rules are prefixes, and "/cari" would also
        # shut out writers whose names begin with it (/carina).
        "Disallow: /cari?",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('discovery:sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@staff_member_required
@require_safe
def components(request: HttpRequest) -> HttpResponse:
    """Every shared component on one page, for developers (staff only): the design
    system in use, with sample content that needs no database rows."""

    rubric = Category(name="Humaniora", slug="humaniora")
    sample = {
        "title": "Surat untuk hujan yang datang terlambat",
        "category": rubric,
    }
    return render(request, "pages/components.html", {"sample": sample, "rubric": rubric})


# --- the installable app, reading offline, saving data -------------------------------

# The brand colour of static/css/site.css (--brand); a test keeps the two the same.
THEME_COLOUR = "#0b6e4f"
# What the service worker stores when it is installed, beside the offline page.
PRECACHE = ("css/site.css", "css/pages.css", "js/offline.js", "js/offline-page.js")


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: Wacana can be installed on a phone's home screen. Browsers
    fetch it without cookies, so it is in the site's language (Indonesian)."""
    with override(settings.LANGUAGE_CODE):
        data = {
            "name": "Wacana",
            "short_name": "Wacana",
            "description": _("Write, read and discuss, from all over Indonesia."),
            "lang": settings.LANGUAGE_CODE,
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {
                    "src": static(f"img/icon-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any maskable",
                }
                for size in (192, 512)
            ],
        }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """/sw.js from the root, so that its scope is the whole site. Browsers check it for a
    new version at every visit (no-cache); its version is a hash of its own text, which
    holds the static files' hashed names, so a deployment empties the old caches."""
    context = {
        "recent": offline.RECENT_ARTICLES,
        "pictures": offline.RECENT_PICTURES,
        "media_url": settings.MEDIA_URL,
        "offline_url": reverse("pages:offline"),
        "precache": json.dumps([static(name) for name in PRECACHE]),
        "static_url": settings.STATIC_URL,
        "version": "@@VERSION@@",
    }
    script = render_to_string("pages/sw.js", context)
    version = hashlib.sha256(script.encode()).hexdigest()[:12]
    response = HttpResponse(
        script.replace("@@VERSION@@", version),
        content_type="application/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline_page(request: HttpRequest) -> HttpResponse:
    """/offline: what the service worker shows when the network is gone and the page
    asked for is not kept; its script lists the articles this device keeps."""
    return render(request, "pages/offline.html")


@require_http_methods(["GET", "HEAD", "POST"])
def save_data_setting(request: HttpRequest) -> HttpResponse:
    """/hemat-data: this browser's choice about pictures (a cookie, no account needed)."""
    choice = savedata.choice_of(request)
    if request.method == "POST":
        choice = request.POST.get("hemat", "")
        if choice not in savedata.CHOICES:
            response = render(
                request,
                "pages/save_data.html",
                {"choice": savedata.choice_of(request), "error": True},
                status=400,
            )
            return response
        response = HttpResponseRedirect(reverse("pages:save_data"))
        if choice == "auto":
            response.delete_cookie(savedata.COOKIE, samesite="Lax")
        else:
            response.set_cookie(
                savedata.COOKIE,
                choice,
                max_age=savedata.COOKIE_AGE,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
            )
        messages.success(request, _("Saved. Pictures on this browser follow your choice."))
        return response
    return render(
        request,
        "pages/save_data.html",
        {"choice": choice, "header_asks": savedata.header_asks(request)},
    )
