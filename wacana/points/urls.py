from django.urls import path

from wacana.points import views

app_name = "points"
urlpatterns = [
    path("poin", views.rules_page, name="rules"),
    path("poin/saya", views.mine, name="mine"),
    path("peringkat", views.leaderboard, name="leaderboard"),
]
