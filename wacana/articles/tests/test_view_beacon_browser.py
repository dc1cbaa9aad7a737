"""A reader's browser fetches the view beacon (WACANA_VIEW_COUNTING=beacon) once per page,
after the page itself and without showing anything: the view counts once."""

from typing import Any

import pytest
from playwright.sync_api import Browser

from wacana.articles import counting
from wacana.testing.content import fresh, publish
from wacana.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"


def test_the_browser_fetches_the_beacon_and_the_view_counts_once(
    browser: Browser, live_server: Any, settings: Any
) -> None:
    settings.VIEW_BEACON = True
    article = publish(make_user("penulis_beacon"), "Hujan di Bogor")
    # Headless Chromium says so in its user agent, which counts as a bot's.
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    for _ in range(2):  # a reload is the same visitor
        page.goto(live_server.url + article.get_absolute_url(), wait_until="load")
    beacons = [url for url in fetched if url.endswith(f"/artikel/{article.pk}/dibaca")]
    assert len(beacons) == 2, fetched
    beacon = page.locator("img.beacon")
    assert beacon.count() == 1 and not beacon.is_visible()
    context.close()
    counting.flush()
    assert fresh(article).view_count == 1
