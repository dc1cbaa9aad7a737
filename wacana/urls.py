from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, HttpRequest
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

from wacana.accounts.views import admin_login
from wacana.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    # Before the admin's own login route: the same sign-in limits as /masuk and the API.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("wacana.operations.urls")),
    path("", include("wacana.pages.urls")),
    path("", include("wacana.discovery.urls")),
    path("", include("wacana.discussion.urls")),
    path("", include("wacana.moderation.urls")),
    path("", include("wacana.notifications.urls")),
    path("", include("wacana.articles.urls")),
    path("", include("wacana.privacy.urls")),
    path("", include("wacana.accounts.urls")),
]

if settings.MEDIA_URL.startswith("/") and settings.STORAGES["default"]["BACKEND"].endswith(
    "FileSystemStorage"
):
    # Local media for `make dev` and tests; `make run` lets granian serve /media itself.
    def media(request: HttpRequest, path: str) -> FileResponse:
        # MEDIA_ROOT is read on each request, not once at import, so that tests (each
        # with its own folder) fetch the files they made.
        return serve(request, path, document_root=str(settings.MEDIA_ROOT))

    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", media))
