"""The moderation cast on top of the shared one: content to report, more moderators."""

from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion.models import Comment
from wacana.moderation.tests.helpers import add_comment, in_group, write_article
from wacana.testing.api import Api, api_for
from wacana.testing.personas import make_user


@pytest.fixture
def article(writer: User) -> Article:
    return write_article(writer)


@pytest.fixture
def draft(writer: User) -> Article:
    return write_article(writer, "Catatan yang belum selesai", publish=False)


@pytest.fixture
def comment(article: Article, reader: User) -> Comment:
    return add_comment(article, reader, "Beli obat kuat di toko kami, murah!")


@pytest.fixture
def moderator2(db: Any) -> User:
    return in_group(make_user("moderator2", display_name="Moderator Dua"), "moderator")


@pytest.fixture
def administrator(db: Any) -> User:
    """An administrator by role (group), not a Django superuser."""
    return in_group(make_user("administrasi", display_name="Admin Peran"), "administrator")


@pytest.fixture
def editor(db: Any) -> User:
    return in_group(make_user("redaktur", display_name="Redaktur", is_staff=True), "editor")


@pytest.fixture
def bystander(db: Any) -> User:
    return make_user("tetangga", display_name="Tetangga")


@pytest.fixture
def mod_api(moderator: User) -> Api:
    return api_for(moderator)


@pytest.fixture
def mod2_api(moderator2: User) -> Api:
    return api_for(moderator2)


@pytest.fixture
def reader_api(reader: User) -> Api:
    return api_for(reader)


@pytest.fixture
def writer_api(writer: User) -> Api:
    return api_for(writer)
