"""Reads of listings, search and feeds from a read replica (WACANA_DATABASE_REPLICA_URL).

`ReplicaMiddleware` marks a request whose view is one of REPLICA_VIEWS; while it runs,
`ReplicaRouter` sends reads of the content models (articles, discovery, discussion) to
the "replica" database. Everything else reads from the primary ("default"):

- every write, and every read inside a transaction on the primary (atomic blocks read
  what they are about to write, and must see their own writes);
- accounts and sessions, even on those pages: a person who just signed up or signed in
  must not look signed out while the replica catches up;
- every other page (articles themselves, forms, the dashboard, the API).

A replica lags the primary by a moment: a listing may miss an article published a second
ago, which a listing cached for a minute does anyway.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
# URL names (namespace:name) whose reads may come from the replica.
REPLICA_VIEWS = frozenset(
    {
        "articles:category",
        "articles:tag",
        "discovery:search",
        "discovery:picks",
        "discovery:feed",
        "discovery:category_feed",
        "discovery:tag_feed",
        "discovery:writer_feed",
        "discovery:sitemap_index",
        "discovery:sitemap_section",
        "discovery:home",
        "accounts:profile",
    }
)
REPLICA_APPS = frozenset({"articles", "discovery", "discussion"})

_use_replica: ContextVar[bool] = ContextVar("wacana_use_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if (
            _use_replica.get()
            and model._meta.app_label in REPLICA_APPS
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model: type, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # The same rows on both sides: an article read from the replica may point to a
        # user read from the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        # The replica gets its schema from the primary by replication.
        return db != REPLICA


class ReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Whatever process_view sets is undone when the request is over: reset() puts
        # back the value from before this set(), however often it was set since.
        token = _use_replica.set(_use_replica.get())
        try:
            return self.get_response(request)
        finally:
            _use_replica.reset(token)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        match = request.resolver_match
        if request.method in ("GET", "HEAD") and match and match.view_name in REPLICA_VIEWS:
            _use_replica.set(True)


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """For code outside a request (and tests): reads as on a listing page."""
    token = _use_replica.set(True)
    try:
        yield
    finally:
        _use_replica.reset(token)
