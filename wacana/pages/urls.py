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
    path("komponen", views.components, name="components"),
]
