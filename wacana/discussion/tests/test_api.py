"""The API's comment endpoints, tested from the outside (/api/v1)."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion import actions
from wacana.discussion.forms import CommentBodyField
from wacana.discussion.models import Comment
from wacana.lib.text import NOT_ALLOWED_CHARACTERS
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import assert_count_exact, comment, fresh, publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

COMMENT_FIELDS = {"id", "author", "body_html", "parent_id", "created_at", "edited_at"}


def comments_url(article: Article) -> str:
    return f"/articles/{article.pk}/comments"


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value} has no offset"
    return parsed


def assert_comment(body: dict[str, Any]) -> Comment:
    """`body` has the documented shape and agrees with the database."""
    assert set(body) >= COMMENT_FIELDS, COMMENT_FIELDS - set(body)
    assert is_int(body["id"])
    made = Comment.objects.select_related("author").get(pk=body["id"])
    assert body["parent_id"] == made.parent_id
    assert abs(parse_time(body["created_at"]) - made.created_at) < timedelta(seconds=1)
    if made.edited_at is None:
        assert body["edited_at"] is None
    else:
        assert abs(parse_time(body["edited_at"]) - made.edited_at) < timedelta(seconds=1)
    if body["is_placeholder"]:
        assert body["author"] is None and body["body_html"] == ""
    else:
        assert body["author"] == {
            "username": made.author.username,
            "display_name": made.author.display_name,
            "url": f"/{made.author.username}",
        }
        assert body["body_html"] == made.body_html
    assert body["status"] == made.status
    return made


def raw_with(field: str, escaped: str, **rest: Any) -> str:
    """A JSON object whose `field` holds `escaped` verbatim (e.g. a lone surrogate)."""
    marker = "@@MARKER@@"
    return json.dumps({**rest, field: marker}).replace(f'"{marker}"', escaped)


# --- listing -------------------------------------------------------------------------------


def test_comments_are_listed_oldest_first_with_the_documented_fields(
    article: Article, commenter: User, reader: User, anon_api: Api
) -> None:
    first = comment(commenter, article, "Pertama <b>tebal</b>.")
    reply = comment(reader, article, "Balasan.", parent=first)
    second = comment(reader, article, "Kedua.")
    response = anon_api.get(comments_url(article))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"items", "next_cursor"} and body["next_cursor"] is None
    assert [item["id"] for item in body["items"]] == [first.pk, reply.pk, second.pk]
    for item in body["items"]:
        assert_comment(item)
    assert body["items"][1]["parent_id"] == first.pk
    assert "&lt;b&gt;" in body["items"][0]["body_html"]


def test_the_listing_pages_by_cursor(
    article: Article, commenter: User, anon_api: Api, no_rate_limits: Any
) -> None:
    start = datetime(2024, 5, 1, tzinfo=UTC)
    made = []
    for n in range(7):
        item = comment(commenter, article, f"Komentar {n}")
        Comment.objects.filter(pk=item.pk).update(created_at=start + timedelta(seconds=n // 2))
        made.append(item.pk)  # pairs share a time: the id breaks the tie
    seen: list[int] = []
    cursor = None
    while True:
        query = f"?limit=3&cursor={cursor}" if cursor else "?limit=3"
        body = anon_api.get(comments_url(article) + query).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == made


@pytest.mark.parametrize(
    "query", ["?limit=0", "?limit=101", "?limit=x", "?cursor=abc", "?cursor=aTEyfDM"]
)
def test_bad_listing_parameters_are_refused(article: Article, anon_api: Api, query: str) -> None:
    assert_error_shape(anon_api.get(comments_url(article) + query), 422)


def test_hidden_comments_are_listed_only_for_their_writer_and_staff(
    article: Article, commenter: User, reader: User, moderator: User, admin_user: User
) -> None:
    made = comment(commenter, article, "Disembunyikan.")
    actions.hide_comment(made)
    for api in (Api(Client()), api_for(reader), api_for(moderator)):
        assert api.get(comments_url(article)).json()["items"] == []
        assert_error_shape(api.get(f"/comments/{made.pk}"), 404)
    for who in (commenter, admin_user):
        items = api_for(who).get(comments_url(article)).json()["items"]
        assert [item["id"] for item in items] == [made.pk]
        assert items[0]["status"] == "hidden" and items[0]["body_html"]


def test_placeholders_keep_replies_in_context(
    article: Article, commenter: User, reader: User, anon_api: Api
) -> None:
    deleted = comment(commenter, article, "Ditarik.")
    comment(reader, article, "Balasan satu.", parent=deleted)
    hidden = comment(commenter, article, "Kasar.")
    comment(reader, article, "Balasan dua.", parent=hidden)
    lonely = comment(commenter, article, "Kasar tanpa balasan.")
    actions.delete_comment(commenter, deleted)
    actions.hide_comment(hidden)
    actions.hide_comment(lonely)
    items = anon_api.get(comments_url(article)).json()["items"]
    by_id = {item["id"]: item for item in items}
    assert set(by_id) == {deleted.pk, hidden.pk, deleted.pk + 1, hidden.pk + 1}
    for pk, status in ((deleted.pk, "deleted"), (hidden.pk, "hidden")):
        assert by_id[pk]["is_placeholder"] is True and by_id[pk]["status"] == status
        assert by_id[pk]["author"] is None and by_id[pk]["body_html"] == ""
    for item in items:
        assert_comment(item)


@pytest.mark.parametrize("state", ["draft", "hidden"])
def test_comments_of_drafts_and_hidden_articles_are_not_found(
    writer: User, commenter: User, reader: User, state: str
) -> None:
    article = publish(writer)
    made = comment(commenter, article)
    Article.objects.filter(pk=article.pk).update(status=state)
    for api in (Api(Client()), api_for(reader), api_for(commenter)):
        assert_error_shape(api.get(comments_url(article)), 404)
        assert_error_shape(api.get(f"/comments/{made.pk}"), 404)
        changing = 404 if api.token else 401
        assert_error_shape(api.patch(f"/comments/{made.pk}", {"body": "x"}), changing)
        assert_error_shape(api.delete(f"/comments/{made.pk}"), changing)
    assert_error_shape(api_for(commenter).post(comments_url(article), {"body": "Halo"}), 404)
    # The writer reads their draft's old comments, but no new ones are taken.
    assert api_for(writer).get(comments_url(article)).status_code == 200
    assert_error_shape(api_for(writer).post(comments_url(article), {"body": "Halo"}), 404)
    assert Comment.objects.count() == 1


def test_unknown_ids_are_not_found(commenter: User) -> None:
    api = api_for(commenter)
    for path in ("/articles/999999/comments", "/comments/999999", f"/comments/{2**70}"):
        assert_error_shape(api.get(path), 404)
    assert_error_shape(api.post("/articles/999999/comments", {"body": "x"}), 404)
    assert_error_shape(api.post(f"/articles/{2**70}/comments", {"body": "x"}), 404)
    assert_error_shape(api.patch(f"/comments/{2**70}", {"body": "x"}), 404)
    assert_error_shape(api.delete(f"/comments/{2**63}"), 404)


# --- posting -------------------------------------------------------------------------------


def test_posting_a_comment_and_a_reply(
    article: Article, commenter: User, reader: User, writer: User
) -> None:
    response = api_for(commenter).post(comments_url(article), {"body": "  Bagus 👍 "})
    assert response.status_code == 201
    top = assert_comment(response.json())
    assert top.body == "Bagus 👍" and top.author == commenter
    assert response.json()["url"] == f"{article.get_absolute_url()}#komentar-{top.pk}"

    reply = api_for(reader).post(comments_url(article), {"body": "Setuju.", "parent_id": top.pk})
    assert reply.status_code == 201
    assert reply.json()["parent_id"] == top.pk
    deeper = api_for(writer).post(
        comments_url(article), {"body": "Terima kasih.", "parent_id": reply.json()["id"]}
    )
    assert deeper.json()["parent_id"] == top.pk
    assert fresh(article).comment_count == 3
    assert api_for(commenter).get(f"/articles/{article.pk}").json()["comment_count"] == 3


def test_posting_needs_an_account(article: Article, anon_api: Api) -> None:
    assert_error_shape(anon_api.post(comments_url(article), {"body": "Halo"}), 401)
    assert not Comment.objects.exists()


def test_a_browser_session_works_with_csrf(article: Article, commenter: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(commenter)
    response = client.post(
        f"/api/v1{comments_url(article)}",
        json.dumps({"body": "Tanpa token CSRF"}),
        content_type="application/json",
    )
    assert_error_shape(response, 403)
    assert not Comment.objects.exists()


BAD_BODIES: list[tuple[str, str | None, str]] = [
    # (name, raw JSON text or None for "no body at all", field at fault)
    ("missing", "{}", "body"),
    ("empty", '{"body": ""}', "body"),
    ("whitespace only", '{"body": "  \\n\\t  "}', "body"),
    ("too long", json.dumps({"body": "x" * 5001}), "body"),
    ("null", '{"body": null}', "body"),
    ("number", '{"body": 12}', "body"),
    ("list", '{"body": ["a"]}', "body"),
    ("object", '{"body": {"a": 1}}', "body"),
    ("true", '{"body": true}', "body"),
    ("NUL", '{"body": "ada\\u0000nul"}', "body"),
    ("lone surrogate", raw_with("body", '"ada\\ud800di"'), "body"),
    ("parent is text", '{"body": "Halo", "parent_id": "1"}', "parent_id"),
    ("parent is true", '{"body": "Halo", "parent_id": true}', "parent_id"),
    ("parent is a float", '{"body": "Halo", "parent_id": 1.5}', "parent_id"),
    ("parent is negative", '{"body": "Halo", "parent_id": -4}', "parent_id"),
    ("parent is huge", '{"body": "Halo", "parent_id": 99999999999999999999999}', "parent_id"),
    ("parent does not exist", '{"body": "Halo", "parent_id": 987654}', "parent_id"),
]


@pytest.mark.parametrize(
    ("name", "raw", "field"), [case for case in BAD_BODIES if case[1] is not None]
)
def test_bad_input_is_refused_and_nothing_is_saved(
    article: Article, commenter: User, name: str, raw: str, field: str
) -> None:
    response = api_for(commenter).post(comments_url(article), raw=raw)
    assert_error_shape(response, 422, field)
    assert not Comment.objects.exists()
    assert fresh(article).comment_count == 0


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("{not json", 400),
        ('["body"]', 400),
        ('"just text"', 400),
        ("", 422),
        ('{"body": "\\ud83d"}', 422),
    ],
)
def test_malformed_json_is_refused(
    article: Article, commenter: User, raw: str, status: int
) -> None:
    assert_error_shape(api_for(commenter).post(comments_url(article), raw=raw), status)
    assert not Comment.objects.exists()


def test_a_form_body_is_refused(article: Article, commenter: User) -> None:
    api = api_for(commenter)
    response = api.client.post(
        f"/api/v1{comments_url(article)}", {"body": "Halo"}, headers=api._headers()
    )
    assert_error_shape(response, 415)
    assert not Comment.objects.exists()


def test_five_thousand_characters_fit_counted_as_sent(
    article: Article, commenter: User, no_rate_limits: Any
) -> None:
    # The API counts the characters as sent (its OpenAPI document says maxLength 5000);
    # the stored comment is trimmed, and a CRLF stored as one line break.
    api = api_for(commenter)
    assert api.post(comments_url(article), {"body": "  " + "a" * 4996 + "\n "}).status_code == 201
    too_long = {"body": "  " + "a" * 5000 + "\n "}
    assert_error_shape(api.post(comments_url(article), too_long), 422, "body")
    # Characters, not bytes or UTF-16 units: 5,000 emoji fit.
    assert api.post(comments_url(article), {"body": "😀" * 5000}).status_code == 201
    assert_error_shape(api.post(comments_url(article), {"body": "😀" * 5001}), 422, "body")
    assert api.post(comments_url(article), {"body": "b\r\n" * 1666 + "bb"}).status_code == 201
    stored = Comment.objects.order_by("pk")
    assert [len(c.body) for c in stored] == [4996, 5000, 3334]


def test_emoji_and_indonesian_text_are_kept(article: Article, commenter: User) -> None:
    body = "Mantap, Bu Guru! 🇮🇩👍🏽 Semoga sekolahnya makin maju."
    response = api_for(commenter).post(comments_url(article), {"body": body})
    assert response.status_code == 201
    assert Comment.objects.get().body == body
    assert "🇮🇩👍🏽" in response.json()["body_html"]


def test_replying_to_a_hidden_comment_or_another_articles_comment_is_refused(
    article: Article, writer: User, commenter: User, reader: User
) -> None:
    hidden = comment(commenter, article, "Disembunyikan.")
    actions.hide_comment(hidden)
    elsewhere = comment(commenter, publish(writer, title="Lain"), "Di artikel lain.")
    api = api_for(reader)
    for parent in (hidden.pk, elsewhere.pk):
        response = api.post(comments_url(article), {"body": "Balas", "parent_id": parent})
        assert_error_shape(response, 422, "parent_id")
    assert Comment.objects.filter(author=reader).count() == 0


def test_the_same_comment_twice_is_a_conflict(article: Article, commenter: User) -> None:
    api = api_for(commenter)
    assert api.post(comments_url(article), {"body": "Setuju!"}).status_code == 201
    assert_error_shape(api.post(comments_url(article), {"body": " Setuju! "}), 409, "body")
    assert Comment.objects.count() == 1
    assert_count_exact(article)


def test_commenting_too_fast_is_answered_429_with_retry_after(
    article: Article, commenter: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_new_account": (2, 60)}
    api = api_for(commenter)
    for n in range(2):
        assert api.post(comments_url(article), {"body": f"Komentar {n}"}).status_code == 201
    response = api.post(comments_url(article), {"body": "Terlalu cepat"})
    assert_error_shape(response, 429)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Comment.objects.count() == 2
    # Another account from the same address is limited by its own count.
    assert (
        api_for(make_user("tetangga"))
        .post(comments_url(article), {"body": "Saya juga"})
        .status_code
        == 201
    )


def test_the_address_limit_applies_to_the_api_too(article: Article, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_address": (2, 60)}
    codes = [
        api_for(make_user(f"akun{n}")).post(comments_url(article), {"body": "Halo"}).status_code
        for n in range(3)
    ]
    assert codes == [201, 201, 429]


def test_rate_limits_can_be_switched_off(article: Article, commenter: User, settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_new_account": (1, 60)}
    settings.RATE_LIMITS_ENABLED = False
    api = api_for(commenter)
    assert [api.post(comments_url(article), {"body": f"K{n}"}).status_code for n in range(3)] == [
        201
    ] * 3


def test_suspended_accounts_cannot_post(article: Article, commenter: User) -> None:
    api = api_for(commenter)
    User.objects.filter(pk=commenter.pk).update(suspended_at=datetime.now(UTC))
    assert_error_shape(api.post(comments_url(article), {"body": "Halo"}), 403)
    User.objects.filter(pk=commenter.pk).update(is_active=False)
    assert_error_shape(api.post(comments_url(article), {"body": "Halo"}), 401)
    assert not Comment.objects.exists()


# --- editing and deleting -----------------------------------------------------------------


def test_editing_ones_own_comment(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Awal.")
    response = api_for(commenter).patch(f"/comments/{made.pk}", {"body": "Akhir https://a.id"})
    assert response.status_code == 200
    changed = assert_comment(response.json())
    assert changed.body == "Akhir https://a.id" and changed.edited_at is not None
    assert response.json()["edited_at"] is not None


@pytest.mark.parametrize(
    ("name", "raw", "field"),
    [case for case in BAD_BODIES if case[1] is not None and case[2] == "body"],
)
def test_bad_edits_are_refused_and_change_nothing(
    article: Article, commenter: User, name: str, raw: str, field: str
) -> None:
    made = comment(commenter, article, "Tetap.")
    assert_error_shape(api_for(commenter).patch(f"/comments/{made.pk}", raw=raw), 422, field)
    made.refresh_from_db()
    assert made.body == "Tetap." and made.edited_at is None


def test_editing_a_hidden_comment_is_a_conflict(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Disembunyikan.")
    actions.hide_comment(made)
    assert_error_shape(api_for(commenter).patch(f"/comments/{made.pk}", {"body": "x"}), 409)


def test_deleting_ones_own_comment(article: Article, commenter: User, reader: User) -> None:
    top = comment(commenter, article, "Dengan balasan.")
    comment(reader, article, "Balasan.", parent=top)
    lone = comment(commenter, article, "Sendiri.")
    api = api_for(commenter)
    for made in (top, lone):
        response = api.delete(f"/comments/{made.pk}")
        assert response.status_code == 204 and response.content == b""
    assert list(Comment.objects.order_by("pk").values_list("pk", "status")) == [
        (top.pk, "deleted"),
        (top.pk + 1, "visible"),
    ]
    assert_count_exact(article)
    # The placeholder is gone for good: another delete finds nothing to delete.
    assert_error_shape(api.delete(f"/comments/{top.pk}"), 404)
    assert_error_shape(api.patch(f"/comments/{top.pk}", {"body": "x"}), 404)


def test_the_comment_endpoints_are_in_the_schema(anon_api: Api) -> None:
    paths = anon_api.get("/openapi.json").json()["paths"]
    assert set(paths["/api/v1/articles/{article_id}/comments"]) >= {"get", "post"}
    assert set(paths["/api/v1/comments/{comment_id}"]) >= {"patch", "delete"}


def test_not_allowed_characters_are_refused_in_one_sentence_on_the_page_and_the_api(
    article: Article, commenter: User
) -> None:
    sentence = str(NOT_ALLOWED_CHARACTERS)
    api = api_for(commenter).post(comments_url(article), raw=raw_with("body", '"ada\\ud800di"'))
    assert api.json()["errors"]["body"] == [sentence]
    # The page's form drops such characters on input (XmlSafeInput); its field refuses them.
    with pytest.raises(ValidationError) as refused:
        CommentBodyField().clean("ada\ud800di")
    assert refused.value.messages == [sentence]
