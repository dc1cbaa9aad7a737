"""A typed client generated from the served OpenAPI document works (issue 17).

openapi-python-client writes a client package from /api/v1/openapi.json into a
temporary folder; the test imports it and, against a live site (granian on SQLite),
signs up, asks for a token, writes and publishes an article, comments on it, and
reads both back, each through the generated functions and models only.
"""

import importlib
import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wacana.testing.apiserver import LiveSite

pytestmark = [
    pytest.mark.process,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the live site is SQLite's: once, in the SQLite run",
    ),
]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[LiveSite]:
    running = LiveSite(tmp_path / "site")
    running.folder.mkdir()
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _generate(site: LiveSite, folder: Path) -> Any:
    with urllib.request.urlopen(f"{site.base_url}/api/v1/openapi.json", timeout=30) as answer:  # noqa: S310
        document = json.load(answer)
    path = folder / "openapi.json"
    path.write_text(json.dumps(document))
    bin_dir = Path(sys.executable).parent
    generated = subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(path),
            "--output-path",
            str(folder / "wacana_client"),
            "--meta",
            "none",
        ],
        cwd=folder,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    # Every operation got a typed function: no warning about a part of the document the
    # generator could not read.
    assert "Warning" not in generated.stdout + generated.stderr, generated.stdout
    sys.path.insert(0, str(folder))
    return importlib.import_module("wacana_client")


def test_a_generated_client_signs_up_writes_publishes_and_comments(
    site: LiveSite, tmp_path: Path
) -> None:
    _generate(site, tmp_path)
    try:
        from wacana_client import AuthenticatedClient, Client
        from wacana_client.api.accounts import (
            wacana_accounts_api_create_token as create_token,
        )
        from wacana_client.api.accounts import wacana_accounts_api_sign_up as sign_up
        from wacana_client.api.articles import (
            wacana_articles_api_categories as categories,
        )
        from wacana_client.api.articles import (
            wacana_articles_api_create_article as create_article,
        )
        from wacana_client.api.articles import (
            wacana_articles_api_get_article as get_article,
        )
        from wacana_client.api.discussion import (
            wacana_discussion_api_list_comments as list_comments,
        )
        from wacana_client.api.discussion import (
            wacana_discussion_api_post_comment as post_comment,
        )
        from wacana_client.models import (
            ArticleIn,
            ArticleInStatus,
            ArticleOut,
            CommentIn,
            CommentListing,
            CommentOut,
            ErrorOut,
            ProfileOut,
            SignupIn,
            TokenIn,
            TokenOut,
        )

        anonymous = Client(base_url=site.base_url, raise_on_unexpected_status=True)
        password = "Senja-di-Ampenan-2026"
        person = sign_up.sync(
            client=anonymous,
            body=SignupIn(username="klien_ketik", email="klien@example.com", password=password),
        )
        assert isinstance(person, ProfileOut) and person.username == "klien_ketik"
        refused = sign_up.sync(
            client=anonymous,
            body=SignupIn(username="klien_ketik", email="lain@example.com", password=password),
        )
        assert isinstance(refused, ErrorOut) and refused.detail  # taken: 409, typed

        token = create_token.sync(
            client=anonymous, body=TokenIn(username="klien_ketik", password=password)
        )
        assert isinstance(token, TokenOut)
        client = AuthenticatedClient(
            base_url=site.base_url, token=token.token, raise_on_unexpected_status=True
        )

        listed = categories.sync(client=anonymous)
        assert listed
        category = next(c for c in listed if c.parent)
        article = create_article.sync(
            client=client,
            body=ArticleIn(
                title="Ditulis dengan klien",
                category=category.slug,
                body="Klien yang dibuat dari dokumen OpenAPI.",
                tags=["api"],
                status=ArticleInStatus.PUBLISHED,
            ),
        )
        assert isinstance(article, ArticleOut), article
        assert article.status == "published" and article.tags == ["api"]

        comment = post_comment.sync(
            article.id, client=client, body=CommentIn(body="Tanggapan dari klien.")
        )
        assert isinstance(comment, CommentOut) and comment.article_id == article.id

        read = get_article.sync(article.id, client=anonymous)
        assert isinstance(read, ArticleOut) and read.comment_count == 1
        thread = list_comments.sync(article.id, client=anonymous)
        assert isinstance(thread, CommentListing)
        assert [item.id for item in thread.items] == [comment.id]
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] == "wacana_client"]:
            del sys.modules[name]
