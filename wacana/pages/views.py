from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wacana.articles.models import Category

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
