"""The layer order (docs/architecture.md) is enforced: `make lint` runs lint-imports,
which must pass on the code as it is and fail on an import the wrong way."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from wacana.accounts import hooks as account_hooks
from wacana.articles import hooks as article_hooks
from wacana.discussion import hooks as discussion_hooks
from wacana.moderation import hooks as moderation_hooks

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed (make install)"
)


def lint_imports(cwd: Path, *, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(pythonpath), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_code_keeps_the_layer_order() -> None:
    result = lint_imports(ROOT, pythonpath=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_the_wrong_way_fails_the_lint(tmp_path: Path) -> None:
    # A copy of the package with one module of a lower app (articles) importing a higher
    # one (discovery), checked with the project's own contract.
    shutil.copytree(
        ROOT / "wacana",
        tmp_path / "wacana",
        ignore=shutil.ignore_patterns("__pycache__", "*.po", "*.mo", "*.webp", "*.jpg"),
    )
    (tmp_path / "wacana" / "articles" / "wrong_way.py").write_text(
        "from wacana.discovery import search  # noqa\n"
    )
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert contract["contracts"][0]["type"] == "layers"
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint_imports(tmp_path, pythonpath=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    assert "wacana.articles.wrong_way -> wacana.discovery.search" in result.stdout


@pytest.mark.parametrize(
    "hook",
    [*article_hooks.ALL, *account_hooks.ALL, *discussion_hooks.ALL, *moderation_hooks.ALL],
    ids=repr,
)
def test_every_hook_has_a_receiver(hook: object) -> None:
    # A hook nobody registered for would silently drop a rule (an unindexed article, a
    # writer never told of a follower): each is wired in some app's AppConfig.ready().
    assert hook.receivers(), f"{hook!r} has no receiver"  # type: ignore[attr-defined]
