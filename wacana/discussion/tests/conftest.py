from typing import Any

import pytest

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.testing.content import publish
from wacana.testing.personas import make_user


@pytest.fixture
def commenter(db: Any) -> User:
    """Writes the comments under test; an ordinary reader otherwise."""
    return make_user("komentator", display_name="Dewi Komentator")


@pytest.fixture
def article(writer: User) -> Article:
    return publish(writer)


@pytest.fixture
def no_rate_limits(settings: Any) -> None:
    settings.RATE_LIMITS_ENABLED = False
