"""Pytest fixtures for real-browser tests: Playwright driving Debian's chromium.

Tests marked `browser` get a `page` on the live server; when a test fails, a
screenshot of the page is saved under test-artifacts/ for the person reading CI logs.
"""

import os
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pluggy
import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium_path() -> str | None:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[Any]
) -> Generator[None, pluggy.Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        page = getattr(item, "_wacana_page", None)
        if page is not None:
            ARTIFACTS.mkdir(exist_ok=True)
            path = ARTIFACTS / f"{item.name}.png"
            try:
                page.screenshot(path=str(path), full_page=True)
                report.sections.append(("browser", f"screenshot saved to {path}"))
            except Exception as error:  # the page may be gone with the failure
                report.sections.append(("browser", f"no screenshot: {error}"))


@pytest.fixture(scope="session")
def browser(django_db_setup: Any) -> Iterator[Any]:
    # The test database must exist before Playwright's event loop runs in this thread,
    # and Django must then allow ORM calls from it.
    executable = _chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (make browsers installs it): browser test skipped")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=LAUNCH_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta"
    )
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    request.node._wacana_page = new_page
    yield new_page
    context.close()


def sign_in(page: Any, username: str, password: str | None = None) -> None:
    """Sign in through the real form and wait for the signed-in header menu."""
    # Imported here: the root conftest loads this plugin before Django is set up, and
    # wacana.conftest imports models.
    from wacana.conftest import PASSWORD  # noqa: PLC0415 - wacana.conftest imports models; Django is set up later

    page.goto("/masuk")
    form = page.locator("main form")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password or PASSWORD)
    form.get_by_role("button").click()
    expect(page.locator("header details.menu")).to_be_visible()
