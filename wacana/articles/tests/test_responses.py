"""Responses ("Tanggapan", issue 16): an article that answers another, on the pages and
in the API; the original's writer is told once, at publication."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Status
from wacana.conftest import warm_frame
from wacana.lib import pagecache
from wacana.notifications.models import Notification
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import draft, fresh, publish
from wacana.testing.html import html
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db
REFUSED = indonesian("You can only respond to a published article.")


def respond(author: User, original: Article, title: str = "Tanggapan soal sawah") -> Article:
    return publish(author, title=title, response_to=original)


def response_notices(user: User) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind="response"))


def test_a_response_tells_the_original_writer_once_at_publication(
    writer: User, reader: User
) -> None:
    original = publish(writer)
    response = draft(reader, title="Sawah kami lain ceritanya", response_to=original)
    assert response.response_to_id == original.pk and response.is_response
    assert response_notices(writer) == []  # a draft tells no one
    actions.publish_article(reader, response)
    (notice,) = response_notices(writer)
    assert "Sawah kami lain ceritanya" in notice.message and "Catatan dari Ende" in notice.message
    assert notice.target_url == response.get_absolute_url()
    assert fresh(original).response_count == 1
    actions.unpublish_article(reader, response)
    assert fresh(original).response_count == 0
    actions.publish_article(reader, response)
    assert len(response_notices(writer)) == 1  # published again: not told twice
    assert fresh(original).response_count == 1


def test_responding_to_oneself_tells_no_one(writer: User) -> None:
    original = publish(writer)
    respond(writer, original)
    assert response_notices(writer) == []
    assert fresh(original).response_count == 1


@pytest.mark.parametrize("state", ["draft", "hidden"])
def test_only_a_published_article_takes_responses(writer: User, reader: User, state: str) -> None:
    original = draft(writer) if state == "draft" else publish(writer)
    if state == "hidden":
        actions.hide_article(original)
    with pytest.raises(actions.NotRespondable):
        draft(reader, response_to=original)
    response = signed_in(reader).get(f"/tulis?tanggapan={original.pk}")
    assert response.status_code == 422
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999999", "1" * 30, ""])
def test_a_bad_response_address_is_answered_with_a_sentence(reader: User, value: str) -> None:
    response = signed_in(reader).get("/tulis", {"tanggapan": value})
    assert response.status_code == 422
    assert REFUSED in response.content.decode()


def test_the_response_page_links_the_original_and_the_original_lists_it(
    writer: User, reader: User
) -> None:
    original = publish(writer, title="Jalan rusak di Ende")
    older = respond(reader, original, "Tanggapan pertama")
    newer = respond(make_user("tetangga"), original, "Tanggapan kedua")
    page = html(Client().get(newer.get_absolute_url()))
    line = page.one(".thread-line")
    assert "Jalan rusak di Ende" in line.text
    assert line.one("a")["href"] == original.get_absolute_url()
    page = html(Client().get(original.get_absolute_url()))
    section = page.one("section#tanggapan")
    assert "(2)" in section.one("h2").text
    titles = [a.text for a in section.select("li > a")]
    assert titles == ["Tanggapan kedua", "Tanggapan pertama"]  # newest first
    write = page.one("p.respond a.button")
    assert write["href"] == f"/tulis?tanggapan={original.pk}"
    actions.hide_article(older)
    page = html(Client().get(original.get_absolute_url()))
    assert [a.text for a in page.select("section#tanggapan li > a")] == ["Tanggapan kedua"]


@pytest.mark.parametrize("fate", ["hidden", "deleted"])
def test_a_gone_original_leaves_the_response_standing(
    writer: User, reader: User, fate: str
) -> None:
    original = publish(writer, title="Jalan rusak di Ende")
    response = respond(reader, original)
    Client().get(response.get_absolute_url())  # cached for anonymous readers
    if fate == "hidden":
        actions.hide_article(original)
    else:
        actions.delete_article(writer, original)
    result = Client().get(response.get_absolute_url())
    assert result.status_code == 200
    line = html(result).one(".thread-line")
    assert "Jalan rusak" not in line.text
    assert not line.select("a")
    body = api_for(reader).get(f"/articles/{response.pk}").json()
    assert body["response_to"] == (original.pk if fate == "hidden" else None)


def test_signed_out_writers_sign_in_and_come_back(writer: User) -> None:
    original = publish(writer)
    response = Client().get(f"/tulis?tanggapan={original.pk}")
    assert response.status_code == 302
    assert "tanggapan" in response["Location"] and response["Location"].startswith("/masuk")


def test_writing_a_response_on_the_page(writer: User, reader: User) -> None:
    original = publish(writer, title="Jalan rusak di Ende")
    client = signed_in(reader)
    page = html(client.get(f"/tulis?tanggapan={original.pk}"))
    assert "Jalan rusak di Ende" in page.one(".thread-line").text
    assert page.one("input[name=response_to]")["value"] == str(original.pk)
    posted = client.post(
        "/tulis",
        {
            "title": "Jalan kami juga rusak",
            "category": "sekolah",
            "body": "Di kampung kami pun begitu.",
            "response_to": str(original.pk),
            "intent": "publish",
        },
    )
    assert posted.status_code == 302
    response = Article.objects.get(title="Jalan kami juga rusak")
    assert response.response_to_id == original.pk and response.status == Status.PUBLISHED
    assert len(response_notices(writer)) == 1
    # A forged id of a draft is refused at the form, nothing is saved.
    secret = draft(writer, title="Rahasia")
    refused = client.post(
        "/tulis",
        {"title": "Coba", "category": "sekolah", "body": "Isi.", "response_to": str(secret.pk)},
    )
    assert refused.status_code == 400
    assert not Article.objects.filter(title="Coba").exists()


def test_the_article_page_query_count_does_not_grow_with_responses(
    writer: User, reader: User
) -> None:
    def count(article: Article) -> int:
        """Queries of a view once the frame and the writer's related links are cached."""
        client = Client()
        warm_frame(client)
        client.get(article.get_absolute_url())
        pagecache.forget()  # the render's queries, not a kept page's one
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(queries)

    plain = publish(writer, title="Tanpa tanggapan")
    few = publish(writer, title="Sedikit tanggapan")
    many = publish(writer, title="Banyak tanggapan")
    respond(reader, few)
    for n in range(12):
        respond(make_user(f"penanggap{n}"), many, f"Tanggapan nomor {n}")
    response = many.responses.first()
    assert response is not None
    # An ordinary article costs what it did; responses cost one query, however many.
    assert count(plain) == 3  # the kept page's stamp, the article and its page
    assert count(few) == count(many) == count(plain) + 1
    # A response costs one more (its original), with or without a series.
    assert count(response) == count(plain) + 1
    page = html(Client().get(many.get_absolute_url()))
    assert len(page.select("section#tanggapan li")) == 5
    assert "(12)" in page.one("section#tanggapan h2").text
    more = page.one("section#tanggapan .more-responses a")
    listing = Client().get(more["href"])
    assert listing.status_code == 200
    assert len(html(listing).select(".card")) == 12


# --- the API --------------------------------------------------------------------------


def test_the_api_creates_a_response_and_lists_responses(
    writer: User, reader: User, anon_api: Api
) -> None:
    original = publish(writer)
    api = api_for(reader)
    made = api.post(
        "/articles",
        {
            "title": "Tanggapan lewat API",
            "category": "sekolah",
            "body": "Isi.",
            "status": "published",
            "response_to": original.pk,
        },
    )
    assert made.status_code == 201, made.content
    assert made.json()["response_to"] == original.pk
    assert len(response_notices(writer)) == 1
    assert anon_api.get(f"/articles/{original.pk}").json()["response_to"] is None
    for n in range(3):
        respond(make_user(f"penanggap{n}"), original, f"Tanggapan {n}")
    first = anon_api.get(f"/articles/{original.pk}/responses?limit=2")
    assert first.status_code == 200
    body = first.json()
    assert [item["title"] for item in body["items"]] == ["Tanggapan 2", "Tanggapan 1"]
    rest = anon_api.get(f"/articles/{original.pk}/responses?limit=2&cursor={body['next_cursor']}")
    titles = [item["title"] for item in rest.json()["items"]]
    assert titles == ["Tanggapan 0", "Tanggapan lewat API"]
    assert rest.json()["next_cursor"] is None


@pytest.mark.parametrize(
    ("value", "status"),
    [("12", 422), (True, 422), (0, 422), (-5, 422), (2**63, 422), ([1], 422), (987654, 422)],
)
def test_the_api_refuses_a_bad_response_to(
    writer: User, reader: User, value: Any, status: int
) -> None:
    publish(writer)
    answer = api_for(reader).post(
        "/articles",
        {"title": "Coba", "category": "sekolah", "body": "Isi.", "response_to": value},
    )
    assert_error_shape(answer, status, "response_to")
    assert not Article.objects.filter(title="Coba").exists()


def test_the_api_refuses_responses_to_drafts_and_lists_none_of_hidden_ones(
    writer: User, reader: User, anon_api: Api
) -> None:
    secret = draft(writer)
    answer = api_for(reader).post(
        "/articles",
        {"title": "Coba", "category": "sekolah", "response_to": secret.pk},
    )
    assert_error_shape(answer, 422, "response_to")
    assert anon_api.get(f"/articles/{secret.pk}/responses").status_code == 404
    assert api_for(writer).get(f"/articles/{secret.pk}/responses").json()["items"] == []
