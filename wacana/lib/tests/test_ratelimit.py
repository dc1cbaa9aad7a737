from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from wacana.lib import ratelimit
from wacana.lib.clientip import client_ip


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10/m", (10, 60)), ("5/h", (5, 3600)), ("100/15m", (100, 900)), (" 3 / d ", (3, 86400))],
)
def test_it_parses_rates(text: str, expected: tuple[int, int]) -> None:
    assert ratelimit.parse_rate(text) == expected


@pytest.mark.parametrize("text", ["", "10", "ten/m", "10/w", "0/m", "10/0m", "-1/m"])
def test_it_refuses_nonsense_rates(text: str) -> None:
    with pytest.raises(ImproperlyConfigured):
        ratelimit.parse_rate(text)


@pytest.mark.django_db
def test_it_allows_up_to_the_limit_then_says_when_to_retry(settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (3, 60)}
    assert [ratelimit.hit("login", "10.0.0.1") for _ in range(3)] == [None, None, None]
    limited = ratelimit.hit("login", "10.0.0.1")
    assert limited is not None and 1 <= limited.retry_after <= 60
    # Another key has its own budget.
    assert ratelimit.hit("login", "10.0.0.2") is None


@pytest.mark.django_db
def test_peek_does_not_count(settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_account": (2, 60)}
    for _ in range(5):
        assert ratelimit.peek("login_account", "budi") is None
    ratelimit.hit("login_account", "budi")
    ratelimit.hit("login_account", "budi")
    assert ratelimit.peek("login_account", "budi") is not None


@pytest.mark.django_db
def test_the_off_switch_disables_every_limit(settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (1, 60)}
    settings.RATE_LIMITS_ENABLED = False
    assert all(ratelimit.hit("login", "10.0.0.1") is None for _ in range(10))


def test_forwarded_for_is_ignored_without_trusted_proxies(settings: Any) -> None:
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "203.0.113.9"


def test_forwarded_for_is_read_from_the_right_past_trusted_proxies(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 10.0.0.5"
    )
    # 6.6.6.6 was written by the client itself; 198.51.100.7 is who reached our proxy.
    assert client_ip(request) == "198.51.100.7"


def test_an_untrusted_peer_cannot_claim_another_address(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="10.0.0.9")
    assert client_ip(request) == "198.51.100.7"


def test_garbage_in_forwarded_for_falls_back_to_the_peer(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) == "127.0.0.1"


def test_no_raw_or_plainly_hashed_address_reaches_the_cache(settings: Any) -> None:
    import hashlib

    key, *_ = ratelimit._slot("login", "203.0.113.9")
    assert "203.0.113.9" not in key
    assert hashlib.sha256(b"203.0.113.9").hexdigest()[:32] not in key
