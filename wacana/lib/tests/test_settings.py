"""The settings read the environment loudly and pass Django's deployment check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from wacana.lib.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("WACANA_", "DJANGO_"))}
    base.pop("DATABASE_URL", None)
    base.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production_with_documented_variables(tmp_path: Path) -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        WACANA_ENV="production",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        ALLOWED_HOSTS="wacana.example",
        WACANA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = _manage(
        "check", WACANA_ENV="production", ALLOWED_HOSTS="a.example", WACANA_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = _manage("check", WACANA_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    _manage("check", WACANA_VAR_DIR=str(tmp_path))
    assert (tmp_path / "secret_key").read_text() == key


def test_a_bad_rate_limit_stops_the_server_with_a_clear_message(tmp_path: Path) -> None:
    result = _manage("check", WACANA_RATE_LOGIN="lots", WACANA_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "count/period" in result.stderr


def test_env_helpers_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1, minimum=1)
    monkeypatch.setenv("X_LIST", " a.example , ,b.example ")
    assert env_list("X_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("X_BOOL", "Off")
    assert env_bool("X_BOOL", True) is False


def test_sqlite_runs_in_wal_mode(db: None) -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite-only setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


@pytest.mark.parametrize(("value", "enabled"), [(None, "True"), ("off", "False"), ("ON", "True")])
def test_view_counting_is_on_unless_switched_off(
    tmp_path: Path, value: str | None, enabled: str
) -> None:
    env = {"WACANA_VAR_DIR": str(tmp_path)}
    if value is not None:
        env["WACANA_VIEW_COUNTING"] = value
    code = "from django.conf import settings; print(settings.VIEW_COUNTING_ENABLED)"
    result = _manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == enabled


def test_a_bad_view_counting_value_stops_the_server(tmp_path: Path) -> None:
    result = _manage("check", WACANA_VAR_DIR=str(tmp_path), WACANA_VIEW_COUNTING="maybe")
    assert result.returncode != 0
    assert "WACANA_VIEW_COUNTING must be one of on, beacon, off" in result.stderr
