from django.urls import URLPattern, URLResolver, path

from wacana.discovery import views_search

app_name = "discovery"
urlpatterns: list[URLPattern | URLResolver] = [
    path("cari", views_search.search_page, name="search"),
]
