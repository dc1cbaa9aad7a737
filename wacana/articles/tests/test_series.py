"""Series ("Seri", issue 16): a writer's ordered group of their own articles, on the
pages (without JavaScript) and in the API; who may see and change what."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles import series as series_actions
from wacana.articles.forms import SeriesForm
from wacana.articles.models import SERIES_PARTS_MAX, Article, Series
from wacana.articles.privacy import personal_data_of, remove_all_of
from wacana.conftest import warm_frame
from wacana.lib import pagecache
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import draft, fresh, publish
from wacana.testing.html import html
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db


def series_of(
    writer: User, count: int, name: str = "Catatan dari Flores"
) -> tuple[Series, list[Article]]:
    series = series_actions.create_series(writer, name)
    parts = [publish(writer, title=f"Bagian {n}") for n in range(1, count + 1)]
    series_actions.set_parts(series, [a.pk for a in parts])
    return series, parts


def test_each_public_part_shows_its_place_and_walks_to_the_next(writer: User) -> None:
    _series, parts = series_of(writer, 5)
    page = html(Client().get(parts[1].get_absolute_url()))
    line = " ".join(page.one("article .thread-line").text.split())
    assert line == "Seri “Catatan dari Flores” · bagian 2 dari 5"
    steps = page.one("nav.series-steps")
    assert steps.one("a[rel=prev]")["href"] == parts[0].get_absolute_url()
    assert steps.one("a[rel=next]")["href"] == parts[2].get_absolute_url()
    first = html(Client().get(parts[0].get_absolute_url())).one("nav.series-steps")
    assert not first.select("a[rel=prev]")
    # A part taken back to draft is skipped and not counted, for every reader at once.
    actions.unpublish_article(writer, parts[2])
    page = html(Client().get(parts[1].get_absolute_url()))
    assert page.one("nav.series-steps a[rel=next]")["href"] == parts[3].get_absolute_url()
    assert "4" in page.select(".thread-line")[-1].text
    last = html(Client().get(parts[4].get_absolute_url()))
    assert "4" in last.select(".thread-line")[-1].text  # part 4 of 4
    assert not last.select("nav.series-steps a[rel=next]")


def test_reordering_moves_the_links(writer: User) -> None:
    series, parts = series_of(writer, 3)
    before = fresh(parts[2]).changed_at
    series_actions.move_part(series, parts[2].pk, 1)
    assert series_actions.part_ids(series) == [parts[2].pk, parts[0].pk, parts[1].pk]
    assert fresh(parts[2]).changed_at == before  # not an edit of the article
    page = html(Client().get(parts[0].get_absolute_url()))
    assert page.one("nav.series-steps a[rel=prev]")["href"] == parts[2].get_absolute_url()


def test_the_series_page_lists_the_parts_in_order(
    writer: User, reader: User, moderator: User
) -> None:
    series, _parts = series_of(writer, 3)
    hidden = draft(writer, title="Bagian rahasia")
    series_actions.add_part(series, hidden.pk)
    url = series.get_absolute_url()
    assert url == f"/{writer.username}/seri/{series.pk}/catatan-dari-flores"
    titles = [a.text for a in html(Client().get(url)).select(".card-title a")]
    assert titles == ["Bagian 1", "Bagian 2", "Bagian 3"]
    for who in (writer, moderator):
        titles = [a.text for a in html(signed_in(who).get(url)).select(".card-title a")]
        assert titles[-1] == "Bagian rahasia"
    assert "Bagian rahasia" not in signed_in(reader).get(url).content.decode()
    short = Client().get(f"/{writer.username}/seri/{series.pk}")
    assert short.status_code == 301 and short["Location"] == url
    # Renamed: the old address leads to the new one.
    series_actions.change_series(series, name="Jejak Flores")
    moved = Client().get(url)
    assert moved.status_code == 301 and moved["Location"].endswith("/jejak-flores")


def test_a_series_without_a_public_part_is_not_found_for_others(
    writer: User, reader: User, moderator: User
) -> None:
    series = series_actions.create_series(writer, "Belum terbit")
    series_actions.set_parts(series, [draft(writer).pk])
    url = series.get_absolute_url()
    assert Client().get(url).status_code == 404
    assert signed_in(reader).get(url).status_code == 404
    assert signed_in(writer).get(url).status_code == 200
    assert signed_in(moderator).get(url).status_code == 200


def test_the_article_page_query_count_does_not_grow_with_the_series(writer: User) -> None:
    def count(article: Article) -> int:
        client = Client()
        warm_frame(client)
        client.get(article.get_absolute_url())
        pagecache.forget()  # the render's queries, not a kept page's one
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(queries)

    plain = publish(writer, title="Lepas")
    _, small = series_of(writer, 2, "Kecil")
    _, large = series_of(make_user("penulis2"), 30, "Besar")
    assert count(small[1]) == count(large[15]) == count(plain) + 1


# --- the pages, without JavaScript ------------------------------------------------------


def test_a_writer_builds_a_series_on_the_pages(writer: User) -> None:
    client = signed_in(writer)
    parts = [publish(writer, title=f"Bagian {n}") for n in range(1, 4)]
    made = client.post("/tulis/seri", {"name": "Catatan dari Flores"})
    assert made.status_code == 302
    series = Series.objects.get(owner=writer)
    edit = made["Location"]
    assert edit == f"/tulis/seri/{series.pk}"
    for article in parts:
        assert client.post(edit, {"intent": "add", "article": article.pk}).status_code == 302
    assert series_actions.part_ids(series) == [a.pk for a in parts]
    client.post(edit, {"intent": "up", "article": parts[2].pk})
    assert series_actions.part_ids(series) == [parts[0].pk, parts[2].pk, parts[1].pk]
    client.post(edit, {"intent": "down", "article": parts[0].pk})
    assert series_actions.part_ids(series) == [parts[2].pk, parts[0].pk, parts[1].pk]
    client.post(edit, {"intent": "move", "article": parts[1].pk, "position": "1"})
    assert series_actions.part_ids(series) == [parts[1].pk, parts[2].pk, parts[0].pk]
    client.post(edit, {"intent": "remove", "article": parts[2].pk})
    assert series_actions.part_ids(series) == [parts[1].pk, parts[0].pk]
    assert fresh(parts[2]).series_id is None
    page = html(client.get(edit))
    assert len(page.select(".series-parts li")) == 2
    writing = html(client.get(f"/tulis/{parts[1].pk}")).one(".status-line")
    assert writing.one(f"a[href='{edit}']").text.endswith("“Catatan dari Flores”")
    writing = html(client.get(f"/tulis/{parts[2].pk}")).one(".status-line")
    assert writing.select("a[href='/tulis/seri']")
    assert [o["value"] for o in page.select("#add-article option")] == [str(parts[2].pk)]
    renamed = client.post(edit, {"intent": "rename", "name": "Jejak Flores", "description": ""})
    assert renamed.status_code == 302 and Series.objects.get().name == "Jejak Flores"
    assert client.post(edit, {"intent": "delete"}).status_code == 302
    assert not Series.objects.exists()
    assert fresh(parts[0]).series_id is None and fresh(parts[0]).series_position == 0


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"intent": "add", "article": "x"}, 422),
        ({"intent": "add", "article": ""}, 422),
        ({"intent": "move", "article": "PART", "position": "nol"}, 422),
        ({"intent": "remove", "article": "999999"}, 422),
        ({"intent": "hapus-semua"}, 422),
        ({"intent": "rename", "name": "   "}, 400),
        ({"intent": "rename", "name": "x" * 101}, 400),
    ],
)
def test_bad_input_on_the_edit_page_is_said(
    writer: User, data: dict[str, str], status: int
) -> None:
    series, parts = series_of(writer, 2)
    data = {k: (str(parts[0].pk) if v == "PART" else v) for k, v in data.items()}
    response = signed_in(writer).post(f"/tulis/seri/{series.pk}", data)
    assert response.status_code == status
    page = html(response)
    assert page.select(".messages li, .error, .form-errors")


def test_someone_elses_or_a_doubled_article_is_refused(writer: User, reader: User) -> None:
    series, parts = series_of(writer, 2)
    other = publish(reader, title="Punya orang")
    response = signed_in(writer).post(
        f"/tulis/seri/{series.pk}", {"intent": "add", "article": other.pk}
    )
    assert response.status_code == 422
    with pytest.raises(series_actions.SeriesRefused):
        series_actions.add_part(series, parts[0].pk)
    second = series_actions.create_series(writer, "Lain")
    with pytest.raises(series_actions.SeriesRefused, match="Catatan dari Flores"):
        series_actions.add_part(second, parts[0].pk)


def test_only_the_writer_changes_a_series(
    writer: User, reader: User, moderator: User, editor: User
) -> None:
    series, _parts = series_of(writer, 2)
    url = f"/tulis/seri/{series.pk}"
    anonymous = Client().post(url, {"intent": "delete"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/masuk")
    for who in (reader, moderator, editor):
        assert signed_in(who).post(url, {"intent": "delete"}).status_code == 403
        assert signed_in(who).get(url).status_code == 403
    assert Series.objects.filter(pk=series.pk).exists()
    assert signed_in(writer).get("/tulis/seri/999999").status_code == 404


def test_my_series_lists_them_with_counts(writer: User) -> None:
    series_of(writer, 3)
    page = html(signed_in(writer).get("/tulis/seri"))
    assert "Catatan dari Flores" in page.one(".dash-card").text
    empty = signed_in(writer).post("/tulis/seri", {"name": ""})
    assert empty.status_code == 400 and html(empty).select(".error")


# --- the API --------------------------------------------------------------------------


def test_the_api_builds_orders_and_deletes_a_series(writer: User, anon_api: Api) -> None:
    api = api_for(writer)
    parts = [publish(writer, title=f"Bagian {n}") for n in range(1, 4)]
    made = api.post("/series", {"name": "Catatan dari Flores", "description": "Tiga bagian."})
    assert made.status_code == 201, made.content
    series_id = made.json()["id"]
    assert made.json()["parts"] == []
    ordered = api.put(f"/series/{series_id}/articles", {"articles": [parts[2].pk, parts[0].pk]})
    assert ordered.status_code == 200, ordered.content
    assert [p["id"] for p in ordered.json()["parts"]] == [parts[2].pk, parts[0].pk]
    seen = anon_api.get(f"/series/{series_id}").json()
    assert seen["url"] == Series.objects.get().get_absolute_url()
    assert [p["title"] for p in seen["parts"]] == ["Bagian 3", "Bagian 1"]
    assert anon_api.get(f"/articles/{parts[2].pk}").json()["series_id"] == series_id
    assert anon_api.get(f"/articles/{parts[1].pk}").json()["series_id"] is None
    renamed = api.patch(f"/series/{series_id}", {"name": "Jejak Flores"})
    assert renamed.json()["name"] == "Jejak Flores"
    assert renamed.json()["description"] == "Tiga bagian."
    mine = api.get("/me/series").json()
    assert [s["name"] for s in mine["items"]] == ["Jejak Flores"]
    assert api.delete(f"/series/{series_id}").status_code == 204
    assert anon_api.get(f"/series/{series_id}").status_code == 404
    assert fresh(parts[2]).series_id is None


@pytest.mark.parametrize(
    "payload",
    [
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 101},
        {"name": 5},
        {"name": None},
        {"name": "Baik", "description": "x" * 301},
        {},
    ],
)
def test_the_api_refuses_bad_series_names(writer: User, payload: dict[str, Any]) -> None:
    answer = api_for(writer).post("/series", payload)
    assert_error_shape(answer, 422)
    assert not Series.objects.exists()


@pytest.mark.parametrize(
    "articles",
    [
        "OTHER",
        "DOUBLE",
        [True],
        ["1"],
        [0],
        [2**63],
        "nope",
        [None],
        list(range(1, 102)),
    ],
)
def test_the_api_refuses_bad_orders(writer: User, reader: User, articles: Any) -> None:
    series, parts = series_of(writer, 2)
    if articles == "OTHER":
        articles = [parts[0].pk, publish(reader, title="Punya orang").pk]
    elif articles == "DOUBLE":
        articles = [parts[0].pk, parts[0].pk]
    answer = api_for(writer).put(f"/series/{series.pk}/articles", {"articles": articles})
    assert_error_shape(answer, 422)
    assert series_actions.part_ids(series) == [a.pk for a in parts]


def test_the_api_lets_only_the_writer_change_a_series(
    writer: User, reader: User, moderator: User, anon_api: Api
) -> None:
    series, _parts = series_of(writer, 2)
    secret = draft(writer, title="Rahasia")
    series_actions.add_part(series, secret.pk)
    path = f"/series/{series.pk}"
    for api in (api_for(reader), api_for(moderator)):
        assert_error_shape(api.patch(path, {"name": "Milik saya"}), 403)
        assert_error_shape(api.put(path + "/articles", {"articles": []}), 403)
        assert_error_shape(api.delete(path), 403)
    for method, body in (("patch", {"name": "x"}), ("delete", None)):
        assert anon_api.call(method, path, body).status_code == 401
    assert [p["title"] for p in anon_api.get(path).json()["parts"]] == ["Bagian 1", "Bagian 2"]
    assert "Rahasia" in [p["title"] for p in api_for(moderator).get(path).json()["parts"]]
    assert "Rahasia" not in [p["title"] for p in api_for(reader).get(path).json()["parts"]]
    assert Series.objects.get().name == "Catatan dari Flores"


def test_the_series_listing_is_paged(writer: User) -> None:
    api = api_for(writer)
    for n in range(3):
        assert api.post("/series", {"name": f"Seri {n}"}).status_code == 201
    first = api.get("/me/series?limit=2").json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = api.get(f"/me/series?limit=2&cursor={first['next_cursor']}").json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None


# --- personal data ------------------------------------------------------------------------


def test_series_and_responses_are_in_the_export_and_go_with_the_account(
    writer: User, reader: User
) -> None:

    series, parts = series_of(writer, 2)
    response = publish(reader, title="Tanggapan", response_to=parts[0])
    assert fresh(parts[0]).response_count == 1
    mine = personal_data_of(writer, lambda name: name)
    assert mine["series"] == [
        {
            "id": series.pk,
            "name": "Catatan dari Flores",
            "description": "",
            "created_at": series.created_at.isoformat(),
            "article_ids": [a.pk for a in parts],
        }
    ]
    theirs = personal_data_of(reader, lambda name: name)
    assert theirs["articles"][0]["response_to"] == parts[0].pk
    # The responder leaves: the original's count follows.
    remove_all_of(reader)
    assert fresh(parts[0]).response_count == 0
    assert not Article.objects.filter(pk=response.pk).exists()
    remove_all_of(writer)
    assert not Series.objects.exists()


# --- the OpenAPI document -----------------------------------------------------------------


def test_the_document_states_the_forms_limits_and_links_a_new_series() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    for schema in ("SeriesIn", "SeriesPatch"):
        properties = schemas[schema]["properties"]
        for field in ("name", "description"):
            limit = getattr(SeriesForm.base_fields[field], "max_length", None)
            assert limit and properties[field]["maxLength"] == limit
    parts = schemas["SeriesPartsIn"]["properties"]["articles"]
    assert parts["maxItems"] == SERIES_PARTS_MAX
    assert parts["items"]["minimum"] == 1
    response_to = schemas["ArticleIn"]["properties"]["response_to"]["anyOf"][0]
    assert (response_to["type"], response_to["minimum"]) == ("integer", 1)
    assert {"response_to", "series_id"} <= set(schemas["ArticleSummary"]["properties"])
    links = document["paths"]["/api/v1/series"]["post"]["responses"]["201"]["links"]
    assert {link["parameters"]["series_id"] for link in links.values()} == {"$response.body#/id"}
    assert len(links) == 4


def test_the_series_pages_cost_the_same_whatever_their_length(writer: User) -> None:
    short, _ = series_of(writer, 2, "Pendek")
    long, _ = series_of(writer, 12, "Panjang")
    for other in range(3):
        series_actions.create_series(writer, f"Kosong {other}")

    def count(client: Client, url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for client in (Client(), signed_in(writer)):
        assert count(client, short.get_absolute_url()) == count(client, long.get_absolute_url())
    owner = signed_in(writer)
    assert count(owner, f"/tulis/seri/{short.pk}") == count(owner, f"/tulis/seri/{long.pk}")
    few = count(owner, "/tulis/seri")
    series_actions.create_series(writer, "Satu lagi")
    assert count(owner, "/tulis/seri") == few


@pytest.mark.parametrize(
    "payload",
    [{"name": ""}, {"name": None}, {"name": "x" * 101}, {"description": None}, {"name": ["a"]}],
)
def test_the_api_refuses_a_bad_rename(writer: User, payload: dict[str, Any]) -> None:
    series, _ = series_of(writer, 1)
    answer = api_for(writer).patch(f"/series/{series.pk}", payload)
    assert_error_shape(answer, 422)
    assert Series.objects.get().name == "Catatan dari Flores"


def test_an_unknown_series_is_not_found(writer: User, anon_api: Api) -> None:
    api = api_for(writer)
    assert_error_shape(api.get("/series/987654"), 404)
    for method in ("patch", "delete"):
        assert_error_shape(api.call(method, "/series/987654", {"name": "x"}), 404)
    assert_error_shape(api.put("/series/987654/articles", {"articles": []}), 404)
    assert_error_shape(anon_api.get("/series/987654"), 404)
    assert Client().get(f"/{writer.username}/seri/987654/apa-saja").status_code == 404
