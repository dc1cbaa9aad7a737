"""Search: ranking, the index following every change, filters, pagination, permissions.

The ranking tests assert exact id lists; they run in both the SQLite and the PostgreSQL
runs of `make test`, which is what proves the two engines give the same results.
"""

import io
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Category
from wacana.discovery import search
from wacana.discovery.models import SearchEntry
from wacana.lib import pagecache
from wacana.moderation.actions import reinstate_account, suspend_account
from wacana.testing.api import Api, api_for, assert_error_shape, delete_account
from wacana.testing.content import draft, found, publish
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(writer: User) -> dict[str, Article]:
    """Six articles whose words overlap in known ways (ids ascend in this order)."""
    return {
        "a": publish(writer, "Permainan bola di kampung", "Sore yang cerah."),
        "b": publish(writer, "Catatan pasar", "Anak-anak bermain bola di pasar."),
        "c": publish(writer, "Bola plastik", "Mereka memainkan bola itu."),
        "d": publish(writer, "Bermain sendiri", "Tanpa bola."),
        "e": publish(writer, "Pendidikan di desa", "Perekonomian desa tumbuh.", category="umkm"),
        "f": publish(writer, "Ekonomi kampung", "Guru mendidik anak."),
    }


def ids(shelf: dict[str, Article], names: str) -> list[int]:
    return [shelf[name].pk for name in names]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Both words in the title, then one of them, then body only; newest first within.
        ("bermain bola", "adcb"),
        ("memainkan BOLA!", "adcb"),
        ("bola", "cadb"),
        ("ekonomi", "fe"),
        ("perekonomian", "fe"),
        ("pendidikan kampung", "f"),
        ("desa", "e"),
        ("anak", "fb"),
        ("kampung bola", "a"),
        ("xyzzy", ""),
        ("bola xyzzy", ""),
    ],
)
def test_ranking_is_exact_and_the_same_on_every_database(
    shelf: dict[str, Article], query: str, expected: str
) -> None:
    assert found(query) == ids(shelf, expected)


def test_a_title_match_ranks_above_a_newer_body_match(writer: User) -> None:
    older_title = publish(writer, "Harga kopi naik", "Isi.")
    newer_body = publish(writer, "Catatan pagi", "Harga kopi di pasar naik lagi.")
    assert found("kopi") == [older_title.pk, newer_body.pk]


def test_pages_cross_tiers_without_losing_or_repeating_results(shelf: dict[str, Article]) -> None:
    terms = search.query_stems("bermain bola")
    seen: list[int] = []
    after = None
    for _ in range(10):
        page = search.search(terms, search.Filters(), after, limit=1)
        seen += [hit.article.pk for hit in page.items]
        after = page.next_cursor
        if after is None:
            break
    assert seen == ids(shelf, "adcb")


# --- the index follows every change ----------------------------------------------------


def test_an_edit_replaces_the_old_words_with_the_new(writer: User) -> None:
    article = publish(writer, "Sawah di musim kemarau", "Padi menguning.")
    actions.update_article(writer, article, {"title": "Nelayan pulang", "body": "Ikan segar."})
    assert found("sawah") == [] and found("padi") == []
    assert found("nelayan") == [article.pk] and found("ikan") == [article.pk]
    actions.update_article(writer, article, {"tags": [{"slug": "laut", "name": "Laut"}]})
    assert found("laut") == [article.pk]


def test_drafts_are_never_indexed_and_publishing_indexes(writer: User) -> None:
    article = draft(writer, "Rahasia kebun teh", "Daun teh dipetik pagi.")
    actions.update_article(writer, article, {"body": "Daun teh dipetik siang."})
    assert found("teh") == []
    actions.publish_article(writer, article)
    assert found("teh") == [article.pk]


def test_unpublishing_removes_and_publishing_again_restores(writer: User) -> None:
    article = publish(writer, "Jembatan gantung", "Warga menyeberang.")
    actions.unpublish_article(writer, article)
    assert found("jembatan") == []
    actions.publish_article(writer, article)
    assert found("jembatan") == [article.pk]


def test_hiding_removes_and_restoring_brings_back(writer: User) -> None:
    article = publish(writer, "Pasar malam", "Lampu warna-warni.")
    actions.hide_article(article)
    assert found("pasar") == []
    assert not SearchEntry.objects.filter(article=article).exists()
    actions.restore_article(article)
    assert found("pasar") == [article.pk]


def test_deleting_removes_from_the_index(writer: User) -> None:
    article = publish(writer, "Perahu kayu", "Dibuat tangan.")
    actions.delete_article(writer, article)
    assert found("perahu") == []
    assert SearchEntry.objects.count() == 0


def test_suspension_hides_all_and_reinstatement_restores_only_those(writer: User) -> None:
    kept_hidden = publish(writer, "Hujan deras", "Banjir kecil.")
    actions.hide_article(kept_hidden)
    shown = publish(writer, "Hujan pertama", "Tanah basah.")
    suspend_account(writer)
    assert found("hujan") == []
    reinstate_account(writer)
    assert found("hujan") == [shown.pk]


def test_deleting_the_account_removes_its_articles(writer: User, reader: User) -> None:
    publish(writer, "Warung kopi", "Ramai pagi.")
    other = publish(reader, "Kopi tubruk", "Pahit.")
    delete_account(writer)
    assert found("kopi") == [other.pk]


def test_a_rolled_back_publication_leaves_no_trace_in_the_index(writer: User) -> None:
    article = draft(writer, "Gunung berapi", "Asap putih.")
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.publish_article(writer, article)
        raise RuntimeError
    assert found("gunung") == []


def test_moving_a_category_to_another_rubric_moves_its_entries(writer: User) -> None:
    article = publish(writer, "Sekolah rakyat", "Belajar.", category="sekolah")
    sub = Category.objects.get(slug="sekolah")
    sub.parent = Category.objects.get(slug="ekonomi")
    actions.save_category(sub)
    assert found("sekolah", category=Category.objects.get(slug="ekonomi")) == [article.pk]
    assert found("sekolah", category=Category.objects.get(slug="pendidikan")) == []


def test_rebuild_indexes_exactly_the_public_articles(writer: User) -> None:
    public = publish(writer, "Kebun salak", "Manis.")
    hidden = publish(writer, "Kebun durian", "Harum.")
    actions.hide_article(hidden)
    draft(writer, "Kebun jeruk", "Asam.")
    SearchEntry.objects.all().delete()
    assert search.rebuild(batch_size=1) == 1
    assert found("kebun") == [public.pk]


def test_rebuild_if_empty_fills_only_a_missing_index(writer: User) -> None:
    # `make run` calls it on every start: it must index a site from before search once,
    # and leave an index alone afterwards (a rebuild is a full pass over the articles).
    first = publish(writer, "Kebun kopi", "Pahit.")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", "--if-empty", stdout=io.StringIO())
    assert found("kebun") == [first.pk]
    second = publish(writer, "Kebun teh", "Sepat.")
    SearchEntry.objects.filter(article_id=second.pk).delete()  # a stale entry, on purpose
    call_command("rebuild_search_index", "--if-empty", stdout=io.StringIO())
    assert found("kebun") == [first.pk]  # not empty, so untouched


def test_rebuild_if_empty_does_nothing_on_a_site_without_articles() -> None:
    out = io.StringIO()
    call_command("rebuild_search_index", "--if-empty", stdout=out)
    assert out.getvalue() == ""
    assert not SearchEntry.objects.exists()


# --- filters ---------------------------------------------------------------------------


def test_filters_by_category_rubric_author_and_date(writer: User, reader: User) -> None:
    now = timezone.now()
    old = publish(writer, "Kopi Flores", "Isi.", category="sekolah", at=now - timedelta(days=40))
    mine = publish(writer, "Kopi Toraja", "Isi.", category="umkm")
    theirs = publish(reader, "Kopi Gayo", "Isi.", category="keuangan")
    ekonomi = Category.objects.get(slug="ekonomi")
    assert found("kopi", category=ekonomi) == [theirs.pk, mine.pk]
    assert found("kopi", category=Category.objects.get(slug="umkm")) == [mine.pk]
    assert found("kopi", author_id=writer.pk) == [mine.pk, old.pk]
    assert found("kopi", since=now - timedelta(days=1)) == [theirs.pk, mine.pk]
    assert found("kopi", until=now - timedelta(days=1)) == [old.pk]
    assert found("kopi", author_id=writer.pk, category=ekonomi) == [mine.pk]


def test_api_filters_by_slug_username_and_dates(anon_api: Api, writer: User, reader: User) -> None:
    old = publish(writer, "Teh Kayu Aro", "Isi.", at=timezone.now() - timedelta(days=400))
    new = publish(reader, "Teh Tambi", "Isi.", category="umkm")
    items = anon_api.get("/search?q=teh&category=ekonomi").json()["items"]
    assert [item["id"] for item in items] == [new.pk]
    items = anon_api.get(f"/search?q=teh&author={writer.username.upper()}").json()["items"]
    assert [item["id"] for item in items] == [old.pk]
    year_ago = (timezone.localdate() - timedelta(days=365)).isoformat()
    items = anon_api.get(f"/search?q=teh&to={year_ago}").json()["items"]
    assert [item["id"] for item in items] == [old.pk]
    items = anon_api.get(f"/search?q=teh&from={year_ago}").json()["items"]
    assert [item["id"] for item in items] == [new.pk]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("q=teh&category=tidak-ada", "category"),
        ("q=teh&author=nobody_here", "author"),
        ("q=teh&author=%00", "author"),
        ("q=teh&from=2024-13-01", "from"),
        ("q=teh&to=kemarin", "to"),
        ("q=teh&from=2024-05-02&to=2024-05-01", "to"),
        ("q=teh&to=9999-12-31", "to"),
        ("q=teh&from=0001-01-01", "from"),
        ("q=teh&limit=0", "limit"),
        ("q=teh&limit=101", "limit"),
        ("q=teh&cursor=bukan-kursor", "cursor"),
        ("q=teh&cursor=aTV8MTI", "cursor"),
        ("q=", "q"),
        ("", "q"),
    ],
)
def test_api_refuses_bad_parameters_with_the_error_shape(
    anon_api: Api, writer: User, query: str, field: str
) -> None:
    publish(writer, "Teh hangat", "Isi.")
    assert_error_shape(anon_api.get(f"/search?{query}"), 422, field)


# --- what the API answers --------------------------------------------------------------


def test_api_items_are_article_summaries_with_a_highlighted_snippet(
    anon_api: Api, writer: User
) -> None:
    article = publish(
        writer,
        "Permainan <b>tradisional</b>",
        "Di desa kami, anak-anak **bermain** gasing & layang-layang setiap sore.",
        tags="Budaya",
    )
    response = anon_api.get("/search?q=memainkan")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    listed = anon_api.get(f"/articles?author={writer.username}").json()["items"][0]
    assert set(listed) <= set(item)  # the summary's fields, unchanged
    assert item["id"] == article.pk and item["title"] == "Permainan <b>tradisional</b>"
    assert item["snippet"] == (
        "Di desa kami, anak-anak <mark>bermain</mark> gasing &amp; layang-layang setiap sore."
    )
    assert item["title_html"] == "<mark>Permainan</mark> &lt;b&gt;tradisional&lt;/b&gt;"
    assert response.json()["next_cursor"] is None


def test_hidden_and_draft_articles_are_never_found_even_by_their_author(
    writer: User, moderator: User
) -> None:
    hidden = publish(writer, "Rahasia dapur", "Bumbu.")
    actions.hide_article(hidden)
    draft(writer, "Rahasia taman", "Bunga.")
    for api in (Api(Client()), api_for(writer), api_for(moderator)):
        response = api.get("/search?q=rahasia")
        assert response.status_code == 200 and response.json()["items"] == []


def _queries(api: Api, path: str) -> tuple[int, dict[str, Any]]:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries), response.json()


def test_deep_pages_cost_the_same_queries_as_the_first(anon_api: Api, writer: User) -> None:
    start = timezone.now() - timedelta(days=30)
    made = [
        publish(
            writer,
            f"Kopi nomor {n}" if n % 3 else f"Catatan {n}",
            "Kopi pagi hari.",
            at=start + timedelta(hours=n),
        )
        for n in range(24)
    ]
    first_count, body = _queries(anon_api, "/search?q=kopi&limit=5")
    counts, seen = [first_count], [item["id"] for item in body["items"]]
    while body["next_cursor"]:
        count, body = _queries(anon_api, f"/search?q=kopi&limit=5&cursor={body['next_cursor']}")
        counts.append(count)
        seen += [item["id"] for item in body["items"]]
    in_title = sorted((a.pk for a in made if a.title.startswith("Kopi")), reverse=True)
    body_only = sorted((a.pk for a in made if a.title.startswith("Catatan")), reverse=True)
    assert seen == in_title + body_only
    # At most two tiers (two queries each on PostgreSQL, with the newest id) and the
    # cards: a bound that does not grow with depth.
    assert max(counts) <= 6, counts


def test_the_search_page_makes_no_query_per_result(client: Any, writer: User) -> None:
    for n in range(3):
        publish(make_user(f"penulis_{n}"), f"Sungai {n}", "Air jernih.")
    client.get("/cari", {"q": "sungai"})  # the category list is then cached for minutes
    pagecache.forget()  # the page was kept whole: count a render
    with CaptureQueriesContext(connection) as few:
        assert client.get("/cari", {"q": "sungai"}).status_code == 200
    for n in range(3, 12):
        publish(make_user(f"penulis_{n}"), f"Sungai {n}", "Air jernih.")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/cari", {"q": "sungai"})
    assert response.content.count(b'class="card"') == 12
    # Title tier, body tier, the cards, however many results (PostgreSQL may look at an
    # id window first, and asks for the newest id).
    assert len(many.captured_queries) == len(few.captured_queries) <= 6


def test_results_are_stamped_with_the_right_published_time(writer: User) -> None:
    at = timezone.make_aware(datetime(2025, 3, 4, 5, 6))
    article = publish(writer, "Sejarah lama", "Isi.", at=at)
    assert SearchEntry.objects.get(article=article).published_at == at


def test_the_demo_content_is_indexed_as_make_run_loads_it() -> None:
    call_command("load_demo", stdout=io.StringIO())
    published = Article.objects.published()
    assert published.count() > 10
    assert set(SearchEntry.objects.values_list("article_id", flat=True)) == set(
        published.values_list("pk", flat=True)
    )
    some = published.order_by("pk").first()
    assert some is not None and some.pk in found(" ".join(some.title.split()[:3]))
