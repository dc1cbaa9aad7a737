"""The README stands alone: every variable the settings read is in its configuration
table, and it points nowhere outside the repository."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text()
READERS = {"env_str", "env_bool", "env_int", "env_list", "env_choice", "get", "getenv"}


def variables_read_by_settings() -> set[str]:
    tree = ast.parse((ROOT / "wacana" / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else None
        called = node.func.id if isinstance(node.func, ast.Name) else called
        first = node.args[0]
        value = first.value if isinstance(first, ast.Constant) else None
        if called in READERS and isinstance(value, str) and value.isupper():
            names.add(value)
    return names


def test_every_variable_the_settings_read_is_in_the_table() -> None:
    names = variables_read_by_settings()
    assert {"DATABASE_URL", "WACANA_PLAIN_STATIC", "WACANA_MAX_REQUEST_BYTES"} <= names
    assert sorted(name for name in names if f"`{name}`" not in README) == []


def test_the_readme_points_nowhere_outside_the_repository() -> None:
    assert not re.search(r"\.\./|shared/", README)
    for linked in re.findall(r"`((?:docs|wacana|scripts)/[\w./-]+)`", README):
        assert (ROOT / linked).exists(), linked
