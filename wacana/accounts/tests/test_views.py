"""The account pages: sign-up, sign-in, profile, settings, export and deletion."""

import json
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wacana.accounts.models import User
from wacana.testing.images import image_bytes
from wacana.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _signup(client: Client, **overrides: str) -> Any:
    data = {
        "username": "wulan_s",
        "display_name": "Wulan Sari",
        "email": "wulan@example.com",
        "password": "mangga-muda-di-teras-9",
    } | overrides
    return client.post("/daftar", data)


def test_signing_up_creates_the_account_and_signs_in(client: Client) -> None:
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/akun/profil"
    user = User.objects.get(username="wulan_s")
    assert user.display_name == "Wulan Sari"
    assert user.check_password("mangga-muda-di-teras-9")
    assert client.get("/akun/profil").status_code == 200


def test_sign_up_lowercases_the_username_and_refuses_a_case_twin(client: Client) -> None:
    _signup(client, username="Wulan_S")
    assert User.objects.filter(username="wulan_s").exists()
    response = _signup(Client(), username="WULAN_s", email="lain@example.com")
    assert response.status_code == 200
    assert User.objects.count() == 1
    assert response.context["form"].errors["username"]


@pytest.mark.parametrize(
    "username", ["admin", "api", "masuk", "tentang", "ab", ".dot", "a..b", "x y"]
)
def test_sign_up_refuses_reserved_and_malformed_usernames(client: Client, username: str) -> None:
    response = _signup(client, username=username)
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not User.objects.exists()


def test_sign_up_refuses_a_weak_password(client: Client) -> None:
    response = _signup(client, password="12345678")
    assert "password" in response.context["form"].errors
    assert not User.objects.exists()


def test_sign_up_is_rate_limited_per_address(client: Client, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": (2, 3600)}
    for n in range(2):
        Client().post(
            "/daftar",
            {
                "username": f"orang{n}",
                "email": f"o{n}@example.com",
                "password": "mangga-muda-di-teras-9",
            },
        )
    response = _signup(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.context["form"].non_field_errors()
    assert not User.objects.filter(username="wulan_s").exists()


def test_sign_in_ignores_case_and_returns_to_next(client: Client, writer: User) -> None:
    response = client.post(
        "/masuk", {"username": "PENULIS", "password": PASSWORD, "next": "/akun/profil"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/akun/profil"


def test_sign_in_refuses_an_outside_next_url(client: Client, writer: User) -> None:
    response = client.post(
        "/masuk", {"username": "penulis", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_wrong_password_shows_an_error(client: Client, writer: User) -> None:
    response = client.post("/masuk", {"username": "penulis", "password": "salah"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_for_a_while(
    client: Client, writer: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_account": (3, 900)}
    for _ in range(3):
        client.post("/masuk", {"username": "penulis", "password": "salah"})
    # Even the right password waits now, so a guesser learns nothing from the answer.
    response = Client().post("/masuk", {"username": "penulis", "password": PASSWORD})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.context["limit_message"]


def test_sign_out_needs_post(client: Client, writer: User) -> None:
    client.force_login(writer)
    assert client.get("/keluar").status_code == 405
    assert client.post("/keluar").status_code == 302
    assert "_auth_user_id" not in client.session


def test_profile_page_shows_the_public_profile_in_indonesian(client: Client, writer: User) -> None:
    writer.date_joined = datetime(2023, 12, 5, 12, 55, tzinfo=ZoneInfo("UTC"))
    writer.save(update_fields=["date_joined"])
    response = client.get("/penulis")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sekar Penulis" in html and "@penulis" in html and "Guru" in html and "Menulis." in html
    # Joined date in Indonesian form, in Jakarta time.
    assert "5 Desember 2023" in html
    assert "writer@example.com" not in html and writer.email not in html


def test_profile_urls_are_canonical_lowercase(client: Client, writer: User) -> None:
    response = client.get("/Penulis")
    assert response.status_code == 301
    assert response["Location"] == "/penulis"


def test_unknown_and_inactive_profiles_are_404(client: Client, writer: User) -> None:
    assert client.get("/tidak_ada").status_code == 404
    writer.is_active = False
    writer.save(update_fields=["is_active"])
    assert client.get("/penulis").status_code == 404


def test_profile_text_is_escaped(client: Client, writer: User) -> None:
    writer.bio = '<script>alert("x")</script>'
    writer.save(update_fields=["bio"])
    html = client.get("/penulis").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("path", ["/akun/profil", "/akun/data", "/akun/hapus", "/akun/sandi"])
def test_settings_pages_need_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=")


def test_editing_changes_only_ones_own_profile(client: Client, writer: User, reader: User) -> None:
    client.force_login(reader)
    response = client.post(
        "/akun/profil", {"display_name": "Raka Baru", "tagline": "Mahasiswa", "bio": "Halo"}
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    writer.refresh_from_db()
    assert (reader.display_name, reader.tagline, reader.bio) == ("Raka Baru", "Mahasiswa", "Halo")
    assert writer.display_name == "Sekar Penulis"


def test_invalid_profile_edit_keeps_the_saved_profile(client: Client, writer: User) -> None:
    client.force_login(writer)
    response = client.post(
        "/akun/profil", {"display_name": "  ", "tagline": "x" * 101, "bio": "y" * 501}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"display_name", "tagline", "bio"} <= set(errors)
    writer.refresh_from_db()
    assert (writer.display_name, writer.tagline, writer.bio) == (
        "Sekar Penulis",
        "Guru",
        "Menulis.",
    )
    # The header still shows the saved name, not the refused input.
    assert "Sekar Penulis" in response.content.decode()


def test_avatar_upload_through_the_page(client: Client, writer: User) -> None:
    client.force_login(writer)
    upload = SimpleUploadedFile("foto.jpg", image_bytes("JPEG", (800, 600)), "image/jpeg")
    response = client.post("/akun/foto", {"avatar": upload})
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.avatar.name.endswith("-256.webp")
    assert writer.avatar_small.name.endswith("-96.webp")
    html = client.get("/penulis").content.decode()
    assert writer.avatar.url in html


def test_a_bad_avatar_is_refused_with_a_message_and_the_old_one_kept(
    client: Client, writer: User
) -> None:
    client.force_login(writer)
    client.post("/akun/foto", {"avatar": SimpleUploadedFile("a.png", image_bytes(), "image/png")})
    writer.refresh_from_db()
    old = writer.avatar.name
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = client.post("/akun/foto", {"avatar": SimpleUploadedFile("b.png", svg, "image/png")})
    assert response.status_code == 400
    assert response.context["avatar_form"].errors["avatar"]
    writer.refresh_from_db()
    assert writer.avatar.name == old


def test_removing_the_avatar(client: Client, writer: User) -> None:
    client.force_login(writer)
    client.post("/akun/foto", {"avatar": SimpleUploadedFile("a.png", image_bytes(), "image/png")})
    client.post("/akun/foto", {"remove": "1"})
    writer.refresh_from_db()
    assert not writer.avatar and not writer.avatar_small


def test_export_downloads_the_callers_data_only(client: Client, writer: User, reader: User) -> None:
    client.force_login(writer)
    response = client.get("/akun/data?unduh=1")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == writer.email
    assert data["profile"]["bio"] == "Menulis."
    assert reader.email not in response.content.decode()


def test_deleting_the_account_needs_the_password(client: Client, writer: User) -> None:
    client.force_login(writer)
    response = client.post("/akun/hapus", {"password": "bukan-ini"})
    assert response.status_code == 200
    assert User.objects.filter(pk=writer.pk).exists()
    response = client.post("/akun/hapus", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=writer.pk).exists()
    assert client.get("/penulis").status_code == 404
    assert "_auth_user_id" not in client.session


def test_changing_the_password(client: Client, writer: User) -> None:
    client.force_login(writer)
    response = client.post(
        "/akun/sandi",
        {
            "old_password": PASSWORD,
            "new_password1": "teh-manis-hangat-31",
            "new_password2": "teh-manis-hangat-31",
        },
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.check_password("teh-manis-hangat-31")


def test_password_reset_by_email(client: Client, writer: User) -> None:
    response = client.post("/akun/sandi/lupa", {"email": writer.email.upper()})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [writer.email]
    link = re.search(r"http://testserver(/akun/sandi/atur/\S+)", str(message.body))
    assert link, message.body
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "teh-manis-hangat-31", "new_password2": "teh-manis-hangat-31"}
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.check_password("teh-manis-hangat-31")


def test_password_reset_says_the_same_for_unknown_addresses(client: Client, writer: User) -> None:
    response = client.post("/akun/sandi/lupa", {"email": "tidak-ada@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_is_rate_limited(client: Client, writer: User, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": (1, 3600)}
    client.post("/akun/sandi/lupa", {"email": writer.email})
    response = client.post("/akun/sandi/lupa", {"email": writer.email})
    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_admin_is_for_staff_only(
    client: Client, writer: User, moderator: User, admin_user: User
) -> None:
    for person in (writer, moderator):
        client.force_login(person)
        assert client.get("/admin/accounts/user/").status_code == 302
    client.force_login(admin_user)
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 200
    assert "penulis" in response.content.decode()
    assert client.get(f"/admin/accounts/user/{writer.pk}/change/").status_code == 200


def test_the_frame_has_the_account_menu_and_indonesian_labels(client: Client, writer: User) -> None:
    html = client.get("/").content.decode()
    assert '<html lang="id">' in html
    assert 'href="/masuk"' in html and 'href="/daftar"' in html
    client.force_login(writer)
    html = client.get("/").content.decode()
    assert 'action="/keluar"' in html
    assert "Sekar Penulis" in html


def test_deleting_the_account_ends_every_session(writer: User, reader: User) -> None:
    from wacana.accounts.sessions import UserSession

    phone, laptop, other = Client(), Client(), Client()
    for device in (phone, laptop):
        device.post("/masuk", {"username": "penulis", "password": PASSWORD})
    other.force_login(reader)
    assert UserSession.objects.filter(user_id=writer.pk).count() == 2
    phone.post("/akun/hapus", {"password": PASSWORD})
    assert not UserSession.objects.filter(user_id=writer.pk).exists()
    assert UserSession.objects.filter(user_id=reader.pk).count() == 1
    assert laptop.get("/akun/profil").status_code == 302
