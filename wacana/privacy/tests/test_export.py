"""The personal-data export holds everything the privacy policy says Wacana keeps."""

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts import actions as account_actions
from wacana.accounts.sessions import UserSession
from wacana.articles import actions as article_actions
from wacana.privacy.actions import export_personal_data
from wacana.privacy.tests.support import DEVICE, a_life
from wacana.testing.api import Api, api_for
from wacana.testing.content import publish
from wacana.testing.images import upload
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


def export_of(api: Api) -> dict[str, Any]:
    response = api.get("/me/export")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def test_the_export_holds_every_kind_of_personal_data() -> None:
    life = a_life()
    data = export_of(Api(Client(), life.token))
    text = json.dumps(data)

    # What the export held before stays, with the same keys.
    for key in ("account", "profile", "api_tokens", "articles", "comments", "ratings"):
        assert key in data
    assert data["account"]["email"] == "warga@example.com"
    assert data["profile"]["avatar_url"].startswith("http://testserver/media/")
    assert data["profile"]["avatar_small_url"].startswith("http://testserver/media/")

    # Follows both ways.
    assert [f["username"] for f in data["following"]] == ["sahabat"]
    assert [f["username"] for f in data["followers"]] == ["sahabat"]
    # Articles, drafts included, with every size of their featured image.
    by_title = {a["title"]: a for a in data["articles"]}
    assert by_title["Draf yang belum selesai"]["status"] == "draft"
    published = by_title[life.published.title]
    for size in ("image_url", "image_medium_url", "image_small_url"):
        assert published[size].startswith("http://testserver/media/articles/")
    # Body images.
    assert [i["url"] for i in data["images"]] == ["http://testserver" + life.body_image.file.url]
    assert [c["body"] for c in data["comments"]] == ["Setuju sekali."]
    assert [r["kind"] for r in data["ratings"]] == ["inspiratif"]
    assert len(data["reading_list"]) == 1
    # Reports filed, with their text; appeals; decisions about the person.
    assert [r["detail"] for r in data["reports_filed"]] == ["Ini jelas iklan obat."]
    assert [a["statement"] for a in data["appeals"]] == ["Tulisan ini bukan iklan."]
    assert [d["id"] for d in data["moderation_decisions_about_me"]] == [life.decision.pk]
    assert data["moderation_decisions_about_me"][0]["note"] == "Melanggar pedoman."
    # Notifications (the friend's follow, the moderation decision).
    kinds = {n["kind"] for n in data["notifications"]}
    assert {"follower", "moderation"} <= kinds
    # Active sessions: the device and when, never the key.
    assert [s["device"] for s in data["sessions"]] == [DEVICE]
    assert data["sessions"][0]["signed_in_at"]
    for session_key in UserSession.objects.filter(user_id=life.person.pk).values_list(
        "session_key", flat=True
    ):
        assert session_key not in text
    # Tokens: when made, never the key.
    assert len(data["api_tokens"]) == 1 and data["api_tokens"][0]["created_at"]
    assert life.token not in text
    assert life.person.password not in text


def test_the_download_page_gives_the_same_data_as_the_api() -> None:
    life = a_life()
    page = life.client.get("/akun/data?unduh=1")
    assert page.status_code == 200
    assert page["Content-Disposition"] == 'attachment; filename="wacana-data-saya.json"'
    from_page = json.loads(page.content)
    from_api = export_of(api_for(life.person))
    # The API call itself added a token; everything else is the same.
    from_page.pop("api_tokens"), from_api.pop("api_tokens")
    assert from_page == from_api


def test_a_moderators_decisions_are_in_their_export_but_not_the_reporters_name() -> None:
    life = a_life()
    data = export_of(api_for(life.moderator))
    assert [d["id"] for d in data["moderation_decisions_taken"]] == [life.decision.pk]
    # The person whose article was hidden does not learn who reported it: the export
    # of the decision carries no reporter.
    about = export_of(Api(Client(), life.token))["moderation_decisions_about_me"][0]
    assert "reporter" not in about and "report_ids" not in about


def test_the_export_is_the_callers_only(reader: Any) -> None:
    life = a_life()
    data = export_of(api_for(reader))
    text = json.dumps(data)
    assert life.person.email not in text and "Setuju sekali." not in text
    assert data["following"] == data["followers"] == data["notifications"] == []


@pytest.mark.parametrize("path", ["/akun/data", "/akun/data?unduh=1", "/akun/hapus"])
def test_the_pages_ask_anonymous_visitors_to_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/masuk")


def test_the_api_export_answers_401_without_a_credential(anon_api: Api) -> None:
    response = anon_api.get("/me/export")
    assert response.status_code == 401 and "detail" in response.json()


def test_the_export_costs_the_same_queries_however_much_a_person_holds() -> None:
    life = a_life()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            export_personal_data(life.person)
        return len(captured)

    before = queries()
    for n in range(3):
        more = make_user(f"tambahan{n}")
        account_actions.follow(life.person, more)
        account_actions.follow(more, life.person)
        publish(life.person, f"Tulisan tambahan {n}")
        article_actions.upload_body_image(life.person, upload())
    assert queries() == before
