"""Topics set by editors ("Topik Pilihan"): pages, API, joining from the writing page,
and who may do what (anonymous, another user, the writer, an editor, a moderator)."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from wacana.accounts.models import User
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import draft, fresh, publish
from wacana.testing.html import html
from wacana.testing.images import image_bytes, upload
from wacana.testing.personas import make_moderator, make_writer, signed_in
from wacana.topics import actions
from wacana.topics.models import Follow, Kind, Topic, TopicArticle

pytestmark = pytest.mark.django_db


def make_topic(editor: User, slug: str = "hari-guru", *, opens: int = -1, closes: int = 7) -> Topic:
    now = timezone.now()
    return actions.save_topic(
        editor,
        None,
        {
            "title": "Hari Guru",
            "slug": slug,
            "description": "Tulis tentang guru yang Anda kenang.",
            "opens_at": now + timedelta(days=opens),
            "closes_at": now + timedelta(days=closes),
        },
    )


def topic_payload(**extra: Any) -> dict[str, Any]:
    now = timezone.now()
    return {
        "title": "Musim Hujan",
        "description": "Cerita dari musim hujan.",
        "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=14)).isoformat(),
        **extra,
    }


# --- the API ------------------------------------------------------------------------------


def test_only_editors_create_and_change_topics(
    anon_api: Api, reader_api: Api, mod_api: Api, editor_api: Api
) -> None:
    assert_error_shape(anon_api.post("/topics", topic_payload()), 401)
    assert_error_shape(reader_api.post("/topics", topic_payload()), 403)
    assert_error_shape(mod_api.post("/topics", topic_payload()), 403)
    created = editor_api.post("/topics", topic_payload())
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["slug"] == "musim-hujan" and body["is_open"] is True
    assert_error_shape(reader_api.patch("/topics/musim-hujan", {"title": "X"}), 403)
    changed = editor_api.patch("/topics/musim-hujan", {"title": "Musim Hujan di Bogor"})
    assert changed.status_code == 200 and changed.json()["title"] == "Musim Hujan di Bogor"
    assert anon_api.get("/topics/musim-hujan").json()["title"] == "Musim Hujan di Bogor"
    assert_error_shape(editor_api.post("/topics", topic_payload()), 422, "slug")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"description": "d" * 301}, "description"),
        ({"slug": "Bukan Slug"}, "slug"),
        ({"opens_at": "kemarin"}, "opens_at"),
        ({"closes_at": (timezone.now() - timedelta(days=9)).isoformat()}, "closes_at"),
        ({"closes_at": (timezone.now() + timedelta(days=800)).isoformat()}, "closes_at"),
    ],
)
def test_bad_topics_are_refused_with_a_sentence(editor_api: Api, change: Any, field: str) -> None:
    body = assert_error_shape(editor_api.post("/topics", topic_payload(**change)), 422, field)
    assert body["errors"][field][0]


def test_upcoming_topics_are_for_editors_only(
    editor: User, anon_api: Api, editor_api: Api, reader_api: Api
) -> None:
    make_topic(editor, "nanti", opens=2, closes=9)
    assert_error_shape(anon_api.get("/topics/nanti"), 404)
    assert_error_shape(reader_api.get("/topics/nanti"), 404)
    assert editor_api.get("/topics/nanti").status_code == 200
    assert [t["slug"] for t in anon_api.get("/topics").json()["items"]] == []
    assert [t["slug"] for t in editor_api.get("/topics").json()["items"]] == ["nanti"]


def test_a_writer_attaches_their_own_article_while_the_topic_is_open(editor: User) -> None:
    open_topic = make_topic(editor, "buka")
    closed = make_topic(editor, "tutup", opens=-9, closes=-1)
    upcoming = make_topic(editor, "nanti", opens=1, closes=9)
    owner = make_writer("pemilik")
    other = make_writer("lainnya")
    article = publish(owner, "Guru saya")
    owner_api, other_api = api_for(owner), api_for(other)
    path = f"/articles/{article.pk}/topic"
    assert_error_shape(Api(Client()).put(path, {"topic": "buka"}), 401)
    assert_error_shape(other_api.put(path, {"topic": "buka"}), 403)
    assert_error_shape(api_for(editor).put(path, {"topic": "buka"}), 403)
    assert_error_shape(api_for(make_moderator()).put(path, {"topic": "buka"}), 403)
    closed_answer = assert_error_shape(owner_api.put(path, {"topic": "tutup"}), 409, "topic")
    assert "closed" in closed_answer["detail"] or "ditutup" in closed_answer["detail"]
    assert_error_shape(owner_api.put(path, {"topic": "nanti"}), 422, "topic")
    assert_error_shape(owner_api.put(path, {"topic": "tidak-ada"}), 422, "topic")
    assert_error_shape(owner_api.put(path, {"topic": ""}), 422, "topic")
    assert_error_shape(owner_api.put(path, {"topic": 5}), 422, "topic")
    answer = owner_api.put(path, {"topic": "buka"})
    assert answer.status_code == 200 and answer.json()["topic"]["slug"] == "buka"
    assert TopicArticle.objects.get(article=article).topic == open_topic
    assert Api(Client()).get(path).json()["topic"]["slug"] == "buka"
    assert_error_shape(owner_api.get("/articles/999999999/topic"), 404)
    assert_error_shape(
        owner_api.put("/articles/99999999999999999999/topic", {"topic": "buka"}), 404
    )
    # Leaving is allowed at any time; someone else may not take it off.
    assert_error_shape(other_api.delete(path), 403)
    assert owner_api.delete(path).status_code == 204
    assert not TopicArticle.objects.filter(article=article).exists()
    assert closed.pk and upcoming.pk


def test_topic_articles_latest_and_top_rated_with_keyset_pages(
    editor: User, anon_api: Api, django_assert_max_num_queries: Any
) -> None:
    topic = make_topic(editor)
    writer = make_writer("penulis1")
    articles = [publish(writer, f"Artikel {n}") for n in range(5)]
    for number, article in enumerate(articles):
        actions.set_article_topic(writer, article, topic)
        article.rating_score = number * 3 % 5
        article.save(update_fields=["rating_score"])
    hidden = draft(writer, "Draf")
    actions.set_article_topic(writer, hidden, topic)
    latest = anon_api.get("/topics/hari-guru/articles?limit=2").json()
    seen = [item["id"] for item in latest["items"]]
    while latest["next_cursor"]:
        latest = anon_api.get(
            f"/topics/hari-guru/articles?limit=2&cursor={latest['next_cursor']}"
        ).json()
        seen += [item["id"] for item in latest["items"]]
    assert seen == [a.pk for a in reversed(articles)]
    top = anon_api.get("/topics/hari-guru/articles?order=top_rated").json()["items"]
    scores = [fresh_score(item["id"]) for item in top]
    assert scores == sorted(scores, reverse=True) and hidden.pk not in [i["id"] for i in top]
    assert_error_shape(anon_api.get("/topics/hari-guru/articles?order=acak"), 422, "order")
    assert_error_shape(anon_api.get("/topics/hari-guru/articles?cursor=rusak"), 422, "cursor")
    client = Client()
    # The topic, its page of articles, the rubric menu: the same for any number of articles.
    with django_assert_max_num_queries(3):
        assert client.get("/topik/hari-guru").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/topik/hari-guru?urut=nilai").status_code == 200


def fresh_score(pk: int) -> int:
    from wacana.articles.models import Article

    return Article.objects.get(pk=pk).rating_score


def test_topic_picture_through_the_api(editor_api: Api, reader_api: Api, editor: User) -> None:
    make_topic(editor)
    assert_error_shape(reader_api.upload("/topics/hari-guru/picture", "a.png", image_bytes()), 403)
    assert_error_shape(
        editor_api.upload("/topics/hari-guru/picture", "a.png", b"bukan gambar"), 415
    )
    done = editor_api.upload("/topics/hari-guru/picture", "a.png", image_bytes())
    assert done.status_code == 200 and done.json()["picture"].endswith(".webp")


# --- pages --------------------------------------------------------------------------------


def test_topic_pages_by_role(editor: User, moderator: User, reader: User) -> None:
    make_topic(editor)
    anonymous = Client()
    assert anonymous.get("/topik").status_code == 200
    assert anonymous.get("/topik/hari-guru").status_code == 200
    assert anonymous.get("/topik/tidak-ada").status_code == 404
    assert anonymous.get("/topik/hari-guru?cursor=rusak").status_code == 404
    assert anonymous.get("/topik/baru")["Location"].startswith("/masuk")
    for person in (reader, moderator):
        assert signed_in(person).get("/topik/baru").status_code == 403
        assert signed_in(person).get("/topik/hari-guru/sunting").status_code == 403
        assert signed_in(person).post("/topik/baru", {"title": "X"}).status_code == 403
    page = signed_in(editor).get("/topik/baru")
    assert page.status_code == 200
    now = timezone.localtime().replace(tzinfo=None)
    posted = signed_in(editor).post(
        "/topik/baru",
        {
            "title": "Kota Kita",
            "description": "Tentang kota tempat Anda tinggal.",
            "opens_at": (now - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "picture": upload(),
        },
    )
    assert posted.status_code == 302, posted.content
    topic = Topic.objects.get(slug="kota-kita")
    assert topic.picture and topic.created_by == editor
    bad = signed_in(editor).post("/topik/baru", {"title": "", "opens_at": "kemarin"})
    assert bad.status_code == 400
    assert html(bad).select(".error")


def test_the_writing_page_joins_a_topic_and_refuses_a_closed_one(
    editor: User, writer: User
) -> None:
    open_topic = make_topic(editor, "buka")
    closed = make_topic(editor, "tutup", opens=-9, closes=-1)
    client = signed_in(writer)
    page = client.get("/tulis")
    options = [o.get("value") for o in html(page).select("select[name=topic] option")]
    assert options == ["", "buka"]
    data = {"title": "Guru pertama saya", "category": "sekolah", "body": "Isi.", "topic": "buka"}
    saved = client.post("/tulis", data)
    assert saved.status_code == 302
    article = TopicArticle.objects.get(topic=open_topic).article
    refused = client.post(f"/tulis/{article.pk}", {**data, "topic": "tutup"})
    assert refused.status_code == 409
    assert "tutup" not in str(TopicArticle.objects.get(article=article).topic.slug)
    assert (
        html(refused).select(".form-errors, .errors, [role=alert]")
        or b"Hari Guru" in refused.content
    )
    missing = client.post(f"/tulis/{article.pk}", {**data, "topic": "tidak-ada"})
    assert missing.status_code == 422
    # An editor editing the writer's article sees no topic choice and cannot move it.
    assert not html(signed_in(editor).get(f"/tulis/{article.pk}")).select("select[name=topic]")
    staff = signed_in(editor).post(f"/tulis/{article.pk}", {**data, "topic": ""})
    assert staff.status_code == 403
    assert TopicArticle.objects.filter(article=article).exists()
    # Without the field (another page, the API) the topic stays.
    kept = client.post(f"/tulis/{article.pk}", {k: v for k, v in data.items() if k != "topic"})
    assert kept.status_code == 302 and TopicArticle.objects.filter(article=article).exists()
    assert closed.pk


def test_join_from_the_topic_page(editor: User, writer: User, reader: User) -> None:
    make_topic(editor)
    article = publish(writer, "Guru saya")
    assert (
        signed_in(reader).post("/topik/hari-guru/ikut", {"article": article.pk}).status_code == 403
    )
    assert signed_in(writer).post("/topik/hari-guru/ikut", {"article": "x"}).status_code == 302
    assert signed_in(writer).post("/topik/hari-guru/ikut", {"article": "99999"}).status_code == 404
    assert (
        signed_in(writer).post("/topik/hari-guru/ikut", {"article": article.pk}).status_code == 302
    )
    assert TopicArticle.objects.filter(article=article).exists()
    listed = html(Client().get("/topik/hari-guru")).select(".cards .card-title a")
    assert [a.text for a in listed] == ["Guru saya"]


def test_home_shows_open_topics(editor: User) -> None:
    make_topic(editor, "buka")
    make_topic(editor, "tutup", opens=-9, closes=-1)
    titles = html(Client().get("/")).select("#topik-pilihan ~ ul .card-title a")
    assert [a.get("href") for a in titles] == ["/topik/buka"]


def test_followers_of_the_topics_are_told_when_one_opens(editor: User, reader: User) -> None:
    actions.follow(reader, None)
    quiet = make_writer("diam")
    topic = make_topic(editor)
    actions.announce(topic.pk)
    actions.announce(topic.pk)  # run again: nobody is told twice
    assert Notification.objects.filter(recipient=reader, kind="new_topic").count() == 1
    assert not Notification.objects.filter(recipient=quiet).exists()
    assert fresh_topic(topic).announced
    later = make_topic(editor, "nanti", opens=1, closes=9)
    assert actions.announce(later.pk) == 0  # not open yet: the worker's later run tells


def fresh_topic(topic: Topic) -> Topic:
    return Topic.objects.get(pk=topic.pk)


def test_follow_rows_hold_their_kind(reader: User, editor: User) -> None:
    topic = make_topic(editor)
    assert actions.follow(reader, topic) and not actions.follow(reader, topic)
    assert Follow.objects.get(follower=reader).kind == Kind.TOPIC
    assert actions.unfollow(reader, topic) and not actions.unfollow(reader, topic)
    assert fresh(publish(make_writer("penulis2"))).pk


@pytest.mark.parametrize("slug", ["a%00b", "%C3%A9t%C3%A9", "x" * 101, "a%20b"])
def test_hostile_slugs_are_404(editor_api: Api, anon_api: Api, slug: str) -> None:
    assert_error_shape(anon_api.get(f"/topics/{slug}"), 404)
    assert_error_shape(anon_api.get(f"/topics/{slug}/articles"), 404)
    assert_error_shape(editor_api.patch(f"/topics/{slug}", {"title": "X"}), 404)
    assert_error_shape(editor_api.delete(f"/me/follows/tag/{slug}"), 404)
