"""Avatars below the first screen load lazily, so that on a slow line they never share it
with the page's main picture (issue 18); the ones at the top stay eager."""

import re

import pytest
from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.testing.content import comment, publish
from wacana.testing.html import html
from wacana.testing.images import upload
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db


def with_avatar(user: User) -> User:
    return account_actions.set_avatar(user, upload("wajah.png", size=(200, 200)))


def test_article_author_card_eager_comment_avatars_lazy(writer: User) -> None:
    with_avatar(writer)
    reader = with_avatar(make_user("pembaca"))
    article = publish(writer, "Senja di Kalimas")
    comment(reader, article, "Saya juga pernah ke sana.")
    page = html(Client().get(article.get_absolute_url()))
    top = page.one(".author-card img.avatar")
    assert top.get("loading") == ""
    below = page.select(".comment img.avatar")
    assert below, "the comment's avatar is shown"
    assert all(img["loading"] == "lazy" and img["decoding"] == "async" for img in below)


def test_home_writers_and_follow_lists_lazy(writer: User) -> None:
    with_avatar(writer)
    publish(writer, "Senja di Kalimas")
    follower = with_avatar(make_user("pembaca"))
    account_actions.follow(follower, writer)
    writers = html(Client().get("/")).select(".writers img.avatar")
    assert writers, "the home lists its writers"
    assert all(img["loading"] == "lazy" for img in writers)
    people = html(Client().get(f"{writer.get_absolute_url()}/pengikut")).select(
        ".people-list img.avatar"
    )
    assert people, "the follower is listed"
    assert all(img["loading"] == "lazy" for img in people)


def test_account_menu_avatar_eager(writer: User) -> None:
    with_avatar(writer)
    menu = html(signed_in(writer).get("/")).select(".account img.avatar")
    assert menu and all(img.get("loading") == "" for img in menu)


def test_follow_lists_are_styled_by_the_page_s_own_css(writer: User) -> None:
    # .people-list had no rules at all: a bulleted list, each avatar above its name.
    account_actions.follow(make_user("pembaca"), writer)
    page = Client().get(f"{writer.get_absolute_url()}/pengikut").content.decode()
    assert '<ul class="people-list">' in page
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.S))
    assert ".people-list{list-style:none" in styles
    assert ".people-list li>.avatar{position:absolute" in styles
