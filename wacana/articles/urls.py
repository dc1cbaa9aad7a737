from django.urls import path, re_path

from wacana.articles import series_pages, views, writing_pages

app_name = "articles"
urlpatterns = [
    path("tulis", views.write, name="write"),
    path("tulis/<int:pk>", views.write, name="edit"),
    path("tulis/<int:pk>/status", views.change_status, name="status"),
    path("tulis/<int:pk>/hapus", views.delete, name="delete"),
    path("tulis/gambar", views.body_image, name="body_image"),
    path("tulis/autosave", writing_pages.autosave, name="autosave_new"),
    path("tulis/<int:pk>/autosave", writing_pages.autosave, name="autosave"),
    path("tulis/<int:pk>/jadwal/batal", writing_pages.cancel_schedule, name="cancel_schedule"),
    path("tulis/<int:pk>/revisi", writing_pages.revisions, name="revisions"),
    path(
        "tulis/<int:pk>/revisi/<int:revision_id>/pulihkan",
        writing_pages.restore,
        name="restore_revision",
    ),
    re_path(r"^tulis/(?P<pk>[0-9]{1,18})/kurasi$", views.curate, name="curate"),
    path("tulis/seri", series_pages.mine, name="my_series"),
    re_path(r"^tulis/seri/(?P<pk>[0-9]{1,18})$", series_pages.edit, name="edit_series"),
    path("dasbor", views.dashboard, name="dashboard"),
    path("kategori/<slug:slug>", views.category, name="category"),
    path("tag/<slug:slug>", views.tag, name="tag"),
    path("pengaturan/baca", views.reading_preference, name="reading_preference"),
    re_path(r"^nilai/(?P<pk>[0-9]{1,18})$", views.rate, name="rate"),
    re_path(r"^simpan/(?P<pk>[0-9]{1,18})$", views.save, name="save"),
    path("bacaan", views.reading_list, name="reading_list"),
    # Before the writers' addresses: "artikel" is a reserved username.
    re_path(r"^artikel/(?P<pk>[0-9]{1,18})/dibaca$", views.view_beacon, name="view_beacon"),
    re_path(
        r"^(?P<username>[A-Za-z0-9_.]{3,30})/seri/(?P<pk>[0-9]{1,18})/(?P<slug>[A-Za-z0-9_-]{1,120})$",
        series_pages.page,
        name="series",
    ),
    re_path(
        r"^(?P<username>[A-Za-z0-9_.]{3,30})/seri/(?P<pk>[0-9]{1,18})/?$",
        series_pages.page,
        name="series_short",
    ),
    re_path(
        r"^(?P<username>[A-Za-z0-9_.]{3,30})/(?P<pk>[0-9]{1,18})/(?P<slug>[A-Za-z0-9_-]{1,160})"
        r"/tanggapan$",
        views.responses,
        name="responses",
    ),
    re_path(
        r"^(?P<username>[A-Za-z0-9_.]{3,30})/(?P<pk>[0-9]{1,18})/(?P<slug>[A-Za-z0-9_-]{1,160})$",
        views.detail,
        name="detail",
    ),
    re_path(
        r"^(?P<username>[A-Za-z0-9_.]{3,30})/(?P<pk>[0-9]{1,18})/?$",
        views.detail,
        name="detail_short",
    ),
]
