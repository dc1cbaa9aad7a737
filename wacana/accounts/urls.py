from django.contrib.auth import views as auth_views
from django.urls import path, re_path, reverse_lazy

from wacana.accounts import views

app_name = "accounts"
urlpatterns = [
    path("daftar", views.signup, name="signup"),
    path("masuk", views.login, name="login"),
    path("keluar", views.logout, name="logout"),
    path("akun/profil", views.edit_profile, name="edit_profile"),
    path("akun/foto", views.avatar, name="avatar"),
    path("akun/token", views.tokens, name="tokens"),
    path("akun/token/<int:token_id>/cabut", views.revoke_token, name="revoke_token"),
    path("akun/token/cabut-semua", views.revoke_all_tokens, name="revoke_all_tokens"),
    path(
        "akun/sandi",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "akun/sandi/berhasil",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("akun/sandi/lupa", views.password_reset, name="password_reset"),
    path(
        "akun/sandi/lupa/terkirim",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "akun/sandi/atur/<uidb64>/<token>",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "akun/sandi/selesai",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    re_path(r"^(?P<username>[A-Za-z0-9_.]{3,30})/pengikut$", views.followers, name="followers"),
    re_path(r"^(?P<username>[A-Za-z0-9_.]{3,30})/mengikuti$", views.following, name="following"),
    re_path(r"^(?P<username>[A-Za-z0-9_.]{3,30})/ikuti$", views.follow, name="follow"),
    # Last: every other one-segment path is a writer's profile.
    re_path(r"^(?P<username>[A-Za-z0-9_.]{3,30})$", views.profile, name="profile"),
]
