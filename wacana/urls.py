from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path

from wacana.accounts.views import admin_login
from wacana.api import api
from wacana.lib.media import serve_media, serves_local_media

urlpatterns: list[URLPattern | URLResolver] = [
    # Before the admin's own login route: the same sign-in limits as /masuk and the API.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("wacana.operations.urls")),
    path("", include("wacana.pages.urls")),
    path("", include("wacana.discovery.urls")),
    path("", include("wacana.topics.urls")),
    path("", include("wacana.discussion.urls")),
    path("", include("wacana.points.urls")),
    path("", include("wacana.moderation.urls")),
    path("", include("wacana.notifications.urls")),
    path("", include("wacana.articles.urls")),
    path("", include("wacana.privacy.urls")),
    path("", include("wacana.accounts.urls")),
]

if serves_local_media():
    # The WSGI application (wacana.wsgi, used by `make run` and `make dev`) answers
    # /media/ before Django; this serves the test client, with the same headers.
    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", serve_media))
