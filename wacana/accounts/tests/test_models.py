"""Model-level rules that hold whatever path the data takes (admin, shell, API)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from wacana.accounts import actions
from wacana.accounts.models import ApiToken, User
from wacana.accounts.validators import validate_username
from wacana.testing.api import delete_account
from wacana.testing.personas import PASSWORD, make_user


@pytest.mark.parametrize("name", ["abc", "budi_s", "sekar.ayu", "a1b", "x" * 30, "2024ok"])
def test_it_accepts_usernames_within_the_rules(name: str) -> None:
    validate_username(name)


@pytest.mark.parametrize(
    "name",
    [
        "ab",
        "x" * 31,
        "Budi",
        "budi-s",
        "budi s",
        ".budi",
        "budi.",
        "bu..di",
        "admin",
        "api",
        "robots.txt",
        "masuk",
        "búdi",
        "budi\u200b",
        "",
    ],
)
def test_it_refuses_usernames_outside_the_rules(name: str) -> None:
    with pytest.raises(ValidationError):
        validate_username(name)


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_is_either_a_valid_username_or_refused_cleanly(text: str) -> None:
    try:
        validate_username(text)
    except ValidationError as error:
        assert error.messages and all(isinstance(m, str) for m in error.messages)
    else:
        assert 3 <= len(text) <= 30 and set(text) <= set("abcdefghijklmnopqrstuvwxyz0123456789_.")


@pytest.mark.django_db
def test_the_database_refuses_a_username_differing_only_in_case() -> None:
    make_user("wulan")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="WULAN", email="lain@example.com", display_name="W")


@pytest.mark.django_db
def test_the_database_refuses_an_email_differing_only_in_case() -> None:
    make_user("wulan")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="wulan2", email="WULAN@EXAMPLE.COM", display_name="W")


@pytest.mark.django_db
def test_create_account_refuses_a_taken_name_and_keeps_a_taken_address_off() -> None:
    owner = make_user("wulan")
    with pytest.raises(actions.UsernameTaken):
        actions.create_account(
            username="Wulan", email="x@example.com", password=PASSWORD, display_name="W"
        )
    # A registered address is not refused (that would tell who has an account), but
    # the new account does not get it.
    other = actions.create_account(
        username="wulan3", email="Wulan@Example.com", password=PASSWORD, display_name="W"
    )
    assert other.email == ""
    assert User.objects.get(email__iexact="wulan@example.com") == owner


@pytest.mark.django_db
def test_tokens_are_stored_only_as_hashes() -> None:
    user = make_user("wulan")
    key = actions.issue_token(user)
    token = ApiToken.objects.get(user=user)
    assert key.startswith("wcn_") and len(key) > 40
    assert key not in (token.key_hash, token.hint)
    assert ApiToken.objects.for_key(key).get() == token
    actions.revoke_token(key)
    assert not ApiToken.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_deleting_an_account_takes_its_tokens() -> None:
    user = make_user("wulan")
    actions.issue_token(user)
    delete_account(user)
    assert not ApiToken.objects.exists()
    assert not User.objects.filter(username="wulan").exists()
