"""Production never gets the demo accounts, whose password the README prints."""

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wacana.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("args", [[], ["--if-empty"]])
def test_load_demo_refuses_in_production(settings: Any, args: list[str]) -> None:
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="WACANA_ENV=production"):
        call_command("load_demo", *args, stdout=io.StringIO())
    assert not User.objects.exists()


def test_load_demo_in_production_only_when_forced(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wacana.pages.management.commands import load_demo

    settings.PRODUCTION = True
    made: list[str] = []

    def writers() -> list[object]:
        made.append("w")
        return []

    # The demo itself is tested elsewhere; here only whether it is reached.
    monkeypatch.setattr(load_demo, "create_demo_writers", writers)
    monkeypatch.setattr(load_demo, "create_demo_articles", lambda: [])
    monkeypatch.setattr(load_demo, "curate_demo", lambda *a: None)
    monkeypatch.setattr(load_demo, "create_demo_topic", lambda *a: None)
    call_command("load_demo", "--force-in-production", stdout=io.StringIO())
    assert made == ["w"]
