"""Cache-Control for pages, so nginx or a CDN can serve most anonymous reads.

An anonymous GET that sets no cookie is the same for every anonymous reader (in their
language, which lives in a cookie: hence Vary: Cookie), so it may be kept for a minute
and served stale while revalidating. Anything personal is private and never stored.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE = 60
PRIVATE_PREFIXES = ("/admin/", "/akun/", "/tulis", "/dasbor", "/masuk", "/daftar", "/keluar")


class CacheHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" in response or request.method not in ("GET", "HEAD"):
            return response
        if request.path.startswith("/api/"):
            return response
        signed_in = hasattr(request, "user") and request.user.is_authenticated
        if (
            # 304: a view that answers a conditional GET itself (the feeds) must keep the
            # same policy, or a shared cache would learn "private" from the revalidation.
            response.status_code in (200, 301, 304, 404)
            and not signed_in
            and not response.cookies
            and not request.path.startswith(PRIVATE_PREFIXES)
        ):
            patch_cache_control(
                response, public=True, max_age=PUBLIC_MAX_AGE, stale_while_revalidate=600
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response
