"""`make run`'s demo has an open topic with articles on it (issue 16)."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from wacana.testing.html import html
from wacana.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_topic_with_articles_the_home_shows(client: Client) -> None:
    call_command("load_demo", stdout=io.StringIO())
    topic = Topic.objects.get()
    assert topic.is_open() and topic.created_by is not None
    assert topic.created_by.username == "redaksi"
    on_it = list(topic.links.values_list("article__title", flat=True))
    assert len(on_it) == 3
    page = html(client.get(topic.get_absolute_url()))
    assert len(page.select(".card")) == 3
    home = client.get("/").content.decode()
    assert topic.title in home
