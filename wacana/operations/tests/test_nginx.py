"""deploy/nginx.conf in front of a real granian server (`manage.py serve`), both on this
run's ports: static files and media with their headers, the reader's address reaching
Wacana (rate limits per real client), anonymous pages from the proxy cache, signed-in
readers never, exact view counts for article pages, and pages compressed by Wacana itself
(its BREACH padding on signed-in pages) passed through untouched.

Readers come from distinct loopback addresses (127.0.0.2, 127.0.0.3 …) so that nginx,
and through it Wacana, sees several clients on one machine.
"""

import gzip
import http.client
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wacana.operations.nginx import Nginx, NginxUnavailable, start_nginx
from wacana.operations.testing import AppServer, manage, python, site_env, start_app_server
from wacana.testing.parallel import server_ports

# One worker runs the whole file: its tests share one nginx and one app server (a
# module fixture that takes seconds to start); spread, each worker would start its own.
pytestmark = [pytest.mark.process, pytest.mark.xdist_group("nginx")]

# Free ports, or from WACANA_TEST_NGINX_PORT on (per xdist worker) when that is set.
NGINX_PORT, APP_PORT = server_ports("WACANA_TEST_NGINX_PORT", 2)
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
ROOT = Path(__file__).resolve().parents[3]
CSP = "default-src 'none'; img-src 'self'; sandbox"

SETUP = """
import json
from importlib import import_module
from django.conf import settings
from wacana.accounts import actions as accounts
from wacana.articles import actions
from wacana.articles.forms import TagsField
from wacana.articles.models import Category
writer = accounts.create_account(username="penulis", email="p@example.com",
    password="kopi-tubruk-pagi-77", display_name="Sekar Penulis")
reader = accounts.create_account(username="pembaca", email="r@example.com",
    password="kopi-tubruk-pagi-77", display_name="Raka Pembaca")
data = {"title": "Senja di Ampenan", "body": "Kapal-kapal tua.",
    "category": Category.objects.get(slug="sekolah"), "tags": TagsField(required=False).clean("")}
article = actions.publish_article(writer, actions.create_article(writer, data))
store = import_module(settings.SESSION_ENGINE).SessionStore()
store["_auth_user_id"] = str(reader.pk)
store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
store["_auth_user_hash"] = reader.get_session_auth_hash()
store.create()
print(json.dumps({"article": article.get_absolute_url(), "pk": article.pk,
    "session": store.session_key}))
"""

VIEW_COUNT = """
import sys
from wacana.articles import counting
from wacana.articles.models import Article
counting.flush()
print(Article.objects.get(pk=int(sys.argv[1])).view_count)
"""


@dataclass
class Site:
    nginx: Nginx
    app: AppServer
    env: dict[str, str]
    facts: dict[str, Any]
    media: Path


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def get(path: str, client: str = "127.0.0.2", **headers: str) -> Reply:
    """A GET through nginx from the loopback address `client`."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", NGINX_PORT, timeout=10, source_address=(client, 0)
    )
    try:
        connection.request("GET", path, headers={"User-Agent": BROWSER, **headers})
        response = connection.getresponse()
        return Reply(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("nginx-site")
    env = site_env(
        folder / "var",
        WACANA_TRUSTED_PROXIES="127.0.0.1",
        WACANA_RATE_SEARCH="3/m",
        WACANA_VIEW_FLUSH_SECONDS="1",
        # As deploy/nginx.conf expects it: article pages kept, views counted by beacons.
        WACANA_VIEW_COUNTING="beacon",
    )
    manage(env, "migrate", "--no-input", "-v0")
    facts = json.loads(python(env, SETUP))
    media = folder / "var" / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "foto.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    (media / "images" / "jebakan.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    try:
        nginx = start_nginx(
            folder / "nginx",
            listen=NGINX_PORT,
            app_ports=[APP_PORT],
            static_root=ROOT / "static",
            media_root=media,
        )
    except NginxUnavailable as error:
        pytest.skip(f"nginx cannot run here: {error}")
    try:
        app = start_app_server(env, APP_PORT, folder / "app.log", workers=1, threads=4)
    except BaseException:
        nginx.stop()
        raise
    yield Site(nginx, app, env, facts, media)
    app.stop()
    nginx.stop()


def test_static_files_come_from_nginx_compressed(site: Site) -> None:
    reply = get("/static/css/site.css", **{"Accept-Encoding": "gzip"})
    assert reply.status == 200
    assert reply.header("content-type") == "text/css"
    assert reply.header("content-encoding") == "gzip"
    assert gzip.decompress(reply.body) == (ROOT / "static" / "css" / "site.css").read_bytes()
    assert "immutable" in reply.header("cache-control")
    assert reply.header("x-content-type-options") == "nosniff"


def test_media_are_never_sniffed_and_sandboxed(site: Site) -> None:
    reply = get("/media/images/foto.webp")
    assert reply.status == 200
    assert reply.header("content-type") == "image/webp"
    assert reply.header("x-content-type-options") == "nosniff"
    assert reply.header("content-security-policy") == CSP
    # A file that would be a document: no script type, and sandboxed anyway.
    svg = get("/media/images/jebakan.svg")
    assert svg.header("content-type") == "application/octet-stream"
    assert svg.header("content-security-policy") == CSP
    assert get("/media/images/tidak-ada.webp").status == 404


def test_the_readers_address_reaches_wacana_and_cannot_be_forged(site: Site) -> None:
    # WACANA_RATE_SEARCH=3/m per client address; each query differs, so none comes
    # from the proxy cache.
    for n in range(3):
        assert get(f"/cari?q=kapal{n}", client="127.0.0.4").status == 200
    assert get("/cari?q=kapal9", client="127.0.0.4").status == 429
    # A forged X-Forwarded-For does not make another client of the same reader.
    forged = get("/cari?q=kapal10", client="127.0.0.4", **{"X-Forwarded-For": "198.51.100.7"})
    assert forged.status == 429
    # Another reader (another address) has a limit of their own.
    assert get("/cari?q=kapal11", client="127.0.0.5").status == 200


def test_anonymous_pages_come_from_the_cache_and_signed_in_ones_never(site: Site) -> None:
    first = get("/kategori/sekolah")
    assert first.status == 200
    assert first.header("x-cache-status") in ("MISS", "EXPIRED", "HIT", "UPDATING", "STALE")
    second = get("/kategori/sekolah", client="127.0.0.6")
    assert second.header("x-cache-status") == "HIT"
    assert b"Raka Pembaca" not in second.body

    cookie = f"sessionid={site.facts['session']}"
    for _ in range(2):
        signed_in = get("/kategori/sekolah", Cookie=cookie)
        assert signed_in.status == 200
        assert signed_in.header("x-cache-status") == "BYPASS"
        assert b"Raka Pembaca" in signed_in.body  # their own page, not the cached one
        assert "private" in signed_in.header("cache-control")
    # And their page was not kept for the others.
    anonymous = get("/kategori/sekolah", client="127.0.0.7")
    assert anonymous.header("x-cache-status") == "HIT"
    assert b"Raka Pembaca" not in anonymous.body
    # A private page (with a cookie set) is never kept.
    for _ in range(2):
        assert get("/masuk").header("x-cache-status") in ("MISS", "BYPASS")


def test_the_proxy_cache_keeps_the_saving_data_variant_apart(site: Site) -> None:
    # Saving data (the header, or the reader's cookie) loads light.css: a page of its own.
    for _ in range(2):
        assert b"css/light.css" not in get("/tentang").body
        assert b"css/light.css" in get("/tentang", **{"Save-Data": "on"}).body
        assert b"css/light.css" in get("/tentang", Cookie="wacana_hemat=on").body
        chose_off = get("/tentang", Cookie="wacana_hemat=off", **{"Save-Data": "on"})
        assert b"css/light.css" not in chose_off.body
    assert get("/tentang").header("x-cache-status") == "HIT"


def test_article_pages_come_from_the_cache_and_their_beacons_count_each_view(
    site: Site,
) -> None:
    url, visitors = site.facts["article"], 25
    statuses = []
    for n in range(visitors):
        reader = f"127.0.1.{n + 1}"
        for _ in range(2):  # a refresh counts once
            page = get(url, client=reader)
            assert page.status == 200
            assert page.header("x-wacana-views") == ""  # Wacana's word to nginx only
            statuses.append(page.header("x-cache-status"))
            found = re.search(rb'<img class="beacon"\s+src="([^"]+)"', page.body)
            assert found, "no view beacon on the kept article page"
            pixel = get(found.group(1).decode(), client=reader)
            assert pixel.status == 200 and pixel.header("content-type") == "image/gif"
            assert pixel.header("x-cache-status") == "BYPASS"  # each one reaches Wacana
    assert statuses.count("HIT") >= visitors  # most pages never reached Wacana
    assert python(site.env, VIEW_COUNT, str(site.facts["pk"])) == str(visitors)


def test_a_signed_in_readers_article_page_counts_itself_past_the_cache(site: Site) -> None:
    cookie = f"sessionid={site.facts['session']}"
    before = int(python(site.env, VIEW_COUNT, str(site.facts["pk"])))
    for _ in range(2):
        page = get(site.facts["article"], client="127.0.2.1", Cookie=cookie)
        assert page.status == 200
        assert page.header("x-cache-status") == "BYPASS"
        assert b'class="beacon"' not in page.body
    assert python(site.env, VIEW_COUNT, str(site.facts["pk"])) == str(before + 1)


def test_wacana_compresses_its_pages_and_nginx_passes_them_through(site: Site) -> None:
    # A signed-in page carries secrets: gzip with Django's padding (a random file name in
    # the gzip header, FNAME flag set), never brotli, whatever the client accepts.
    cookie = f"sessionid={site.facts['session']}"
    lengths = set()
    for _ in range(4):
        signed_in = get("/kategori/sekolah", Cookie=cookie, **{"Accept-Encoding": "gzip, br"})
        assert signed_in.status == 200
        assert signed_in.header("content-encoding") == "gzip"
        assert signed_in.body[:3] == b"\x1f\x8b\x08"
        assert signed_in.body[3] & 0x08, "no BREACH padding: nginx compressed the page itself"
        assert b"Raka Pembaca" in gzip.decompress(signed_in.body)
        lengths.add(len(signed_in.body))
    assert len(lengths) > 1, "the padding's length should vary from response to response"
    # An anonymous page carries none: brotli; the cache keeps each encoding apart.
    for _ in range(2):
        assert get("/pedoman", **{"Accept-Encoding": "gzip, br"}).header("content-encoding") == "br"
        plain = get("/pedoman", **{"Accept-Encoding": "gzip"})
        assert plain.header("content-encoding") == "gzip"
        assert not plain.body[3] & 0x08  # nothing to hide: no padding
        assert get("/pedoman").header("content-encoding") == ""
    assert get("/pedoman", **{"Accept-Encoding": "gzip"}).header("x-cache-status") == "HIT"
