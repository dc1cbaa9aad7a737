"""Following rubrics, sub-categories, tags and topics: buttons, the list page, the API,
the mixed /mengikuti feed (each article once, newest first, constant queries), and
notification preferences per kind."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles.models import Category, Tag
from wacana.discovery import following
from wacana.lib import pagecache
from wacana.notifications import actions as notifications
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import category, publish
from wacana.testing.html import html
from wacana.testing.personas import make_writer, signed_in
from wacana.topics import actions
from wacana.topics.models import Follow, Topic

pytestmark = pytest.mark.django_db


def open_topic(editor: User, slug: str = "hari-guru") -> Topic:
    now = timezone.now()
    return actions.save_topic(
        editor,
        None,
        {
            "title": slug.title(),
            "slug": slug,
            "description": "Tentang guru.",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=7),
        },
    )


def feed_ids(user: User, **query: Any) -> list[int]:
    api = api_for(user)
    seen: list[int] = []
    page = api.get("/me/feed?limit=2").json()
    seen += [item["id"] for item in page["items"]]
    while page["next_cursor"]:
        page = api.get(f"/me/feed?limit=2&cursor={page['next_cursor']}").json()
        seen += [item["id"] for item in page["items"]]
    return seen


def test_the_feed_mixes_every_kind_newest_first_each_article_once(
    reader: User, editor: User
) -> None:
    now = timezone.now()
    followed_writer, stranger = make_writer("diikuti"), make_writer("asing")
    topic = open_topic(editor)
    sekolah = category("sekolah")
    rubric = sekolah.parent
    assert rubric is not None
    other_sub = Category.objects.exclude(parent=None).exclude(parent=rubric).first()
    assert other_sub is not None
    by_writer = publish(
        followed_writer, "Dari penulis", category=other_sub, at=now - timedelta(hours=6)
    )
    in_rubric = publish(stranger, "Di rubrik", category=sekolah, at=now - timedelta(hours=5))
    tagged = publish(
        stranger, "Bertag", category=other_sub, tags="kopi", at=now - timedelta(hours=4)
    )
    on_topic = publish(stranger, "Bertopik", category=other_sub, at=now - timedelta(hours=3))
    actions.set_article_topic(stranger, on_topic, topic)
    # Matches three follows at once: listed once.
    everything = publish(
        followed_writer, "Semuanya", category=sekolah, tags="kopi", at=now - timedelta(hours=2)
    )
    unrelated = publish(stranger, "Lain", category=other_sub, at=now - timedelta(hours=1))
    account_actions.follow(reader, followed_writer)
    actions.follow(reader, rubric)
    actions.follow(reader, Tag.objects.get(slug="kopi"))
    actions.follow(reader, topic)
    expected = [everything.pk, on_topic.pk, tagged.pk, in_rubric.pk, by_writer.pk]
    assert feed_ids(reader) == expected
    assert unrelated.pk not in expected
    # A followed sub-category takes only its own articles.
    actions.unfollow(reader, rubric)
    assert in_rubric.pk not in feed_ids(reader)
    actions.follow(reader, sekolah)
    assert feed_ids(reader) == expected
    page = html(signed_in(reader).get("/mengikuti"))
    assert [a.text for a in page.select(".cards .card-title a")][:2] == ["Semuanya", "Bertopik"]


def test_few_and_many_follows_give_the_same_feed(
    reader: User, editor: User, monkeypatch: Any
) -> None:
    """Up to FEW follows the page is merged from one range per follow, beyond it the
    latest articles are scanned: both give the same pages."""
    writer, other = make_writer("penulis7"), make_writer("penulis8")
    topic = open_topic(editor)
    now = timezone.now()
    for number in range(7):
        article = publish(
            other if number % 2 else writer,
            f"Artikel {number}",
            category="sekolah" if number % 3 == 0 else "bisnis",
            tags="kopi" if number % 4 == 0 else "",
            at=now - timedelta(hours=number),
        )
        if number == 5:
            actions.set_article_topic(other, article, topic)
    account_actions.follow(reader, writer)
    actions.follow(reader, category("sekolah"))
    actions.follow(reader, Tag.objects.get(slug="kopi"))
    actions.follow(reader, topic)
    merged = feed_ids(reader)
    monkeypatch.setattr(following, "FEW", 0)
    assert feed_ids(reader) == merged and len(merged) == len(set(merged)) >= 5
    # A scan window too short for a page: the page is read per kind, the same pages.
    monkeypatch.setattr(following, "WINDOW", 1)
    assert feed_ids(reader) == merged


def test_no_follows_is_an_empty_feed_at_once(reader: User, django_assert_num_queries: Any) -> None:
    publish(make_writer("penulis9"), "Sendiri")
    with django_assert_num_queries(1):
        assert following.feed_page(reader, None).items == []


def test_the_feed_costs_the_same_queries_whatever_the_number_of_follows(
    reader: User, editor: User, django_assert_num_queries: Any
) -> None:
    writer = make_writer("penulis9")
    publish(writer, "Satu", tags="kopi, teh")
    account_actions.follow(reader, writer)
    client = signed_in(reader)
    client.get("/mengikuti")  # the session and menus warmed up

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        pagecache.touch(pagecache.FEED, reader.pk)  # rendered afresh, not the kept page
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/mengikuti").status_code == 200
        return len(captured)

    few = count()
    for number in range(40):
        actions.follow(reader, Tag.objects.create(name=f"t{number}", slug=f"t{number}"))
    for found in Category.objects.all():
        actions.follow(reader, found)
    actions.follow(reader, open_topic(editor))
    for number in range(30):
        account_actions.follow(reader, make_writer(f"penulis_{number}"))
    # Seventy-odd quiet follows: the bounded scan finds less than a page, so the page is
    # read per kind as well; one query more, however many follows.
    assert count() == few + 1
    for number in range(30, 60):
        account_actions.follow(reader, make_writer(f"penulis_{number}"))
    assert count() == few + 1
    api = api_for(reader)
    # The token, the follows, the scan, the page's ids per kind, its cards.
    with django_assert_num_queries(5):
        assert api.get("/me/feed").status_code == 200


def test_follow_buttons_on_rubric_tag_and_topic_pages(reader: User, editor: User) -> None:
    publish(make_writer("penulis3"), "Kopi pagi", tags="kopi")
    open_topic(editor)
    rubric = category("sekolah").parent
    assert rubric is not None
    for url, kind, slug in [
        (rubric.get_absolute_url(), "category", rubric.slug),
        ("/tag/kopi", "tag", "kopi"),
        ("/topik/hari-guru", "topic", "hari-guru"),
    ]:
        anonymous = html(Client().get(url))
        assert anonymous.select("p.follow a[href^='/masuk']"), url
        client = signed_in(reader)
        form = html(client.get(url)).one("form.follow")
        assert form.get("action") == f"/ikuti/{kind}/{slug}"
        answer = client.post(form.get("action"), {"action": "follow", "next": url})
        assert answer.status_code == 302 and answer["Location"] == url
        assert (
            html(client.get(url)).one("form.follow input[name=action]").get("value") == "unfollow"
        )
        client.post(form.get("action"), {"action": "unfollow"})
    assert not Follow.objects.filter(follower=reader).exists()
    assert Client().post("/ikuti/tag/kopi")["Location"].startswith("/masuk")
    assert signed_in(reader).post("/ikuti/apa/kopi").status_code == 404
    assert signed_in(reader).post("/ikuti/tag/tidak-ada").status_code == 404
    assert signed_in(reader).get("/ikuti/tag/kopi").status_code == 405
    # Every new topic, from the topics page.
    signed_in(reader).post("/ikuti/topics", {"action": "follow"})
    assert Follow.objects.filter(follower=reader, kind="topics").exists()


def test_the_list_of_what_one_follows(reader: User, editor: User, moderator: User) -> None:
    writer = make_writer("penulis4")
    publish(writer, "Kopi", tags="kopi")
    account_actions.follow(reader, writer)
    actions.follow(reader, Tag.objects.get(slug="kopi"))
    actions.follow(reader, category("sekolah"))
    actions.follow(reader, open_topic(editor))
    actions.follow(reader, None)
    assert Client().get("/mengikuti/daftar")["Location"].startswith("/masuk")
    page = html(signed_in(reader).get("/mengikuti/daftar"))
    headings = [h.text for h in page.select("h2")]
    assert len(headings) == 5
    assert len(page.select("main form button.secondary")) == 5
    # Another person sees their own (empty) list, never someone else's.
    other = html(signed_in(moderator).get("/mengikuti/daftar"))
    assert not other.select("main form button.secondary") and other.select(".empty")


def test_follows_through_the_api(reader: User, editor: User, anon_api: Api) -> None:
    publish(make_writer("penulis5"), "Kopi", tags="kopi")
    open_topic(editor)
    api = api_for(reader)
    assert_error_shape(anon_api.get("/me/follows"), 401)
    assert_error_shape(anon_api.post("/me/follows", {"kind": "tag", "slug": "kopi"}), 401)
    first = api.post("/me/follows", {"kind": "tag", "slug": "kopi"})
    assert first.status_code == 201 and first.json()["kind"] == "tag"
    assert api.post("/me/follows", {"kind": "tag", "slug": "kopi"}).status_code == 200
    assert (
        api.post("/me/follows", {"kind": "category", "slug": "sekolah"}).json()["kind"]
        == "subcategory"
    )
    assert api.post("/me/follows", {"kind": "topic", "slug": "hari-guru"}).status_code == 201
    assert api.post("/me/follows", {"kind": "topics"}).status_code == 201
    assert_error_shape(api.post("/me/follows", {"kind": "topics", "slug": "x"}), 422, "slug")
    assert_error_shape(api.post("/me/follows", {"kind": "tag"}), 422, "slug")
    assert_error_shape(api.post("/me/follows", {"kind": "writer", "slug": "x"}), 422, "kind")
    assert_error_shape(api.post("/me/follows", {"kind": "tag", "slug": "tidak-ada"}), 404)
    assert_error_shape(api.post("/me/follows", {"kind": "tag", "slug": "a b"}), 422, "slug")
    listed = api.get("/me/follows?limit=2").json()
    assert len(listed["items"]) == 2 and listed["next_cursor"]
    rest = api.get(f"/me/follows?cursor={listed['next_cursor']}").json()["items"]
    assert len(listed["items"]) + len(rest) == 4
    assert api.delete("/me/follows/tag/kopi").status_code == 204
    assert api.delete("/me/follows/tag/kopi").status_code == 204
    assert api.delete("/me/follows/topics").status_code == 204
    assert_error_shape(api.delete("/me/follows/writer/kopi"), 422)
    assert Follow.objects.filter(follower=reader).count() == 2


def test_a_listed_follow_names_itself_to_unfollow(reader: User) -> None:
    # GET says "rubric" or "subcategory" of a category: the same kind and slug unfollow
    # it, and follow it again (a client's round trip; the API fuzzer's stateful links).
    api = api_for(reader)
    sub, rubric = category("sekolah"), category("sekolah").parent
    assert rubric is not None
    for target in (sub, rubric):
        assert api.post("/me/follows", {"kind": "category", "slug": target.slug}).status_code == 201
    for item in api.get("/me/follows").json()["items"]:
        assert api.delete(f"/me/follows/{item['kind']}/{item['slug']}").status_code == 204
        again = api.post("/me/follows", {"kind": item["kind"], "slug": item["slug"]})
        assert again.status_code == 201 and again.json()["kind"] == item["kind"]
    kinds = sorted(item["kind"] for item in api.get("/me/follows").json()["items"])
    assert kinds == ["rubric", "subcategory"]
    # A kind that does not fit the slug is nothing to follow.
    assert_error_shape(api.post("/me/follows", {"kind": "rubric", "slug": sub.slug}), 404)
    assert_error_shape(api.post("/me/follows", {"kind": "subcategory", "slug": rubric.slug}), 404)


def test_at_most_so_many_follows(reader: User, monkeypatch: Any) -> None:
    monkeypatch.setattr(actions, "FOLLOWS_MAX", 1)
    actions.follow(reader, category("sekolah"))
    publish(make_writer("penulis6"), "Kopi", tags="kopi")
    answer = api_for(reader).post("/me/follows", {"kind": "tag", "slug": "kopi"})
    assert_error_shape(answer, 409)


# --- notification preferences -----------------------------------------------------------


def test_switched_off_kinds_are_not_created(reader: User, writer: User) -> None:
    notifications.set_switched_off(reader, {"follower", "moderation"})
    account_actions.follow(reader, writer)  # writer is told
    account_actions.follow(writer, reader)  # reader switched "follower" off
    assert not Notification.objects.filter(recipient=reader, kind="follower").exists()
    assert Notification.objects.filter(recipient=writer, kind="follower").exists()
    notifications.notify(reader, "moderation", "Keputusan moderasi.")
    assert Notification.objects.filter(recipient=reader, kind="moderation").exists()
    assert notifications.notify_many([reader.pk, writer.pk], "follower", "Halo") == 1


def test_the_settings_page(reader: User, moderator: User) -> None:
    assert Client().get("/notifikasi/pengaturan")["Location"].startswith("/masuk")
    client = signed_in(reader)
    boxes = html(client.get("/notifikasi/pengaturan")).select("input[name=on]")
    values = [box.get("value") for box in boxes]
    assert "moderation" not in values and "new_topic" in values
    assert all(box.get("checked") is not None for box in boxes)
    kept_on = [value for value in values if value != "comment"]
    assert client.post("/notifikasi/pengaturan", {"on": kept_on}).status_code == 302
    assert notifications.switched_off(reader) == {"comment"}
    assert notifications.switched_off(moderator) == set()
    assert client.post("/notifikasi/pengaturan", {"on": ["moderation"]}).status_code == 400
    assert client.post("/notifikasi/pengaturan", {"on": ["<script>"]}).status_code == 400
    assert notifications.switched_off(reader) == {"comment"}


def test_preferences_through_the_api(reader: User, anon_api: Api) -> None:
    api = api_for(reader)
    assert_error_shape(anon_api.get("/notifications/preferences"), 401)
    body = api.get("/notifications/preferences").json()
    assert body["switched_off"] == [] and all(kind["on"] for kind in body["kinds"])
    changed = api.put("/notifications/preferences", {"switched_off": ["reply", "new_topic"]})
    assert changed.status_code == 200 and changed.json()["switched_off"] == ["new_topic", "reply"]
    assert_error_shape(api.put("/notifications/preferences", {"switched_off": ["moderation"]}), 422)
    assert_error_shape(api.put("/notifications/preferences", {"switched_off": "reply"}), 422)
    assert_error_shape(api.put("/notifications/preferences", {}), 422)
    assert api.put("/notifications/preferences", {"switched_off": []}).json()["switched_off"] == []
