"""The signed-in reader and their session, read by plain queries (accounts.backends,
accounts.sessions): the same account the ORM loads, and the same answers for expired,
ended, unknown and hostile sessions."""

from datetime import timedelta
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wacana.accounts import actions
from wacana.accounts.backends import BACKEND, EARLIER_BACKEND, AccountBackend, load_user
from wacana.accounts.models import User
from wacana.accounts.roles import EDITOR, MODERATOR, group_names
from wacana.accounts.sessions import UserSession, end_sessions_of
from wacana.testing.personas import PASSWORD, make_user, with_role

pytestmark = pytest.mark.django_db

MENU = reverse("accounts:edit_profile")


def _fields(user: User) -> dict[str, Any]:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_the_plain_query_loads_the_account_as_the_orm_does() -> None:
    user = make_user("pembaca_teliti", display_name="Pembaca Teliti", bio="Suka *kopi*.")
    actions.set_reading_preference(user, True)
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    loaded = load_user(user.pk)
    assert loaded is not None
    assert _fields(loaded) == _fields(User.objects.get(pk=user.pk))
    assert loaded.last_login is not None and loaded.last_login.tzinfo is not None
    assert loaded.read_all_pages is True and loaded._state.adding is False


def test_the_same_query_reads_the_readers_roles() -> None:
    plain = load_user(make_user("pembaca_biasa").pk)
    staff = load_user(with_role(make_user("redaktur_mod"), EDITOR, MODERATOR).pk)
    assert plain is not None and staff is not None
    with CaptureQueriesContext(connection) as queries:
        assert group_names(plain) == frozenset()
        assert group_names(staff) == {EDITOR, MODERATOR}
    assert len(queries) == 0


def test_no_such_account_an_inactive_one_or_a_hostile_key_is_nobody() -> None:
    backend = AccountBackend()
    user = make_user("pembaca_lama")
    assert backend.get_user(user.pk) is not None
    assert backend.get_user(str(user.pk)) is not None
    for hostile in [10**12, "abc", None, "1 OR 1=1", -1]:
        assert backend.get_user(hostile) is None, hostile
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert backend.get_user(user.pk) is None


def _session_for(user: User, backend: str, **extra: Any) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    for key, value in extra.items():
        store[key] = value
    store.create()
    return str(store.session_key)


def _browser(session_key: str) -> Client:
    browser = Client()
    browser.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return browser


def test_a_session_from_before_the_backend_stays_signed_in() -> None:
    user = make_user("pembaca_lama")
    browser = _browser(_session_for(user, EARLIER_BACKEND))
    assert browser.get(MENU).status_code == 200
    assert _browser(_session_for(user, BACKEND)).get(MENU).status_code == 200
    # A backend that was never configured signs nobody in.
    stranger = _browser(_session_for(user, "wacana.accounts.backends.Nowhere"))
    assert stranger.get(MENU).status_code == 302


def test_an_expired_ended_or_unknown_session_is_signed_out() -> None:
    user = make_user("pembaca_lama")
    expired = _session_for(user, BACKEND)
    UserSession.objects.filter(session_key=expired).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert _browser(expired).get(MENU).status_code == 302
    ended = _session_for(user, BACKEND)
    assert _browser(ended).get(MENU).status_code == 200
    end_sessions_of(user.pk)
    assert _browser(ended).get(MENU).status_code == 302
    for key in ["tidak-ada-sesi-seperti-ini-sama-sekali", "x", "' OR '1'='1", "a" * 5000]:
        answer = _browser(key).get(MENU)
        assert answer.status_code == 302, key


def test_a_changed_password_ends_other_sessions() -> None:
    user = make_user("pembaca_lama")
    key = _session_for(user, EARLIER_BACKEND)
    assert _browser(key).get(MENU).status_code == 200
    user.set_password("kata-sandi-baru-yang-panjang")
    user.save()
    assert _browser(key).get(MENU).status_code == 302


def test_a_sign_in_keeps_the_new_backend_in_the_session(client: Client) -> None:
    make_user("pembaca_baru")
    answer = client.post(
        reverse("accounts:login"), {"username": "pembaca_baru", "password": PASSWORD}
    )
    assert answer.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == BACKEND


def test_the_session_and_its_reader_are_read_in_one_query() -> None:
    first, second = make_user("pembaca_satu"), make_user("pembaca_dua")
    browsers = [_browser(_session_for(person, BACKEND)) for person in (first, second)]
    for _ in range(2):  # alternating readers on one thread: each gets their own
        for person, browser in zip((first, second), browsers, strict=True):
            with CaptureQueriesContext(connection) as queries:
                page = browser.get(MENU)
            assert page.status_code == 200
            assert page.wsgi_request.user.pk == person.pk
            reads = [q["sql"] for q in queries if '"accounts_user"' in q["sql"]]
            assert len(reads) == 1 and '"accounts_session"' in reads[0], reads


def test_a_session_whose_user_column_is_empty_still_finds_its_reader() -> None:
    # Sessions from before the user column (or any row without it) name the user only
    # in their data: the reader is then read by a query of its own.
    user = make_user("pembaca_lama")
    key = _session_for(user, BACKEND)
    UserSession.objects.filter(session_key=key).update(user_id=None)
    assert _browser(key).get(MENU).status_code == 200
