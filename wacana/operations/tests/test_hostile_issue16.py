"""Hostile input to the features of issue 16 (responses, series, topics, follows,
notification settings, points), as anonymous, another user, the owner, a moderator and
an editor: never a 500, API refusals in the one error shape, and nothing saved changes
after a refused write."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wacana.articles import series as series_actions
from wacana.articles.models import Series
from wacana.testing.api import Api, api_for
from wacana.testing.content import draft, publish
from wacana.testing.personas import make_editor, make_moderator, make_reader, signed_in
from wacana.topics import actions as topic_actions
from wacana.topics.models import Follow, Topic

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000
BIG_ID = str(2**63)
WRONG_IDS = ["-1", "0", BIG_ID, str(2**64), "abc", "1e3", "１２", "%00", "9" * 30]
WRONG_STRINGS: list[Any] = ["", HUGE, ["a"], 12, None, {"a": 1}, True, "<script>x</script>"]
INVALID_STRINGS: list[Any] = ["", HUGE, ["a"], 12, None, {"a": 1}, True, "\x00"]
BAD_CURSORS = ["", "x", "%%%", HUGE[:5000], "eyJ4IjoxfQ", "0" * 200, "\u00ff\u00fe", "-1"]


def ok_page(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.content[:500])


def ok_api(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.content[:500])
    if 400 <= response.status_code < 500 and response.status_code != 405:
        body = response.json()
        assert isinstance(body.get("detail"), str) and body["detail"].strip(), body
        if "errors" in body:
            assert isinstance(body["errors"], dict)
            for messages in body["errors"].values():
                assert all(isinstance(m, str) and m for m in messages), body


class Cast:
    def __init__(self) -> None:
        self.owner = make_reader("pemilik")
        self.other = make_reader("orang_lain")
        self.moderator = make_moderator()
        self.editor = make_editor()
        self.article = publish(self.owner, title="Tulisan Asli")
        self.second = publish(self.owner, title="Tulisan Kedua")
        self.hidden = draft(self.owner, title="Masih Draf")
        self.series = series_actions.create_series(self.owner, "Seri Saya", "Tentang desa")
        series_actions.set_parts(self.series, [self.article.pk, self.second.pk])
        now = timezone.now()
        self.topic = topic_actions.save_topic(
            self.editor,
            None,
            {
                "title": "Hari Guru",
                "slug": "hari-guru",
                "description": "Tulis tentang guru.",
                "opens_at": now - timedelta(days=1),
                "closes_at": now + timedelta(days=7),
            },
        )

    def clients(self) -> dict[str, Client]:
        return {
            "anon": Client(),
            "other": signed_in(self.other),
            "owner": signed_in(self.owner),
            "moderator": signed_in(self.moderator),
            "editor": signed_in(self.editor),
        }

    def apis(self) -> dict[str, Api]:
        return {
            "anon": Api(Client()),
            "other": api_for(self.other),
            "owner": api_for(self.owner),
            "moderator": api_for(self.moderator),
            "editor": api_for(self.editor),
        }

    def series_state(self) -> tuple[str, str, list[int]]:
        found = Series.objects.get(pk=self.series.pk)
        return found.name, found.description, series_actions.part_ids(found)


@pytest.fixture
def cast() -> Cast:
    return Cast()


# --- pages ----------------------------------------------------------------------------------


def test_pages_get_hostile_params(cast: Cast) -> None:
    s = cast.series
    paths = [
        "/tulis",
        "/tulis/seri",
        f"/tulis/seri/{s.pk}",
        f"/{cast.owner.username}/seri/{s.pk}/{s.slug}",
        f"/{cast.owner.username}/seri/{s.pk}/salah-slug",
        f"/{cast.other.username}/seri/{s.pk}/{s.slug}",
        f"/{cast.owner.username}/seri/999999999999999999",
        "/topik",
        "/topik/baru",
        "/topik/hari-guru",
        "/topik/tidak-ada",
        "/topik/hari-guru/sunting",
        "/topik/tidak-ada/sunting",
        "/mengikuti",
        "/mengikuti/daftar",
        "/notifikasi/pengaturan",
        "/poin",
        "/poin/saya",
        "/peringkat",
    ]
    params: list[dict[str, Any]] = [
        {},
        *({"tanggapan": v} for v in [*WRONG_IDS, "", str(cast.hidden.pk), str(cast.article.pk)]),
        *({"cursor": c} for c in BAD_CURSORS),
        {"urut": "<script>"},
        {"urut": HUGE},
        {"periode": "tahun"},
        {"periode": HUGE},
        {"periode": ["minggu", "bulan"]},
        {"rubrik": "tidak-ada"},
        {"rubrik": HUGE},
        {"rubrik": "\x00"},
        {"periode": "bulan", "rubrik": ""},
    ]
    for who, client in cast.clients().items():
        for path in paths:
            for query in params:
                response = client.get(path, query)
                assert response.status_code < 500, (who, path, query, response.status_code)


def test_series_page_posts_refused_keep_the_series(cast: Cast) -> None:
    s = cast.series
    before = cast.series_state()
    bodies: list[dict[str, Any]] = [
        {},
        {"intent": ""},
        {"intent": "<script>"},
        {"intent": HUGE},
        {"intent": "rename", "name": "", "description": ""},
        {"intent": "rename", "name": HUGE, "description": HUGE},
        {"intent": "rename", "name": "\x00", "description": "\x00"},
        *({"intent": i, "article": a} for i in ("add", "remove", "up", "down") for a in WRONG_IDS),
        {"intent": "add", "article": str(cast.article.pk)},  # already in
        {"intent": "move", "article": str(cast.article.pk), "position": "0"},
        {"intent": "move", "article": str(cast.article.pk), "position": BIG_ID},
        {"intent": "move", "article": str(cast.article.pk), "position": "-3"},
        {"intent": "move", "article": str(cast.article.pk), "position": "abc"},
        {"intent": "up", "article": str(cast.article.pk)},  # already first
        {"intent": "down", "article": str(cast.second.pk)},  # already last
    ]
    for who, client in cast.clients().items():
        for body in bodies:
            response = client.post(f"/tulis/seri/{s.pk}", body)
            assert response.status_code < 500, (who, body, response.status_code)
            if who != "owner":
                assert response.status_code in (302, 403), (who, body, response.status_code)
        # Strangers may not delete or rename it.
        if who != "owner":
            for body in (
                {"intent": "delete"},
                {"intent": "rename", "name": "Dicuri", "description": ""},
                {"intent": "remove", "article": str(cast.article.pk)},
            ):
                response = client.post(f"/tulis/seri/{s.pk}", body)
                assert response.status_code in (302, 403), (who, body)
        assert cast.series_state()[0] == before[0]
    assert cast.series_state()[:2] == before[:2]
    for who, client in cast.clients().items():
        for name in ["", HUGE, "\x00"]:
            response = client.post("/tulis/seri", {"name": name, "description": HUGE})
            assert response.status_code < 500, (who, name[:10], response.status_code)
        for method in ("put", "delete", "patch"):
            assert getattr(client, method)(f"/tulis/seri/{s.pk}").status_code < 500
    assert Series.objects.count() == 1


def test_topic_page_posts(cast: Cast) -> None:
    before = Topic.objects.values().get(pk=cast.topic.pk)
    bad_forms: list[dict[str, Any]] = [
        {},
        {"title": HUGE, "slug": HUGE, "description": HUGE, "opens_at": HUGE, "closes_at": HUGE},
        {"title": "\x00", "slug": "\x00", "description": "<script>", "opens_at": "x"},
        {"title": "A", "slug": "a", "description": "b", "opens_at": "2027-01-01T00:00"},
        {"title": "A", "description": "b", "opens_at": "9999-12-31T23:59", "closes_at": "1-1-1"},
        {"title": "A", "description": "b", "opens_at": "2027-01-02", "closes_at": "2027-01-01"},
        {
            "title": "A",
            "description": "b",
            "opens_at": "0001-01-01T00:00",
            "closes_at": "0001-01-02T00:00",
        },
        {
            "title": "A",
            "description": "b",
            "opens_at": "9999-12-30T00:00",
            "closes_at": "9999-12-31T23:59",
        },
    ]
    # No one but its writer puts an article on a topic or takes it off.
    for who, client in cast.clients().items():
        if who == "owner":
            continue
        for action in ("join", "leave"):
            for target in (cast.article, cast.hidden):
                response = client.post(
                    "/topik/hari-guru/ikut", {"article": str(target.pk), "action": action}
                )
                assert response.status_code in (302, 403, 404), (who, response.status_code)
                if who != "anon":
                    assert response.status_code in (403, 404), (who, response.status_code)
                assert topic_actions.topic_of(target) is None, who
    for who, client in cast.clients().items():
        for form in bad_forms:
            for path in ("/topik/baru", "/topik/hari-guru/sunting", "/topik/tidak-ada/sunting"):
                response = client.post(path, form)
                assert response.status_code < 500, (who, path, form.keys(), response.status_code)
                if who not in ("editor",):
                    assert response.status_code in (302, 403, 404), (who, path)
        for article in [*WRONG_IDS, "", str(cast.article.pk), str(cast.hidden.pk)]:
            for action in ("join", "leave", HUGE):
                response = client.post(
                    "/topik/hari-guru/ikut", {"article": article, "action": action}
                )
                assert response.status_code < 500, (who, article, response.status_code)
        for method in ("put", "delete"):
            assert getattr(client, method)("/topik/hari-guru/ikut").status_code < 500
    after = Topic.objects.values().get(pk=cast.topic.pk)
    assert after == before
    # Only the editor's one valid form (year 9999) made a topic; its pages still answer.
    assert list(
        Topic.objects.exclude(pk=cast.topic.pk).values_list("opens_at__year", flat=True)
    ) == [9999]
    far = Topic.objects.exclude(pk=cast.topic.pk).get()
    for client in cast.clients().values():
        for path in (
            "/topik",
            f"/topik/{far.slug}",
            f"/topik/{far.slug}/sunting",
            "/api/v1/topics",
        ):
            assert client.get(path).status_code < 500, path


def test_follow_form_posts(cast: Cast) -> None:
    targets = [
        "/ikuti/category/sekolah",
        "/ikuti/tag/tidak-ada",
        "/ikuti/topic/hari-guru",
        "/ikuti/topic/tidak-ada",
        "/ikuti/topics",
        "/ikuti/apa/saja",
        "/ikuti/<script>",
        "/ikuti/topics/x",
        f"/ikuti/category/{'a' * 300}",
    ]
    for who, client in cast.clients().items():
        for path in targets:
            for body in (
                {},
                {"action": "unfollow"},
                {"action": HUGE, "next": HUGE},
                {"next": "https://jahat.example/"},
                {"next": "javascript:alert(1)"},
            ):
                response = client.post(path, body)
                assert response.status_code < 500, (who, path, response.status_code)
                if response.status_code == 302:
                    assert "jahat.example" not in response["Location"]
                    assert not response["Location"].startswith("javascript")
            assert client.get(path).status_code < 500
    # Redirects after following never send anyone off the site; anonymous follows nothing.
    assert not Follow.objects.filter(follower__isnull=True).exists()


def test_notification_settings_posts(cast: Cast) -> None:
    for who, client in cast.clients().items():
        for body in (
            {},
            {"on": HUGE},
            {"on": ["<script>", "\x00", "comment"] * 50},
            {"on": ""},
        ):
            response = client.post("/notifikasi/pengaturan", body)
            assert response.status_code < 500, (who, response.status_code)
        assert client.put("/notifikasi/pengaturan").status_code < 500
        assert client.post("/poin").status_code < 500
        assert client.post("/peringkat").status_code < 500
        assert client.post("/poin/saya").status_code < 500
        assert client.post("/mengikuti/daftar").status_code < 500


def test_write_response_form_post(cast: Cast) -> None:
    for who, client in cast.clients().items():
        for response_to in [*WRONG_IDS, "", str(cast.hidden.pk), HUGE]:
            response = client.post(
                "/tulis",
                {
                    "title": "Tanggapan",
                    "body": "Isi tanggapan.",
                    "category": "sekolah",
                    "response_to": response_to,
                    "intent": "save",
                },
            )
            assert response.status_code < 500, (who, response_to[:20], response.status_code)


# --- the API --------------------------------------------------------------------------------


def test_api_responses_and_response_to(cast: Cast) -> None:
    for who, api in cast.apis().items():
        for article_id in ["-1", "0", BIG_ID, "abc", str(cast.hidden.pk), str(cast.article.pk)]:
            for cursor in [None, *BAD_CURSORS]:
                path = f"/articles/{article_id}/responses"
                response = api.get(path if cursor is None else f"{path}?cursor={cursor}")
                ok_api(response)
            ok_api(api.get(f"/articles/{cast.article.pk}/responses?limit={BIG_ID}"))
            ok_api(api.get(f"/articles/{cast.article.pk}/responses?limit=-1"))
            ok_api(api.post(f"/articles/{cast.article.pk}/responses", {}))
        for value in [*WRONG_STRINGS, -1, 0, 2**63, 2**64, "1", cast.hidden.pk, 1.5]:
            response = api.post(
                "/articles",
                {"title": "T", "body": "Isi.", "category": "sekolah", "response_to": value},
            )
            ok_api(response)
            if response.status_code < 300:
                assert value in (None, cast.article.pk), (who, value)


def test_api_series(cast: Cast) -> None:
    s = cast.series
    before = cast.series_state()
    for who, api in cast.apis().items():
        for series_id in ["-1", "0", BIG_ID, "abc", str(s.pk)]:
            ok_api(api.get(f"/series/{series_id}"))
            for value in INVALID_STRINGS:
                ok_api(api.patch(f"/series/{series_id}", {"name": value}))
                if value != "":
                    ok_api(api.patch(f"/series/{series_id}", {"description": value}))
            if who != "owner":
                ok_api(api.patch(f"/series/{series_id}", {"name": "<script>x</script>"}))
            for parts in (
                None,
                {},
                {"articles": "1"},
                {"articles": [str(cast.article.pk)]},
                {"articles": [-1]},
                {"articles": [2**63]},
                {"articles": [2**64]},
                {"articles": [cast.article.pk, cast.article.pk]},
                {"articles": [1.5]},
                {"articles": [None]},
                {"articles": list(range(1, 5000))},
            ):
                ok_api(api.put(f"/series/{series_id}/articles", parts))
            ok_api(api.put(f"/series/{series_id}/articles", raw="[1,2]"))
            ok_api(api.put(f"/series/{series_id}/articles", raw=b"\xff\xfe"))
            ok_api(api.post(f"/series/{series_id}", {}))
            if who != "owner":
                ok_api(api.delete(f"/series/{series_id}"))
            assert cast.series_state() == before, (who, series_id)
        for value in INVALID_STRINGS:
            ok_api(api.post("/series", {"name": value, "description": value}))
        ok_api(api.post("/series", raw="null"))
        ok_api(api.post("/series", raw=HUGE))
        for cursor in BAD_CURSORS:
            ok_api(api.get(f"/me/series?cursor={cursor}"))
        ok_api(api.get(f"/me/series?limit={BIG_ID}"))
        ok_api(api.delete("/me/series"))
    assert Series.objects.count() == 1
    assert cast.series_state() == before


def test_api_topics(cast: Cast) -> None:
    before = Topic.objects.values().get(pk=cast.topic.pk)
    article = cast.article
    for who, api in cast.apis().items():
        for cursor in BAD_CURSORS:
            ok_api(api.get(f"/topics?cursor={cursor}"))
            ok_api(api.get(f"/topics/hari-guru/articles?cursor={cursor}"))
        for slug in ["tidak-ada", "HARI", "a" * 300, "%00", "<script>", "hari-guru"]:
            ok_api(api.get(f"/topics/{slug}"))
            ok_api(api.get(f"/topics/{slug}/articles?order=nilai"))
            for value in WRONG_STRINGS:
                for field in ("title", "slug", "description", "opens_at", "closes_at"):
                    response = api.patch(f"/topics/{slug}", {field: value})
                    ok_api(response)
                    if who != "editor":
                        assert response.status_code >= 400
            ok_api(api.post(f"/topics/{slug}/picture", {}))
            ok_api(api.delete(f"/topics/{slug}"))
        for value in WRONG_STRINGS:
            ok_api(api.post("/topics", {"title": value, "description": value, "opens_at": value}))
            ok_api(
                api.post(
                    "/topics",
                    {
                        "title": "T",
                        "description": "D",
                        "opens_at": "9999-12-31T23:59:59+14:00",
                        "closes_at": "9999-12-31T23:59:59-12:00",
                    },
                )
            )
            ok_api(
                api.post(
                    "/topics",
                    {
                        "title": "T",
                        "description": "D",
                        "opens_at": "0001-01-01T00:00:00+14:00",
                        "closes_at": "0001-01-02T00:00:00+00:00",
                    },
                )
            )
            ok_api(
                api.post(
                    "/topics",
                    {
                        "title": "T",
                        "description": "D",
                        "opens_at": "2027-01-01T00:00:00",
                        "closes_at": "2027-01-02T00:00:00",
                    },
                )
            )
        for article_id in ["-1", "0", BIG_ID, "abc", str(cast.hidden.pk), str(article.pk)]:
            ok_api(api.get(f"/articles/{article_id}/topic"))
            for value in [*WRONG_STRINGS, "tidak-ada"]:
                response = api.put(f"/articles/{article_id}/topic", {"topic": value})
                ok_api(response)
                assert response.status_code >= 400
            if who not in ("owner",):
                ok_api(api.put(f"/articles/{article_id}/topic", {"topic": "hari-guru"}))
                ok_api(api.delete(f"/articles/{article_id}/topic"))
            if who != "editor":
                assert Topic.objects.values().get(pk=cast.topic.pk) == before, who
    assert not topic_actions.topic_of(cast.article)


def test_api_follows(cast: Cast) -> None:
    for who, api in cast.apis().items():
        for cursor in BAD_CURSORS:
            ok_api(api.get(f"/me/follows?cursor={cursor}"))
        for kind in [*WRONG_STRINGS, "category", "tag", "topic", "topics", "writer"]:
            for slug in [*WRONG_STRINGS, "tidak-ada", "sekolah", "hari-guru"]:
                ok_api(api.post("/me/follows", {"kind": kind, "slug": slug}))
        for kind in ["category", "tag", "topic", "topics", "x", "<script>"]:
            for slug in ["tidak-ada", "%00", "a" * 300, "sekolah", "hari-guru", "-"]:
                ok_api(api.delete(f"/me/follows/{kind}/{slug}"))
        ok_api(api.delete("/me/follows/topics"))
        ok_api(api.put("/me/follows", {}))
        ok_api(api.post("/me/follows", raw="[]"))
        if who == "anon":
            assert api.post("/me/follows", {"kind": "topics"}).status_code == 401
    # Every follow made above was of something real, and was undone above.
    assert not Follow.objects.exists()


def test_api_notification_preferences(cast: Cast) -> None:
    for who, api in cast.apis().items():
        before = api.get("/notifications/preferences")
        ok_api(before)
        for value in [
            *WRONG_STRINGS,
            [None],
            [1],
            ["<script>"],
            ["comment"] * 1000,
            [HUGE],
            ["\x00"],
        ]:
            response = api.put("/notifications/preferences", {"switched_off": value})
            ok_api(response)
        ok_api(api.put("/notifications/preferences", {}))
        ok_api(api.put("/notifications/preferences", raw="null"))
        ok_api(api.post("/notifications/preferences", {"switched_off": []}))
        after = api.get("/notifications/preferences")
        if before.status_code == 200:
            assert after.json() == before.json(), who


def test_api_points(cast: Cast) -> None:
    for who, api in cast.apis().items():
        assert api.get("/me/points").status_code == (401 if who == "anon" else 200)
        ok_api(api.get("/points/rules"))
        ok_api(api.post("/points/rules", {}))
        for cursor in BAD_CURSORS:
            ok_api(api.get(f"/me/points?cursor={cursor}"))
        ok_api(api.get(f"/me/points?limit={BIG_ID}"))
        ok_api(api.delete("/me/points"))
        for query in [
            "period=year",
            f"period={HUGE[:3000]}",
            "rubric=tidak-ada",
            f"rubric={HUGE[:3000]}",
            "rubric=%00",
            "rubric=<script>",
            "rubric=sekolah",
            "period=week&period=month",
            "rubric=",
        ]:
            ok_api(api.get(f"/leaderboards?{query}"))
        ok_api(api.post("/leaderboards", {}))


def test_non_utf8_query_strings(cast: Cast) -> None:
    client = signed_in(cast.owner)
    for path in [
        "/tulis",
        "/topik",
        "/peringkat",
        "/poin/saya",
        "/mengikuti",
        "/api/v1/leaderboards",
        "/api/v1/topics",
        "/api/v1/me/series",
    ]:
        for raw in ["tanggapan=%ff%fe", "cursor=%ff", "periode=%c0%80", "rubric=%ed%a0%80"]:
            response = client.get(f"{path}?{raw}")
            assert response.status_code < 500, (path, raw, response.status_code)


def test_unpublished_things_stay_hidden(cast: Cast) -> None:
    """A series of drafts only, a draft's responses and a topic still to come are not
    found by anyone but the writer (or the editors, for topics)."""
    drafts_only = series_actions.create_series(cast.owner, "Seri Draf", "")
    series_actions.set_parts(drafts_only, [cast.hidden.pk])
    extra = draft(cast.owner, title="Draf Kedua")
    series_actions.set_parts(cast.series, [cast.article.pk, extra.pk, cast.second.pk])
    now = timezone.now()
    upcoming = topic_actions.save_topic(
        cast.editor,
        None,
        {
            "title": "Belum Dibuka",
            "slug": "belum-dibuka",
            "description": "Nanti.",
            "opens_at": now + timedelta(days=3),
            "closes_at": now + timedelta(days=9),
        },
    )
    page = f"/{cast.owner.username}/seri/{drafts_only.pk}/{drafts_only.slug}"
    for who, api in cast.apis().items():
        series_answer = api.get(f"/series/{drafts_only.pk}")
        ok_api(series_answer)
        if who in ("anon", "other"):
            assert series_answer.status_code == 404, who
        shown = api.get(f"/series/{cast.series.pk}")
        assert shown.status_code == 200
        parts = [p["id"] for p in shown.json()["parts"]]
        assert (extra.pk in parts) == (who != "anon" and who != "other"), who
        responses = api.get(f"/articles/{cast.hidden.pk}/responses")
        ok_api(responses)
        topic_answer = api.get(f"/topics/{upcoming.slug}")
        ok_api(topic_answer)
        if who != "editor":
            if who in ("anon", "other"):  # staff read drafts, as everywhere
                assert responses.status_code == 404, who
            assert topic_answer.status_code == 404, who
            followed = api.post("/me/follows", {"kind": "topic", "slug": upcoming.slug})
            ok_api(followed)
            assert followed.status_code in (401, 404), who
            put = api.put(f"/articles/{cast.article.pk}/topic", {"topic": upcoming.slug})
            ok_api(put)
            assert put.status_code >= 400, who
    for who, client in cast.clients().items():
        answer = client.get(page)
        public = client.get(cast.series.get_absolute_url())
        assert public.status_code == 200, who
        if who in ("anon", "other"):
            assert answer.status_code == 404, who
            assert "Draf Kedua" not in public.content.decode(), who
        if who != "editor":
            assert client.get(f"/topik/{upcoming.slug}").status_code == 404, who
            posted = client.post(f"/ikuti/topic/{upcoming.slug}")
            assert posted.status_code in (302, 404), who
    assert not Follow.objects.filter(topic=upcoming).exists()
    assert topic_actions.topic_of(cast.article) is None


def test_odd_positions_and_pictures(cast: Cast) -> None:
    owner = signed_in(cast.owner)
    before = cast.series_state()
    for position in ("9999", "3", "0000", "1"):
        response = owner.post(
            f"/tulis/seri/{cast.series.pk}",
            {"intent": "move", "article": str(cast.second.pk), "position": position},
        )
        assert response.status_code < 500, (position, response.status_code)
    assert sorted(cast.series_state()[2]) == sorted(before[2])
    editor_api = api_for(cast.editor)
    editor = signed_in(cast.editor)
    for content in (b"", b"not an image", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, HUGE.encode()):
        ok_api(editor_api.upload("/topics/hari-guru/picture", "a.png", content))
        upload = SimpleUploadedFile("a.png", content, content_type="image/png")
        response = editor.post(
            "/topik/hari-guru/sunting",
            {
                "title": "Hari Guru",
                "slug": "hari-guru",
                "description": "Tulis tentang guru.",
                "opens_at": "2026-12-01T08:00",
                "closes_at": "2026-12-20T08:00",
                "picture": upload,
            },
        )
        assert response.status_code < 500, response.status_code
    assert not Topic.objects.get(pk=cast.topic.pk).picture
