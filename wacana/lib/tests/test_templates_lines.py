"""No template line over 120 characters (issue 12).

The templates are laid out by djLint, which does not wrap text or a row of inline elements;
long lines are broken where whitespace already is, between a tag's attributes, or by giving
tags that print nothing ({% if %}, {% translate "…" as x %}, {% blocktranslate … asvar x %})
lines of their own: wacana.lib.templates drops those lines' breaks, so the page stays the
same.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LIMIT = 120


def _templates() -> list[Path]:
    found = list((ROOT / "templates").rglob("*.html"))
    for app_templates in (ROOT / "wacana").glob("*/templates"):
        found += app_templates.rglob("*.html")
    return sorted(found)


def _long_lines(path: Path) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if len(line) > LIMIT]


def test_the_walk_finds_the_templates() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _templates()}
    assert "templates/base.html" in names
    assert "wacana/articles/templates/articles/detail.html" in names
    assert len(names) > 50


def test_no_template_line_is_over_120_characters() -> None:
    problems = []
    for path in _templates():
        long = _long_lines(path)
        if long:
            lines = ", ".join(str(n) for n in long)
            problems.append(f"{path.relative_to(ROOT).as_posix()}: lines {lines}")
    assert not problems, f"lines over {LIMIT} characters:\n" + "\n".join(problems)


def test_a_long_line_is_caught(tmp_path: Path) -> None:
    template = tmp_path / "x.html"
    template.write_text("<p>\n" + "a" * 121 + "\n" + "b" * 120 + "\n</p>\n", encoding="utf-8")
    assert _long_lines(template) == [2]
