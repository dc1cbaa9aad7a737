"""The API's categories, tags and articles endpoints, tested from the outside (/api/v1)."""

import base64
import io
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import ExifTags, Image

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, ArticleTag, Tag
from wacana.testing.api import Api, assert_error_shape
from wacana.testing.html import elements
from wacana.testing.images import (
    NOT_ACCEPTABLE_IMAGES,
    bilevel_png,
    gif_bomb,
    image_bytes,
    jpeg_with_gps,
    pdf,
)

pytestmark = pytest.mark.django_db

SUMMARY_FIELDS = {
    "id",
    "title",
    "slug",
    "url",
    "status",
    "author",
    "category",
    "tags",
    "excerpt",
    "page_count",
    "image",
    "reading_minutes",
    "published_at",
    "updated_at",
    "view_count",
    "comment_count",
    "ratings",
}
ARTICLE_FIELDS = SUMMARY_FIELDS | {"pages"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BREAK = "<!--nextpage-->"


# --- helpers --------------------------------------------------------------------------


def article_input(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Menanam Jagung di Lahan Kering",
        "body": (
            "Musim kemarau di **Nusa Tenggara Timur** panjang.\n\n"
            "Petani di Kupang memilih benih yang tahan kering."
        ),
        "category": "pertanian",
        "tags": ["jagung", "ntt"],
        "status": "published",
    }
    body.update(overrides)
    return body


def new_article(api: Api, **overrides: Any) -> dict[str, Any]:
    response = api.post("/articles", article_input(**overrides))
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def pages_body(count: int) -> str:
    return f"\n{BREAK}\n".join(f"Halaman nomor {n} dari tulisan ini." for n in range(1, count + 1))


def hide(article_id: int) -> None:
    """What a moderator's hide does to the row (the moderation API is tested elsewhere)."""
    assert Article.objects.filter(pk=article_id).update(status="hidden") == 1


def raw_json_with(body: dict[str, Any], field: str, escaped: str) -> str:
    """`body` as JSON text whose `field` holds `escaped` verbatim (e.g. a lone surrogate)."""
    marker = "@@MARKER@@"
    return json.dumps({**body, field: marker}).replace(marker, escaped)


def raw_json_with_tag(body: dict[str, Any], escaped: str) -> str:
    marker = "@@MARKER@@"
    return json.dumps({**body, "tags": ["jagung", marker]}).replace(marker, escaped)


def article_state(article_id: int) -> tuple[Any, ...]:
    """Everything a refused request must leave alone, read fresh from the database."""
    article = Article.objects.get(pk=article_id)
    return (
        article.title,
        article.slug,
        article.body,
        article.status,
        article.category_id,
        article.rubric_id,
        article.tag_list,
        article.excerpt,
        article.page_count,
        article.reading_minutes,
        article.image.name,
        article.image_medium.name,
        article.image_small.name,
        article.image_width,
        article.image_height,
        article.image_caption,
        article.image_source,
        article.published_at,
        article.updated_at,
        list(article.pages.values_list("number", "html")),
        sorted(ArticleTag.objects.filter(article=article).values_list("tag__slug", "is_public")),
    )


def counts(user: User, *tags: str) -> tuple[int, ...]:
    fresh = User.objects.get(pk=user.pk)
    found = {tag.slug: tag.article_count for tag in Tag.objects.filter(slug__in=tags)}
    return (fresh.article_count, *(found.get(slug, 0) for slug in tags))


def parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value} has no offset"
    return parsed


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def assert_article(body: dict[str, Any], *, full: bool = True) -> Article:
    """`body` has exactly the documented shape and agrees with the database."""
    if full:
        assert set(body) >= ARTICLE_FIELDS, set(ARTICLE_FIELDS) - set(body)
    else:
        assert set(body) >= SUMMARY_FIELDS, set(SUMMARY_FIELDS) - set(body)
        assert "pages" not in body, "a summary leaves out pages"
    assert is_int(body["id"])
    article = Article.objects.select_related("author", "category").get(pk=body["id"])
    author = article.author
    assert body["title"] == article.title
    assert body["slug"] == article.slug and SLUG_RE.match(body["slug"]), body["slug"]
    assert body["url"] == f"/{author.username}/{article.pk}/{article.slug}"
    assert body["status"] == article.status
    assert body["author"] == {
        "username": author.username,
        "display_name": author.display_name,
        "url": f"/{author.username}",
    }
    assert body["category"] == {"slug": article.category.slug, "name": article.category.name}
    assert isinstance(body["tags"], list)
    assert all(isinstance(tag, str) and SLUG_RE.match(tag) for tag in body["tags"]), body["tags"]
    assert sorted(body["tags"]) == sorted(
        ArticleTag.objects.filter(article=article).values_list("tag__slug", flat=True)
    )
    assert isinstance(body["excerpt"], str) and "<" not in body["excerpt"]
    assert is_int(body["page_count"]) and 1 <= body["page_count"] <= 20
    assert body["page_count"] == article.pages.count()
    if full:
        assert isinstance(body["pages"], list)
        assert len(body["pages"]) == body["page_count"]
        assert all(isinstance(page, str) for page in body["pages"])
    if body["image"] is None:
        assert not article.image
    else:
        assert set(body["image"]) >= {"url", "width", "height", "caption", "source"}
        assert body["image"]["url"] == article.image.url
        assert is_int(body["image"]["width"]) and body["image"]["width"] > 0
        assert is_int(body["image"]["height"]) and body["image"]["height"] > 0
        assert body["image"]["caption"] == article.image_caption
        assert body["image"]["source"] == article.image_source
    assert is_int(body["reading_minutes"]) and body["reading_minutes"] >= 1
    if article.published_at is None:
        assert body["published_at"] is None
    else:
        assert abs(parse_time(body["published_at"]) - article.published_at) < timedelta(seconds=1)
    if body["updated_at"] is not None:
        parse_time(body["updated_at"])
    for counter in ("view_count", "comment_count"):
        assert is_int(body[counter]) and body[counter] >= 0
    assert isinstance(body["ratings"], dict)
    assert all(isinstance(k, str) and is_int(v) for k, v in body["ratings"].items())
    return article


def assert_field_error(response: Any, field: str) -> dict[str, Any]:
    """A 4xx in the error shape, naming `field` (or an item of it, like "tags.0")."""
    assert 400 <= response.status_code < 500, (response.status_code, response.content)
    body = assert_error_shape(response, response.status_code)
    errors = body.get("errors")
    assert isinstance(errors, dict), body
    keys = [key for key in errors if key == field or key.startswith(f"{field}.")]
    assert keys, body
    for key in keys:
        assert isinstance(errors[key], list) and errors[key], body
        assert all(isinstance(message, str) and message.strip() for message in errors[key])
    return body


def assert_client_error(response: Any) -> dict[str, Any]:
    assert 400 <= response.status_code < 500, (response.status_code, response.content)
    return assert_error_shape(response, response.status_code)


def listing(api: Api, query: str = "") -> dict[str, Any]:
    response = api.get(f"/articles{query}")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    assert set(body) >= {"items", "next_cursor"}
    assert body["next_cursor"] is None or isinstance(body["next_cursor"], str)
    return body


def listed_ids(api: Api, query: str = "") -> list[int]:
    return [item["id"] for item in listing(api, query)["items"]]


def walk(api: Api, query: str, limit: int) -> list[list[int]]:
    """Every page of a listing, following next_cursor to the end."""
    pages: list[list[int]] = []
    cursor: str | None = None
    while True:
        sep = "&" if query else ""
        suffix = f"&cursor={cursor}" if cursor else ""
        body = listing(api, f"?{query}{sep}limit={limit}{suffix}")
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50, "the cursor never ends"


def stored_image(name: str) -> tuple[Image.Image, bytes]:
    with default_storage.open(name) as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image, data


def scheme_of(url: str) -> str:
    """The scheme a browser would see: tabs and newlines dropped, edges trimmed (WHATWG URL)."""
    squashed = "".join(ch for ch in url if ch not in "\t\n\r").strip("\x00- ").lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", squashed)
    return match.group(1) if match else ""


def assert_safe_html(html: str) -> list[tuple[str, dict[str, str]]]:
    found = elements(html)
    assert "<script" not in html.lower(), html
    for tag, attrs in found:
        assert tag not in {"script", "iframe", "object", "embed", "style", "svg", "form"}, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            assert name != "style", html
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                assert scheme_of(value) in {"", "http", "https", "mailto"}, html
        if tag == "img":
            assert attrs.get("src", "").startswith(settings.MEDIA_URL + "images/"), html
        if tag == "a":
            assert {"nofollow", "ugc", "noopener"} <= set(attrs.get("rel", "").split()), html
    return found


def body_image(owner: User) -> str:
    """An image uploaded for an article body (as the writing page does); its URL."""
    upload = SimpleUploadedFile("isi.png", image_bytes("PNG", (640, 480)), "image/png")
    url: str = actions.upload_body_image(owner, upload).file.url
    return url


# --- fixtures -------------------------------------------------------------------------


@pytest.fixture
def published(writer_api: Api) -> dict[str, Any]:
    return new_article(writer_api)


@pytest.fixture
def draft(writer_api: Api) -> dict[str, Any]:
    return new_article(
        writer_api, title="Catatan yang Belum Selesai", status="draft", tags=["draf"]
    )


@pytest.fixture
def hidden(writer_api: Api) -> dict[str, Any]:
    article = new_article(writer_api, title="Tulisan yang Disembunyikan", tags=["rahasia"])
    hide(article["id"])
    return article


@pytest.fixture
def callers(anon_api: Api, reader_api: Api, writer_api: Api, admin_api: Api) -> dict[str, Api]:
    return {"anon": anon_api, "reader": reader_api, "writer": writer_api, "admin": admin_api}


@pytest.fixture
def with_image(writer_api: Api, published: dict[str, Any]) -> dict[str, Any]:
    response = writer_api.upload(
        f"/articles/{published['id']}/image", "lama.png", image_bytes("PNG", (900, 600))
    )
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    assert body["image"] is not None
    return body


# Values that a field must refuse, as (field, value) pairs, for POST and PATCH alike.
INVALID_VALUES = [
    pytest.param("title", "", id="title-empty"),
    pytest.param("title", "   ", id="title-blank"),
    pytest.param("title", "J" * 151, id="title-151"),
    pytest.param("title", 42, id="title-number"),
    pytest.param("title", 4.5, id="title-float"),
    pytest.param("title", True, id="title-bool"),
    pytest.param("title", ["Judul"], id="title-list"),
    pytest.param("title", {"teks": "Judul"}, id="title-object"),
    pytest.param("title", None, id="title-null"),
    pytest.param("title", "Judul\u0000", id="title-nul"),
    pytest.param("body", "kata " * 20_000 + "x", id="body-100001"),
    pytest.param("body", pages_body(21), id="body-21-pages"),
    pytest.param("body", 42, id="body-number"),
    pytest.param("body", ["Isi"], id="body-list"),
    pytest.param("body", {"teks": "Isi"}, id="body-object"),
    pytest.param("body", None, id="body-null"),
    pytest.param("body", "Isi\u0000tulisan", id="body-nul"),
    pytest.param("category", "", id="category-empty"),
    pytest.param("category", "tidak-ada-kategori", id="category-unknown"),
    pytest.param("category", "ekonomi", id="category-rubric"),
    pytest.param("category", "k" * 61, id="category-too-long"),
    pytest.param("category", "Pertanian", id="category-wrong-case"),
    pytest.param("category", 42, id="category-number"),
    pytest.param("category", ["pertanian"], id="category-list"),
    pytest.param("category", {"slug": "pertanian"}, id="category-object"),
    pytest.param("category", None, id="category-null"),
    pytest.param("category", "pertanian\u0000", id="category-nul"),
    pytest.param("tags", [f"tag{n}" for n in range(11)], id="tags-11"),
    pytest.param("tags", ["t" * 31], id="tags-31-chars"),
    pytest.param("tags", "jagung", id="tags-string"),
    pytest.param("tags", 42, id="tags-number"),
    pytest.param("tags", {"jagung": 1}, id="tags-object"),
    pytest.param("tags", None, id="tags-null"),
    pytest.param("tags", [1, 2], id="tags-of-numbers"),
    pytest.param("tags", [["jagung"]], id="tags-of-lists"),
    pytest.param("tags", [None], id="tags-of-null"),
    pytest.param("tags", [{"slug": "jagung"}], id="tags-of-objects"),
    pytest.param("tags", ["jagung\u0000"], id="tags-nul"),
    pytest.param("tags", ["☕🌅"], id="tags-emoji-only"),
    pytest.param("tags", ["\u200d\u200f"], id="tags-invisible-only"),
    pytest.param("status", "hidden", id="status-hidden"),
    pytest.param("status", "", id="status-empty"),
    pytest.param("status", "PUBLISHED", id="status-wrong-case"),
    pytest.param("status", 1, id="status-number"),
    pytest.param("status", ["published"], id="status-list"),
    pytest.param("status", {"status": "published"}, id="status-object"),
    pytest.param("status", None, id="status-null"),
    pytest.param("image_caption", "c" * 201, id="caption-201"),
    pytest.param("image_caption", 42, id="caption-number"),
    pytest.param("image_caption", ["x"], id="caption-list"),
    pytest.param("image_caption", {"x": 1}, id="caption-object"),
    pytest.param("image_caption", None, id="caption-null"),
    pytest.param("image_caption", "Foto\u0000", id="caption-nul"),
    pytest.param("image_source", "s" * 201, id="source-201"),
    pytest.param("image_source", 42, id="source-number"),
    pytest.param("image_source", ["x"], id="source-list"),
    pytest.param("image_source", {"x": 1}, id="source-object"),
    pytest.param("image_source", None, id="source-null"),
    pytest.param("image_source", "Dok\u0000", id="source-nul"),
]
TEXT_FIELDS = ["title", "body", "category", "status", "image_caption", "image_source"]
LONE_SURROGATES = [
    pytest.param("\\ud800", id="high"),
    pytest.param("\\udfff", id="low"),
    pytest.param("Judul \\ud83d", id="half-an-emoji"),
]
MALFORMED_BODIES = [
    pytest.param("{", id="truncated"),
    pytest.param("{'title': 'Judul'}", id="single-quotes"),
    pytest.param('{"title": "Judul",}', id="trailing-comma"),
    pytest.param("bukan json", id="plain-text"),
    pytest.param("", id="empty"),
    pytest.param(b"\xff\xfe{", id="not-utf8"),
]
NON_OBJECT_BODIES = [
    pytest.param("[]", id="empty-list"),
    pytest.param('[{"title": "Judul", "category": "pertanian"}]', id="list-of-article"),
    pytest.param('"Judul"', id="string"),
    pytest.param("42", id="number"),
    pytest.param("true", id="bool"),
    pytest.param("null", id="null"),
]


# --- POST /api/v1/articles ------------------------------------------------------------


def test_it_publishes_an_article_and_answers_it_in_full(writer: User, writer_api: Api) -> None:
    before = timezone.now()
    response = writer_api.post("/articles", article_input())
    assert response.status_code == 201, response.content
    body = response.json()
    article = assert_article(body)
    assert article.author == writer
    assert body["title"] == "Menanam Jagung di Lahan Kering"
    assert body["slug"] == "menanam-jagung-di-lahan-kering"
    assert body["url"] == f"/penulis/{body['id']}/menanam-jagung-di-lahan-kering"
    assert body["status"] == "published"
    assert body["author"] == {
        "username": "penulis",
        "display_name": "Sekar Penulis",
        "url": "/penulis",
    }
    assert body["category"] == {"slug": "pertanian", "name": "Pertanian"}
    assert sorted(body["tags"]) == ["jagung", "ntt"]
    assert body["excerpt"].startswith("Musim kemarau di Nusa Tenggara Timur panjang.")
    assert body["page_count"] == 1
    assert "<strong>Nusa Tenggara Timur</strong>" in body["pages"][0]
    assert body["image"] is None
    assert body["reading_minutes"] == 1
    published_at = parse_time(body["published_at"])
    assert before - timedelta(seconds=1) <= published_at <= timezone.now() + timedelta(seconds=1)
    assert body["view_count"] == 0 and body["comment_count"] == 0
    assert body["ratings"] == {} or all(v == 0 for v in body["ratings"].values())


def test_the_new_article_is_readable_by_anyone_at_its_id(
    anon_api: Api, published: dict[str, Any]
) -> None:
    response = anon_api.get(f"/articles/{published['id']}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert_article(body)
    assert body["title"] == published["title"]
    assert body["pages"] == published["pages"]


def test_an_article_is_a_draft_unless_published(writer: User, writer_api: Api) -> None:
    payload = article_input()
    del payload["status"]
    response = writer_api.post("/articles", payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert_article(body)
    assert body["status"] == "draft"
    assert body["published_at"] is None
    assert counts(writer, "jagung", "ntt") == (0, 0, 0)


def test_only_title_and_category_are_needed(writer_api: Api) -> None:
    response = writer_api.post("/articles", {"title": "Cukup Judul", "category": "sekolah"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert_article(body)
    assert body["tags"] == [] and body["status"] == "draft"
    assert body["category"] == {"slug": "sekolah", "name": "Sekolah"}


def test_the_caption_and_source_are_kept_for_the_image(
    writer_api: Api,
) -> None:
    body = new_article(writer_api, image_caption="Ladang di Oesao", image_source="Dok. pribadi")
    article = Article.objects.get(pk=body["id"])
    assert (article.image_caption, article.image_source) == ("Ladang di Oesao", "Dok. pribadi")
    response = writer_api.upload(f"/articles/{body['id']}/image", "foto.png", image_bytes())
    assert response.status_code == 200, response.content
    image = response.json()["image"]
    assert image["caption"] == "Ladang di Oesao" and image["source"] == "Dok. pribadi"


def test_tags_are_answered_as_slugs(writer_api: Api) -> None:
    body = new_article(writer_api, tags=["Pertanian Organik", "#NTT", "kopi"])
    assert_article(body)
    assert sorted(body["tags"]) == ["kopi", "ntt", "pertanian-organik"]


@pytest.mark.parametrize("length", [1, 150])
def test_it_accepts_titles_of_one_to_150_characters(writer_api: Api, length: int) -> None:
    title = ("Kopi Flores " * 20)[: length - 1] + "K"
    assert len(title) == length
    body = new_article(writer_api, title=title)
    assert body["title"] == title
    assert Article.objects.get(pk=body["id"]).title == title


def test_it_accepts_a_body_of_exactly_100000_characters(writer_api: Api) -> None:
    text = "kata " * 20_000
    assert len(text) == 100_000
    body = new_article(writer_api, body=text)
    assert_article(body)
    assert Article.objects.get(pk=body["id"]).body == text


def test_a_line_holding_only_nextpage_starts_a_new_page(writer_api: Api) -> None:
    text = f"Pembuka tulisan.\n{BREAK}\nBagian kedua.\n  {BREAK}\t\nBagian ketiga."
    body = new_article(writer_api, body=text)
    assert_article(body)
    assert body["page_count"] == 3
    assert "Pembuka tulisan." in body["pages"][0]
    assert "Bagian kedua." in body["pages"][1]
    assert "Bagian ketiga." in body["pages"][2]
    assert all("nextpage" not in page for page in body["pages"])


def test_nextpage_inside_a_line_does_not_split(writer_api: Api) -> None:
    body = new_article(writer_api, body=f"Satu kalimat {BREAK} yang sama.\n\nLagi {BREAK}")
    assert body["page_count"] == 1
    assert len(body["pages"]) == 1


def test_it_accepts_twenty_pages(writer_api: Api) -> None:
    body = new_article(writer_api, body=pages_body(20))
    assert_article(body)
    assert body["page_count"] == 20
    for number, page in enumerate(body["pages"], 1):
        assert f"Halaman nomor {number} dari" in page


def test_it_accepts_ten_tags_of_thirty_characters(writer_api: Api) -> None:
    tags = [f"{n:02d}" + "t" * 28 for n in range(10)]
    assert all(len(tag) == 30 for tag in tags)
    body = new_article(writer_api, tags=tags)
    assert sorted(body["tags"]) == sorted(tags)


def test_anonymous_callers_cannot_write(anon_api: Api) -> None:
    response = anon_api.post("/articles", article_input())
    assert_error_shape(response, 401)
    assert not Article.objects.exists()


def test_an_unknown_token_cannot_write(writer: User) -> None:
    response = Api(Client(), "bukan-token-yang-sah").post("/articles", article_input())
    assert_error_shape(response, 401)
    assert not Article.objects.exists()


@pytest.mark.parametrize("field", ["title", "category"])
def test_it_refuses_a_missing_required_field(writer_api: Api, field: str) -> None:
    payload = article_input()
    del payload[field]
    assert_field_error(writer_api.post("/articles", payload), field)
    assert not Article.objects.exists()


@pytest.mark.parametrize(("field", "value"), INVALID_VALUES)
def test_it_refuses_bad_values_and_creates_nothing(
    writer: User, writer_api: Api, field: str, value: Any
) -> None:
    response = writer_api.post("/articles", article_input(**{field: value}))
    assert_field_error(response, field)
    assert not Article.objects.exists()
    assert counts(writer, "jagung", "ntt") == (0, 0, 0)


@pytest.mark.parametrize("escaped", LONE_SURROGATES)
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_it_refuses_lone_surrogates(writer_api: Api, field: str, escaped: str) -> None:
    raw = raw_json_with(article_input(), field, escaped)
    response = writer_api.call("post", "/articles", raw=raw)
    assert_field_error(response, field)
    assert not Article.objects.exists()


def test_it_refuses_a_lone_surrogate_in_a_tag(writer_api: Api) -> None:
    response = writer_api.call(
        "post", "/articles", raw=raw_json_with_tag(article_input(), "\\ud800")
    )
    assert_field_error(response, "tags")
    assert not Article.objects.exists()


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_it_refuses_malformed_json(writer_api: Api, raw: str) -> None:
    response = writer_api.call("post", "/articles", raw=raw)
    assert_client_error(response)
    assert not Article.objects.exists()


@pytest.mark.parametrize("raw", NON_OBJECT_BODIES)
def test_it_refuses_json_that_is_not_an_object(writer_api: Api, raw: str) -> None:
    response = writer_api.call("post", "/articles", raw=raw)
    assert_client_error(response)
    assert not Article.objects.exists()


def test_it_refuses_a_form_encoded_body(writer_api: Api) -> None:
    response = writer_api.call(
        "post",
        "/articles",
        raw="title=Judul&category=pertanian",
        content_type="application/x-www-form-urlencoded",
    )
    assert_client_error(response)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Kopi ☕ dan Senja 🌅 di Labuan Bajo", id="emoji"),
        pytest.param("Keluarga 👨‍👩‍👧‍👦 Petani", id="zwj-family"),
        pytest.param("Bendera 🇮🇩 dan 🏳️‍🌈", id="flags"),
        pytest.param("Café crème — “kutipan” ½", id="accents-and-quotes"),
    ],
)
def test_it_keeps_unicode_titles_exactly(writer_api: Api, title: str) -> None:
    body = new_article(writer_api, title=title)
    assert body["title"] == title
    assert Article.objects.get(pk=body["id"]).title == title
    assert SLUG_RE.match(body["slug"]), body["slug"]
    assert body["url"].endswith("/" + body["slug"])
    again = Api(Client()).get(f"/articles/{body['id']}")
    assert again.status_code == 200 and again.json()["title"] == title


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("\u202eJudul terbalik", id="rtl-override"),
        pytest.param("\u200f\u0645\u0631\u062d\u0628\u0627 Halo\u200e", id="rtl-marks"),
        pytest.param("Ju\u200bdul\u200c dengan\u200d sambungan", id="zero-width"),
        pytest.param("\ufeffJudul dengan BOM", id="bom"),
    ],
)
def test_titles_with_direction_or_invisible_marks_never_break(writer_api: Api, title: str) -> None:
    response = writer_api.post("/articles", article_input(title=title))
    if response.status_code == 201:
        body = response.json()
        assert_article(body)
        assert body["title"] == title, "kept exactly, not mangled"
        assert SLUG_RE.match(body["slug"])
    else:
        assert_field_error(response, "title")
        assert not Article.objects.exists()


def test_tags_with_emoji_keep_their_letters(writer_api: Api, anon_api: Api) -> None:
    body = new_article(writer_api, tags=["kopi☕", "senja 🌅", "ke\u200dluarga"])
    assert_article(body)
    assert "kopi" in body["tags"] and "senja" in body["tags"]
    for slug in body["tags"]:
        assert anon_api.get(f"/tags/{slug}").status_code == 200


# --- rendering safety ------------------------------------------------------------------

HOSTILE_BODY = """\
Paragraf biasa dengan [tautan biasa](https://example.com/halaman).

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<a href="javascript:alert(1)" onclick="alert(2)">tautan mentah</a>

<div onmouseover="alert(3)" style="position:fixed">div mentah</div>

<iframe src="https://evil.example/"></iframe>

[klik aku](javascript:alert(1))

[klik juga](JaVaScRiPt:alert(1))

[spasi](java&#x09;script:alert(1))

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

[vb](vbscript:msgbox(1))

![gambar luar](https://evil.example/x.png)

![gambar js](javascript:alert(1))

<https://example.org/otomatis>

www.example.net/tanpa-skema
"""


def test_hostile_markdown_never_yields_script_handlers_or_foreign_images(
    writer_api: Api,
) -> None:
    body = new_article(writer_api, body=HOSTILE_BODY + f"\n{BREAK}\n" + HOSTILE_BODY)
    assert body["page_count"] == 2
    for page in body["pages"]:
        found = assert_safe_html(page)
        assert not any(tag == "img" for tag, _ in found), "external images are not embedded"
        hrefs = [attrs.get("href", "") for tag, attrs in found if tag == "a"]
        assert "https://example.com/halaman" in hrefs
        assert "https://example.org/otomatis" in hrefs
    stored = list(Article.objects.get(pk=body["id"]).pages.values_list("html", flat=True))
    assert stored == body["pages"]


def test_every_link_carries_nofollow_ugc_noopener(writer_api: Api) -> None:
    body = new_article(
        writer_api,
        body="Baca [ini](https://example.com/a) dan [itu](http://example.com/b "
        '"judul").\n\nAtau https://example.org/c dan [surat](mailto:redaksi@example.com).',
    )
    links = [attrs for tag, attrs in elements(body["pages"][0]) if tag == "a"]
    assert len(links) == 4, body["pages"][0]
    for attrs in links:
        assert {"nofollow", "ugc", "noopener"} <= set(attrs.get("rel", "").split())


def test_raw_html_is_shown_as_text_not_markup(writer_api: Api) -> None:
    body = new_article(writer_api, body='<b onclick="x()">tebal</b> dan <u>garis</u>')
    page = body["pages"][0]
    tags = {tag for tag, _ in assert_safe_html(page)}
    assert "b" not in tags and "u" not in tags
    assert "onclick" not in page or "&lt;" in page


def test_an_uploaded_body_image_is_embedded_with_its_size(writer: User, writer_api: Api) -> None:
    url = body_image(writer)
    body = new_article(
        writer_api, body=f"![Sawah]({url})\n\n![luar](https://evil.example/{url.lstrip('/')})"
    )
    images = [attrs for tag, attrs in assert_safe_html(body["pages"][0]) if tag == "img"]
    assert len(images) == 1, body["pages"][0]
    assert images[0]["src"] == url
    assert (images[0].get("width"), images[0].get("height")) == ("640", "480")


def test_body_headings_start_below_the_title(writer_api: Api) -> None:
    body = new_article(writer_api, body="# Judul Bagian\n\nIsi.")
    tags = [tag for tag, _ in elements(body["pages"][0])]
    assert "h1" not in tags and "h2" in tags


# --- POST /api/v1/articles/{id}/image ---------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp"), ("GIF", "image/gif")],
)
def test_it_stores_the_featured_image_as_webp(
    writer_api: Api, published: dict[str, Any], fmt: str, mime: str
) -> None:
    response = writer_api.upload(
        f"/articles/{published['id']}/image", f"foto.{fmt.lower()}", image_bytes(fmt), mime
    )
    assert response.status_code == 200, response.content
    body = response.json()
    article = assert_article(body)
    assert body["image"]["width"] == 400 and body["image"]["height"] == 300
    for name in (article.image.name, article.image_medium.name, article.image_small.name):
        assert name.endswith(".webp")
        image, _ = stored_image(name)
        assert image.format == "WEBP"
    large, _ = stored_image(article.image.name)
    assert large.size == (400, 300)


def test_a_large_image_is_scaled_down_keeping_its_shape(
    writer_api: Api, published: dict[str, Any]
) -> None:
    response = writer_api.upload(
        f"/articles/{published['id']}/image",
        "besar.jpg",
        image_bytes("JPEG", (2400, 1600)),
        "image/jpeg",
    )
    assert response.status_code == 200, response.content
    image = response.json()["image"]
    assert (image["width"], image["height"]) == (1200, 800)
    stored, _ = stored_image(Article.objects.get(pk=published["id"]).image.name)
    assert stored.size == (1200, 800)


def test_the_image_shows_in_the_article_and_the_listing(
    anon_api: Api, with_image: dict[str, Any]
) -> None:
    got = anon_api.get(f"/articles/{with_image['id']}").json()
    assert got["image"] == with_image["image"]
    items = listing(anon_api)["items"]
    assert [item["image"] for item in items if item["id"] == with_image["id"]] == [
        with_image["image"]
    ]


def test_it_strips_exif_and_gps_from_the_image(writer_api: Api, published: dict[str, Any]) -> None:
    response = writer_api.upload(
        f"/articles/{published['id']}/image", "foto.jpg", jpeg_with_gps((800, 600)), "image/jpeg"
    )
    assert response.status_code == 200, response.content
    article = Article.objects.get(pk=published["id"])
    for name in (article.image.name, article.image_medium.name, article.image_small.name):
        image, data = stored_image(name)
        assert image.format == "WEBP"
        assert len(image.getexif()) == 0
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "exif" not in image.info
        assert b"KameraRahasia" not in data
        assert b"SeriPribadi" not in data
        assert b"EXIF" not in data and b"Exif" not in data


def test_a_new_image_replaces_the_old_files(
    writer_api: Api, with_image: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    before = Article.objects.get(pk=with_image["id"])
    old = [before.image.name, before.image_medium.name, before.image_small.name]
    assert all(default_storage.exists(name) for name in old)
    with django_capture_on_commit_callbacks(execute=True):
        response = writer_api.upload(
            f"/articles/{with_image['id']}/image", "baru.jpg", image_bytes("JPEG"), "image/jpeg"
        )
    assert response.status_code == 200, response.content
    after = Article.objects.get(pk=with_image["id"])
    assert response.json()["image"]["url"] == after.image.url != with_image["image"]["url"]
    assert default_storage.exists(after.image.name)
    for name in old:
        assert not default_storage.exists(name)


def _over_40_megapixels() -> bytes:
    return bilevel_png((8000, 5001))


IMAGE_REFUSALS = [
    *NOT_ACCEPTABLE_IMAGES,
    pytest.param(pdf, "foto.pdf", "application/pdf", id="pdf"),
    pytest.param(_over_40_megapixels, "besar.png", "image/png", id="over-40-megapixels"),
    pytest.param(gif_bomb, "bom.gif", "image/gif", id="gif-bomb"),
]


@pytest.mark.parametrize(("make", "name", "mime"), IMAGE_REFUSALS)
def test_it_refuses_files_that_are_not_acceptable_images_and_keeps_the_old_one(
    writer_api: Api, with_image: dict[str, Any], make: Callable[[], bytes], name: str, mime: str
) -> None:
    article_id = with_image["id"]
    before = article_state(article_id)
    response = writer_api.upload(f"/articles/{article_id}/image", name, make(), mime)
    assert response.status_code in (413, 415, 422), response.content
    assert_error_shape(response, response.status_code, "file")
    assert article_state(article_id) == before
    article = Article.objects.get(pk=article_id)
    for stored in (article.image.name, article.image_medium.name, article.image_small.name):
        assert default_storage.exists(stored)
    assert Api(Client()).get(f"/articles/{article_id}").json()["image"] == with_image["image"]


def test_it_refuses_an_image_over_10_mb_with_413(
    writer_api: Api, with_image: dict[str, Any]
) -> None:
    data = image_bytes("PNG")
    data += b"\x00" * (10 * 1024 * 1024 + 1 - len(data))
    before = article_state(with_image["id"])
    response = writer_api.upload(f"/articles/{with_image['id']}/image", "besar.png", data)
    assert_error_shape(response, 413, "file")
    assert article_state(with_image["id"]) == before
    assert default_storage.exists(Article.objects.get(pk=with_image["id"]).image.name)


def test_an_image_of_exactly_10_mb_is_not_refused_for_its_size(
    writer_api: Api, published: dict[str, Any]
) -> None:
    data = image_bytes("PNG")
    data += b"\x00" * (10 * 1024 * 1024 - len(data))
    response = writer_api.upload(f"/articles/{published['id']}/image", "pas.png", data)
    assert response.status_code == 200, response.content
    assert response.json()["image"]["width"] == 400


def test_it_refuses_an_upload_without_a_file(writer_api: Api, with_image: dict[str, Any]) -> None:
    before = article_state(with_image["id"])
    response = writer_api.client.post(
        f"/api/v1/articles/{with_image['id']}/image",
        {"gambar": "bukan-file"},
        headers=writer_api._headers(),
    )
    assert_field_error(response, "file")
    assert article_state(with_image["id"]) == before


def test_it_refuses_an_image_sent_as_json(writer_api: Api, with_image: dict[str, Any]) -> None:
    before = article_state(with_image["id"])
    response = writer_api.post(f"/articles/{with_image['id']}/image", {"file": "aGFsbw=="})
    assert_client_error(response)
    assert article_state(with_image["id"]) == before


def test_anonymous_callers_cannot_upload_an_image(
    anon_api: Api, with_image: dict[str, Any]
) -> None:
    before = article_state(with_image["id"])
    response = anon_api.upload(f"/articles/{with_image['id']}/image", "foto.png", image_bytes())
    assert_error_shape(response, 401)
    assert article_state(with_image["id"]) == before


def test_another_writer_cannot_change_the_image_of_a_published_article(
    reader_api: Api, with_image: dict[str, Any]
) -> None:
    before = article_state(with_image["id"])
    response = reader_api.upload(f"/articles/{with_image['id']}/image", "foto.png", image_bytes())
    assert_error_shape(response, 403)
    assert article_state(with_image["id"]) == before


@pytest.mark.parametrize("kind", ["draft", "hidden"])
def test_an_image_upload_to_someone_elses_unpublished_article_is_404(
    request: pytest.FixtureRequest, reader_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    before = article_state(article["id"])
    response = reader_api.upload(f"/articles/{article['id']}/image", "foto.png", image_bytes())
    assert_error_shape(response, 404)
    assert article_state(article["id"]) == before


def test_staff_can_set_the_image_of_a_draft(admin_api: Api, draft: dict[str, Any]) -> None:
    response = admin_api.upload(f"/articles/{draft['id']}/image", "foto.png", image_bytes())
    assert response.status_code == 200, response.content
    assert response.json()["image"] is not None


def test_the_author_can_set_the_image_of_their_draft(
    writer_api: Api, draft: dict[str, Any]
) -> None:
    response = writer_api.upload(f"/articles/{draft['id']}/image", "foto.png", image_bytes())
    assert response.status_code == 200, response.content
    assert_article(response.json())


def test_an_image_upload_to_a_missing_article_is_404(writer_api: Api) -> None:
    response = writer_api.upload("/articles/987654/image", "foto.png", image_bytes())
    assert_error_shape(response, 404)


# --- GET /api/v1/articles/{id}: who sees what -------------------------------------------

VISIBILITY = [
    pytest.param("published", "anon", 200, id="published-anon"),
    pytest.param("published", "reader", 200, id="published-reader"),
    pytest.param("published", "writer", 200, id="published-author"),
    pytest.param("published", "admin", 200, id="published-staff"),
    pytest.param("draft", "anon", 404, id="draft-anon"),
    pytest.param("draft", "reader", 404, id="draft-reader"),
    pytest.param("draft", "writer", 200, id="draft-author"),
    pytest.param("draft", "admin", 200, id="draft-staff"),
    pytest.param("hidden", "anon", 404, id="hidden-anon"),
    pytest.param("hidden", "reader", 404, id="hidden-reader"),
    pytest.param("hidden", "writer", 200, id="hidden-author"),
    pytest.param("hidden", "admin", 200, id="hidden-staff"),
]


@pytest.mark.parametrize(("kind", "who", "status"), VISIBILITY)
def test_who_may_read_an_article(
    request: pytest.FixtureRequest, callers: dict[str, Api], kind: str, who: str, status: int
) -> None:
    article = request.getfixturevalue(kind)
    response = callers[who].get(f"/articles/{article['id']}")
    if status == 200:
        assert response.status_code == 200, response.content
        body = response.json()
        assert_article(body)
        assert body["status"] == kind
    else:
        body = assert_error_shape(response, 404)
        assert article["title"] not in response.content.decode()


def test_the_author_reads_their_draft_with_a_session_too(
    writer: User, draft: dict[str, Any]
) -> None:
    client = Client()
    client.force_login(writer)
    response = client.get(f"/api/v1/articles/{draft['id']}")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"


@pytest.mark.parametrize(
    "article_id", ["987654", "0", "99999999999999999999", "9223372036854775808"]
)
def test_a_missing_article_is_404(anon_api: Api, article_id: str) -> None:
    assert_error_shape(anon_api.get(f"/articles/{article_id}"), 404)


@pytest.mark.parametrize("article_id", ["abc", "-1", "1.5", "%00"])
def test_an_id_that_is_not_a_number_is_a_client_error(anon_api: Api, article_id: str) -> None:
    response = anon_api.get(f"/articles/{article_id}")
    assert_client_error(response)


def test_a_deleted_authors_article_is_gone(
    anon_api: Api, writer: User, published: dict[str, Any]
) -> None:
    writer.delete()
    assert_error_shape(anon_api.get(f"/articles/{published['id']}"), 404)


# --- PATCH /api/v1/articles/{id} --------------------------------------------------------


def test_patch_changes_only_the_fields_sent(writer_api: Api, published: dict[str, Any]) -> None:
    before = Article.objects.get(pk=published["id"])
    response = writer_api.patch(f"/articles/{published['id']}", {"title": "Jagung Bose dari Timor"})
    assert response.status_code == 200, response.content
    body = response.json()
    after = assert_article(body)
    assert body["title"] == "Jagung Bose dari Timor"
    assert body["slug"] == "jagung-bose-dari-timor"
    assert body["url"] == f"/penulis/{published['id']}/jagung-bose-dari-timor"
    assert after.body == before.body
    assert after.category_id == before.category_id
    assert after.tag_list == before.tag_list
    assert body["tags"] == published["tags"]
    assert body["pages"] == published["pages"]
    assert body["status"] == "published"
    assert after.published_at == before.published_at


def test_an_empty_patch_changes_nothing(writer_api: Api, published: dict[str, Any]) -> None:
    before = article_state(published["id"])
    response = writer_api.patch(f"/articles/{published['id']}", {})
    assert response.status_code == 200, response.content
    assert_article(response.json())
    assert article_state(published["id"]) == before


def test_editing_the_body_renders_the_pages_again(
    writer_api: Api, published: dict[str, Any]
) -> None:
    text = f"Bagian *pertama* yang baru.\n{BREAK}\nBagian kedua yang baru."
    response = writer_api.patch(f"/articles/{published['id']}", {"body": text})
    assert response.status_code == 200, response.content
    body = response.json()
    assert_article(body)
    assert body["page_count"] == 2
    assert "<em>pertama</em>" in body["pages"][0]
    assert "Bagian kedua yang baru." in body["pages"][1]
    assert body["excerpt"].startswith("Bagian pertama yang baru.")
    assert body["title"] == published["title"]
    stored = list(Article.objects.get(pk=published["id"]).pages.values_list("html", flat=True))
    assert stored == body["pages"]
    fresh = Api(Client()).get(f"/articles/{published['id']}").json()
    assert fresh["pages"] == body["pages"]


def test_editing_a_published_article_sets_updated_at(
    writer_api: Api, published: dict[str, Any]
) -> None:
    before = published["updated_at"]
    published_at = parse_time(published["published_at"])
    response = writer_api.patch(f"/articles/{published['id']}", {"body": "Isi yang diperbaiki."})
    assert response.status_code == 200, response.content
    after = response.json()["updated_at"]
    assert after is not None
    assert parse_time(after) >= published_at
    assert before is None or parse_time(after) > parse_time(before)
    assert Article.objects.get(pk=published["id"]).updated_at is not None


def test_patch_can_move_an_article_to_another_category(
    anon_api: Api, writer_api: Api, published: dict[str, Any]
) -> None:
    response = writer_api.patch(f"/articles/{published['id']}", {"category": "sekolah"})
    assert response.status_code == 200, response.content
    assert response.json()["category"] == {"slug": "sekolah", "name": "Sekolah"}
    assert published["id"] in listed_ids(anon_api, "?category=pendidikan")
    assert published["id"] not in listed_ids(anon_api, "?category=ekonomi")


def test_patch_replaces_the_tags_and_moves_their_counts(
    anon_api: Api, writer: User, writer_api: Api, published: dict[str, Any]
) -> None:
    assert counts(writer, "jagung", "ntt", "sorgum") == (1, 1, 1, 0)
    response = writer_api.patch(f"/articles/{published['id']}", {"tags": ["ntt", "sorgum"]})
    assert response.status_code == 200, response.content
    assert sorted(response.json()["tags"]) == ["ntt", "sorgum"]
    assert counts(writer, "jagung", "ntt", "sorgum") == (1, 0, 1, 1)
    assert anon_api.get("/tags/sorgum").json()["article_count"] == 1
    # No public article carries it any more: the tag is not public either.
    assert anon_api.get("/tags/jagung").status_code == 404
    assert published["id"] not in listed_ids(anon_api, "?tag=jagung")
    assert published["id"] in listed_ids(anon_api, "?tag=sorgum")


def test_patch_can_clear_the_tags(writer: User, writer_api: Api, published: dict[str, Any]) -> None:
    response = writer_api.patch(f"/articles/{published['id']}", {"tags": []})
    assert response.status_code == 200, response.content
    assert response.json()["tags"] == []
    assert counts(writer, "jagung", "ntt") == (1, 0, 0)


def test_staff_may_edit_anyones_article(admin_api: Api, published: dict[str, Any]) -> None:
    response = admin_api.patch(f"/articles/{published['id']}", {"title": "Disunting Redaksi"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Disunting Redaksi"
    assert body["author"]["username"] == "penulis", "staff edits keep the author"


def test_staff_may_edit_a_draft(admin_api: Api, draft: dict[str, Any]) -> None:
    response = admin_api.patch(f"/articles/{draft['id']}", {"title": "Draf Disunting"})
    assert response.status_code == 200, response.content
    assert Article.objects.get(pk=draft["id"]).title == "Draf Disunting"


def test_another_writer_gets_403_on_patch_and_nothing_changes(
    reader_api: Api, published: dict[str, Any]
) -> None:
    before = article_state(published["id"])
    response = reader_api.patch(f"/articles/{published['id']}", {"title": "Dibajak"})
    assert_error_shape(response, 403)
    assert article_state(published["id"]) == before


@pytest.mark.parametrize("kind", ["draft", "hidden"])
def test_patching_someone_elses_unpublished_article_is_404(
    request: pytest.FixtureRequest, reader_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    before = article_state(article["id"])
    response = reader_api.patch(f"/articles/{article['id']}", {"title": "Dibajak"})
    assert_error_shape(response, 404)
    assert article_state(article["id"]) == before


@pytest.mark.parametrize("kind", ["published", "draft", "hidden"])
def test_anonymous_callers_cannot_patch(
    request: pytest.FixtureRequest, anon_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    before = article_state(article["id"])
    response = anon_api.patch(f"/articles/{article['id']}", {"title": "Dibajak"})
    assert_error_shape(response, 401)
    assert article_state(article["id"]) == before


def test_patching_a_missing_article_is_404(writer_api: Api) -> None:
    assert_error_shape(writer_api.patch("/articles/987654", {"title": "Tidak ada"}), 404)


def test_an_author_cannot_publish_their_hidden_article_again(
    anon_api: Api, writer: User, writer_api: Api, hidden: dict[str, Any]
) -> None:
    """Only a moderator's restore undoes a hide (the API's moderation endpoints)."""
    before = counts(writer, "rahasia")
    response = writer_api.patch(f"/articles/{hidden['id']}", {"status": "published"})
    assert response.status_code in (200, 403, 409, 422), response.content
    if response.status_code != 200:
        assert_error_shape(response, response.status_code)
    assert Article.objects.get(pk=hidden["id"]).status == "hidden"
    assert_error_shape(anon_api.get(f"/articles/{hidden['id']}"), 404)
    assert hidden["id"] not in listed_ids(anon_api)
    assert counts(writer, "rahasia") == before


@pytest.mark.parametrize(("field", "value"), INVALID_VALUES)
def test_patch_refuses_bad_values_and_keeps_the_article(
    writer_api: Api, published: dict[str, Any], field: str, value: Any
) -> None:
    before = article_state(published["id"])
    response = writer_api.patch(f"/articles/{published['id']}", {field: value})
    assert_field_error(response, field)
    assert article_state(published["id"]) == before


@pytest.mark.parametrize(("field", "value"), INVALID_VALUES)
def test_a_refused_patch_saves_none_of_its_fields(
    writer: User, writer_api: Api, published: dict[str, Any], field: str, value: Any
) -> None:
    valid = {
        "title": "Judul Baru Sekali",
        "body": "Isi baru sekali.",
        "category": "sekolah",
        "tags": ["baru"],
        "status": "draft",
        "image_caption": "Keterangan baru",
        "image_source": "Sumber baru",
    }
    before = article_state(published["id"])
    before_counts = counts(writer, "jagung", "ntt", "baru")
    response = writer_api.patch(f"/articles/{published['id']}", {**valid, field: value})
    assert_field_error(response, field)
    assert article_state(published["id"]) == before
    assert counts(writer, "jagung", "ntt", "baru") == before_counts


@pytest.mark.parametrize("escaped", LONE_SURROGATES)
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_patch_refuses_lone_surrogates(
    writer_api: Api, published: dict[str, Any], field: str, escaped: str
) -> None:
    before = article_state(published["id"])
    raw = raw_json_with({}, field, escaped)
    response = writer_api.call("patch", f"/articles/{published['id']}", raw=raw)
    assert_field_error(response, field)
    assert article_state(published["id"]) == before


def test_patch_refuses_a_lone_surrogate_in_a_tag(
    writer_api: Api, published: dict[str, Any]
) -> None:
    before = article_state(published["id"])
    raw = raw_json_with_tag({}, "\\ud800")
    response = writer_api.call("patch", f"/articles/{published['id']}", raw=raw)
    assert_field_error(response, "tags")
    assert article_state(published["id"]) == before


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_patch_refuses_malformed_json(writer_api: Api, published: dict[str, Any], raw: str) -> None:
    before = article_state(published["id"])
    response = writer_api.call("patch", f"/articles/{published['id']}", raw=raw)
    assert_client_error(response)
    assert article_state(published["id"]) == before


@pytest.mark.parametrize("raw", NON_OBJECT_BODIES)
def test_patch_refuses_json_that_is_not_an_object(
    writer_api: Api, published: dict[str, Any], raw: str
) -> None:
    before = article_state(published["id"])
    response = writer_api.call("patch", f"/articles/{published['id']}", raw=raw)
    assert_client_error(response)
    assert article_state(published["id"]) == before


def test_patch_cannot_change_the_author_or_the_counters(
    writer: User, reader: User, writer_api: Api, published: dict[str, Any]
) -> None:
    response = writer_api.patch(
        f"/articles/{published['id']}",
        {
            "title": "Judul Sah",
            "author": "pembaca",
            "view_count": 1_000_000,
            "comment_count": 500,
            "ratings": {"inspiratif": 99},
            "published_at": "2000-01-01T00:00:00+07:00",
            "id": 1,
        },
    )
    if response.status_code == 200:
        article = Article.objects.get(pk=published["id"])
        assert article.title == "Judul Sah"
        assert article.author_id == writer.pk
        assert article.view_count == 0 and article.comment_count == 0
        assert article.rating_counts == {}
        assert article.published_at is not None and article.published_at.year > 2000
    else:
        assert_client_error(response)
        assert Article.objects.get(pk=published["id"]).title == published["title"]


# --- publishing and counts --------------------------------------------------------------


def test_publishing_moves_the_author_and_tag_counts(
    anon_api: Api, writer: User, writer_api: Api, draft: dict[str, Any]
) -> None:
    assert counts(writer, "draf") == (0, 0)
    response = writer_api.patch(f"/articles/{draft['id']}", {"status": "published"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "published"
    assert body["published_at"] is not None
    assert counts(writer, "draf") == (1, 1)
    assert anon_api.get("/users/penulis").json()["article_count"] == 1
    assert anon_api.get("/tags/draf").json()["article_count"] == 1
    assert draft["id"] in listed_ids(anon_api)
    assert anon_api.get(f"/articles/{draft['id']}").status_code == 200


def test_unpublishing_moves_the_counts_back(
    anon_api: Api, writer: User, writer_api: Api, published: dict[str, Any]
) -> None:
    assert counts(writer, "jagung", "ntt") == (1, 1, 1)
    response = writer_api.patch(f"/articles/{published['id']}", {"status": "draft"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"
    assert counts(writer, "jagung", "ntt") == (0, 0, 0)
    assert anon_api.get("/users/penulis").json()["article_count"] == 0
    # No public article carries it any more: the tag is not public either.
    assert anon_api.get("/tags/jagung").status_code == 404
    assert published["id"] not in listed_ids(anon_api)
    assert_error_shape(anon_api.get(f"/articles/{published['id']}"), 404)


def test_publishing_twice_counts_once(
    writer: User, writer_api: Api, published: dict[str, Any]
) -> None:
    for _ in range(2):
        response = writer_api.patch(f"/articles/{published['id']}", {"status": "published"})
        assert response.status_code == 200, response.content
    assert counts(writer, "jagung", "ntt") == (1, 1, 1)


def test_unpublishing_a_draft_counts_nothing(
    writer: User, writer_api: Api, draft: dict[str, Any], published: dict[str, Any]
) -> None:
    response = writer_api.patch(f"/articles/{draft['id']}", {"status": "draft"})
    assert response.status_code == 200, response.content
    assert counts(writer, "draf", "jagung") == (1, 0, 1)


def test_publish_unpublish_publish_returns_to_one(
    writer: User, writer_api: Api, published: dict[str, Any]
) -> None:
    path = f"/articles/{published['id']}"
    for status in ("draft", "published", "draft", "published"):
        assert writer_api.patch(path, {"status": status}).status_code == 200
    assert counts(writer, "jagung", "ntt") == (1, 1, 1)
    assert Article.objects.get(pk=published["id"]).published_at is not None


def test_publishing_on_creation_counts_the_author_and_tags(writer: User, writer_api: Api) -> None:
    new_article(writer_api, tags=["kopi", "flores"])
    new_article(writer_api, title="Kopi Bajawa", tags=["kopi"])
    new_article(writer_api, title="Draf Kopi", tags=["kopi"], status="draft")
    assert counts(writer, "kopi", "flores") == (2, 2, 1)


# --- DELETE /api/v1/articles/{id} -------------------------------------------------------


def test_the_author_deletes_an_article_and_the_counts_go_down(
    anon_api: Api,
    writer: User,
    writer_api: Api,
    with_image: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    article = Article.objects.get(pk=with_image["id"])
    files = [article.image.name, article.image_medium.name, article.image_small.name]
    assert counts(writer, "jagung", "ntt") == (1, 1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = writer_api.delete(f"/articles/{with_image['id']}")
    assert response.status_code == 204, response.content
    assert not response.content.strip()
    assert not Article.objects.filter(pk=with_image["id"]).exists()
    assert counts(writer, "jagung", "ntt") == (0, 0, 0)
    # Its last public article gone, the tag is no longer public.
    assert anon_api.get("/tags/ntt").status_code == 404
    assert_error_shape(anon_api.get(f"/articles/{with_image['id']}"), 404)
    assert with_image["id"] not in listed_ids(anon_api)
    for name in files:
        assert not default_storage.exists(name)


def test_deleting_a_draft_leaves_the_counts(
    writer: User, writer_api: Api, draft: dict[str, Any], published: dict[str, Any]
) -> None:
    response = writer_api.delete(f"/articles/{draft['id']}")
    assert response.status_code == 204, response.content
    assert counts(writer, "draf", "jagung") == (1, 0, 1)


def test_deleting_twice_is_404(writer_api: Api, published: dict[str, Any]) -> None:
    assert writer_api.delete(f"/articles/{published['id']}").status_code == 204
    assert_error_shape(writer_api.delete(f"/articles/{published['id']}"), 404)


def test_staff_may_delete_anyones_article(
    admin_api: Api, writer: User, published: dict[str, Any]
) -> None:
    response = admin_api.delete(f"/articles/{published['id']}")
    assert response.status_code == 204, response.content
    assert not Article.objects.filter(pk=published["id"]).exists()
    assert counts(writer, "jagung") == (0, 0)


@pytest.mark.parametrize("kind", ["draft", "hidden"])
def test_staff_may_delete_unpublished_articles(
    request: pytest.FixtureRequest, admin_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    assert admin_api.delete(f"/articles/{article['id']}").status_code == 204
    assert not Article.objects.filter(pk=article["id"]).exists()


def test_another_writer_gets_403_on_delete(
    reader_api: Api, writer: User, published: dict[str, Any]
) -> None:
    before = article_state(published["id"])
    assert_error_shape(reader_api.delete(f"/articles/{published['id']}"), 403)
    assert article_state(published["id"]) == before
    assert counts(writer, "jagung") == (1, 1)


@pytest.mark.parametrize("kind", ["draft", "hidden"])
def test_deleting_someone_elses_unpublished_article_is_404(
    request: pytest.FixtureRequest, reader_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    assert_error_shape(reader_api.delete(f"/articles/{article['id']}"), 404)
    assert Article.objects.filter(pk=article["id"]).exists()


@pytest.mark.parametrize("kind", ["published", "draft", "hidden"])
def test_anonymous_callers_cannot_delete(
    request: pytest.FixtureRequest, anon_api: Api, kind: str
) -> None:
    article = request.getfixturevalue(kind)
    assert_error_shape(anon_api.delete(f"/articles/{article['id']}"), 401)
    assert Article.objects.filter(pk=article["id"]).exists()


def test_deleting_a_missing_article_is_404(writer_api: Api) -> None:
    assert_error_shape(writer_api.delete("/articles/987654"), 404)


# --- GET /api/v1/articles ---------------------------------------------------------------


def spread(article_ids: list[int], start: datetime | None = None) -> None:
    """Give the articles distinct publication times, the first one the oldest."""
    start = start or timezone.now() - timedelta(days=10)
    for minutes, article_id in enumerate(article_ids):
        at = start + timedelta(minutes=minutes)
        Article.objects.filter(pk=article_id).update(published_at=at)
        ArticleTag.objects.filter(article_id=article_id).update(published_at=at)


def test_the_listing_shows_published_summaries_only(
    anon_api: Api,
    published: dict[str, Any],
    draft: dict[str, Any],
    hidden: dict[str, Any],
) -> None:
    body = listing(anon_api)
    assert [item["id"] for item in body["items"]] == [published["id"]]
    assert body["next_cursor"] is None
    item = body["items"][0]
    assert_article(item, full=False)
    assert {k: v for k, v in published.items() if k != "pages"} == item


def test_the_author_sees_only_published_articles_in_the_listing_too(
    writer_api: Api, admin_api: Api, published: dict[str, Any], draft: dict[str, Any]
) -> None:
    assert listed_ids(writer_api) == [published["id"]]
    assert listed_ids(admin_api) == [published["id"]]


def test_an_empty_listing(anon_api: Api, db: Any) -> None:
    body = listing(anon_api)
    assert body["items"] == [] and body["next_cursor"] is None


def test_the_cursor_walks_every_published_article_once_newest_first(
    anon_api: Api, writer_api: Api, settings: Any
) -> None:
    settings.RATE_LIMITS_ENABLED = False  # 13 saves in a moment, above the per-minute limit
    ids = [new_article(writer_api, title=f"Tulisan ke-{n}", tags=[])["id"] for n in range(12)]
    new_article(writer_api, title="Draf di tengah", status="draft")
    spread(ids)
    pages = walk(anon_api, "", 5)  # a small page: three pages from a dozen articles
    assert [len(page) for page in pages] == [5, 5, 2]
    seen = [article_id for page in pages for article_id in page]
    assert len(seen) == len(set(seen)) == 12
    assert seen == list(reversed(ids))
    times = []
    for article_id in seen[:3]:
        at = Article.objects.get(pk=article_id).published_at
        assert at is not None
        times.append(at)
    assert times == sorted(times, reverse=True)


def test_the_default_page_holds_twenty(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(21)]
    spread(ids)
    body = listing(anon_api)
    assert len(body["items"]) == 20
    assert body["next_cursor"] is not None
    rest = listing(anon_api, f"?cursor={body['next_cursor']}")
    assert [item["id"] for item in rest["items"]] == [ids[0]]
    assert rest["next_cursor"] is None


def test_an_exactly_full_last_page_has_no_next_cursor(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(4)]
    spread(ids)
    pages = walk(anon_api, "", 2)
    assert pages == [[ids[3], ids[2]], [ids[1], ids[0]]]


def test_articles_published_at_the_same_moment_are_neither_lost_nor_repeated(
    anon_api: Api, writer_api: Api
) -> None:
    ids = [new_article(writer_api, title=f"Serentak {n}", tags=[])["id"] for n in range(7)]
    moment = timezone.now() - timedelta(hours=1)
    Article.objects.filter(pk__in=ids).update(published_at=moment)
    seen = [article_id for page in walk(anon_api, "", 3) for article_id in page]
    assert seen == sorted(ids, reverse=True)


@pytest.mark.parametrize("limit", ["1", "100"])
def test_limits_from_1_to_100_are_accepted(anon_api: Api, writer_api: Api, limit: str) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(3)]
    spread(ids)
    body = listing(anon_api, f"?limit={limit}")
    assert len(body["items"]) == min(int(limit), 3)
    assert (body["next_cursor"] is None) == (int(limit) >= 3)


@pytest.mark.parametrize(
    "limit", ["0", "101", "-1", "abc", "1.5", "", "1e2", "99999999999999999999999"]
)
def test_limits_outside_1_to_100_are_refused(
    anon_api: Api, published: dict[str, Any], limit: str
) -> None:
    assert_field_error(anon_api.get(f"/articles?limit={limit}"), "limit")


def _b64(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


GARBAGE_CURSORS = [
    pytest.param("bukan-kursor!!", id="random-text"),
    pytest.param("%%%", id="percent-signs"),
    pytest.param(_b64("omong kosong sama sekali"), id="base64-of-nonsense"),
    pytest.param(_b64(b"\xff\xfe\x00\x01"), id="base64-of-binary"),
    pytest.param("A" * 10_000, id="10000-chars"),
    pytest.param(_b64("d2024-01-01T00:00:00|5"), id="naive-time"),
    pytest.param(_b64("dkemarin|5"), id="not-a-time"),
    pytest.param(_b64("d2024-01-01T00:00:00+07:00|lima"), id="id-not-a-number"),
    pytest.param(_b64("d2024-01-01T00:00:00+07:00|5|6"), id="too-many-parts"),
    pytest.param(_b64("x2024|5"), id="unknown-kind"),
    pytest.param(_b64("i12|5"), id="number-key-for-the-time-sort"),
    pytest.param(_b64("i" + "9" * 40 + "|5"), id="huge-number-key"),
    pytest.param("\u0000", id="nul"),
    pytest.param("🙂", id="emoji"),
]


def _as_query(cursor: str) -> str:
    from urllib.parse import quote

    return quote(cursor, safe="")


@pytest.mark.parametrize("cursor", GARBAGE_CURSORS)
def test_a_garbage_cursor_is_a_client_error(
    anon_api: Api, published: dict[str, Any], cursor: str
) -> None:
    response = anon_api.get(f"/articles?cursor={_as_query(cursor)}")
    assert_client_error(response)


FORGED_CURSORS = [
    pytest.param(_b64("d2024-01-01T00:00:00+07:00|" + "9" * 40), id="huge-id"),
    pytest.param(_b64("d2024-01-01T00:00:00+07:00|-5"), id="negative-id"),
    pytest.param(_b64("d9999-12-31T23:59:59+14:00|5"), id="far-future"),
    pytest.param(_b64("d0001-01-01T00:00:00-12:00|5"), id="far-past"),
    pytest.param(_b64("i" + "9" * 40 + "|5"), id="huge-number-key"),
    pytest.param(_b64("i-" + "9" * 40 + "|5"), id="huge-negative-key"),
    pytest.param(_b64("i5|" + "9" * 40), id="number-key-huge-id"),
    pytest.param(_b64("i3|2"), id="small-number-key"),
]


@pytest.mark.parametrize("sort", ["latest", "popular", "top_rated"])
@pytest.mark.parametrize("cursor", FORGED_CURSORS)
def test_a_forged_cursor_never_breaks_any_sort(
    anon_api: Api, published: dict[str, Any], cursor: str, sort: str
) -> None:
    response = anon_api.get(f"/articles?sort={sort}&cursor={cursor}")
    assert response.status_code < 500, response.content
    if response.status_code == 200:
        body = response.json()
        assert set(body) >= {"items", "next_cursor"}
    else:
        assert_client_error(response)


def test_a_popular_cursor_is_refused_by_the_latest_listing(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(3)]
    for views, article_id in enumerate(ids):
        Article.objects.filter(pk=article_id).update(view_count=views * 10)
    cursor = listing(anon_api, "?sort=popular&limit=1")["next_cursor"]
    assert cursor
    response = anon_api.get(f"/articles?sort=latest&cursor={cursor}")
    assert_client_error(response)


def test_a_latest_cursor_is_refused_by_the_popular_listing(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(3)]
    spread(ids)
    cursor = listing(anon_api, "?limit=1")["next_cursor"]
    assert cursor
    for sort in ("popular", "top_rated"):
        assert_client_error(anon_api.get(f"/articles?sort={sort}&cursor={cursor}"))


def test_a_cursor_from_an_old_page_still_works_after_new_articles(
    anon_api: Api, writer_api: Api
) -> None:
    ids = [new_article(writer_api, title=f"Lama {n}", tags=[])["id"] for n in range(5)]
    spread(ids)
    first = listing(anon_api, "?limit=2")
    newer = new_article(writer_api, title="Paling baru", tags=[])["id"]
    rest = [i for page in walk_from(anon_api, first["next_cursor"], 2) for i in page]
    assert rest == [ids[2], ids[1], ids[0]]
    assert newer not in rest


def walk_from(api: Api, cursor: str | None, limit: int) -> list[list[int]]:
    pages: list[list[int]] = []
    while cursor:
        body = listing(api, f"?limit={limit}&cursor={cursor}")
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        assert len(pages) < 50
    return pages


def test_the_category_filter_includes_a_rubrics_sub_categories(
    anon_api: Api, writer_api: Api
) -> None:
    pertanian = new_article(writer_api, title="Padi Gogo", category="pertanian")["id"]
    keuangan = new_article(writer_api, title="Menabung Emas", category="keuangan")["id"]
    sekolah = new_article(writer_api, title="Guru Honorer", category="sekolah")["id"]
    new_article(writer_api, title="Draf Keuangan", category="keuangan", status="draft")
    spread([pertanian, keuangan, sekolah])
    assert listed_ids(anon_api, "?category=ekonomi") == [keuangan, pertanian]
    assert listed_ids(anon_api, "?category=pertanian") == [pertanian]
    assert listed_ids(anon_api, "?category=keuangan") == [keuangan]
    assert listed_ids(anon_api, "?category=pendidikan") == [sekolah]
    assert listed_ids(anon_api, "?category=sekolah") == [sekolah]
    assert listed_ids(anon_api, "?category=bahasa") == []


def test_the_category_filter_pages_with_its_cursor(anon_api: Api, writer_api: Api) -> None:
    ids = []
    for n in range(5):
        ids.append(new_article(writer_api, title=f"Ekonomi {n}", category="bisnis")["id"])
        ids.append(new_article(writer_api, title=f"Sekolah {n}", category="sekolah")["id"])
    spread(ids)
    seen = [i for page in walk(anon_api, "category=ekonomi", 2) for i in page]
    assert seen == list(reversed(ids[0::2]))


def test_the_author_filter_shows_one_writers_articles(
    anon_api: Api, writer_api: Api, reader_api: Api
) -> None:
    mine = new_article(writer_api, title="Tulisan Penulis")["id"]
    theirs = new_article(reader_api, title="Tulisan Pembaca")["id"]
    new_article(reader_api, title="Draf Pembaca", status="draft")
    spread([mine, theirs])
    assert listed_ids(anon_api, "?author=penulis") == [mine]
    assert listed_ids(anon_api, "?author=pembaca") == [theirs]
    assert listed_ids(anon_api, "?author=PEMBACA") == [theirs]
    for item in listing(anon_api, "?author=pembaca")["items"]:
        assert item["author"]["username"] == "pembaca"


def test_the_author_filter_for_someone_without_articles_is_empty(
    anon_api: Api, admin_user: User, published: dict[str, Any]
) -> None:
    assert listed_ids(anon_api, f"?author={admin_user.username}") == []


def test_the_tag_filter_shows_published_articles_with_the_tag(
    anon_api: Api, writer_api: Api
) -> None:
    a = new_article(writer_api, title="Kopi Bajawa", tags=["kopi", "flores"])["id"]
    b = new_article(writer_api, title="Kopi Toraja", tags=["kopi"])["id"]
    c = new_article(writer_api, title="Tenun Ikat", tags=["flores"])["id"]
    new_article(writer_api, title="Draf Kopi", tags=["kopi"], status="draft")
    hidden_id = new_article(writer_api, title="Kopi Tersembunyi", tags=["kopi"])["id"]
    hide(hidden_id)
    spread([a, b, c])
    assert listed_ids(anon_api, "?tag=kopi") == [b, a]
    assert listed_ids(anon_api, "?tag=flores") == [c, a]


def test_filters_combine(anon_api: Api, writer_api: Api, reader_api: Api) -> None:
    a = new_article(writer_api, title="A", category="pertanian", tags=["kopi"])["id"]
    new_article(writer_api, title="B", category="sekolah", tags=["kopi"])
    new_article(reader_api, title="C", category="pertanian", tags=["kopi"])
    new_article(writer_api, title="D", category="pertanian", tags=["teh"])
    assert listed_ids(anon_api, "?category=ekonomi&author=penulis&tag=kopi") == [a]


def test_a_hidden_article_leaves_the_listing(anon_api: Api, published: dict[str, Any]) -> None:
    assert listed_ids(anon_api) == [published["id"]]
    hide(published["id"])
    assert listed_ids(anon_api) == []
    assert listed_ids(anon_api, "?tag=jagung") == []


def test_sort_popular_orders_by_views(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(7)]
    views = [5, 300, 40, 40, 0, 40, 7]
    for article_id, count in zip(ids, views, strict=True):
        Article.objects.filter(pk=article_id).update(view_count=count)
    expected = [pk for pk, _ in sorted(zip(ids, views, strict=True), key=lambda p: (-p[1], -p[0]))]
    items = listing(anon_api, "?sort=popular&limit=100")["items"]
    assert [item["id"] for item in items] == expected
    assert [item["view_count"] for item in items] == sorted(views, reverse=True)
    seen = [i for page in walk(anon_api, "sort=popular", 2) for i in page]
    assert seen == expected


def test_sort_top_rated_orders_by_rating(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(5)]
    scores = [2, 9, 0, 9, 4]
    for article_id, score in zip(ids, scores, strict=True):
        Article.objects.filter(pk=article_id).update(rating_score=score)
    expected = [pk for pk, _ in sorted(zip(ids, scores, strict=True), key=lambda p: (-p[1], -p[0]))]
    assert listed_ids(anon_api, "?sort=top_rated") == expected
    seen = [i for page in walk(anon_api, "sort=top_rated", 2) for i in page]
    assert seen == expected


def test_sort_latest_is_the_default(anon_api: Api, writer_api: Api) -> None:
    ids = [new_article(writer_api, title=f"Tulisan {n}", tags=[])["id"] for n in range(3)]
    spread(ids)
    Article.objects.filter(pk=ids[0]).update(view_count=999)
    assert listed_ids(anon_api) == listed_ids(anon_api, "?sort=latest") == list(reversed(ids))


@pytest.mark.parametrize(
    "query",
    [
        "sort=oldest",
        "sort=",
        "sort=LATEST",
        "sort=latest%00",
        "category=tidak-ada",
        "category=" + "k" * 1000,
        "category=%00",
        "author=tidak_ada_orang",
        "author=" + "a" * 1000,
        "author=%00",
        "author=%F0%9F%99%82",
        "tag=tidak-ada-tag",
        "tag=" + "t" * 1000,
        "tag=%00",
        "tag=%ED%A0%80",
    ],
)
def test_bad_listing_parameters_are_client_errors(
    anon_api: Api, published: dict[str, Any], query: str
) -> None:
    field = query.split("=", 1)[0]
    response = anon_api.get(f"/articles?{query}")
    if response.status_code == 200:
        # An unknown filter value may also answer an empty listing, never everything.
        assert response.json()["items"] == [], query
        assert field != "sort", "an unknown sort is refused"
    else:
        assert_field_error(response, field)


def test_a_suspended_authors_articles_leave_the_listing(
    anon_api: Api, writer: User, published: dict[str, Any]
) -> None:
    writer.is_active = False
    writer.save()
    response = anon_api.get(f"/articles?author={writer.username}")
    if response.status_code == 200:
        assert response.json()["items"] == []
    else:
        assert_field_error(response, "author")


# --- GET /api/v1/categories -------------------------------------------------------------


def test_categories_list_the_rubrics_and_their_sub_categories(anon_api: Api) -> None:
    response = anon_api.get("/categories")
    assert response.status_code == 200, response.content
    items = response.json()
    assert isinstance(items, list)
    for item in items:
        assert set(item) >= {"slug", "name", "parent", "url"}, item
        assert SLUG_RE.match(item["slug"]), item
        assert isinstance(item["name"], str) and item["name"].strip()
        assert item["url"] == f"/kategori/{item['slug']}"
        assert item["parent"] is None or isinstance(item["parent"], str)
    slugs = [item["slug"] for item in items]
    assert len(slugs) == len(set(slugs)), "each category once"
    rubrics = {item["slug"] for item in items if item["parent"] is None}
    subs = [item for item in items if item["parent"] is not None]
    assert len(rubrics) >= 15
    assert len(subs) >= 40
    assert all(item["parent"] in rubrics for item in subs), "two levels, parents are rubrics"
    by_slug = {item["slug"]: item for item in items}
    assert by_slug["ekonomi"]["parent"] is None
    assert by_slug["pertanian"]["parent"] == "ekonomi"
    assert by_slug["sekolah"]["parent"] == "pendidikan"


def test_each_rubric_is_followed_by_its_sub_categories(anon_api: Api) -> None:
    items = anon_api.get("/categories").json()
    current: str | None = None
    for item in items:
        if item["parent"] is None:
            current = item["slug"]
        else:
            assert item["parent"] == current, item


def test_every_sub_category_can_be_written_in_and_no_rubric_can(
    anon_api: Api, writer_api: Api
) -> None:
    items = anon_api.get("/categories").json()
    sub = next(item for item in items if item["parent"] is not None)
    rubric = next(item for item in items if item["parent"] is None)
    assert new_article(writer_api, category=sub["slug"])["category"]["slug"] == sub["slug"]
    refused = writer_api.post("/articles", article_input(category=rubric["slug"]))
    assert_field_error(refused, "category")


def test_the_category_pages_exist(anon_api: Api, client: Client) -> None:
    items = anon_api.get("/categories").json()
    for item in (items[0], items[1]):
        assert client.get(item["url"]).status_code == 200


# --- GET /api/v1/tags/{slug} ------------------------------------------------------------


def test_a_tag_answers_its_name_url_and_count(
    anon_api: Api, writer_api: Api, client: Client
) -> None:
    new_article(writer_api, tags=["Kopi Flores"])
    new_article(writer_api, title="Lagi", tags=["kopi flores"])
    new_article(writer_api, title="Draf", tags=["kopi flores"], status="draft")
    response = anon_api.get("/tags/kopi-flores")
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) >= {"slug", "name", "url", "article_count"}
    assert body["slug"] == "kopi-flores"
    assert body["name"].lower() == "kopi flores"
    assert body["url"] == "/tag/kopi-flores"
    assert body["article_count"] == 2
    assert client.get(body["url"]).status_code == 200


@pytest.mark.parametrize(
    "slug", ["tidak-ada", "t" * 1000, "%00", "%F0%9F%99%82", "Jagung", "..", "a%20b"]
)
def test_an_unknown_tag_is_404(anon_api: Api, published: dict[str, Any], slug: str) -> None:
    response = anon_api.get(f"/tags/{slug}")
    assert response.status_code == 404, response.content
    assert_error_shape(response, 404)


def test_a_tag_only_on_drafts_is_not_public(anon_api: Api, draft: dict[str, Any]) -> None:
    response = anon_api.get("/tags/draf")
    assert_error_shape(response, 404)
