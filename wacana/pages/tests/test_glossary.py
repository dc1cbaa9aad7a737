"""Issue 14, point 8: one word for one thing. The table below is the "Not" column of
docs/glossary.md made checkable: no Indonesian string in the catalogue
(locale/id/LC_MESSAGES/django.po, every msgstr), no text a template shows outside
gettext, and no demo article may use a forbidden variant. When you add a row to the
glossary's "Not" column, add it here too."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"

# (what is wrong, pattern, what to write instead): docs/glossary.md lists the same.
FORBIDDEN = [
    ("guillemets", r"[«»]", "“ ” (and ‘ ’ inside them)"),
    ("straight quotes in text", r'"', "“ ”"),
    ("Edit / diedit", r"\b(?:[Ee]dit|[Dd]iedit|[Mm]engedit)\b", "Sunting / disunting"),
    ("feed jargon", r"\bAtom\b|pembaca feed", "Langganan RSS"),
    ("a space before a comma after a number", r"\d\s+,", "Rp80.000, dua"),
    ("Login / password", r"\b[Ll]ogin\b|\b[Pp]assword\b", "Masuk / kata sandi"),
    ("Filter", r"\b[Ff]ilter\b", "Saring"),
    (
        "luring / offline / mode lite",
        r"\b(?:luring|offline|mode lite)\b",
        "tanpa koneksi / Hemat data",
    ),
    ("rating / skor", r"\b(?:rating|skor)\b", "nilai"),
    ("tombol lapor", r"tombol lapor", "Laporkan"),
    ("0 menit yang lalu", r"\b0 menit", "baru saja"),
]

# msgids whose Indonesian must keep a forbidden form, with the reason.
ALLOWED = {
    # An HTTP header value: the quotes are part of the syntax the client must send.
    ("straight quotes in text", 'If-Match must hold the article\'s version, e.g. "7".'),
}

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ENTRY = re.compile(
    r"^msgid ((?:\"(?:[^\"\\]|\\.)*\"\n)+)(?:msgid_plural (?:\"(?:[^\"\\]|\\.)*\"\n)+)?"
    r"((?:msgstr(?:\[\d\])? (?:\"(?:[^\"\\]|\\.)*\"\n)+)+)",
    re.M,
)
_MARKUP = re.compile(r"<[^<>]*>")


def _unquote(block: str) -> str:
    return "".join(_STRING.findall(block)).replace('\\"', '"').replace("\\n", "\n")


def catalogue() -> list[tuple[str, str]]:
    """(msgid, msgstr) of every translated entry; HTML tags (and their attributes'
    quotes) are not text, so they are left out of the msgstr."""
    text = CATALOGUE.read_text(encoding="utf-8")
    found = []
    for msgid, msgstrs in _ENTRY.findall(text):
        for msgstr in re.findall(r"msgstr(?:\[\d\])? ((?:\"(?:[^\"\\]|\\.)*\"\n)+)", msgstrs):
            found.append((_unquote(msgid), _MARKUP.sub("", _unquote(msgstr))))
    return found


# A {% blocktranslate %} block is an English msgid (checked through the catalogue), like
# {% translate "..." %}; long ones are wrapped over several lines with `trimmed`.
_TEMPLATE_CODE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}"
    r"|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}"
    r"|<script\b.*?</script>|<style\b.*?</style>",
    re.S,
)


def template_text(path: Path) -> str:
    """What a template shows outside gettext: its text between tags, without template
    code (whose strings are English msgids, checked through the catalogue)."""
    return _MARKUP.sub(" ", _TEMPLATE_CODE.sub(" ", path.read_text(encoding="utf-8")))


def templates() -> list[Path]:
    """Every template but the English pages' prose (pages/en/)."""
    roots = [ROOT / "templates", *(ROOT / "wacana").glob("*/templates")]
    found = (path for root in roots for path in root.rglob("*.html"))
    return sorted(path for path in found if path.parent.name != "en")


def _problems(where: str, text: str, msgid: str | None = None) -> list[str]:
    problems = []
    for name, pattern, instead in FORBIDDEN:
        found = re.search(pattern, text)
        if found and (name, msgid) not in ALLOWED:
            around = " ".join(text[max(0, found.start() - 40) : found.end() + 40].split())
            problems.append(f"{where}: {name} in {around!r} (write {instead})")
    return problems


def test_the_catalogue_is_parsed() -> None:
    entries = catalogue()
    assert len(entries) > 500
    assert ("Edit profile", "Sunting profil") in entries


def test_the_indonesian_catalogue_uses_the_glossary() -> None:
    problems = [
        problem
        for msgid, msgstr in catalogue()
        if msgstr
        for problem in _problems(f"msgid {msgid[:50]!r}", msgstr, msgid)
    ]
    assert not problems, "\n".join(problems)


def test_templates_show_no_forbidden_variant_outside_gettext() -> None:
    found = templates()
    assert len(found) > 50
    problems = [
        problem
        for path in found
        for problem in _problems(str(path.relative_to(ROOT)), template_text(path))
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["guillemets", "a space before a comma after a number"])
def test_demo_articles_follow_the_writing_rules(name: str) -> None:
    pattern = next(p for n, p, _ in FORBIDDEN if n == name)
    sources = sorted((ROOT / "wacana" / "articles" / "demo_content").glob("*.py"))
    sources += [
        ROOT / "wacana" / "discussion" / "demo.py",
        ROOT / "wacana" / "accounts" / "demo.py",
    ]
    hits = [
        f"{path.name}:{number}: {line.strip()[:90]}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]
    assert not hits, "\n".join(hits)


def test_the_glossary_documents_the_table() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "wacana/pages/tests/test_glossary.py" in glossary
    for name, _pattern, _instead in FORBIDDEN:
        assert name in glossary, f"docs/glossary.md does not list {name!r}"
