"""Who may do what: every report and moderation page and endpoint, for everyone in the cast.

The cast: anonymous, an ordinary reader, the author of the reported content, a
moderator (who made the decision under appeal), a second moderator, an administrator
by role, a superuser, and an editor (staff, but not a moderator).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.moderation import actions
from wacana.moderation.models import Appeal, ModerationAction, Report
from wacana.testing.api import Api, api_for
from wacana.testing.content import file_report, publish
from wacana.testing.personas import reporters

pytestmark = pytest.mark.django_db

PEOPLE = (
    "anonymous",
    "reader",
    "author",
    "moderator",
    "moderator2",
    "administrator",
    "superuser",
    "editor",
)


@dataclass
class World:
    article: Article
    hidden: Article
    report: Report
    decision: ModerationAction
    appeal: Appeal
    people: dict[str, User | None]

    def client(self, who: str) -> Client:
        client = Client()
        person = self.people[who]
        if person is not None:
            client.force_login(person)
        return client

    def api(self, who: str) -> Api:
        person = self.people[who]
        return Api(Client()) if person is None else api_for(person)


@pytest.fixture
def world(
    writer: User,
    reader: User,
    moderator: User,
    moderator2: User,
    administrator: User,
    admin_user: User,
    editor: User,
) -> World:
    article = publish(writer, "Tulisan yang Dilaporkan")
    hidden = publish(writer, "Tulisan yang Disembunyikan")
    file_report(reporters(1, "awal")[0], "article", hidden.pk, "hoaks")
    decision = actions.decide(moderator, "article", hidden.pk, "hide", "Hoaks.")
    appeal = actions.file_appeal(writer, decision, "Mohon ditinjau.")
    report = file_report(reporters(1, "kedua")[0], "article", article.pk, "spam")
    people: dict[str, User | None] = {
        "anonymous": None,
        "reader": reader,
        "author": writer,
        "moderator": moderator,
        "moderator2": moderator2,
        "administrator": administrator,
        "superuser": admin_user,
        "editor": editor,
    }
    return World(article, hidden, report, decision, appeal, people)


Case = Callable[[World, str], Any]


def _matrix(**expected: int) -> dict[str, int]:
    """Expected status per person; `others` fills in whoever isn't named."""
    others = expected.pop("others", None)
    return {who: expected.get(who, others) for who in PEOPLE}  # type: ignore[misc]


CASES: dict[str, tuple[Case, dict[str, int]]] = {
    # --- pages ---
    "page: report form": (
        lambda w, who: w.client(who).get(f"/laporkan?target=article&id={w.article.pk}"),
        _matrix(anonymous=302, author=403, others=200),
    ),
    "page: file a report": (
        lambda w, who: w.client(who).post(
            "/laporkan", {"target": "article", "id": w.article.pk, "reason": "hoaks"}
        ),
        _matrix(anonymous=302, author=403, others=302),
    ),
    "page: report an account": (
        lambda w, who: w.client(who).get(f"/laporkan?target=account&id={w.article.author_id}"),
        _matrix(anonymous=302, author=403, others=200),
    ),
    "page: my reports": (
        lambda w, who: w.client(who).get("/laporan-saya"),
        _matrix(anonymous=302, others=200),
    ),
    "page: queue": (
        lambda w, who: w.client(who).get("/moderasi"),
        _matrix(anonymous=302, reader=403, author=403, editor=403, others=200),
    ),
    "page: decide": (
        lambda w, who: w.client(who).post(
            "/moderasi/tindakan",
            {"target": "article", "id": w.article.pk, "action": "dismiss", "note": "Aman."},
        ),
        _matrix(anonymous=302, reader=403, author=403, editor=403, others=302),
    ),
    "page: decide an appeal": (
        lambda w, who: w.client(who).post(
            f"/moderasi/banding/{w.appeal.pk}", {"decision": "reject", "note": "Tetap."}
        ),
        _matrix(anonymous=302, reader=403, author=403, editor=403, moderator=403, others=302),
    ),
    "page: log": (
        lambda w, who: w.client(who).get("/moderasi/log"),
        _matrix(anonymous=302, reader=403, author=403, editor=403, others=200),
    ),
    "page: the decision and appeal": (
        lambda w, who: w.client(who).get(f"/banding/{w.decision.pk}"),
        _matrix(anonymous=302, author=200, others=403),
    ),
    "page: transparency": (
        lambda w, who: w.client(who).get("/transparansi"),
        _matrix(others=200),
    ),
    # --- API ---
    "api: reasons": (
        lambda w, who: w.api(who).get("/reports/reasons"),
        _matrix(others=200),
    ),
    "api: file a report": (
        lambda w, who: w.api(who).post(
            "/reports", {"target": "article", "id": w.article.pk, "reason": "hoaks"}
        ),
        _matrix(anonymous=401, author=403, others=201),
    ),
    "api: list reports": (
        lambda w, who: w.api(who).get("/moderation/reports"),
        _matrix(anonymous=401, reader=403, author=403, editor=403, others=200),
    ),
    "api: resolve": (
        lambda w, who: w.api(who).post(
            f"/moderation/reports/{w.report.pk}/resolve", {"action": "dismiss", "note": "Aman."}
        ),
        _matrix(anonymous=401, reader=403, author=403, editor=403, others=200),
    ),
    "api: restore": (
        lambda w, who: w.api(who).post(
            "/moderation/restore", {"target": "article", "id": w.hidden.pk, "note": "Keliru."}
        ),
        _matrix(anonymous=401, reader=403, author=403, editor=403, others=200),
    ),
    "api: log": (
        lambda w, who: w.api(who).get("/moderation/log"),
        _matrix(anonymous=401, reader=403, author=403, editor=403, others=200),
    ),
    "api: appeal": (
        lambda w, who: w.api(who).post(
            "/appeals", {"action_id": w.decision.pk, "statement": "Mohon."}
        ),
        # The author already appealed this decision once, in the world's setup.
        _matrix(anonymous=401, author=409, others=403),
    ),
    "api: list appeals": (
        lambda w, who: w.api(who).get("/moderation/appeals"),
        _matrix(anonymous=401, reader=403, author=403, editor=403, others=200),
    ),
    "api: decide an appeal": (
        lambda w, who: w.api(who).post(
            f"/moderation/appeals/{w.appeal.pk}/decide", {"decision": "grant", "note": "Sahih."}
        ),
        _matrix(anonymous=401, reader=403, author=403, editor=403, moderator=403, others=200),
    ),
}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("case", list(CASES))
def test_who_may_do_what(world: World, case: str, who: str) -> None:
    call, expected = CASES[case]
    response = call(world, who)
    assert response.status_code == expected[who], (case, who, response.content[:300])
    if response.status_code == 302 and expected[who] == 302 and who == "anonymous":
        assert response["Location"].startswith("/masuk?next=")


def test_a_fresh_appeal_by_the_author_is_accepted(world: World) -> None:
    """The matrix's author row answers 409 only because the appeal already exists."""
    world.appeal.delete()
    response = world.api("author").post(
        "/appeals", {"action_id": world.decision.pk, "statement": "Mohon."}
    )
    assert response.status_code == 201


def test_refused_decisions_change_nothing(world: World) -> None:
    for who in ("anonymous", "reader", "author", "editor"):
        world.client(who).post(
            "/moderasi/tindakan",
            {"target": "article", "id": world.article.pk, "action": "hide", "note": "x"},
        )
        world.api(who).post(
            f"/moderation/reports/{world.report.pk}/resolve", {"action": "hide", "note": "x"}
        )
    world.article.refresh_from_db()
    assert world.article.status == "published"
    assert ModerationAction.objects.count() == 1  # only the setup's decision
