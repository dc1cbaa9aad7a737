"""The moderators' API: the report listing, resolving, restoring and the log."""

from datetime import datetime
from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles.models import Article, Status
from wacana.discussion.models import Comment, CommentStatus
from wacana.moderation import actions
from wacana.moderation.models import ModerationAction, Report
from wacana.testing.api import Api, assert_error_shape, delete_account
from wacana.testing.content import file_report, publish
from wacana.testing.personas import make_user, reporters

pytestmark = pytest.mark.django_db


def _reports(count: int, article: Article) -> list[Report]:
    return [file_report(person, "article", article.pk) for person in reporters(count)]


# --- listing reports ---------------------------------------------------------------------


def test_moderators_list_open_reports_newest_first_with_a_cursor(
    mod_api: Api, article: Article, writer: User
) -> None:
    made = _reports(3, article)
    first = mod_api.get("/moderation/reports?limit=2")
    assert first.status_code == 200, first.content
    body = first.json()
    assert [item["id"] for item in body["items"]] == [made[2].pk, made[1].pk]
    item = body["items"][0]
    assert item["target"] == {"type": "article", "id": article.pk}
    assert (item["subject"], item["reporter"], item["reason"]) == ("penulis", "pelapor2", "spam")
    assert (item["status"], item["outcome"], item["overdue"], item["urgent"]) == (
        "open",
        "",
        False,
        False,
    )
    datetime.fromisoformat(item["created_at"])
    datetime.fromisoformat(item["deadline"])
    second = mod_api.get(f"/moderation/reports?limit=2&cursor={body['next_cursor']}").json()
    assert [item["id"] for item in second["items"]] == [made[0].pk]
    assert second["next_cursor"] is None


def test_resolved_reports_are_listed_apart(mod_api: Api, article: Article, moderator: User) -> None:
    made = _reports(2, article)
    actions.decide(moderator, "article", article.pk, "dismiss", "Aman.")
    assert mod_api.get("/moderation/reports").json()["items"] == []
    resolved = mod_api.get("/moderation/reports?status=resolved").json()["items"]
    assert {item["id"] for item in resolved} == {r.pk for r in made}
    assert {item["outcome"] for item in resolved} == {"dismissed"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=closed", "status"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("cursor=bm9wZQ", "cursor"),
        ("cursor=" + "x" * 200, "cursor"),
    ],
)
def test_bad_listing_queries_are_422(mod_api: Api, query: str, field: str) -> None:
    assert_error_shape(mod_api.get(f"/moderation/reports?{query}"), 422, field)


# --- resolving ---------------------------------------------------------------------------


def test_resolving_hides_and_answers_the_log_entry(
    mod_api: Api, article: Article, writer: User, moderator: User
) -> None:
    made = _reports(2, article)
    response = mod_api.post(
        f"/moderation/reports/{made[0].pk}/resolve",
        {"action": "hide", "note": "Spam berulang."},
    )
    assert response.status_code == 200, response.content
    entry = response.json()
    assert entry["kind"] == "hide"
    assert entry["moderator"] == moderator.username
    assert entry["subject"] == writer.username
    assert entry["target"] == {"type": "article", "id": article.pk}
    assert (entry["rule"], entry["note"]) == ("spam", "Spam berulang.")
    assert sorted(entry["report_ids"]) == sorted(r.pk for r in made)
    article.refresh_from_db()
    assert article.status == Status.HIDDEN
    assert_error_shape(
        mod_api.post(
            f"/moderation/reports/{made[1].pk}/resolve", {"action": "dismiss", "note": "x"}
        ),
        409,
    )


def test_resolving_by_suspension(mod_api: Api, writer: User, bystander: User) -> None:
    report = file_report(bystander, "account", writer.pk, "akun")
    response = mod_api.post(
        f"/moderation/reports/{report.pk}/resolve",
        {"action": "suspend", "note": "Menyamar.", "rule": "akun"},
    )
    assert response.status_code == 200
    writer.refresh_from_db()
    assert not writer.is_active


def test_resolving_a_comment_report(mod_api: Api, comment: Comment, bystander: User) -> None:
    report = file_report(bystander, "comment", comment.pk)
    response = mod_api.post(
        f"/moderation/reports/{report.pk}/resolve", {"action": "hide", "note": "Iklan."}
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN


def test_accounts_cannot_be_hidden_through_the_api(
    mod_api: Api, writer: User, bystander: User
) -> None:
    report = file_report(bystander, "account", writer.pk, "akun")
    response = mod_api.post(
        f"/moderation/reports/{report.pk}/resolve", {"action": "hide", "note": "x"}
    )
    assert_error_shape(response, 422, "action")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "restore"}, "action"),
        ({"action": "ban"}, "action"),
        ({"action": None}, "action"),
        ({"action": 3}, "action"),
        ({"note": ""}, "note"),
        ({"note": "  "}, "note"),
        ({"note": "x" * 2001}, "note"),
        ({"note": None}, "note"),
        ({"note": ["x"]}, "note"),
        ({"note": "nul\x00"}, "note"),
        ({"rule": "apa-saja"}, "rule"),
        ({"rule": 7}, "rule"),
    ],
)
def test_resolving_refuses_bad_input(
    mod_api: Api, article: Article, body: dict[str, Any], field: str
) -> None:
    (report,) = _reports(1, article)
    data = {"action": "hide", "note": "Cek."} | body
    assert_error_shape(mod_api.post(f"/moderation/reports/{report.pk}/resolve", data), 422, field)
    report.refresh_from_db()
    assert report.status == "open"
    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize("missing", ["action", "note"])
def test_resolving_requires_action_and_note(mod_api: Api, article: Article, missing: str) -> None:
    (report,) = _reports(1, article)
    data = {"action": "hide", "note": "Cek."}
    del data[missing]
    assert_error_shape(mod_api.post(f"/moderation/reports/{report.pk}/resolve", data), 422, missing)


@pytest.mark.parametrize("path_id", ["987654", "0", "99999999999999999999", "abc", "-1"])
def test_resolving_a_missing_report(mod_api: Api, path_id: str) -> None:
    response = mod_api.post(
        f"/moderation/reports/{path_id}/resolve", {"action": "dismiss", "note": "x"}
    )
    assert response.status_code in (404, 422)
    assert_error_shape(response, response.status_code)


# --- restoring ---------------------------------------------------------------------------


def test_restoring_an_article_through_the_api(
    mod_api: Api, article: Article, moderator: User
) -> None:
    _reports(1, article)
    actions.decide(moderator, "article", article.pk, "hide", "Spam.")
    response = mod_api.post(
        "/moderation/restore", {"target": "article", "id": article.pk, "note": "Keliru."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "restore"
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    again = mod_api.post(
        "/moderation/restore", {"target": "article", "id": article.pk, "note": "Lagi."}
    )
    assert_error_shape(again, 409)


@pytest.mark.parametrize("by", ["id", "username"])
def test_restoring_an_account_by_id_or_username(
    mod_api: Api, writer: User, moderator: User, bystander: User, by: str
) -> None:
    file_report(bystander, "account", writer.pk, "akun")
    actions.decide(moderator, "account", writer.pk, "suspend", "Palsu.")
    value: Any = writer.pk if by == "id" else writer.username
    response = mod_api.post(
        "/moderation/restore", {"target": "account", "id": value, "note": "Asli."}
    )
    assert response.status_code == 200, response.content
    writer.refresh_from_db()
    assert writer.is_active


def test_restoring_a_comment(
    mod_api: Api, comment: Comment, moderator: User, bystander: User
) -> None:
    file_report(bystander, "comment", comment.pk)
    actions.decide(moderator, "comment", comment.pk, "hide", "Iklan.")
    response = mod_api.post(
        "/moderation/restore", {"target": "comment", "id": comment.pk, "note": "Bukan iklan."}
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.VISIBLE


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"target": "artikel"}, 422, "target"),
        ({"target": None}, 422, "target"),
        ({"id": "abc"}, 422, "id"),
        ({"id": True}, 422, "id"),
        ({"id": 1.5}, 422, "id"),
        ({"id": None}, 422, "id"),
        ({"id": 2**70}, 422, "id"),
        ({"id": 987654}, 404, None),
        ({"note": ""}, 422, "note"),
        ({"note": "x" * 2001}, 422, "note"),
        ({"rule": "bukan"}, 422, "rule"),
    ],
)
def test_restoring_refuses_bad_input(
    mod_api: Api, article: Article, moderator: User, body: dict[str, Any], status: int, field: Any
) -> None:
    _reports(1, article)
    actions.decide(moderator, "article", article.pk, "hide", "Spam.")
    data = {"target": "article", "id": article.pk, "note": "Keliru."} | body
    assert_error_shape(mod_api.post("/moderation/restore", data), status, field)
    article.refresh_from_db()
    assert article.status == Status.HIDDEN


def test_restoring_an_unknown_username_is_404(mod_api: Api) -> None:
    response = mod_api.post(
        "/moderation/restore", {"target": "account", "id": "tidak.ada", "note": "x"}
    )
    assert_error_shape(response, 404)


# --- the log -----------------------------------------------------------------------------


def test_the_log_names_people_the_system_and_deleted_accounts(
    settings: Any, mod_api: Api, article: Article, moderator2: User, writer: User
) -> None:
    settings.AUTO_HIDE_REPORTERS = 2
    for person in reporters(2):
        file_report(person, "article", article.pk, "hoaks")
    actions.decide(moderator2, "article", article.pk, "hide", "Memang hoaks.")
    other = publish(make_user("sementara"), "Tulisan Sementara")
    file_report(writer, "article", other.pk)
    actions.decide(moderator2, "article", other.pk, "dismiss", "Aman.")
    delete_account(moderator2)
    items = mod_api.get("/moderation/log").json()["items"]
    assert [item["kind"] for item in items] == ["dismiss", "hide", "auto_hide"]
    assert items[2]["moderator"] == "sistem"
    assert items[1]["moderator"] == "akun terhapus"
    assert items[1]["subject"] == "penulis"
    for item in items:
        assert set(item) >= {
            "id",
            "kind",
            "moderator",
            "subject",
            "target",
            "rule",
            "note",
            "report_ids",
            "created_at",
        }


def test_the_log_is_keyset_paginated(mod_api: Api, moderator2: User) -> None:
    author = make_user("penulisbanyak")
    for n in range(5):
        item = publish(author, f"Tulisan {n}")
        file_report(reporters(1, f"p{n}x")[0], "article", item.pk)
        actions.decide(moderator2, "article", item.pk, "dismiss", f"Catatan {n}")
    seen: list[int] = []
    cursor = ""
    while True:
        body = mod_api.get(f"/moderation/log?limit=2{cursor}").json()
        seen += [item["id"] for item in body["items"]]
        if not body["next_cursor"]:
            break
        cursor = f"&cursor={body['next_cursor']}"
    assert seen == sorted(ModerationAction.objects.values_list("pk", flat=True), reverse=True)
    assert_error_shape(mod_api.get("/moderation/log?cursor=%%%"), 422, "cursor")
    assert_error_shape(mod_api.get("/moderation/log?limit=500"), 422, "limit")
