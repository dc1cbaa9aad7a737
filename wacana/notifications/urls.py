from django.urls import path

from wacana.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifikasi", views.inbox, name="inbox"),
    path("notifikasi/baca", views.read, name="read"),
    path("notifikasi/pengaturan", views.settings, name="settings"),
]
