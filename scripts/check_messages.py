"""Fail when a user-facing string lacks an Indonesian translation.

1. Every entry of the Indonesian catalogue is translated and none is fuzzy.
2. The compiled .mo holds exactly what the .po says (nobody forgot compilemessages).
3. Where GNU gettext is installed, the catalogue is re-extracted from the code into a
   scratch copy and every marked string must already be in the committed catalogue.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _key(entry: polib.POEntry | polib.MOEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def main() -> int:
    problems: list[str] = []
    po = polib.pofile(str(PO))
    for entry in po.untranslated_entries():
        problems.append(f"untranslated: {entry.msgid!r}")
    for entry in po.fuzzy_entries():
        problems.append(f"fuzzy: {entry.msgid!r}")
    if not MO.exists():
        problems.append(f"{MO.relative_to(ROOT)} is missing: run `make messages`")
    else:
        mo = {_key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO)) if e.msgid}
        want = {
            _key(e): (e.msgstr, e.msgstr_plural)
            for e in po.translated_entries()
            if not e.obsolete and e.msgid
        }
        stale = [k[1] for k in set(want) ^ set(mo)] + [
            k[1] for k in want if k in mo and _norm(want[k]) != _norm(mo[k])
        ]
        if stale:
            problems.append(f"django.mo is out of date ({len(stale)} strings): run `make messages`")
    if shutil.which("xgettext"):
        problems += _missing_from_catalogue(po)
    else:
        print("xgettext not installed: skipped the check for strings missing from the catalogue")
    for problem in problems[:50]:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problems (locale/id/LC_MESSAGES/django.po)")
        return 1
    print(f"translations: {len(po)} strings, all translated into Indonesian")
    return 0


def _norm(value: tuple[str, dict[int, str]]) -> tuple[str, tuple[str, ...]]:
    msgstr, plural = value
    return (msgstr, tuple(plural[k] for k in sorted(plural)) if plural else ())


def _missing_from_catalogue(po: polib.POFile) -> list[str]:
    known = {_key(e) for e in po if not e.obsolete}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "wacana"
        shutil.copytree(
            ROOT,
            copy,
            ignore=shutil.ignore_patterns(
                ".venv",
                ".git",
                "var",
                "staticfiles",
                "node_modules",
                "test-artifacts",
                "__pycache__",
                ".*_cache",
            ),
        )
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "makemessages",
                "-l",
                "id",
                "--no-obsolete",
                "--ignore",
                "staticfiles/*",
                "--ignore",
                "test-artifacts/*",
                "-v",
                "0",
            ],
            cwd=copy,
            check=True,
        )
        fresh = polib.pofile(str(copy / "locale" / "id" / "LC_MESSAGES" / "django.po"))
    return [f"not in the catalogue: {e.msgid!r}" for e in fresh if _key(e) not in known]


if __name__ == "__main__":
    sys.exit(main())
