"""A class styled only in tools.css is used only where tools.css is loaded.

Reading pages inline site.css (and pages.css, discovery.css); only writing, dashboard,
moderation and account-tool pages link tools.css. A class whose rules live there but that
a page without it uses shows unstyled: the home's writers once showed as a bulleted list
of underlined names, /akun/token's table as bare cells.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CSS = ROOT / "static" / "css"
# Partials included only by pages that load tools.css.
INCLUDED_BY_TOOL_PAGES = {
    # articles/write.html, and preview_fragment.html, which htmx swaps into it.
    "wacana/articles/templates/articles/preview.html",
}


def _classes(css: str) -> set[str]:
    return set(re.findall(r"\.([A-Za-z][\w-]*)", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))


def _templates() -> list[Path]:
    found = list((ROOT / "templates").rglob("*.html"))
    for app_templates in (ROOT / "wacana").glob("*/templates"):
        found += app_templates.rglob("*.html")
    return sorted(found)


def _unstyled() -> dict[str, set[str]]:
    elsewhere = set()
    for name in ("site.css", "pages.css", "discovery.css"):
        elsewhere |= _classes((CSS / name).read_text())
    tools_only = _classes((CSS / "tools.css").read_text()) - elsewhere
    out: dict[str, set[str]] = {}
    for path in _templates():
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if "css/tools.css" in text or name in INCLUDED_BY_TOOL_PAGES:
            continue
        used = {c for attr in re.findall(r'class="([^"]*)"', text) for c in attr.split()}
        if used & tools_only:
            out[name] = used & tools_only
    return out


def test_the_check_sees_the_tool_classes() -> None:
    assert "dash" in _classes((CSS / "tools.css").read_text())
    assert "write" in _classes((CSS / "tools.css").read_text())


def test_no_page_without_tools_css_uses_its_classes() -> None:
    assert _unstyled() == {}
