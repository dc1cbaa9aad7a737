"""Ratings ("Beri Nilai"): the API, the no-JavaScript form on the article page, and the
counts the top-rated listing sorts by."""

import json
from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles import privacy as articles_privacy
from wacana.articles.models import Article, Rating, RatingKind
from wacana.conftest import warm_frame
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import draft, publish
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db

KINDS = [
    ("aktual", "Aktual"),
    ("bermanfaat", "Bermanfaat"),
    ("inspiratif", "Inspiratif"),
    ("menarik", "Menarik"),
    ("menghibur", "Menghibur"),
    ("unik", "Unik"),
    ("tidak_menarik", "Tidak Menarik"),
]


def stored(article: Article) -> tuple[dict[str, int], int]:
    fresh = Article.objects.get(pk=article.pk)
    return fresh.rating_counts, fresh.rating_score


# --- the API -----------------------------------------------------------------------------


def test_kinds_are_the_seven_in_order(anon_api: Api) -> None:
    response = anon_api.get("/ratings/kinds")
    assert response.status_code == 200
    assert [(k["code"], k["label"]) for k in response.json()] == KINDS


def test_rate_change_and_withdraw(writer: User, reader: User) -> None:
    article = publish(writer)
    api = api_for(reader)
    response = api.put(f"/articles/{article.pk}/rating", {"kind": "aktual"})
    assert response.status_code == 200, response.content
    assert response.json() == {"ratings": {"aktual": 1}}
    assert stored(article) == ({"aktual": 1}, 1)

    # PUT again replaces: still one rating per reader.
    response = api.put(f"/articles/{article.pk}/rating", {"kind": "tidak_menarik"})
    assert response.json() == {"ratings": {"tidak_menarik": 1}}
    assert Rating.objects.filter(article=article).count() == 1
    assert stored(article) == ({"tidak_menarik": 1}, 0)

    assert api.get(f"/articles/{article.pk}").json()["ratings"] == {"tidak_menarik": 1}

    for _ in range(2):  # idempotent
        assert api.delete(f"/articles/{article.pk}/rating").status_code == 204
    assert stored(article) == ({}, 0)
    assert not Rating.objects.exists()


def test_counts_and_score_are_exact_over_many_readers(writer: User) -> None:
    article = publish(writer)
    kinds = ["aktual", "aktual", "unik", "tidak_menarik", "tidak_menarik", "menarik"]
    readers = [make_user(f"pembaca{n}") for n in range(len(kinds))]
    for person, kind in zip(readers, kinds, strict=True):
        actions.rate_article(person, article, kind)
    assert stored(article) == (
        {"aktual": 2, "menarik": 1, "unik": 1, "tidak_menarik": 2},
        4,  # Tidak Menarik is not praise
    )
    actions.rate_article(readers[3], article, "inspiratif")
    actions.withdraw_rating(readers[0], article)
    actions.withdraw_rating(readers[0], article)
    assert stored(article) == (
        {"aktual": 1, "inspiratif": 1, "menarik": 1, "unik": 1, "tidak_menarik": 1},
        4,
    )
    assert Rating.objects.filter(article=article).count() == 5


def test_own_article_is_refused(writer: User) -> None:
    article = publish(writer)
    response = api_for(writer).put(f"/articles/{article.pk}/rating", {"kind": "unik"})
    assert_error_shape(response, 403)
    assert stored(article) == ({}, 0)
    with pytest.raises(actions.OwnArticle):
        actions.rate_article(writer, article, "unik")


def test_drafts_hidden_and_missing_articles_are_404(
    writer: User, reader: User, admin_user: User
) -> None:
    unpublished = draft(writer)
    hidden = publish(writer, "Yang disembunyikan")
    Article.objects.filter(pk=hidden.pk).update(status="hidden")
    for who in (reader, admin_user):
        api = api_for(who)
        for pk in (unpublished.pk, hidden.pk, 999_999):
            assert_error_shape(api.put(f"/articles/{pk}/rating", {"kind": "unik"}), 404)
            assert_error_shape(api.delete(f"/articles/{pk}/rating"), 404)
    assert not Rating.objects.exists()


def test_anonymous_is_401(anon_api: Api, writer: User) -> None:
    article = publish(writer)
    assert_error_shape(anon_api.put(f"/articles/{article.pk}/rating", {"kind": "unik"}), 401)
    assert_error_shape(anon_api.delete(f"/articles/{article.pk}/rating"), 401)


def test_another_readers_rating_is_left_alone(writer: User, reader: User) -> None:
    article = publish(writer)
    other = make_user("pembaca2")
    api_for(other).put(f"/articles/{article.pk}/rating", {"kind": "menghibur"})
    assert api_for(reader).delete(f"/articles/{article.pk}/rating").status_code == 204
    assert stored(article) == ({"menghibur": 1}, 1)


@pytest.mark.parametrize(
    ("raw", "status", "field"),
    [
        (json.dumps({"kind": "luar_biasa"}), 422, "kind"),
        (json.dumps({"kind": "Aktual"}), 422, "kind"),
        (json.dumps({"kind": ""}), 422, "kind"),
        (json.dumps({"kind": 3}), 422, "kind"),
        (json.dumps({"kind": ["aktual"]}), 422, "kind"),
        (json.dumps({"kind": None}), 422, "kind"),
        (json.dumps({}), 422, "kind"),
        (json.dumps({"kind": "aktual\x00"}), 422, "kind"),
        (json.dumps(["aktual"]), 400, None),
        ('{"kind": "aktual"', 400, None),
        ("", 422, None),
        (b"\xff\xfe", 400, None),
    ],
)
def test_bad_input_is_a_4xx_in_the_error_shape(
    writer: User, reader: User, raw: Any, status: int, field: str | None
) -> None:
    article = publish(writer)
    response = api_for(reader).put(f"/articles/{article.pk}/rating", raw=raw)
    assert_error_shape(response, status, field)
    assert stored(article) == ({}, 0)


def test_bad_ids_are_4xx(reader: User) -> None:
    api = api_for(reader)
    for pk in ("abc", "-1", "99999999999999999999999", "1.5"):
        response = api.put(f"/articles/{pk}/rating", {"kind": "unik"})
        assert 400 <= response.status_code < 500, (pk, response.content)


def test_top_rated_listing_follows_the_score(writer: User, anon_api: Api) -> None:
    first = publish(writer, "Pertama")
    second = publish(writer, "Kedua")
    third = publish(writer, "Ketiga")
    people = [make_user(f"penilai{n}") for n in range(3)]
    for person in people:
        actions.rate_article(person, second, "bermanfaat")
        actions.rate_article(person, third, "tidak_menarik")  # not praise
    actions.rate_article(people[0], first, "unik")
    response = anon_api.get("/articles", QUERY_STRING="sort=top_rated")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert ids == [second.pk, first.pk, third.pk]
    assert response.json()["items"][2]["ratings"] == {"tidak_menarik": 3}


# --- the article page ---------------------------------------------------------------------


def test_page_shows_counts_and_a_sign_in_link_to_anonymous_readers(
    client: Client, writer: User, reader: User
) -> None:
    article = publish(writer)
    actions.rate_article(reader, article, "inspiratif")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="nilai"' in html
    assert 'data-kind="inspiratif"' in html
    assert "/masuk?next=" in html
    assert 'action="/nilai/' not in html
    assert "Tidak Menarik" in html


def test_signed_in_reader_rates_with_the_form(writer: User, reader: User) -> None:
    article = publish(writer)
    client = signed_in(reader)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'action="/nilai/{article.pk}"' in html
    assert html.count('name="kind"') == len(RatingKind.values)
    assert 'aria-pressed="true"' not in html.split('id="nilai"')[1].split("</section>")[0]

    response = client.post(f"/nilai/{article.pk}", {"kind": "unik"})
    assert response.status_code == 302
    assert response["Location"].startswith(article.get_absolute_url())
    assert stored(article) == ({"unik": 1}, 1)
    section = client.get(article.get_absolute_url()).content.decode().split('id="nilai"')[1]
    assert 'value="unik" aria-pressed="true"' in section
    assert 'name="withdraw"' in section

    client.post(f"/nilai/{article.pk}", {"kind": "menarik"})
    assert stored(article) == ({"menarik": 1}, 1)
    client.post(f"/nilai/{article.pk}", {"withdraw": "1"})
    assert stored(article) == ({}, 0)


def test_form_refuses_what_the_api_refuses(writer: User, reader: User) -> None:
    article = publish(writer)
    unpublished = draft(writer, "Draf")
    assert signed_in(writer).post(f"/nilai/{article.pk}", {"kind": "unik"}).status_code == 403
    html = signed_in(writer).get(article.get_absolute_url()).content.decode()
    assert f'action="/nilai/{article.pk}"' not in html
    client = signed_in(reader)
    assert client.post(f"/nilai/{article.pk}", {"kind": "hebat"}).status_code == 400
    assert client.post(f"/nilai/{article.pk}", {"kind": "a\x00"}).status_code == 400
    assert client.post(f"/nilai/{unpublished.pk}", {"kind": "unik"}).status_code == 404
    assert client.post("/nilai/999999", {"kind": "unik"}).status_code == 404
    anonymous = Client().post(f"/nilai/{article.pk}", {"kind": "unik"})
    assert anonymous.status_code == 302 and "/masuk" in anonymous["Location"]
    assert stored(article) == ({}, 0)


def test_outside_redirects_are_not_followed(writer: User, reader: User) -> None:
    article = publish(writer)
    response = signed_in(reader).post(
        f"/nilai/{article.pk}", {"kind": "unik", "next": "https://evil.example/"}
    )
    assert response["Location"].startswith(article.get_absolute_url())


def test_query_counts(
    client: Client, writer: User, reader: User, django_assert_max_num_queries: Any
) -> None:
    article = publish(writer)
    actions.rate_article(reader, article, "aktual")
    url = article.get_absolute_url()
    warm_frame(client)  # the rubric bar and the sidebar, cached site-wide
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200  # the cached block

    reader_client = signed_in(reader)
    reader_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert reader_client.get(url).status_code == 200
    mine = [
        q["sql"]
        for q in queries.captured_queries
        if "articles_rating" in q["sql"] or "articles_savedarticle" in q["sql"]
    ]
    assert len(mine) <= 2, mine


def test_removing_a_persons_ratings_keeps_counts_exact(writer: User, reader: User) -> None:
    first = publish(writer, "Pertama")
    second = publish(writer, "Kedua")
    other = make_user("pembaca2")
    actions.rate_article(reader, first, "unik")
    actions.rate_article(reader, second, "tidak_menarik")
    actions.rate_article(other, first, "aktual")
    actions.save_for_later(reader, second)
    data = articles_privacy.personal_data_of(reader, lambda name: name or None)
    assert [(r["article_id"], r["kind"]) for r in data["ratings"]] == [
        (first.pk, "unik"),
        (second.pk, "tidak_menarik"),
    ]
    assert [s["article_id"] for s in data["reading_list"]] == [second.pk]
    assert actions.remove_ratings_of(reader) == 2
    assert stored(first) == ({"aktual": 1}, 1)
    assert stored(second) == ({}, 0)
    assert Rating.objects.filter(user=other).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_ratings_keep_counts_exact() -> None:
    from threading import Barrier, Thread

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("row locks need a database with concurrent writers")
    writer = make_user("penulis")
    article = publish(writer)
    people = [make_user(f"serentak{n}") for n in range(6)]
    barrier = Barrier(len(people))
    failures: list[BaseException] = []

    def rate(person: User, kind: str) -> None:
        try:
            barrier.wait()
            actions.rate_article(person, Article.objects.get(pk=article.pk), kind)
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    kinds = ["unik", "unik", "aktual", "tidak_menarik", "menarik", "unik"]
    threads = [Thread(target=rate, args=pair) for pair in zip(people, kinds, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert stored(article) == ({"aktual": 1, "menarik": 1, "unik": 3, "tidak_menarik": 1}, 5)
