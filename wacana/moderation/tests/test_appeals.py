"""Due process: one appeal per decision, decided by a moderator other than the one who acted."""

from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article, Status
from wacana.moderation import actions
from wacana.moderation.models import Appeal, ModerationAction, Report
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import file_report
from wacana.testing.language import indonesian
from wacana.testing.personas import reporters, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(article: Article, moderator: User) -> ModerationAction:
    """The writer's article, hidden by `moderator` after a report."""
    file_report(reporters(1)[0], "article", article.pk, "hoaks")
    return actions.decide(moderator, "article", article.pk, "hide", "Klaim kesehatan palsu.")


def html_of(response: Any) -> str:
    return str(response.content.decode())


# --- the appeal page ---------------------------------------------------------------------


def test_the_notice_links_to_a_page_explaining_the_decision(
    hidden: ModerationAction, writer: User, article: Article
) -> None:
    notice = Notification.objects.get(recipient=writer)
    response = signed_in(writer).get(notice.target_url)
    assert response.status_code == 200
    html = html_of(response)
    assert article.title in html
    assert 'href="/pedoman#hoaks"' in html
    assert indonesian("Hoax or disinformation") in html
    assert "Klaim kesehatan palsu." in html
    assert 'name="statement"' in html and 'maxlength="3000"' in html


def test_the_writer_appeals_once(hidden: ModerationAction, writer: User) -> None:
    client = signed_in(writer)
    url = f"/banding/{hidden.pk}"
    response = client.post(url, {"statement": "Sumber saya jurnal medis, sudah saya tautkan."})
    assert response.status_code == 302 and response["Location"] == url
    appeal = Appeal.objects.get()
    assert (appeal.action, appeal.appellant, appeal.status) == (hidden, writer, "open")
    shown = html_of(client.get(url))
    assert indonesian("Waiting for review") in shown
    assert "Sumber saya jurnal medis" in shown
    assert 'name="statement"' not in shown
    again = client.post(url, {"statement": "Sekali lagi."})
    assert again.status_code == 409
    assert Appeal.objects.count() == 1


@pytest.mark.parametrize("statement", ["", "   ", "x" * 3001, "nul\x00"])
def test_the_statement_is_required_and_bounded(
    hidden: ModerationAction, writer: User, statement: str
) -> None:
    response = signed_in(writer).post(f"/banding/{hidden.pk}", {"statement": statement})
    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_a_statement_of_3000_characters_is_fine(hidden: ModerationAction, writer: User) -> None:
    signed_in(writer).post(f"/banding/{hidden.pk}", {"statement": "x" * 3000})
    assert len(Appeal.objects.get().statement) == 3000


def test_only_the_person_affected_may_open_or_appeal(
    client: Client, hidden: ModerationAction, reader: User, moderator: User, admin_user: User
) -> None:
    url = f"/banding/{hidden.pk}"
    assert client.get(url).status_code == 302
    for person in (reader, moderator, admin_user):
        assert signed_in(person).get(url).status_code == 403
        assert signed_in(person).post(url, {"statement": "Saya keberatan."}).status_code == 403
    assert signed_in(reader).get("/banding/987654").status_code == 404
    assert not Appeal.objects.exists()


def test_dismissals_and_restores_cannot_be_appealed(
    article: Article, writer: User, moderator: User
) -> None:
    file_report(reporters(1)[0], "article", article.pk)
    dismissed = actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    client = signed_in(writer)
    html = html_of(client.get(f"/banding/{dismissed.pk}"))
    assert indonesian("This decision cannot be appealed.") in html
    assert client.post(f"/banding/{dismissed.pk}", {"statement": "?"}).status_code == 422


def test_an_undone_decision_cannot_be_appealed(
    hidden: ModerationAction, article: Article, writer: User, moderator2: User
) -> None:
    actions.decide(moderator2, "article", article.pk, "restore", "Keliru.")
    response = signed_in(writer).post(f"/banding/{hidden.pk}", {"statement": "Tolong."})
    assert response.status_code == 409


def test_a_suspension_notice_shows_the_operators_address(
    settings: Any, writer: User, moderator: User, bystander: User
) -> None:
    settings.WACANA_CONTACT_EMAIL = "banding@wacana.example"
    file_report(bystander, "account", writer.pk, "akun")
    entry = actions.decide(moderator, "account", writer.pk, "suspend", "Menyamar.")
    # The person cannot sign in while suspended; the page (seen once restored, or by the
    # operator) names where to appeal instead.
    writer.is_active = True
    writer.save(update_fields=["is_active"])
    html = html_of(signed_in(writer).get(f"/banding/{entry.pk}"))
    assert "mailto:banding@wacana.example" in html


# --- deciding ----------------------------------------------------------------------------


def _appeal(entry: ModerationAction, person: User) -> Appeal:
    return actions.file_appeal(person, entry, "Mohon ditinjau ulang.")


def test_appeals_wait_in_the_queue(
    hidden: ModerationAction, writer: User, moderator2: User
) -> None:
    appeal = _appeal(hidden, writer)
    html = html_of(signed_in(moderator2).get("/moderasi"))
    section = html.split(f'id="appeal-{appeal.pk}"')[1].split("</article>")[0]
    assert "Mohon ditinjau ulang." in section
    assert "Klaim kesehatan palsu." in section
    assert f'action="/moderasi/banding/{appeal.pk}"' in section


def test_the_original_moderator_cannot_decide_the_appeal(
    hidden: ModerationAction, writer: User, moderator: User, article: Article
) -> None:
    appeal = _appeal(hidden, writer)
    client = signed_in(moderator)
    section = html_of(client.get("/moderasi")).split(f'id="appeal-{appeal.pk}"')[1]
    assert f'action="/moderasi/banding/{appeal.pk}"' not in section.split("</article>")[0]
    response = client.post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "grant", "note": "Saya berubah pikiran."}
    )
    assert response.status_code == 403
    appeal.refresh_from_db()
    assert appeal.status == "open"
    article.refresh_from_db()
    assert article.status == Status.HIDDEN


def test_another_moderator_grants_the_appeal_and_the_article_returns(
    client: Client,
    hidden: ModerationAction,
    writer: User,
    moderator2: User,
    article: Article,
) -> None:
    appeal = _appeal(hidden, writer)
    response = signed_in(moderator2).post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "grant", "note": "Sumbernya sahih."}
    )
    assert response.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 200
    appeal.refresh_from_db()
    entry = ModerationAction.objects.get(kind="appeal_granted")
    assert (appeal.status, appeal.decision_action_id) == ("granted", entry.pk)
    assert appeal.decided_at == entry.created_at
    assert (entry.moderator_id, entry.subject_id, entry.target_id) == (
        moderator2.pk,
        writer.pk,
        article.pk,
    )
    assert entry.details["appeal_id"] == appeal.pk and entry.details["action_id"] == hidden.pk
    last = Notification.objects.filter(recipient=writer).order_by("-id").first()
    assert last is not None and "Sumbernya sahih." in last.message


def test_a_rejected_appeal_leaves_the_decision_in_place(
    hidden: ModerationAction, writer: User, moderator2: User, article: Article
) -> None:
    appeal = _appeal(hidden, writer)
    signed_in(moderator2).post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "reject", "note": "Tetap hoaks."}
    )
    article.refresh_from_db()
    assert article.status == Status.HIDDEN
    appeal.refresh_from_db()
    assert appeal.status == "rejected"
    assert ModerationAction.objects.filter(kind="appeal_rejected").count() == 1
    html = html_of(signed_in(writer).get(f"/banding/{hidden.pk}"))
    assert indonesian("Rejected: the decision stands") in html


def test_an_appeal_is_decided_once(
    hidden: ModerationAction, writer: User, moderator2: User, admin_user: User
) -> None:
    appeal = _appeal(hidden, writer)
    signed_in(moderator2).post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "reject", "note": "Tetap."}
    )
    again = signed_in(admin_user).post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "grant", "note": "Batal."}
    )
    assert again.status_code == 409


@pytest.mark.parametrize(
    "data", [{"decision": "grant"}, {"decision": "maybe", "note": "x"}, {"note": "x"}]
)
def test_an_appeal_decision_needs_a_decision_and_a_note(
    hidden: ModerationAction, writer: User, moderator2: User, data: dict[str, str]
) -> None:
    appeal = _appeal(hidden, writer)
    assert signed_in(moderator2).post(f"/moderasi/banding/{appeal.pk}", data).status_code == 422
    appeal.refresh_from_db()
    assert appeal.status == "open"


def test_appeals_of_automatic_hides_may_be_decided_by_any_moderator(
    settings: Any, article: Article, writer: User, moderator: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(2):
        file_report(person, "article", article.pk)
    entry = ModerationAction.objects.get(kind="auto_hide")
    appeal = _appeal(entry, writer)
    response = signed_in(moderator).post(
        f"/moderasi/banding/{appeal.pk}", {"decision": "grant", "note": "Bukan hoaks."}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert set(Report.objects.values_list("status", "outcome")) == {("resolved", "restored")}


def test_granting_an_appeal_of_a_suspension_reinstates_the_account(
    writer: User, moderator: User, moderator2: User, bystander: User, article: Article
) -> None:
    file_report(bystander, "account", writer.pk, "akun")
    entry = actions.decide(moderator, "account", writer.pk, "suspend", "Menyamar.")
    # The operator files the e-mailed appeal on the person's behalf as them (the rule
    # is one appeal per decision, by the person it concerns).
    appeal = Appeal.objects.create(action=entry, appellant=writer, statement="Lewat email.")
    actions.decide_appeal(moderator2, appeal, True, "Ini akun asli.")
    writer.refresh_from_db()
    article.refresh_from_db()
    assert writer.is_active and writer.suspended_at is None
    assert article.status == Status.PUBLISHED


# --- the API -----------------------------------------------------------------------------


def test_the_api_files_an_appeal(hidden: ModerationAction, writer_api: Api) -> None:
    response = writer_api.post("/appeals", {"action_id": hidden.pk, "statement": "Mohon cek."})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["action_id"], body["status"], body["statement"]) == (
        hidden.pk,
        "open",
        "Mohon cek.",
    )
    assert body["id"] == Appeal.objects.get().pk
    assert_error_shape(
        writer_api.post("/appeals", {"action_id": hidden.pk, "statement": "Lagi."}), 409
    )


def test_only_the_person_affected_appeals_through_the_api(
    hidden: ModerationAction, reader_api: Api, mod_api: Api, anon_api: Api
) -> None:
    body = {"action_id": hidden.pk, "statement": "Keberatan."}
    assert_error_shape(anon_api.post("/appeals", body), 401)
    assert_error_shape(reader_api.post("/appeals", body), 403)
    assert_error_shape(mod_api.post("/appeals", body), 403)
    assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"action_id": "1"}, 422, "action_id"),
        ({"action_id": True}, 422, "action_id"),
        ({"action_id": 1.5}, 422, "action_id"),
        ({"action_id": None}, 422, "action_id"),
        ({"action_id": [1]}, 422, "action_id"),
        # Outside the document's range (1 to 2**63 - 1): invalid, not merely unknown.
        ({"action_id": -1}, 422, "action_id"),
        ({"action_id": 0}, 422, "action_id"),
        ({"action_id": 2**70}, 422, "action_id"),
        ({"action_id": 987654}, 404, None),
        ({"statement": ""}, 422, "statement"),
        ({"statement": "  "}, 422, "statement"),
        ({"statement": "x" * 3001}, 422, "statement"),
        ({"statement": None}, 422, "statement"),
        ({"statement": 5}, 422, "statement"),
        ({"statement": "nul\x00"}, 422, "statement"),
    ],
)
def test_the_api_refuses_bad_appeals(
    hidden: ModerationAction,
    writer_api: Api,
    body: dict[str, Any],
    status: int,
    field: str | None,
) -> None:
    data = {"action_id": hidden.pk, "statement": "Mohon cek."} | body
    assert_error_shape(writer_api.post("/appeals", data), status, field)
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("missing", ["action_id", "statement"])
def test_the_api_requires_both_fields(
    hidden: ModerationAction, writer_api: Api, missing: str
) -> None:
    data = {"action_id": hidden.pk, "statement": "Mohon cek."}
    del data[missing]
    assert_error_shape(writer_api.post("/appeals", data), 422, missing)


def test_the_api_decides_appeals_but_never_by_the_original_moderator(
    hidden: ModerationAction, writer: User, mod_api: Api, mod2_api: Api, reader_api: Api
) -> None:
    appeal = _appeal(hidden, writer)
    path = f"/moderation/appeals/{appeal.pk}/decide"
    body = {"decision": "grant", "note": "Sahih."}
    assert_error_shape(reader_api.post(path, body), 403)
    assert_error_shape(mod_api.post(path, body), 403)
    assert_error_shape(mod2_api.post(path, {"decision": "yes", "note": "x"}), 422, "decision")
    assert_error_shape(mod2_api.post(path, {"decision": "grant", "note": ""}), 422, "note")
    response = mod2_api.post(path, body)
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "appeal_granted"
    assert_error_shape(mod2_api.post(path, body), 409)
    assert_error_shape(mod2_api.post("/moderation/appeals/987654/decide", body), 404)


def test_moderators_list_open_appeals(
    hidden: ModerationAction, writer: User, mod2_api: Api, reader_api: Api
) -> None:
    appeal = _appeal(hidden, writer)
    response = mod2_api.get("/moderation/appeals")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [appeal.pk]
    assert mod2_api.get("/moderation/appeals?status=granted").json()["items"] == []
    assert_error_shape(mod2_api.get("/moderation/appeals?status=weird"), 422, "status")
    assert_error_shape(reader_api.get("/moderation/appeals"), 403)


def test_a_suspended_person_has_no_token_left_to_appeal_with(
    writer: User, moderator: User, bystander: User
) -> None:
    api = api_for(writer)
    file_report(bystander, "account", writer.pk, "akun")
    entry = actions.decide(moderator, "account", writer.pk, "suspend", "Menyamar.")
    assert_error_shape(api.post("/appeals", {"action_id": entry.pk, "statement": "x"}), 401)
