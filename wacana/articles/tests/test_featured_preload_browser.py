"""The featured picture is asked for from the page's head (issue 18: the largest picture
of an article, found before the inlined styles are read), and the preload and the
<picture> agree: a phone fetches it once, in the format the <picture> takes."""

from typing import Any

import pytest
from playwright.sync_api import Browser

from wacana.articles import actions
from wacana.testing.content import publish
from wacana.testing.images import upload
from wacana.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
def test_the_featured_picture_is_preloaded_and_fetched_once(
    browser: Browser, live_server: Any, width: int
) -> None:
    article = publish(make_user("penulis_foto"), "Sawah di Kaki Gunung")
    actions.set_featured_image(article, upload(size=(1600, 900)))
    article.refresh_from_db()
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(live_server.url + article.get_absolute_url())
    image = page.locator("figure.featured img")
    image.evaluate("img => img.decode()")
    shown = image.evaluate("img => img.currentSrc")
    preload = page.locator("head link[rel=preload][as=image]")
    assert preload.count() == 1
    pictures = [url for url in fetched if "/media/articles/" in url]
    assert pictures == [shown], pictures
    if article.image_variants == "avif":
        assert shown.endswith(".avif")
    context.close()
