"""The moderation cast on top of the shared one: content to report, more moderators."""

from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion.models import Comment
from wacana.testing.api import Api, api_for
from wacana.testing.content import add_comment, draft, publish
from wacana.testing.personas import make_moderator, make_user


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer, "Banjir di Pesisir Demak", category="pertanian")


@pytest.fixture(name="draft")
def draft_fixture(writer: User) -> Article:
    return draft(writer, "Catatan yang belum selesai")


@pytest.fixture
def comment(article: Article, reader: User) -> Comment:
    return add_comment(article, reader, "Beli obat kuat di toko kami, murah!")


@pytest.fixture
def moderator2(db: Any) -> User:
    return make_moderator("moderator2", display_name="Moderator Dua")


@pytest.fixture
def bystander(db: Any) -> User:
    return make_user("tetangga", display_name="Tetangga")


@pytest.fixture
def mod2_api(moderator2: User) -> Api:
    return api_for(moderator2)
