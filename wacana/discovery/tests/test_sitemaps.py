"""sitemap.xml (an index over id-range pages) and robots.txt."""

import math
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Category, Status, Tag
from wacana.discovery import sitemaps
from wacana.moderation.actions import suspend_account
from wacana.testing.content import publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "http://testserver"


def child_category() -> Category:
    found = Category.objects.filter(parent__isnull=False).first()
    assert found is not None
    return found


def parse(content: bytes) -> ElementTree.Element:
    # Our own server's output in a test, not untrusted data.
    return ElementTree.fromstring(content)  # noqa: S314


def xml(client: Client, url: str, root: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    tree = parse(response.content)
    assert tree.tag == NS + root
    return tree


def index_locs(client: Client) -> list[str]:
    tree = xml(client, "/sitemap.xml", "sitemapindex")
    return [node.text or "" for node in tree.iter(NS + "loc")]


def page_locs(client: Client, url: str) -> list[str]:
    tree = xml(client, url, "urlset")
    return [node.text or "" for node in tree.iter(NS + "loc")]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == BASE, url
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def cast(writer: User) -> dict[str, Any]:
    other = make_user("wulan", display_name="Wulan Sari")
    quiet = make_user("pendiam", display_name="Belum Menulis")
    banned = make_user("dilarang", display_name="Penulis Diskors")
    public = [
        publish(writer, f"Cerita hujan nomor {n}", category=child_category(), tags=("Hujan",))
        for n in range(3)
    ]
    public.append(
        publish(other, "Pasar terapung di Banjarmasin", category=child_category(), tags=("Sungai",))
    )
    draft = actions.create_article(
        quiet, {"title": "Draf pertama", "body": "Belum selesai.", "category": child_category()}
    )
    hidden = publish(
        other, "Tulisan yang disembunyikan", category=child_category(), tags=("Rahasia",)
    )
    actions.hide_article(hidden)
    gone = publish(
        banned, "Tulisan penulis yang diskors", category=child_category(), tags=("Terlarang",)
    )
    suspend_account(banned)
    return {
        "public": public,
        "never": [draft, hidden, gone],
        "writers": [writer, other],
        "not_writers": [quiet, banned],
    }


def all_page_urls(client: Client) -> list[str]:
    urls: list[str] = []
    for loc in index_locs(client):
        urls.extend(page_locs(client, path_of(loc)))
    return urls


def test_index_lists_every_page_of_every_section(
    client: Client, cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sections = (("artikel", Article), ("tag", Tag), ("penulis", User))
    tops = {
        section: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for section, model in sections
    }
    # Small pages, so that every section has several (ids need not start at 1: PostgreSQL
    # sequences move on across tests).
    size = max(2, math.ceil(max(tops.values()) / 6))
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", size)
    locs = [path_of(loc) for loc in index_locs(client)]
    expected = ["/sitemap-halaman.xml", "/sitemap-kategori.xml"]
    for section, _model in sections:
        pages = max(1, math.ceil(tops[section] / size))
        expected.append(f"/sitemap-{section}.xml")
        expected += [f"/sitemap-{section}.xml?p={n}" for n in range(2, pages + 1)]
    assert locs == expected
    for loc in locs:  # every page listed is there (sparse pages may be empty)
        page_locs(client, loc)


def test_pages_hold_everything_public_and_nothing_else(client: Client, cast: Any) -> None:
    urls = all_page_urls(client)
    assert len(urls) == len(set(urls))
    paths = {path_of(url) for url in urls}
    for article in cast["public"]:
        assert article.get_absolute_url() in paths
    for article in cast["never"]:
        assert article.get_absolute_url() not in paths
    for person in cast["writers"]:
        assert person.get_absolute_url() in paths
    for person in cast["not_writers"]:
        assert person.get_absolute_url() not in paths
    assert {"/tag/hujan", "/tag/sungai"} <= paths
    assert not {"/tag/rahasia", "/tag/terlarang"} & paths
    for category in Category.objects.all():
        assert category.get_absolute_url() in paths
    assert {"/", "/tentang", "/pedoman", "/ketentuan", "/privasi", "/transparansi"} <= paths


def test_every_listed_url_answers_200(client: Client, cast: Any) -> None:
    for url in all_page_urls(client):
        response = client.get(path_of(url))
        assert response.status_code == 200, url


def test_article_lastmod_is_the_last_edit_or_publication(
    client: Client, cast: Any, writer: User
) -> None:
    edited = cast["public"][0]
    actions.update_article(writer, edited, {"title": "Cerita hujan yang diperbaiki"})
    edited.refresh_from_db()
    found = {}
    for loc in index_locs(client):
        if "/sitemap-artikel.xml" not in loc:
            continue
        for node in xml(client, path_of(loc), "urlset").iter(NS + "url"):
            found[path_of(node.findtext(NS + "loc") or "")] = node.findtext(NS + "lastmod")
    tz = timezone.get_current_timezone()
    assert edited.updated_at is not None
    assert found[edited.get_absolute_url()] == f"{edited.updated_at.astimezone(tz):%Y-%m-%d}"
    untouched = cast["public"][1]
    assert untouched.updated_at is None and untouched.published_at is not None
    assert (
        found[untouched.get_absolute_url()] == f"{untouched.published_at.astimezone(tz):%Y-%m-%d}"
    )


def _article_at(pk: int, author: User, title: str) -> Article:
    """A public article with a chosen id, as a large site would have (bulk insert)."""
    category = child_category()
    article = Article(
        pk=pk,
        author=author,
        title=title,
        slug="cerita-jauh",
        status=Status.PUBLISHED,
        category=category,
        rubric_id=category.rubric_id,
        published_at=timezone.now(),
    )
    Article.objects.bulk_create([article])
    return article


def test_an_article_with_a_large_id_lands_on_its_page(client: Client, cast: Any) -> None:
    far = _article_at(123_457, cast["writers"][0], "Cerita dari halaman jauh")
    page = math.ceil(far.pk / sitemaps.PAGE_SIZE)
    assert (page - 1) * sitemaps.PAGE_SIZE < far.pk <= page * sitemaps.PAGE_SIZE
    assert page > 2
    locs = [path_of(loc) for loc in index_locs(client)]
    assert f"/sitemap-artikel.xml?p={page}" in locs
    assert f"/sitemap-artikel.xml?p={page + 1}" not in locs
    deep = {path_of(url) for url in page_locs(client, f"/sitemap-artikel.xml?p={page}")}
    assert deep == {far.get_absolute_url()}
    first = {path_of(url) for url in page_locs(client, "/sitemap-artikel.xml")}
    assert far.get_absolute_url() not in first
    assert page_locs(client, f"/sitemap-artikel.xml?p={page - 1}") == []  # sparse is fine
    assert client.get(f"/sitemap-artikel.xml?p={page + 1}").status_code == 404


def test_page_query_count_is_the_same_at_any_depth(client: Client, cast: Any) -> None:
    _article_at(5_000_003, cast["writers"][0], "Sangat jauh")
    Tag.objects.create(pk=5_000_004, name="Jauh", slug="jauh", article_count=1)
    User.objects.bulk_create(
        [User(pk=5_000_005, username="jauh.sekali", email="j@example.com", article_count=1)]
    )

    def queries(url: str) -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return [q["sql"] for q in captured.captured_queries]

    for section in ("artikel", "tag", "penulis"):
        shallow = queries(f"/sitemap-{section}.xml")
        deep = queries(f"/sitemap-{section}.xml?p=500")
        # MAX(id) (is the page in range?) and one primary-key range scan.
        assert len(shallow) == len(deep) == 2, (shallow, deep)
        assert "MAX(" in deep[0].upper() and str(500 * sitemaps.PAGE_SIZE) in deep[1]
        assert not any("OFFSET" in sql.upper() or "COUNT(" in sql.upper() for sql in deep)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap.xml").status_code == 200
    # MAX(id) for each of the three paged sections, and a count of the (few) categories.
    counted = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(captured.captured_queries) <= 4
    assert len(counted) <= 1 and all("articles_category" in sql for sql in counted)


@pytest.mark.parametrize(
    "query",
    [
        "p=abc",
        "p=-1",
        "p=0",
        "p=1.5",
        "p=",
        "p=%201",
        "p=99999999999999999999999",
        "p=1e3",
        "p=%00",
        "p=２",  # a full-width digit, which int() would accept
    ],
)
def test_bad_page_numbers_are_404(client: Client, cast: Any, query: str) -> None:
    for section in ("artikel", "tag", "penulis", "kategori", "halaman"):
        assert client.get(f"/sitemap-{section}.xml?{query}").status_code == 404, section


def test_unknown_section_and_methods(client: Client) -> None:
    assert client.get("/sitemap-rahasia.xml").status_code == 404
    assert client.post("/sitemap.xml").status_code == 405
    assert client.post("/sitemap-artikel.xml").status_code == 405


def test_conditional_get_and_public_caching(client: Client, cast: Any) -> None:
    article = cast["public"][1]
    url = f"/sitemap-artikel.xml?p={math.ceil(article.pk / sitemaps.PAGE_SIZE)}"
    first = client.get(url)
    assert article.get_absolute_url() in first.content.decode()
    assert "public" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # The ETag is the content's: hiding an article (no newer date anywhere) changes it.
    actions.hide_article(article)
    after = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert article.get_absolute_url() not in after.content.decode()
    assert not after.has_header("Last-Modified")  # no date that a hide would not move
    index = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=index["ETag"]).status_code == 304


def test_absolute_urls_follow_the_request_host(client: Client, cast: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["wacana.example"]
    response = client.get("/sitemap.xml", HTTP_HOST="wacana.example", secure=True)
    locs = [n.text or "" for n in parse(response.content).iter(NS + "loc")]
    assert locs and all(loc.startswith("https://wacana.example/sitemap-") for loc in locs)


def test_robots_txt(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for rule in ("Disallow: /admin/", "Disallow: /akun/", "Disallow: /api/", "Disallow: /cari?"):
        assert rule in lines
    # Rules are path prefixes: none may shut out a writer's profile such as /carina.
    disallowed = [line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")]
    for public in ("/carina", "/carina/feed", "/", "/kategori/fiksi", "/sitemap.xml", "/feed"):
        assert not any(public.startswith(rule) for rule in disallowed), public
    assert any("/cari?q=kopi".startswith(rule) for rule in disallowed)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the articles themselves stay crawlable
