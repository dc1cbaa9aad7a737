"""The notifications page (/notifikasi), the API (GET /notifications, POST
/notifications/read), the unread count in the header, and who may read or mark what."""

import re
from typing import Any

import pytest
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.notifications import actions
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db


def unread(user: User) -> int:
    return User.objects.get(pk=user.pk).unread_notifications


def tell(user: User, n: int, text: str = "Ada kabar baru {n}") -> list[Notification]:
    found = []
    for number in range(n):
        note = actions.notify(
            user, "moderation", text.format(n=number), target_url=f"/catatan/{number}"
        )
        assert note is not None
        found.append(note)
    return found


def badge(html: str) -> str | None:
    found = re.search(r'class="notif-link"[^>]*>[^<]*<span class="count">(\d+)', html)
    return found.group(1) if found else None


# --- the page ---------------------------------------------------------------------------


def test_the_inbox_needs_sign_in(client: Client) -> None:
    response = client.get("/notifikasi")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=")
    response = client.post("/notifikasi/baca")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=")


def test_the_inbox_shows_only_your_own_and_the_header_counts_them(
    writer: User, reader: User
) -> None:
    tell(writer, 2, "Untuk penulis {n}")
    tell(reader, 1, "Untuk pembaca {n}")
    html = signed_in(writer).get("/notifikasi").content.decode()
    assert "Untuk penulis 0" in html and "Untuk penulis 1" in html
    assert "Untuk pembaca" not in html
    assert badge(html) == "2"
    assert badge(signed_in(reader).get("/").content.decode()) == "1"


def test_mark_one_read_then_all(writer: User) -> None:
    _first, second, _third = tell(writer, 3)
    client = signed_in(writer)
    response = client.post("/notifikasi/baca", {"id": str(second.pk)})
    assert response.status_code == 302
    assert response["Location"] == "/notifikasi"
    assert unread(writer) == 2
    assert Notification.objects.get(pk=second.pk).read
    assert badge(client.get("/notifikasi").content.decode()) == "2"
    client.post("/notifikasi/baca")
    assert unread(writer) == 0
    assert not Notification.objects.filter(recipient=writer, read_at__isnull=True).exists()
    html = client.get("/notifikasi").content.decode()
    assert badge(html) is None
    assert 'class="unread"' not in html


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(writer: User) -> None:
    (note,) = tell(writer, 1)
    response = signed_in(writer).post(
        "/notifikasi/baca", {"id": str(note.pk), "next": note.target_url}
    )
    assert response["Location"] == "/catatan/0"
    assert unread(writer) == 0


@pytest.mark.parametrize(
    "target", ["https://jahat.example/", "//jahat.example/x", "javascript:alert(1)"]
)
def test_opening_never_leaves_the_site(writer: User, target: str) -> None:
    (note,) = tell(writer, 1)
    response = signed_in(writer).post("/notifikasi/baca", {"id": str(note.pk), "next": target})
    assert response["Location"] == "/notifikasi"


def test_nobody_marks_another_persons_notices(writer: User, reader: User) -> None:
    (note,) = tell(writer, 1)
    tell(reader, 1)
    client = signed_in(reader)
    client.post("/notifikasi/baca", {"id": str(note.pk)})
    assert not Notification.objects.get(pk=note.pk).read
    assert unread(writer) == 1
    assert unread(reader) == 1  # their own untouched too: only that id was asked for
    assert api_for(reader).post("/notifications/read", {"ids": [note.pk]}).status_code == 204
    assert not Notification.objects.get(pk=note.pk).read
    # Marking "all" is all of one's own, never anyone else's.
    client.post("/notifikasi/baca")
    assert unread(reader) == 0
    assert unread(writer) == 1


@pytest.mark.parametrize("raw", ["abc", "-1", "1.5", "٣", "9" * 19, "1 OR 1=1", "\x00", "1" * 300])
def test_bad_ids_on_the_page_are_404_and_change_nothing(writer: User, raw: str) -> None:
    tell(writer, 1)
    response = signed_in(writer).post("/notifikasi/baca", {"id": raw})
    assert response.status_code == 404
    assert unread(writer) == 1


def test_the_page_refuses_get_for_marking_and_checks_csrf(writer: User) -> None:
    tell(writer, 1)
    assert signed_in(writer).get("/notifikasi/baca").status_code == 405
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    assert client.post("/notifikasi/baca").status_code == 403
    assert unread(writer) == 1


def test_the_inbox_walks_by_cursor_and_refuses_a_bad_one(writer: User) -> None:
    tell(writer, 45, "Kabar nomor {n:02d}")
    client = signed_in(writer)
    seen: list[str] = []
    url = "/notifikasi"
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r"Kabar nomor \d\d", html)
        found = re.search(r'href="\?cursor=([^"]+)"', html)
        url = f"/notifikasi?cursor={found.group(1)}" if found else ""
    assert seen == [f"Kabar nomor {n:02d}" for n in reversed(range(45))]
    for bad in ("xyz", "%00", "a" * 5000):
        assert client.get(f"/notifikasi?cursor={bad}").status_code == 404


def test_the_inbox_costs_the_same_for_many_notices(
    writer: User, reader: User, django_assert_max_num_queries: Any
) -> None:
    tell(writer, 3)
    client = signed_in(writer)
    client.get("/notifikasi")
    with django_assert_max_num_queries(5) as few:
        client.get("/notifikasi")
    account_actions.follow(reader, writer)  # one with an actor
    tell(writer, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/notifikasi").status_code == 200


# --- the API ----------------------------------------------------------------------------


def test_the_api_needs_sign_in(anon_api: Api) -> None:
    assert_error_shape(anon_api.get("/notifications"), 401)
    assert_error_shape(anon_api.post("/notifications/read"), 401)


def test_the_api_lists_your_own_newest_first_with_the_unread_count(
    writer: User, reader: User
) -> None:
    tell(writer, 2, "Kabar {n}")
    account_actions.follow(reader, writer)
    tell(reader, 1)
    body = api_for(writer).get("/notifications").json()
    assert body["unread"] == 3
    assert [item["kind"] for item in body["items"]] == ["follower", "moderation", "moderation"]
    newest = body["items"][0]
    assert newest["actor"] == {
        "username": "pembaca",
        "display_name": "Raka Pembaca",
        "url": "/pembaca",
    }
    assert newest["read"] is False
    assert newest["target_url"] == "/pembaca"
    assert set(newest) >= {"id", "kind", "actor", "target_url", "created_at", "read"}
    assert body["items"][1]["actor"] is None


def test_the_api_marks_some_then_all_read(writer: User) -> None:
    notes = tell(writer, 3)
    api = api_for(writer)
    assert api.post("/notifications/read", {"ids": [notes[0].pk, notes[2].pk]}).status_code == 204
    body = api.get("/notifications").json()
    assert body["unread"] == 1
    assert [item["read"] for item in body["items"]] == [True, False, True]
    assert api.post("/notifications/read").status_code == 204
    assert api.get("/notifications").json()["unread"] == 0
    assert api.post("/notifications/read", {"ids": []}).status_code == 204


def test_the_api_walks_by_cursor(writer: User) -> None:
    tell(writer, 25)
    api = api_for(writer)
    ids: list[int] = []
    cursor = ""
    while True:
        body = api.get(f"/notifications?limit=10{cursor}").json()
        ids += [item["id"] for item in body["items"]]
        if not body["next_cursor"]:
            break
        cursor = f"&cursor={body['next_cursor']}"
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 25


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?limit=-5", "limit"),
        ("?limit=abc", None),
        ("?cursor=not-a-cursor", "cursor"),
        ("?cursor=" + "a" * 5000, "cursor"),
    ],
)
def test_the_api_listing_refuses_bad_input(writer: User, query: str, field: str | None) -> None:
    response = api_for(writer).get(f"/notifications{query}")
    assert_error_shape(response, 422, field)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "payload",
    [
        {"ids": "alle"},
        {"ids": ["satu"]},
        {"ids": [0]},
        {"ids": [-3]},
        {"ids": [2**63]},
        {"ids": list(range(1, 1002))},
        {"ids": [{"id": 1}]},
    ],
)
def test_the_api_refuses_bad_ids_and_changes_nothing(writer: User, payload: Any) -> None:
    tell(writer, 1)
    response = api_for(writer).post("/notifications/read", payload)
    assert 400 <= response.status_code < 500
    assert_error_shape(response, response.status_code)
    assert unread(writer) == 1


@pytest.mark.parametrize("raw", ["{", "[]", "null", '"ids"', "x" * 10_000])
def test_the_api_refuses_a_body_that_is_not_an_object(writer: User, raw: str) -> None:
    tell(writer, 1)
    response = api_for(writer).call("post", "/notifications/read", raw=raw)
    assert 400 <= response.status_code < 500, response.content
    assert_error_shape(response, response.status_code)
    assert unread(writer) == 1


def test_the_api_listing_costs_the_same_for_many_notices(
    writer: User, reader: User, django_assert_max_num_queries: Any
) -> None:
    api = api_for(writer)
    tell(writer, 2)
    api.get("/notifications")
    with django_assert_max_num_queries(6) as few:
        api.get("/notifications")
    for number in range(10):
        account_actions.follow(make_user(f"pengikut{number}"), writer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get("/notifications").json()["items"]) == 12


def test_the_stored_unread_count_is_recounted_when_marking(writer: User) -> None:
    tell(writer, 2)
    User.objects.filter(pk=writer.pk).update(unread_notifications=17)  # drifted somehow
    api_for(writer).post("/notifications/read", {"ids": [999_999]})
    assert unread(writer) == 2
