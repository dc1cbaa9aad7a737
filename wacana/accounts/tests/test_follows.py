"""Following writers: the actions, the API, the profile form, the lists and the feed."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts import actions
from wacana.accounts.models import Follow, User
from wacana.articles import actions as article_actions
from wacana.articles.models import Category
from wacana.lib import pagecache
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape, delete_account
from wacana.testing.content import publish
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db

BAD_USERNAMES = [
    pytest.param("tidakada", 404, id="unknown"),
    pytest.param("PENULIS", 404, id="uppercase"),
    pytest.param("pen%00ulis", 404, id="nul"),
    pytest.param("a" * 31, 404, id="31-chars"),
    pytest.param("ab", 404, id="too-short"),
    pytest.param("pen%20ulis", 404, id="space"),
]


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def counts(user: User) -> tuple[int, int]:
    user = fresh(user)
    return user.follower_count, user.following_count


# --- actions ----------------------------------------------------------------------------


def test_follow_moves_both_counts_and_notifies_once(writer: User, reader: User) -> None:
    assert actions.follow(reader, writer) is True
    assert counts(writer) == (1, 0)
    assert counts(reader) == (0, 1)
    notes = Notification.objects.filter(recipient=writer, kind="follower")
    assert notes.count() == 1
    note = notes.get()
    assert note.actor == reader
    assert reader.name in note.message
    assert note.target_url == reader.get_absolute_url()
    assert fresh(writer).unread_notifications == 1


def test_follow_is_idempotent(writer: User, reader: User) -> None:
    for _ in range(3):
        actions.follow(fresh(reader), fresh(writer))
    assert actions.follow(reader, writer) is False
    assert Follow.objects.count() == 1
    assert counts(writer) == (1, 0)
    assert counts(reader) == (0, 1)
    assert Notification.objects.filter(kind="follower").count() == 1


def test_unfollow_is_idempotent(writer: User, reader: User) -> None:
    assert actions.unfollow(reader, writer) is False
    assert counts(writer) == (0, 0)
    actions.follow(reader, writer)
    assert actions.unfollow(reader, writer) is True
    assert actions.unfollow(reader, writer) is False
    assert counts(writer) == (0, 0)
    assert counts(reader) == (0, 0)


def test_counts_exact_after_many_repeats(writer: User, reader: User) -> None:
    third = make_user("ketiga")
    for round_ in range(5):
        for person in (reader, third):
            actions.follow(person, writer)
            actions.follow(person, writer)
        if round_ % 2:
            actions.unfollow(reader, writer)
            actions.unfollow(reader, writer)
    actions.follow(writer, third)
    assert counts(writer) == (Follow.objects.filter(followed=writer).count(), 1)
    assert counts(writer) == (2, 1)  # the last round followed again without unfollowing
    assert counts(third) == (1, 1)
    assert counts(reader) == (0, 1)


def test_lost_race_changes_no_count(writer: User, reader: User) -> None:
    # Another request inserted the row between our check and our insert.
    Follow.objects.create(follower=reader, followed=writer)
    assert actions.follow(reader, writer) is False
    assert counts(writer) == (0, 0)
    assert Notification.objects.count() == 0


def test_cannot_follow_self(writer: User) -> None:
    with pytest.raises(actions.CannotFollowSelf):
        actions.follow(writer, writer)
    assert Follow.objects.count() == 0
    assert counts(writer) == (0, 0)


def test_deleting_an_account_keeps_other_counts_exact(writer: User, reader: User) -> None:
    third = make_user("ketiga")
    actions.follow(reader, writer)
    actions.follow(writer, third)
    actions.follow(third, reader)
    delete_account(fresh(writer))
    assert counts(reader) == (1, 0)
    assert counts(third) == (0, 1)
    assert Follow.objects.count() == 1


# --- API --------------------------------------------------------------------------------


def test_api_follow_and_unfollow(writer: User, reader: User) -> None:
    api = api_for(reader)
    for _ in range(3):
        assert api.put("/users/penulis/follow").status_code == 204
    assert counts(writer) == (1, 0)
    body = api.get("/users/penulis").json()
    assert (body["follower_count"], body["following_count"]) == (1, 0)
    assert api.get("/users/pembaca").json()["following_count"] == 1
    for _ in range(3):
        assert api.delete("/users/penulis/follow").status_code == 204
    assert counts(writer) == (0, 0)
    assert counts(reader) == (0, 0)


def test_api_follow_needs_sign_in(writer: User, anon_api: Api) -> None:
    assert_error_shape(anon_api.put("/users/penulis/follow"), 401)
    assert_error_shape(anon_api.delete("/users/penulis/follow"), 401)
    assert Follow.objects.count() == 0


def test_api_cannot_follow_self(writer: User) -> None:
    assert_error_shape(api_for(writer).put("/users/penulis/follow"), 422)
    assert counts(writer) == (0, 0)


def test_api_inactive_user_is_404(writer: User, reader: User) -> None:
    User.objects.filter(pk=writer.pk).update(is_active=False, suspended_at=timezone.now())
    api = api_for(reader)
    assert_error_shape(api.put("/users/penulis/follow"), 404)
    assert_error_shape(api.delete("/users/penulis/follow"), 404)
    assert Follow.objects.count() == 0


@pytest.mark.parametrize(("username", "status"), BAD_USERNAMES)
def test_api_bad_usernames(writer: User, reader: User, username: str, status: int) -> None:
    api = api_for(reader)
    assert api.put(f"/users/{username}/follow").status_code == status
    assert api.delete(f"/users/{username}/follow").status_code == status
    assert Follow.objects.count() == 0


def test_api_feed_order_and_cursor_walk(writer: User, reader: User) -> None:
    other = make_user("lainnya")
    stranger = make_user("asing")
    now = timezone.now()
    expected = []
    for i in range(7):
        author = writer if i % 2 else other
        expected.append(publish(author, f"Tulisan nomor {i}", at=now - timedelta(hours=i)).pk)
    # Same moment: the id breaks the tie, newest id first.
    same = [publish(writer, f"Serentak {i}", at=now - timedelta(days=1)).pk for i in range(3)]
    expected += sorted(same, reverse=True)
    publish(stranger, "Tidak diikuti", at=now)
    article_actions.create_article(
        writer,
        {"title": "Masih draf", "body": "Belum.", "category": Category.objects.get(slug="sekolah")},
    )
    actions.follow(reader, writer)
    actions.follow(reader, other)
    api = api_for(reader)
    seen: list[int] = []
    cursor = None
    while True:
        query = "?limit=3" + (f"&cursor={cursor}" if cursor else "")
        response = api.get(f"/me/feed{query}")
        assert response.status_code == 200, response.content
        body = response.json()
        assert len(body["items"]) <= 3
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == expected
    assert len(set(seen)) == len(seen)
    first = api.get("/me/feed").json()["items"][0]
    assert first["author"]["username"] in {"penulis", "lainnya"}
    assert {"id", "title", "url", "author", "category", "published_at"} <= set(first)


def test_api_feed_empty_and_errors(reader: User, anon_api: Api) -> None:
    api = api_for(reader)
    assert api.get("/me/feed").json() == {"items": [], "next_cursor": None}
    assert_error_shape(anon_api.get("/me/feed"), 401)
    assert_error_shape(api.get("/me/feed?cursor=rusak!!"), 422, "cursor")
    assert_error_shape(api.get("/me/feed?cursor=%00"), 422, "cursor")
    assert_error_shape(api.get("/me/feed?limit=0"), 422, "limit")
    assert_error_shape(api.get("/me/feed?limit=101"), 422, "limit")
    assert api.get("/me/feed?limit=abc").status_code == 422


def test_api_feed_leaves_out_unfollowed_writers(writer: User, reader: User) -> None:
    publish(writer, "Sebelum berhenti")
    actions.follow(reader, writer)
    api = api_for(reader)
    assert len(api.get("/me/feed").json()["items"]) == 1
    actions.unfollow(reader, writer)
    assert api.get("/me/feed").json()["items"] == []


# --- HTML: profile and follow form ---------------------------------------------------------


def test_profile_anonymous_gets_sign_in_link(writer: User, client: Client) -> None:
    html = client.get("/penulis").content.decode()
    assert "/masuk?next=/penulis" in html
    assert 'action="/penulis/ikuti"' not in html
    assert 'href="/penulis/pengikut"' in html
    assert 'href="/penulis/mengikuti"' in html


def test_profile_follow_form_round_trip(writer: User, reader: User) -> None:
    client = signed_in(reader)
    html = client.get("/penulis").content.decode()
    assert 'action="/penulis/ikuti"' in html
    assert 'value="follow"' in html
    response = client.post("/penulis/ikuti", {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"] == "/penulis"
    assert counts(writer) == (1, 0)
    html = client.get("/penulis").content.decode()
    assert 'value="unfollow"' in html
    client.post("/penulis/ikuti", {"action": "follow"})
    assert counts(writer) == (1, 0)
    client.post("/penulis/ikuti", {"action": "unfollow"})
    client.post("/penulis/ikuti", {"action": "unfollow"})
    assert counts(writer) == (0, 0)
    assert counts(reader) == (0, 0)


def test_profile_owner_sees_no_follow_form(writer: User) -> None:
    client = signed_in(writer)
    html = client.get("/penulis").content.decode()
    assert 'action="/penulis/ikuti"' not in html
    client.post("/penulis/ikuti", {"action": "follow"})
    assert Follow.objects.count() == 0


def test_follow_form_needs_sign_in_and_post(writer: User, reader: User, client: Client) -> None:
    response = client.post("/penulis/ikuti", {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=")
    assert signed_in(reader).get("/penulis/ikuti").status_code == 405
    assert Follow.objects.count() == 0


def test_follow_form_csrf(writer: User, reader: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post("/penulis/ikuti", {"action": "follow"}).status_code == 403
    assert Follow.objects.count() == 0


@pytest.mark.parametrize(("username", "status"), BAD_USERNAMES)
def test_follow_form_bad_usernames(reader: User, writer: User, username: str, status: int) -> None:
    response = signed_in(reader).post(f"/{username}/ikuti", {"action": "follow"})
    assert response.status_code == status
    assert Follow.objects.count() == 0


def test_follow_form_inactive_user_404(writer: User, reader: User) -> None:
    User.objects.filter(pk=writer.pk).update(is_active=False)
    assert signed_in(reader).post("/penulis/ikuti").status_code == 404


def test_profile_query_count_is_constant(writer: User, reader: User) -> None:
    actions.follow(reader, writer)
    client = signed_in(reader)

    def queries() -> int:
        pagecache.forget()  # the page rendered afresh (kept, then filled for the reader)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/penulis").status_code == 200
        return len(captured)

    client.get("/penulis")
    few = queries()
    for i in range(25):
        actions.follow(make_user(f"pengikut{i}"), writer)
    assert queries() == few
    anon = Client()
    with CaptureQueriesContext(connection) as captured:
        anon.get("/penulis")
    assert len(captured) <= few


# --- HTML: lists ------------------------------------------------------------------------


def _walk(client: Client, path: str) -> list[str]:
    names: list[str] = []
    url = path
    while True:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        names += re.findall(r'class="handle">@([a-z0-9_.]+)<', html)
        found = re.search(r'rel="next" href="\?cursor=([^"]+)"', html)
        if not found:
            return names
        url = f"{path}?cursor={found.group(1)}"


def test_followers_and_following_lists_walk(
    writer: User, reader: User, client: Client, settings: Any
) -> None:
    settings.WACANA_PAGE_SIZE = 5  # two pages from seven people
    people = [make_user(f"teman{i:02d}") for i in range(7)]
    base = timezone.now()
    for i, person in enumerate(people):
        actions.follow(person, writer)
        Follow.objects.filter(follower=person).update(created_at=base + timedelta(minutes=i))
        actions.follow(writer, person)
    followers = _walk(client, "/penulis/pengikut")
    assert followers == [p.username for p in reversed(people)]
    following = _walk(client, "/penulis/mengikuti")
    assert sorted(following) == sorted(p.username for p in people)
    assert len(set(following)) == len(following)
    assert _walk(client, "/pembaca/pengikut") == []


def test_lists_bad_input(writer: User, client: Client) -> None:
    assert client.get("/PENULIS/pengikut")["Location"] == "/penulis/pengikut"
    assert client.get("/PENULIS/mengikuti")["Location"] == "/penulis/mengikuti"
    assert client.get("/tidakada/pengikut").status_code == 404
    assert client.get("/pen%00ulis/pengikut").status_code == 404
    assert client.get(f"/{'a' * 31}/pengikut").status_code == 404
    assert client.get("/penulis/pengikut?cursor=rusak").status_code == 404
    assert client.get("/penulis/mengikuti?cursor=%00").status_code == 404
    User.objects.filter(pk=writer.pk).update(is_active=False)
    assert client.get("/penulis/pengikut").status_code == 404


def test_lists_hide_suspended_people(writer: User, reader: User, client: Client) -> None:
    actions.follow(reader, writer)
    User.objects.filter(pk=reader.pk).update(is_active=False)
    assert _walk(client, "/penulis/pengikut") == []


# --- HTML: feed page --------------------------------------------------------------------


def test_feed_page_needs_sign_in(client: Client) -> None:
    response = client.get("/mengikuti")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=/mengikuti")


def test_feed_page_shows_followed_writers(writer: User, reader: User) -> None:
    now = timezone.now()
    publish(writer, "Jagung di Musim Kemarau", at=now - timedelta(hours=1))
    publish(writer, "Jembatan Bambu Desa", at=now)
    publish(make_user("asing"), "Tulisan Orang Asing", at=now)
    client = signed_in(reader)
    assert "Jagung di Musim Kemarau" not in client.get("/mengikuti").content.decode()
    actions.follow(reader, writer)
    html = client.get("/mengikuti").content.decode()
    assert html.index("Jembatan Bambu Desa") < html.index("Jagung di Musim Kemarau")
    assert "Tulisan Orang Asing" not in html
    assert 'href="/mengikuti"' in html  # the account menu link
    assert client.get("/mengikuti?cursor=rusak").status_code == 404


def test_feed_page_cursor_walk(writer: User, reader: User, settings: Any) -> None:
    settings.WACANA_PAGE_SIZE = 5  # three pages from a dozen articles
    now = timezone.now()
    titles = [f"Catatan Harian {i:02d}" for i in range(12)]
    for i, title in enumerate(titles):
        publish(writer, title, at=now - timedelta(minutes=i))
    actions.follow(reader, writer)
    client = signed_in(reader)
    seen: list[str] = []
    url = "/mengikuti"
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r"Catatan Harian \d\d", html)
        found = re.search(r'rel="next" href="\?cursor=([^"]+)"', html)
        url = f"/mengikuti?cursor={found.group(1)}" if found else ""
    assert seen == titles


# --- author card and admin --------------------------------------------------------------


def test_author_card_holds_no_per_visitor_follow_state(writer: User) -> None:
    # Without follow_state (anonymous readers, whose article block is cached), no form.
    html = render_to_string("includes/author_card.html", {"person": writer, "next_url": "/x"})
    assert 'href="/penulis"' in html
    assert 'href="/masuk?next=/x"' in html  # the same sign-in link for every reader
    assert "<form" not in html
    assert "csrf" not in html


def _card(html: str) -> str:
    found = re.search(r'<section class="author-card".*?</section>', html, re.S)
    assert found, "no author card"
    return found.group(0)


def test_author_card_follow_and_unfollow_from_the_article(writer: User, reader: User) -> None:
    article = publish(writer, "Kopi Pagi di Bajawa")
    url = article.get_absolute_url()
    client = signed_in(reader)
    card = _card(client.get(url).content.decode())
    assert 'action="/penulis/ikuti"' in card
    assert 'value="follow"' in card
    response = client.post("/penulis/ikuti", {"action": "follow", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url  # back to the article
    assert counts(writer) == (1, 0)
    assert Notification.objects.filter(recipient=writer, kind="follower").count() == 1
    card = _card(client.get(url).content.decode())
    assert 'value="unfollow"' in card
    client.post("/penulis/ikuti", {"action": "unfollow", "next": url})
    assert counts(writer) == (0, 0)
    assert 'value="follow"' in _card(client.get(url).content.decode())


def test_author_card_shows_no_follow_form_to_the_author_or_anonymous(
    writer: User, client: Client
) -> None:
    url = publish(writer, "Kopi Pagi di Bajawa").get_absolute_url()
    own = _card(signed_in(writer).get(url).content.decode())
    assert "<form" not in own and "follow-btn" not in own
    for _ in range(2):  # rendered, then from the cached block
        card = _card(client.get(url).content.decode())
        assert "<form" not in card and 'class="button primary follow-btn"' in card


@pytest.mark.parametrize(
    "target", ["https://jahat.example/", "//jahat.example/", "javascript:alert(1)", ""]
)
def test_follow_form_next_elsewhere_goes_to_the_profile(
    writer: User, reader: User, target: str
) -> None:
    response = signed_in(reader).post("/penulis/ikuti", {"action": "follow", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/penulis"
    assert counts(writer) == (1, 0)


def test_admin_marks_writers_verified(writer: User, admin_user: User) -> None:
    client = signed_in(admin_user)
    url = "/admin/accounts/user/"
    response = client.post(url, {"action": "mark_verified", "_selected_action": [writer.pk]})
    assert response.status_code == 302
    assert fresh(writer).verified is True
    assert "✓" in Client().get("/penulis").content.decode()
    client.post(url, {"action": "remove_verification", "_selected_action": [writer.pk]})
    assert fresh(writer).verified is False


@pytest.mark.parametrize("who", ["anonymous", "reader", "moderator", "staff-without-rights"])
def test_only_staff_with_the_right_mark_writers_verified(
    writer: User, reader: User, moderator: User, who: str
) -> None:
    client = Client()
    if who == "reader":
        client.force_login(reader)
    elif who == "moderator":
        client.force_login(moderator)
    elif who == "staff-without-rights":
        client.force_login(make_user("staf.baru", is_staff=True))
    url = "/admin/accounts/user/"
    response = client.post(url, {"action": "mark_verified", "_selected_action": [writer.pk]})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
    assert fresh(writer).verified is False
    # Nor through the API's own profile.
    api_for(reader).patch("/me", {"verified": True})
    assert fresh(reader).verified is False


def test_the_verified_badge_shows_next_to_the_name_everywhere(writer: User, reader: User) -> None:
    from wacana.articles import actions as article_actions
    from wacana.articles.models import Category
    from wacana.discussion import actions as discussion_actions

    writer.verified = True
    writer.save(update_fields=["verified"])
    article = article_actions.create_article(
        writer, {"title": "Catatan", "body": "Isi.", "category": Category.objects.get(slug="puisi")}
    )
    article_actions.publish_article(writer, article)
    discussion_actions.post_comment(writer, article, "Terima kasih sudah membaca.")
    badge = 'class="badge verified"'
    assert badge in Client().get("/penulis").content.decode()  # profile and its cards
    page = Client().get(article.get_absolute_url()).content.decode()
    assert page.count(badge) >= 2  # author card and the comment
    assert badge in Client().get("/kategori/puisi").content.decode()  # listing card
    assert badge not in render_to_string("includes/verified.html", {"person": reader})
