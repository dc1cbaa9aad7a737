from django.urls import URLPattern, URLResolver, path

from wacana.discovery import views_home

app_name = "discovery"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pilihan", views_home.picks, name="picks"),
]
