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
