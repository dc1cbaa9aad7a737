from typing import Any

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "indonesian"),
    [
        ("/tentang", "Tentang Wacana"),
        ("/privasi", "Kebijakan Privasi"),
        ("/ketentuan", "Syarat dan Ketentuan"),
        ("/pedoman", "Pedoman Komunitas"),
    ],
)
def test_footer_pages_are_in_indonesian_by_default(
    client: Client, path: str, indonesian: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert indonesian in html
    assert '<html lang="id">' in html


@pytest.mark.django_db
def test_footer_links_every_document(client: Client) -> None:
    html = client.get("/").content.decode()
    for path in ("/tentang", "/privasi", "/ketentuan", "/pedoman"):
        assert f'href="{path}"' in html


@pytest.mark.django_db
def test_pages_switch_to_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/pedoman"})
    assert response.status_code == 302
    html = client.get("/pedoman").content.decode()
    assert "Community Guidelines" in html
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_guidelines_have_stable_section_anchors(client: Client) -> None:
    html = client.get("/pedoman").content.decode()
    for anchor in (
        "spam",
        "sara",
        "pornografi",
        "kekerasan",
        "hoaks",
        "plagiarisme",
        "hak-cipta",
        "data-pribadi",
        "penipuan",
        "akun",
        "komentar",
        "lainnya",
    ):
        assert f'id="{anchor}"' in html


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_private_pages(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /akun/" in response.content.decode()


@pytest.mark.django_db
def test_pages_stay_indonesian_for_an_english_browser(client: Client) -> None:
    response = client.get("/tentang", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()


@pytest.mark.django_db
def test_the_api_follows_accept_language(client: Client) -> None:
    english = client.get("/api/v1/me", headers={"Accept-Language": "en"}).json()["detail"]
    indonesian = client.get("/api/v1/me").json()["detail"]
    assert english != indonesian
    assert english.startswith("Sign in first")


@pytest.mark.django_db
def test_anonymous_pages_are_publicly_cacheable(client: Client) -> None:
    response = client.get("/tentang")
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert not response.cookies
    etag = response["ETag"]
    again = client.get("/tentang", headers={"If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.django_db
def test_pages_for_a_signed_in_reader_are_private(client: Client, writer: Any) -> None:
    client.force_login(writer)
    response = client.get("/tentang")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_forms_with_a_csrf_cookie_are_not_shared(client: Client) -> None:
    response = client.get("/daftar")
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_language_switch_sets_the_cookie_and_returns_safely(client: Client) -> None:
    response = client.get("/bahasa", {"language": "en", "next": "/pedoman"})
    assert response.status_code == 302 and response["Location"] == "/pedoman"
    assert response.cookies["django_language"].value == "en"
    response = client.get("/bahasa", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies
