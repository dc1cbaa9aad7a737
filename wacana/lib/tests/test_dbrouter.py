"""The read replica (WACANA_DATABASE_REPLICA_URL): listings, search and feeds read from it,
everything else and anything in a transaction from the primary. Two SQLite files play
primary and replica; the replica's copy of an article carries another title, so each
page shows which database it read."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wacana.lib.dbrouter import REPLICA, ReplicaRouter, reading_from_replica

ROOT = Path(__file__).resolve().parents[3]

SETUP = """
import django; django.setup()
from wacana.accounts import actions as accounts
from wacana.articles import actions
from wacana.articles.forms import TagsField
from wacana.articles.models import Category
writer = accounts.create_account(username="sekar", email="s@example.com",
    password="kopi-tubruk-pagi-77", display_name="Sekar")
data = {"title": "Judul Primer", "body": "Isi.", "category": Category.objects.get(slug="sekolah"),
    "tags": TagsField(required=False).clean("pasar")}
article = actions.publish_article(writer, actions.create_article(writer, data))
print(article.pk)
"""

CHECK = """
import django, json, sys; django.setup()
from django.db import transaction
from django.test import Client
from wacana.articles.models import Article
from wacana.lib.dbrouter import reading_from_replica
pk = int(sys.argv[1])
article = Article.objects.get(pk=pk)
client = Client(HTTP_HOST="127.0.0.1")
pages = {
    "category": client.get("/kategori/sekolah"),
    "tag": client.get("/tag/pasar"),
    "search": client.get("/cari?q=replika"),
    "feed": client.get("/feed"),
    "article": client.get(article.get_absolute_url()),
}
out = {name: [r.status_code, "Replika" in r.content.decode(),
              "Primer" in r.content.decode()] for name, r in pages.items()}
with reading_from_replica():
    out["outside"] = Article.objects.get(pk=pk).title
    with transaction.atomic():
        out["in_transaction"] = Article.objects.get(pk=pk).title
print(json.dumps(out))
"""


def _run(code: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.process
def test_listings_search_and_feeds_read_the_replica_and_the_rest_the_primary(
    tmp_path: Path,
) -> None:
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="wacana.settings",
        WACANA_VAR_DIR=str(tmp_path / "var"),
        WACANA_PLAIN_STATIC="1",
        WACANA_RATE_LIMITS="off",
        DATABASE_URL=f"sqlite:///{primary}",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=180
    )
    pk = _run(SETUP, env)
    subprocess.run(
        [sys.executable, "manage.py", "rebuild_search_index"],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=180,
        capture_output=True,
    )
    # "Replication": a copy of the primary, then a change only the replica has.
    with sqlite3.connect(primary) as source, sqlite3.connect(replica) as copy:
        source.backup(copy)
    with sqlite3.connect(replica) as copy:
        copy.execute("UPDATE articles_article SET title = 'Judul Replika' WHERE id = ?", (pk,))
        # The search index follows its entries by triggers.
        copy.execute("UPDATE discovery_searchentry SET title = 'Judul Replika'")
    shutil.rmtree(tmp_path / "var" / "cache", ignore_errors=True)  # pages cached by the setup

    env["WACANA_DATABASE_REPLICA_URL"] = f"sqlite:///{replica}"
    out = json.loads(_run(CHECK, env, pk))
    # The replica's index knows the article by its replica title only.
    for listing in ("category", "tag", "feed", "search"):
        assert out[listing] == [200, True, False], (listing, out)
    # The article page itself, and reads in a transaction, come from the primary.
    assert out["article"] == [200, False, True]
    assert out["outside"] == "Judul Replika"
    assert out["in_transaction"] == "Judul Primer"


def test_the_router_sends_writes_and_migrations_to_the_primary() -> None:
    from wacana.accounts.models import User
    from wacana.articles.models import Article

    router = ReplicaRouter()
    assert router.db_for_read(Article) == "default"
    with reading_from_replica():
        assert router.db_for_read(Article) == REPLICA
        assert router.db_for_read(User) == "default"
        assert router.db_for_write(Article) == "default"
    assert router.allow_migrate(REPLICA, "articles") is False
    assert router.allow_migrate("default", "articles") is True
