from django.urls import path

from wacana.pages import views

app_name = "pages"
urlpatterns = [
    # The home page belongs to discovery; the name stays, as every link uses it.
    path("tentang", views.document, {"name": "about"}, name="about"),
    path("privasi", views.document, {"name": "privacy"}, name="privacy"),
    path("ketentuan", views.document, {"name": "terms"}, name="terms"),
    path("pedoman", views.document, {"name": "guidelines"}, name="guidelines"),
    path("robots.txt", views.robots, name="robots"),
    path("bahasa", views.language, name="language"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline", views.offline_page, name="offline"),
    path("hemat-data", views.save_data_setting, name="save_data"),
    path("komponen", views.components, name="components"),
]
