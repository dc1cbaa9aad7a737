from django.urls import re_path

from wacana.discussion import views

app_name = "discussion"
# Ids are at most 18 digits, so no address can overflow a 64-bit column.
urlpatterns = [
    re_path(r"^komentar/artikel/(?P<article_id>[0-9]{1,18})$", views.post, name="post"),
    re_path(r"^komentar/(?P<pk>[0-9]{1,18})/sunting$", views.edit, name="edit"),
    re_path(r"^komentar/(?P<pk>[0-9]{1,18})/hapus$", views.delete, name="delete"),
]
