"""Kept pages answered before Django (wacana/lib/front.py): byte for byte Django's answer,
never past a version that moved, views counted exactly, and everything personal, written
or limited left to Django."""

import gzip
import io
import time
import urllib.parse
from typing import Any

import brotli
import pytest
from django.contrib import admin as django_admin
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import DatabaseError, close_old_connections

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import access, actions, counting
from wacana.articles import views as article_views
from wacana.articles.models import Article, SiteSettings, Tag
from wacana.lib import front, pagecache, versionmark
from wacana.testing.content import comment, curate, fresh, publish
from wacana.testing.personas import make_editor, make_user, signed_in

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"


class Counted:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self) -> None:
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.handler(environ, start_response)


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = status
        self.code = int(status.split(" ", 1)[0])
        self.headers = headers
        self.body = body

    def header(self, name: str) -> str:
        return next((v for n, v in self.headers if n.lower() == name.lower()), "")

    def text(self) -> str:
        encoding = self.header("Content-Encoding")
        body = self.body
        if encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        return body.decode()

    def same_as(self) -> tuple[str, list[tuple[str, str]], bytes]:
        # All but the request's own id.
        headers = sorted((n, v) for n, v in self.headers if n.lower() != "x-request-id")
        return self.status, headers, self.body


class Site:
    def __init__(self, seconds: int = 5, budget: int = 8 * 1024 * 1024) -> None:
        self.django = Counted()
        self.app = front.Front(self.django, seconds, budget)

    def get(
        self, path: str, *, method: str = "GET", address: str = "198.51.100.1", **headers: str
    ) -> Answer:
        route, _sep, query = path.partition("?")
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            # As a server passes it: the raw bytes, read as Latin-1.
            "PATH_INFO": urllib.parse.unquote_to_bytes(route).decode("iso-8859-1"),
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": address,
            "HTTP_HOST": "testserver",
            "HTTP_USER_AGENT": BROWSER,
            "HTTP_ACCEPT_ENCODING": "br",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": io.StringIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in headers.items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        started: dict[str, Any] = {}

        def start_response(status: str, response_headers: list[tuple[str, str]], *_: Any) -> None:
            started["status"], started["headers"] = status, list(response_headers)

        # As Django's test Client: the handler must not close the test's transaction (the
        # Client connects these again after each of its own requests).
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            result = self.app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)
        return Answer(started["status"], started["headers"], body)

    def answered_by_front(self, path: str, **headers: Any) -> Answer:
        before = self.django.calls
        answer = self.get(path, **headers)
        assert self.django.calls == before, f"{path} reached Django"
        return answer

    def answered_by_django(self, path: str, **headers: Any) -> Answer:
        before = self.django.calls
        answer = self.get(path, **headers)
        assert self.django.calls == before + 1, f"{path} was answered by the front"
        return answer

    def warm(self, path: str, **headers: Any) -> Answer:
        """Rendered and kept, then a hit through Django (which the front remembers)."""
        self.answered_by_django(path, **headers)
        return self.answered_by_django(path, **headers)


@pytest.fixture(autouse=True)
def _stamps_read_afresh() -> None:
    access._confirmed.clear()


@pytest.fixture
def site() -> Site:
    return Site()


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer, "Senja di Kalimas", tags="pelabuhan")


def kept_paths(article: Article) -> list[str]:
    rubric = article.category.parent
    assert rubric is not None
    return [
        "/",
        article.get_absolute_url(),
        article.get_absolute_url() + "?page=1",
        article.category.get_absolute_url(),
        rubric.get_absolute_url(),
        "/tag/pelabuhan",
        article.author.get_absolute_url(),
        "/pilihan",
        "/feed",
        "/sitemap.xml",
    ]


# --- the same answer, without Django ------------------------------------------------------


@pytest.mark.parametrize("encoding", ["br", "gzip", ""])
def test_the_front_answers_kept_pages_byte_for_byte_as_django(
    site: Site, article: Article, encoding: str
) -> None:
    curate(make_editor(), article)
    for path in kept_paths(article):
        through_django = site.warm(path, accept_encoding=encoding)
        assert through_django.code == 200, path
        answered = site.answered_by_front(path, accept_encoding=encoding)
        assert answered.same_as() == through_django.same_as(), path
        assert answered.header("Content-Encoding") == encoding, path
        shown = "sitemap-artikel" if path == "/sitemap.xml" else "Senja di Kalimas"
        assert shown in answered.text(), path
        # A request id of its own, as Django gives each request.
        assert answered.header("X-Request-ID") not in ("", through_django.header("X-Request-ID"))


def test_a_proxys_request_id_is_sent_back(site: Site, article: Article) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    answered = site.answered_by_front(url, x_request_id="proxy-id-42")
    assert answered.header("X-Request-ID") == "proxy-id-42"


def test_each_language_saving_data_and_encoding_is_a_copy_of_its_own(
    site: Site, article: Article
) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    english = site.answered_by_django(url, cookie="django_language=en")
    site.answered_by_django(url, cookie="django_language=en")
    assert site.answered_by_front(url, cookie="django_language=en").body == (
        site.get(url, cookie="django_language=en").body
    )
    assert english.header("Content-Language") == "en"
    assert site.answered_by_front(url).header("Content-Language") == "id"
    light = site.warm(url, save_data="on")
    assert site.answered_by_front(url, save_data="on").body == light.body
    assert light.body != site.answered_by_front(url).body
    # The kept page has every encoding already: Django's first hit is remembered.
    site.answered_by_django(url, accept_encoding="gzip")
    assert site.answered_by_front(url, accept_encoding="gzip").header("Content-Encoding") == "gzip"


# --- left to Django -----------------------------------------------------------------------


def test_sessions_messages_conditional_requests_and_writes_reach_django(
    site: Site, article: Article
) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    site.answered_by_front(url)
    site.answered_by_django(url, cookie="sessionid=abc123")
    site.answered_by_django(url, cookie="messages=xyz")
    etag = site.answered_by_front(url).header("ETag")
    assert site.answered_by_django(url, if_none_match=etag).code == 304
    assert site.answered_by_django(url, method="HEAD").code == 200
    assert site.answered_by_django(url, method="POST").code in (403, 405)
    # An unknown host is Django's 400, never a copy.
    assert site.answered_by_django(url, host="evil.example").code == 400
    # A path outside Latin-1 (an emoji) is Django's 404, as without the front.
    assert site.answered_by_django("/tag/%F0%9F%98%80").code == 404
    assert site.answered_by_django("/api/v1/tags/%C3%A2%F2%A6%A3%87%C2%87").code == 404
    # Another parameter is another address: rendered by Django (here a 404).
    assert site.answered_by_django(url + "?page=9").code == 404


def test_search_always_reaches_its_limit(site: Site, article: Article, settings: Any) -> None:
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (3, 60)}
    codes = [site.answered_by_django("/cari?q=kalimas").code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_a_signed_in_reader_never_gets_a_copy(site: Site, article: Article, client: Any) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    client.force_login(make_user("pembaca"))
    session = client.cookies["sessionid"].value
    page = site.answered_by_django(url, cookie=f"sessionid={session}")
    assert "pembaca" in page.text()
    assert "pembaca" not in site.answered_by_front(url).text()


# --- never past a version -----------------------------------------------------------------


@pytest.mark.parametrize("change", ["hide", "unpublish", "delete"])
def test_a_hidden_article_leaves_every_copy_at_once(
    site: Site, article: Article, writer: User, change: str
) -> None:
    paths = kept_paths(article)
    for path in paths:
        site.warm(path)
        site.answered_by_front(path)
    if change == "hide":
        assert actions.hide_article(fresh(article))
    elif change == "unpublish":
        actions.unpublish_article(writer, fresh(article))
    else:
        actions.delete_article(writer, fresh(article))
    for path in paths:
        answer = site.answered_by_django(path)
        if answer.code == 200:
            assert "Senja di Kalimas" not in answer.text(), path
        else:
            assert answer.code in (404, 410), path


def test_a_rating_a_comment_an_edit_and_a_new_name_show_at_once(
    site: Site, article: Article, writer: User
) -> None:
    url = article.get_absolute_url()
    category = article.category.get_absolute_url()
    site.warm(url)
    site.warm(category)
    actions.rate_article(make_user("penilai"), fresh(article), "inspiratif")
    assert 'class="rating-count">1<' in site.answered_by_django(url).text().replace(" ", "")
    site.answered_by_django(url)
    site.answered_by_front(url)
    comment(make_user("komentator"), article, "Pelabuhan itu ramai sekali.")
    assert "Pelabuhan itu ramai sekali." in site.answered_by_django(url).text()
    site.answered_by_django(url)
    actions.update_article(writer, fresh(article), {"title": "Senja di Kalimas Baru"})
    assert "Senja di Kalimas Baru" in site.answered_by_django(category).text()
    site.answered_by_django(category)
    site.answered_by_front(category)
    account_actions.update_profile(User.objects.get(pk=writer.pk), display_name="Nama Baru")
    assert "Nama Baru" in site.answered_by_django(category).text()


def test_site_settings_show_at_once(site: Site, article: Article) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    site.warm("/")
    SiteSettings.objects.create(disclaimer="Tulisan ini tanggung jawab penulisnya sendiri.")
    assert "tanggung jawab penulisnya sendiri" in site.answered_by_django(url).text()
    site.answered_by_django("/")


def test_what_no_version_follows_shows_within_a_second_on_an_article(
    site: Site, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    site.answered_by_front(url)  # the stamp read, and found unchanged
    # A change no action made (the admin, a script): the stamp alone sees it.
    Article.objects.filter(pk=article.pk).update(excerpt="Ringkasan yang diubah langsung.")
    assert "diubah langsung" not in site.answered_by_front(url).text()
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now + article_views.STAMP_SECONDS)
    assert "diubah langsung" in site.answered_by_django(url).text()


def test_a_copy_lasts_its_seconds_at_most(
    site: Site, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()
    site.warm(url)
    site.answered_by_front(url)
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now + 6)
    site.answered_by_django(url)


def test_copies_stay_within_their_memory(article: Article, writer: User) -> None:
    small = Site(budget=160 * 1024)
    paths = [publish(writer, f"Tulisan ke-{n}").get_absolute_url() for n in range(12)]
    for path in paths:
        small.warm(path, accept_encoding="")
    held = small.app._copies
    assert 0 < len(held) < len(paths)
    assert small.app._size <= small.app.budget
    assert sum(copy.size for copy in held.values()) == small.app._size
    # The last ones answered stay; the first ones went.
    small.answered_by_front(paths[-1], accept_encoding="")
    small.answered_by_django(paths[0], accept_encoding="")


def test_a_database_error_in_the_check_leaves_the_request_to_django(
    site: Site, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()
    site.warm(url)

    def broken(pk: int) -> None:
        raise DatabaseError("server closed the connection")

    with monkeypatch.context() as patched:
        patched.setattr(access, "public_stamp", broken)
        # The copy is dropped and Django answers (its own kept page, found by its query).
        assert site.answered_by_django(url).code == 200
    # ...and the front answers again from Django's answer.
    assert site.answered_by_front(url).code == 200


def test_a_cache_failing_the_check_leaves_the_request_to_django(
    site: Site, article: Article, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    url = article.get_absolute_url()
    site.warm(url)

    real_get_many = cache.get_many
    failures = [ConnectionError("Redis went away")]  # for the front's read only

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return real_get_many(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(cache, "get_many", flaky)
        pagecache.touch("thread", 0)  # another page's: the mark moves, the front reads
        # Not the front's crash: Django answers (from its kept page, the cache back).
        assert site.answered_by_django(url).code == 200
        assert not failures
    assert "the check of a kept page failed" in caplog.text
    # Django's answer was remembered again.
    assert site.answered_by_front(url).code == 200


def test_no_version_read_while_no_version_moved(
    site: Site, article: Article, writer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()
    other = publish(writer, "Pagi di Tidore")
    site.warm("/")
    site.warm(url)
    # (With Redis, creating the article's version key moved the mark: a read renews.)
    site.answered_by_front("/")
    reads: list[list[str]] = []
    real_get_many = cache.get_many

    def counted(keys: Any, *args: Any, **kwargs: Any) -> Any:
        reads.append(list(keys))
        return real_get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    # The machine's mark (diskcache) or the one Redis moves (wacana/lib/versionmark.py).
    assert versionmark.value() is not None

    def unmoved() -> bool:
        reads.clear()
        site.answered_by_front(url)
        site.answered_by_front("/")
        return reads == []

    def moved_elsewhere() -> bool:
        # Another article's thread moves: each copy reads its versions once, still good.
        reads.clear()
        pagecache.touch("thread", other.pk)
        for _ in range(3):
            site.answered_by_front(url)
            site.answered_by_front("/")
        return len(reads) == 2

    # With Redis, any FLUSHDB on the server (other test workers empty their databases)
    # moves every mark too: a few tries, so that one of those falls outside.
    assert any(unmoved() for _ in range(5))
    assert any(moved_elsewhere() for _ in range(5))
    # ...and its own moving drops it.
    pagecache.touch("thread", article.pk)
    site.answered_by_django(url)
    site.answered_by_front("/")


def test_a_version_moved_while_django_makes_the_page_is_never_answered(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()
    Site().warm(url)  # kept by Django
    site = Site()  # a process whose front has no copy yet
    real_versions = pagecache.versions

    def then_moved(*keys: str) -> str:
        found = real_versions(*keys)
        pagecache.touch("thread", article.pk)  # another process, just after this read
        return found

    with monkeypatch.context() as patched:
        patched.setattr(pagecache, "versions", then_moved)
        site.answered_by_django(url)  # made under the version that then moved
    site.answered_by_django(url)


def test_a_mark_that_fails_leaves_the_versions_to_be_read(
    site: Site, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = article.get_absolute_url()

    def broken() -> bytes:
        raise PermissionError("versions.mark")

    monkeypatch.setattr(versionmark, "value", broken)
    site.warm(url)
    assert site.answered_by_front(url).code == 200
    actions.hide_article(fresh(article))
    assert site.answered_by_django(url).code == 404


# --- views counted exactly ----------------------------------------------------------------


def test_views_count_exactly_when_the_front_answers(site: Site, article: Article) -> None:
    url = article.get_absolute_url()
    site.warm(url, address="198.51.100.200")
    for n in range(12):
        site.answered_by_front(url, address=f"198.51.100.{n + 1}")
        site.answered_by_front(url, address=f"198.51.100.{n + 1}")  # a refresh: once
    site.answered_by_front(url, user_agent="Googlebot/2.1 (+http://www.google.com/bot.html)")
    site.answered_by_front(url, address="198.51.100.50", sec_purpose="prefetch")
    counting.flush()
    assert fresh(article).view_count == 13


def test_with_the_beacon_the_copy_counts_nothing(
    site: Site, article: Article, settings: Any
) -> None:
    settings.VIEW_COUNTING = "beacon"
    settings.VIEW_BEACON = True
    url = article.get_absolute_url()
    site.warm(url)
    for n in range(3):
        page = site.answered_by_front(url, address=f"198.51.100.{n + 1}")
        assert f"/artikel/{article.pk}/dibaca" in page.text()
    counting.flush()
    assert fresh(article).view_count == 0


# --- on and off ---------------------------------------------------------------------------


def test_the_setting_turns_it_off(settings: Any) -> None:
    app = object()
    settings.FRONT_SECONDS = 0
    assert front.wrap(app) is app
    settings.FRONT_SECONDS = 5
    wrapped = front.wrap(app)
    assert isinstance(wrapped, front.Front) and wrapped.seconds == 5


def test_outside_the_front_nothing_is_noted(article: Article, client: Any) -> None:
    # The test Client (and any caller but the front) reads versions as before.
    url = article.get_absolute_url()
    client.get(url)
    response = client.get(url)
    assert pagecache.outcome(response) == "hit"
    assert "wacana.front" not in response.wsgi_request.META


def test_answers_are_counted_for_the_metrics(site: Site, article: Article) -> None:
    seen: list[tuple[str, float]] = []

    def observe(view: str, seconds: float) -> None:
        seen.append((view, seconds))

    front.answered.register(observe)
    try:
        url = article.get_absolute_url()
        site.warm(url)
        site.answered_by_front(url)
    finally:
        front.answered._receivers.remove(observe)
    assert [view for view, _seconds in seen] == ["articles:detail"]


# --- the admin moves the versions too -----------------------------------------------------


def test_a_tag_renamed_in_the_admin_shows_at_once(
    site: Site, article: Article, admin_user: User
) -> None:
    site.warm("/tag/pelabuhan")
    site.answered_by_front("/tag/pelabuhan")
    tag = Tag.objects.get(slug="pelabuhan")
    response = signed_in(admin_user).post(
        f"/admin/articles/tag/{tag.pk}/change/", {"name": "Dermaga Tua", "slug": "pelabuhan"}
    )
    assert response.status_code == 302
    assert "Dermaga Tua" in site.answered_by_django("/tag/pelabuhan").text()


def test_a_writer_changed_in_the_admin_shows_at_once(
    site: Site, article: Article, writer: User, admin_user: User, rf: Any
) -> None:
    category = article.category.get_absolute_url()
    site.warm(category)
    site.answered_by_front(category)
    writer.display_name = "Nama dari Admin"
    request = rf.post("/admin/")
    request.user = admin_user
    django_admin.site._registry[User].save_model(request, writer, form=None, change=True)
    assert "Nama dari Admin" in site.answered_by_django(category).text()
