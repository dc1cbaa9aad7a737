from django.urls import path

from wacana.privacy import views

app_name = "privacy"
urlpatterns = [
    path("akun/data", views.export, name="export"),
    path("akun/hapus", views.delete_account, name="delete"),
]
