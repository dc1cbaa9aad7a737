"""What `make run` does with WACANA_ENV=production, read from make's dry run."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(target: str, **env: str) -> str:
    """The commands `make target` would run from scratch (-B: as if nothing were made)."""
    clean = {k: v for k, v in os.environ.items() if k != "WACANA_ENV"}
    result = subprocess.run(
        ["make", "-n", "-B", "--no-print-directory", target],  # noqa: S607
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def test_production_run_loads_no_demo_and_installs_only_the_runtime_lock() -> None:
    plan = planned("run", WACANA_ENV="production")
    assert "load_demo" not in plan
    assert "--require-hashes -r requirements/runtime.txt" in plan
    assert "requirements/dev.txt" not in plan
    assert "migrate" in plan


def test_development_run_loads_the_demo_from_the_dev_lock() -> None:
    plan = planned("run")
    assert "load_demo --if-empty" in plan
    assert "--require-hashes -r requirements/dev.txt" in plan


def test_every_install_uses_hashes_and_the_project_goes_in_without_deps() -> None:
    for env in ({}, {"WACANA_ENV": "production"}):
        installs = [
            line for line in planned("install", **env).splitlines() if "pip install" in line
        ]
        assert installs, env
        for line in installs:
            assert "--require-hashes" in line or "--no-deps -e ." in line, line


def test_make_test_runs_the_deployment_checks() -> None:
    plan = planned("deploy-check")
    assert "WACANA_ENV=production" in plan
    assert "check --deploy --fail-level WARNING" in plan


def test_the_locks_pin_every_package_with_hashes() -> None:
    for name in ("runtime.txt", "dev.txt", "tools.txt"):
        text = (ROOT / "requirements" / name).read_text()
        pins = [line for line in text.splitlines() if line and line[0].isalnum()]
        assert pins, name
        for pin in pins:
            assert "==" in pin and pin.endswith("\\"), f"{name}: {pin} is not pinned with hashes"


def locked(name: str) -> dict[str, str]:
    """{canonical package name: pinned version} of a lock file."""
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        if line and line[0].isalnum() and "==" in line:
            package, version = line.split(" ", 1)[0].split("==")
            pins[canonicalize_name(package.split("[")[0])] = version
    return pins


def test_the_locks_are_in_step_with_pyproject() -> None:
    """Fails when pyproject.toml changed and `make lock` was not run."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {
        "runtime.txt": project["dependencies"],
        "dev.txt": project["dependencies"] + project["optional-dependencies"]["dev"],
    }
    for lock, requirements in wanted.items():
        pins = locked(lock)
        for text in requirements:
            requirement = Requirement(text)
            version = pins.get(canonicalize_name(requirement.name))
            assert version is not None, f"{requirement.name} is not in {lock}: run make lock"
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{lock} pins {requirement.name}=={version}, outside {requirement.specifier}: "
                "run make lock"
            )
    runtime, dev = locked("runtime.txt"), locked("dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime, "the locks disagree"
