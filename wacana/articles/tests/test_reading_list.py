"""The reading list ("Simpan"): the API, the toggle on the article page, and /bacaan."""

from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, SavedArticle
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import draft, publish
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db


def listed(api: Api, **query: Any) -> Any:
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    response = api.get("/me/reading-list", QUERY_STRING=qs)
    assert response.status_code == 200, response.content
    return response.json()


def test_save_list_and_remove(writer: User, reader: User) -> None:
    first = publish(writer, "Pertama")
    second = publish(writer, "Kedua")
    api = api_for(reader)
    for _ in range(2):  # idempotent
        assert api.put(f"/me/reading-list/{first.pk}").status_code == 204
    assert api.put(f"/me/reading-list/{second.pk}").status_code == 204
    assert SavedArticle.objects.filter(user=reader).count() == 2
    body = listed(api)
    assert [item["id"] for item in body["items"]] == [second.pk, first.pk]  # newest saved
    assert body["next_cursor"] is None
    assert "pages" not in body["items"][0] and body["items"][0]["title"] == "Kedua"
    for _ in range(2):
        assert api.delete(f"/me/reading-list/{second.pk}").status_code == 204
    assert [item["id"] for item in listed(api)["items"]] == [first.pk]


def test_pages_follow_the_cursor(writer: User, reader: User) -> None:
    articles = [publish(writer, f"Tulisan {n}") for n in range(5)]
    for article in articles:
        actions.save_for_later(reader, article)
    api = api_for(reader)
    seen: list[int] = []
    cursor = None
    while True:
        body = listed(api, limit=2, **({"cursor": cursor} if cursor else {}))
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [a.pk for a in reversed(articles)]


def test_bad_listing_queries(reader: User) -> None:
    api = api_for(reader)
    for qs in ("limit=0", "limit=101", "limit=abc", "cursor=rubbish", "cursor=%00"):
        response = api.get("/me/reading-list", QUERY_STRING=qs)
        assert 400 <= response.status_code < 500, (qs, response.content)
        assert_error_shape(response, response.status_code)


def test_only_readable_articles(writer: User, reader: User) -> None:
    unpublished = draft(writer)
    api = api_for(reader)
    for pk in (unpublished.pk, 999_999):
        assert_error_shape(api.put(f"/me/reading-list/{pk}"), 404)
        assert_error_shape(api.delete(f"/me/reading-list/{pk}"), 404)
    # Writers may keep their own drafts on the list.
    assert api_for(writer).put(f"/me/reading-list/{unpublished.pk}").status_code == 204


def test_an_article_hidden_later_leaves_the_list(writer: User, reader: User) -> None:
    article = publish(writer)
    actions.save_for_later(reader, article)
    Article.objects.filter(pk=article.pk).update(status="hidden")
    assert listed(api_for(reader))["items"] == []


def test_lists_are_private(anon_api: Api, writer: User, reader: User) -> None:
    article = publish(writer)
    actions.save_for_later(reader, article)
    other = make_user("pembaca2")
    assert listed(api_for(other))["items"] == []
    assert api_for(other).delete(f"/me/reading-list/{article.pk}").status_code == 204
    assert SavedArticle.objects.filter(user=reader).count() == 1
    assert_error_shape(anon_api.get("/me/reading-list"), 401)
    assert_error_shape(anon_api.put(f"/me/reading-list/{article.pk}"), 401)
    assert_error_shape(anon_api.delete(f"/me/reading-list/{article.pk}"), 401)


def test_bad_ids_are_4xx(reader: User) -> None:
    api = api_for(reader)
    for pk in ("abc", "99999999999999999999999", "-3"):
        for method in (api.put, api.delete):
            response = method(f"/me/reading-list/{pk}")
            assert 400 <= response.status_code < 500, (pk, response.content)


# --- pages ----------------------------------------------------------------------------------


def test_the_button_toggles(writer: User, reader: User) -> None:
    article = publish(writer)
    client = signed_in(reader)
    url = article.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'action="/simpan/{article.pk}"' in html
    assert 'class="save-button" aria-pressed="false"' in html
    response = client.post(f"/simpan/{article.pk}", {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert actions.is_saved(reader, article)
    assert 'class="save-button" aria-pressed="true"' in client.get(url).content.decode()
    client.post(f"/simpan/{article.pk}")
    assert not actions.is_saved(reader, article)
    # An explicit action is idempotent.
    client.post(f"/simpan/{article.pk}", {"action": "save"})
    client.post(f"/simpan/{article.pk}", {"action": "save"})
    assert actions.is_saved(reader, article)
    assert client.post(f"/simpan/{article.pk}", {"action": "x"}).status_code == 400


def test_saving_needs_an_account_and_a_readable_article(writer: User, reader: User) -> None:
    article = publish(writer)
    unpublished = draft(writer, "Draf")
    response = Client().post(f"/simpan/{article.pk}")
    assert response.status_code == 302 and "/masuk" in response["Location"]
    assert signed_in(reader).post(f"/simpan/{unpublished.pk}").status_code == 404
    assert signed_in(reader).get(f"/simpan/{article.pk}").status_code == 405
    assert not SavedArticle.objects.exists()


def test_reading_list_page(writer: User, reader: User) -> None:
    first = publish(writer, "Pertama")
    second = publish(writer, "Kedua")
    actions.save_for_later(reader, first)
    actions.save_for_later(reader, second)
    client = signed_in(reader)
    html = client.get("/bacaan").content.decode()
    assert html.index("Kedua") < html.index("Pertama")
    assert html.count('name="action" value="remove"') == 2
    response = client.post(f"/simpan/{second.pk}", {"action": "remove", "next": "/bacaan"})
    assert response["Location"] == "/bacaan"
    html = client.get("/bacaan").content.decode()
    assert "Kedua" not in html and "Pertama" in html
    assert client.get("/bacaan", {"cursor": "rubbish"}).status_code == 404
    assert Client().get("/bacaan").status_code == 302


def test_reading_list_pages(writer: User, reader: User, settings: Any) -> None:
    settings.WACANA_PAGE_SIZE = 5  # two pages from seven saved articles
    for n in range(7):
        actions.save_for_later(reader, publish(writer, f"Tulisan nomor {n}"))
    client = signed_in(reader)
    html = client.get("/bacaan").content.decode()
    assert html.count('value="remove"') == 5
    assert 'rel="next"' in html
