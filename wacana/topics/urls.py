from django.urls import path

from wacana.topics import views

app_name = "topics"
urlpatterns = [
    path("topik", views.index, name="index"),
    path("topik/baru", views.edit, name="new"),
    path("topik/<slug:slug>", views.detail, name="detail"),
    path("topik/<slug:slug>/sunting", views.edit, name="edit"),
    path("topik/<slug:slug>/ikut", views.join, name="join"),
    path("ikuti/<str:kind>", views.follow, name="follow_all"),
    path("ikuti/<str:kind>/<slug:slug>", views.follow, name="follow"),
    path("mengikuti/daftar", views.following_list, name="following_list"),
]
