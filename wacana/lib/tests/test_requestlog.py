import logging
from typing import Any

import pytest
from django.test import Client

from wacana.lib.requestlog import RequestIdFilter, current_request_id

pytestmark = pytest.mark.django_db


def test_a_request_gets_an_id_in_its_response() -> None:
    first = Client().get("/healthz")["X-Request-ID"]
    second = Client().get("/healthz")["X-Request-ID"]
    assert len(first) == 32
    assert first != second


def test_a_proxy_id_is_kept_and_a_hostile_one_replaced() -> None:
    assert Client().get("/healthz", HTTP_X_REQUEST_ID="lb-42.abc")["X-Request-ID"] == "lb-42.abc"
    hostile = "x\r\nSet-Cookie: a=b" + "y" * 100
    replaced = Client().get("/healthz", HTTP_X_REQUEST_ID=hostile)["X-Request-ID"]
    assert replaced != hostile
    assert len(replaced) == 32


def test_log_lines_carry_the_request_id(settings: Any, caplog: pytest.LogCaptureFixture) -> None:
    settings.ACCESS_LOG = True
    with caplog.at_level(logging.INFO, logger="wacana.access"):
        Client().get("/healthz?token=rahasia", HTTP_X_REQUEST_ID="req-123")
    [record] = [r for r in caplog.records if r.name == "wacana.access"]
    RequestIdFilter().filter(record)
    assert record.request_id == "req-123"  # type: ignore[attr-defined]
    line = record.getMessage()
    assert line.startswith("GET /healthz 200 ")
    assert "rahasia" not in line  # no query strings in the log
    assert current_request_id() == "-"  # reset once the request is over


def test_access_log_is_off_by_default(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="wacana.access"):
        Client().get("/healthz")
    assert not [r for r in caplog.records if r.name == "wacana.access"]


def test_the_configured_format_has_time_and_id() -> None:
    from django.conf import settings

    logging_config: dict[str, Any] = settings.LOGGING
    formatter = logging.Formatter(logging_config["formatters"]["wacana"]["format"])
    record = logging.LogRecord("wacana.x", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    line = formatter.format(record)
    assert " INFO [-] wacana.x: hello" in line
    assert line[:4].isdigit()  # asctime first
