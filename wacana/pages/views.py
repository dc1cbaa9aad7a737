from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wacana.accounts.models import User

DOCUMENTS = ("about", "privacy", "terms", "guidelines")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # Until articles arrive, the home page introduces the newest writers.
    writers = User.objects.active().order_by("-date_joined")[:12]
    return render(request, "pages/home.html", {"writers": writers})


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
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /akun/", "Disallow: /api/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
