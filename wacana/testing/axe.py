"""axe-core in the browser tests: the serious and critical findings on a page."""

from typing import Any

from axe_playwright_python.sync_playwright import Axe


def serious_violations(page: Any) -> list[str]:
    """axe's serious and critical violations on `page`, one readable line each."""
    results = Axe().run(page)
    assert results.response["passes"], "axe did not run on the page"
    return [
        f"axe {v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_no_serious_violations(page: Any) -> None:
    assert serious_violations(page) == []
