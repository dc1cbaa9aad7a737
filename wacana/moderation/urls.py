from django.urls import path

from wacana.moderation import views

app_name = "moderation"
urlpatterns = [
    path("laporkan", views.report, name="report"),
    path("laporan-saya", views.my_reports, name="my_reports"),
    path("moderasi", views.queue, name="queue"),
    path("moderasi/tindakan", views.act, name="act"),
    path("moderasi/banding/<int:appeal_id>", views.decide_appeal, name="decide_appeal"),
    path("moderasi/log", views.log, name="log"),
    path("banding/<int:action_id>", views.appeal, name="appeal"),
    path("transparansi", views.transparency_report, name="transparency"),
]
