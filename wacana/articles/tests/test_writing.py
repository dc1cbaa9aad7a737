"""The writing flow on the server (issue 13): autosave with a conflict check, revisions,
the check before publishing and scheduled publishing."""

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import writing
from wacana.articles.models import Article, Revision, Status
from wacana.articles.tests.test_pages import form_data
from wacana.notifications.models import Notification
from wacana.testing.api import api_for
from wacana.testing.content import draft
from wacana.testing.html import html
from wacana.testing.images import upload
from wacana.testing.personas import make_editor, make_user, signed_in

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def staff(db: Any) -> User:
    # The editor role, not the admin's is_staff flag, lets staff edit others' articles.
    return make_editor("redaksi", display_name="Redaksi Wacana", is_staff=True)


def autosave(client: Client, article: Article | None = None, **fields: Any) -> Any:
    url = f"/tulis/{article.pk}/autosave" if article else "/tulis/autosave"
    data = form_data(**fields)
    data.pop("intent")
    return client.post(url, data)


# --- autosave -------------------------------------------------------------------------------


def test_autosaves_count_toward_the_save_limit_and_change_nothing_when_over(
    writer: User, settings: Any
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "article_write": (2, 60)}
    client = signed_in(writer)
    first = autosave(client, body="Satu.")
    assert first.status_code == 200, first.content
    article = Article.objects.get(pk=first.json()["id"])
    assert autosave(client, article, body="Dua.").status_code == 200
    over = autosave(client, article, body="Tiga.")
    assert over.status_code == 429
    assert 1 <= int(over["Retry-After"]) <= 60
    assert over.json()["detail"]
    article.refresh_from_db()
    assert article.body == "Dua."


def test_the_first_autosave_creates_a_draft_and_later_ones_update_it(writer: User) -> None:
    client = signed_in(writer)
    first = autosave(client, body="Kalimat pertama.")
    assert first.status_code == 200, first.content
    answer = first.json()
    article = Article.objects.get(pk=answer["id"])
    assert article.status == Status.DRAFT and article.author == writer
    assert answer["edit_url"] == f"/tulis/{article.pk}"
    assert answer["autosave_url"] == f"/tulis/{article.pk}/autosave"
    assert answer["version"] == 1 and answer["saved_at"]
    second = autosave(client, article, body="Kalimat kedua.", version=str(answer["version"]))
    assert second.status_code == 200
    assert second.json()["version"] == 2
    article.refresh_from_db()
    assert article.body == "Kalimat kedua." and Article.objects.count() == 1


def test_a_save_from_an_older_page_is_refused_with_409_and_overwrites_nothing(
    writer: User,
) -> None:
    article = draft(writer, body="Versi awal.")
    tab_a, tab_b = signed_in(writer), signed_in(writer)
    assert autosave(tab_a, article, body="Dari tab A.", version="1").status_code == 200
    stale = autosave(tab_b, article, body="Dari tab B.", version="1")
    assert stale.status_code == 409
    body = stale.json()
    assert "changed elsewhere" in body["detail"] or "diubah di tempat lain" in body["detail"]
    assert body["body"] == "Dari tab A." and body["version"] == 2
    article.refresh_from_db()
    assert article.body == "Dari tab A."
    # "Keep mine": the page sends again with the version it was told about.
    kept = autosave(tab_b, article, body="Dari tab B.", version=str(body["version"]))
    assert kept.status_code == 200
    article.refresh_from_db()
    assert article.body == "Dari tab B." and article.version == 3


def test_the_form_save_also_checks_the_version_and_keeps_the_writers_text(
    writer: User,
) -> None:
    article = draft(writer, body="Versi awal.")
    client = signed_in(writer)
    assert autosave(client, article, body="Disimpan di ponsel.", version="1").status_code == 200
    response = client.post(
        f"/tulis/{article.pk}", form_data(body="Dari laptop.", version="1", intent="save")
    )
    assert response.status_code == 409
    page = html(response)
    assert page.one("div.conflict")
    assert "Dari laptop." in page.one("textarea[name=body]").raw_text
    # The page now carries the newer version: saving again keeps the laptop's text.
    assert page.one("input[name=version]")["value"] == "2"
    article.refresh_from_db()
    assert article.body == "Disimpan di ponsel."
    again = client.post(
        f"/tulis/{article.pk}", form_data(body="Dari laptop.", version="2", intent="save")
    )
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.body == "Dari laptop."


@pytest.mark.parametrize("version", ["abc", "-1", "99999999999999999999", "1.5"])
def test_a_malformed_version_is_a_conflict_not_an_error(writer: User, version: str) -> None:
    article = draft(writer)
    response = autosave(signed_in(writer), article, body="Baru.", version=version)
    assert response.status_code == 409
    article.refresh_from_db()
    assert article.body != "Baru."


def test_autosave_without_title_or_category_answers_400_with_field_errors(writer: User) -> None:
    response = autosave(signed_in(writer), title="", category="")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and set(body["errors"]) == {"title", "category"}
    assert not Article.objects.exists()


def test_who_may_autosave(writer: User, reader: User, moderator: User, staff: User) -> None:
    article = draft(writer, body="Asli.")
    anonymous = Client().post(f"/tulis/{article.pk}/autosave", {"title": "x"})
    assert anonymous.status_code == 302 and "/masuk" in anonymous["Location"]
    assert autosave(signed_in(reader), article, body="Bukan milikku.").status_code == 404
    assert autosave(signed_in(moderator), article, body="Moderator.").status_code == 404
    article.refresh_from_db()
    assert article.body == "Asli."
    assert autosave(signed_in(staff), article, body="Disunting redaksi.").status_code == 200
    assert Client().get(f"/tulis/{article.pk}/autosave").status_code in (302, 405)


# --- the API's version check and publish_at ------------------------------------------------


def test_api_patch_checks_if_version_or_if_match_and_stays_compatible(writer: User) -> None:
    api = api_for(writer)
    article = draft(writer, body="Awal.")
    path = f"/articles/{article.pk}"
    assert api.get(path).json()["version"] == 1
    ok = api.patch(path, {"body": "Kedua.", "if_version": 1})
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = api.patch(path, {"body": "Ketiga.", "if_version": 1})
    assert stale.status_code == 409
    assert stale.json()["detail"] and "if_version" in stale.json()["errors"]
    stale_header = api.patch(path, {"body": "Ketiga."}, headers={"If-Match": '"1"'})
    assert stale_header.status_code == 409
    assert api.patch(path, {"body": "Ketiga."}, headers={"If-Match": 'W/"2"'}).status_code == 200
    bad = api.patch(path, {"body": "x"}, headers={"If-Match": "kemarin"})
    assert bad.status_code == 422 and "if_version" in bad.json()["errors"]
    # Clients that send no version work as before.
    assert api.patch(path, {"body": "Keempat."}).status_code == 200
    article.refresh_from_db()
    assert article.body == "Keempat."


def test_api_publish_at_schedules_cancels_and_is_validated(writer: User) -> None:
    api = api_for(writer)
    article = draft(writer)
    path = f"/articles/{article.pk}"
    when = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    response = api.patch(path, {"publish_at": when.isoformat()})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"
    article.refresh_from_db()
    assert article.publish_at == when
    for bad in [
        (timezone.now() - timedelta(minutes=1)).isoformat(),
        (timezone.now() + timedelta(days=400)).isoformat(),
    ]:
        refused = api.patch(path, {"publish_at": bad})
        assert refused.status_code == 422 and "publish_at" in refused.json()["errors"]
    assert api.patch(path, {"publish_at": "besok pagi"}).status_code == 422
    cancelled = api.patch(path, {"publish_at": None})
    assert cancelled.status_code == 200 and cancelled.json()["publish_at"] is None
    created = api.post(
        "/articles",
        {
            "title": "Terbit Nanti",
            "category": "sekolah",
            "body": "Isi.",
            "publish_at": when.isoformat(),
        },
    )
    assert created.status_code == 201 and created.json()["publish_at"] is not None


# --- revisions ------------------------------------------------------------------------------


def test_autosaves_coalesce_and_a_deliberate_save_closes_the_run(writer: User) -> None:
    client = signed_in(writer)
    article = Article.objects.get(pk=autosave(client, body="Satu.").json()["id"])
    for n, text in enumerate(["Dua.", "Tiga.", "Empat."], start=2):
        assert autosave(client, article, body=text, version=str(n - 1)).status_code == 200
    assert list(Revision.objects.filter(article=article).values_list("body", flat=True)) == [
        "Empat."
    ]
    # Five minutes later the next autosave starts a new revision.
    Revision.objects.filter(article=article).update(
        created_at=timezone.now() - writing.COALESCE - timedelta(seconds=1)
    )
    autosave(client, article, body="Lima.", version="4")
    assert Revision.objects.filter(article=article).count() == 2


def test_revisions_are_bounded_to_the_latest_plus_one_a_day(writer: User) -> None:
    article = draft(writer)
    Revision.objects.filter(article=article).delete()
    start = timezone.now() - timedelta(days=30)
    Revision.objects.bulk_create(
        Revision(
            article=article,
            editor=writer,
            created_at=start + timedelta(hours=6 * n),
            saved_at=start + timedelta(hours=6 * n),
            title="t",
            body=f"isi {n}",
        )
        for n in range(100)
    )
    article.body = "terbaru"
    writing.record_revision(article, writer)
    kept = list(Revision.objects.filter(article=article).order_by("-id"))
    assert kept[0].body == "terbaru"
    older = kept[writing.KEEP_LATEST :]
    days = [timezone.localdate(r.saved_at) for r in older]
    assert len(days) == len(set(days)) and len(older) > 0
    assert len(kept) < 101


def test_the_revisions_page_shows_staff_edits_a_diff_and_restores(
    writer: User, staff: User
) -> None:
    client = signed_in(writer)
    article = draft(writer, body="Paragraf satu.\n\nParagraf dua yang lama.")
    writing.record_revision(article, writer)
    first = Revision.objects.get(article=article)
    staff_client = signed_in(staff)
    response = staff_client.post(
        f"/tulis/{article.pk}",
        form_data(body="Paragraf satu.\n\nParagraf dua yang baru.", version="1"),
    )
    assert response.status_code == 302
    latest = Revision.objects.filter(article=article).order_by("-id").first()
    assert latest is not None and latest.editor == staff
    page = client.get(f"/tulis/{article.pk}/revisi")
    assert page.status_code == 200
    markup = page.content.decode()
    assert "Redaksi Wacana" in markup
    diff = client.get(f"/tulis/{article.pk}/revisi?a={first.pk}&b={latest.pk}")
    body = html(diff).one("div.diff-body")
    assert [p["class"] for p in body.select("p")] == ["diff-same", "diff-changed"]
    assert body.one("del").text == "lama." and body.one("ins").text == "baru."
    restored = client.post(f"/tulis/{article.pk}/revisi/{first.pk}/pulihkan")
    assert restored.status_code == 302
    article.refresh_from_db()
    assert article.body == "Paragraf satu.\n\nParagraf dua yang lama."
    assert Revision.objects.filter(article=article).count() == 3


def test_only_the_writer_and_staff_see_revisions(
    writer: User, reader: User, moderator: User, staff: User
) -> None:
    article = draft(writer)
    writing.record_revision(article, writer)
    revision = Revision.objects.get(article=article)
    url = f"/tulis/{article.pk}/revisi"
    assert Client().get(url).status_code == 302
    assert signed_in(reader).get(url).status_code == 404
    assert signed_in(moderator).get(url).status_code == 404
    assert signed_in(writer).get(url).status_code == 200
    assert signed_in(staff).get(url).status_code == 200
    restore = f"{url}/{revision.pk}/pulihkan"
    assert Client().post(restore).status_code == 302
    assert signed_in(reader).post(restore).status_code == 404
    other = draft(reader)
    assert signed_in(writer).get(f"{url}?a={draft(writer).pk}").status_code == 404
    assert signed_in(writer).get(f"/tulis/{other.pk}/revisi").status_code == 404
    assert signed_in(writer).get(f"{url}?a=xyz").status_code == 404


# --- the check before publishing ------------------------------------------------------------


def test_publishing_explains_what_is_missing(writer: User) -> None:
    client = signed_in(writer)
    response = client.post("/tulis", form_data(body="  \n\n<!--nextpage-->\n", intent="publish"))
    assert response.status_code == 400
    errors = html(response).one("div.form-errors").text
    assert "paragraf" in errors
    assert not Article.objects.exists()
    with_image = client.post(
        "/tulis", form_data(intent="publish", image=upload(), image_caption="", image_source="")
    )
    assert with_image.status_code == 400
    text = html(with_image).one("div.form-errors").text
    assert "keterangan" in text.lower() and "sumber" in text.lower()
    # The picture is kept for the next try.
    assert html(with_image).one("input[name=pending_image]")
    ok = client.post("/tulis", form_data(intent="publish"))
    assert ok.status_code == 302
    assert Article.objects.get().status == Status.PUBLISHED


# --- scheduled publishing -------------------------------------------------------------------


def _schedule_form(when: Any, **overrides: Any) -> dict[str, Any]:
    local = when.astimezone(JAKARTA)
    return form_data(intent="schedule", publish_at=local.strftime("%Y-%m-%dT%H:%M"), **overrides)


def test_scheduling_publishes_at_the_time_and_notifies_only_then(
    writer: User, reader: User
) -> None:
    account_actions.follow(reader, writer)
    client = signed_in(writer)
    when = (timezone.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/tulis", _schedule_form(when))
    assert response.status_code == 302, response.content
    article = Article.objects.get()
    assert article.status == Status.DRAFT and article.publish_at == when
    task = DBTaskResult.objects.get(task_path="wacana.articles.tasks.publish_scheduled")
    assert task.run_after == when
    # Nobody else sees it, and nobody is told, before the time.
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert signed_in(reader).get(article.get_absolute_url()).status_code == 404
    assert not Notification.objects.filter(kind="new_article").exists()
    # The task does nothing before its time.
    assert writing.publish_when_due(article.pk, when.isoformat()) is False
    # At the time (the worker would run the stored task then; here it is run directly).
    Article.objects.filter(pk=article.pk).update(publish_at=when - timedelta(hours=4))
    moved = when - timedelta(hours=4)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert writing.publish_when_due(article.pk, moved.isoformat()) is True
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.publish_at is None
    assert DBTaskResult.objects.filter(task_path="wacana.articles.tasks.notify_followers").exists()
    assert Client().get(article.get_absolute_url()).status_code == 200


def test_a_stored_task_survives_a_restart_and_a_fresh_worker_publishes(writer: User) -> None:
    article = draft(writer)
    when = timezone.now() + timedelta(seconds=1)
    with TestCase.captureOnCommitCallbacks(execute=True):
        writing.schedule_publication(writer, article, when + timedelta(minutes=10))
    # The time comes while no worker runs: a worker started afterwards finds the row.
    Article.objects.filter(pk=article.pk).update(publish_at=when - timedelta(minutes=1))
    DBTaskResult.objects.filter(task_path="wacana.articles.tasks.publish_scheduled").update(
        run_after=when - timedelta(minutes=1),
        args_kwargs={"args": [article.pk, (when - timedelta(minutes=1)).isoformat()], "kwargs": {}},
    )
    # What a worker does with a row that is due (db_worker itself closes the test's
    # database connection, so the row's task is run here the way the worker runs it).
    due = DBTaskResult.objects.ready().get(task_path="wacana.articles.tasks.publish_scheduled")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert due.task.call(*due.args_kwargs["args"], **due.args_kwargs["kwargs"]) is True
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_cancel_and_reschedule_leave_old_tasks_with_nothing_to_do(writer: User) -> None:
    article = draft(writer)
    client = signed_in(writer)
    first = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    second = first + timedelta(days=1)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/tulis/{article.pk}", _schedule_form(first, version="1"))
        client.post(f"/tulis/{article.pk}", _schedule_form(second, version="2"))
    article.refresh_from_db()
    assert article.publish_at == second
    Article.objects.filter(pk=article.pk).update(publish_at=second)
    assert writing.publish_when_due(article.pk, first.isoformat()) is False
    assert client.post(f"/tulis/{article.pk}/jadwal/batal").status_code == 302
    article.refresh_from_db()
    assert article.publish_at is None and article.status == Status.DRAFT
    assert writing.publish_when_due(article.pk, second.isoformat()) is False
    assert (
        signed_in(make_user("orang_lain")).post(f"/tulis/{article.pk}/jadwal/batal").status_code
        == 404
    )


@pytest.mark.parametrize(
    ("shift", "raw"),
    [(timedelta(minutes=-5), None), (timedelta(days=400), None), (None, "besok"), (None, "")],
)
def test_a_schedule_in_the_past_too_far_or_unreadable_is_a_form_error(
    writer: User, shift: Any, raw: str | None
) -> None:
    if raw is None:
        data = _schedule_form(timezone.now() + shift)
    else:
        data = form_data(intent="schedule", publish_at=raw)
    response = signed_in(writer).post("/tulis", data)
    assert response.status_code == 400
    assert html(response).select("details.schedule p.error")
    assert not Article.objects.exists()


def test_an_autosave_of_a_published_article_is_kept_but_not_shown_to_readers(
    writer: User,
) -> None:
    article = draft(writer, body="Versi terbit.")
    from wacana.articles import actions

    actions.publish_article(writer, article)
    client = signed_in(writer)
    response = autosave(client, article, body="Setengah jadi.", version="1")
    assert response.status_code == 200 and response.json()["version"] == 1
    article.refresh_from_db()
    assert article.body == "Versi terbit."
    assert "Setengah jadi." not in Client().get(article.get_absolute_url()).content.decode()
    kept = Revision.objects.filter(article=article).order_by("-id").first()
    assert kept is not None and kept.body == "Setengah jadi." and kept.autosave
    # Saving the form applies it.
    saved = client.post(f"/tulis/{article.pk}", form_data(body="Setengah jadi.", version="1"))
    assert saved.status_code == 302
    article.refresh_from_db()
    assert article.body == "Setengah jadi."


def test_tag_suggestions_offer_public_tags_only(writer: User) -> None:
    from wacana.articles import actions

    actions.publish_article(writer, draft(writer, title="Terbit", tags="pendidikan, ntt"))
    draft(writer, title="Rahasia", tags="kejutan-ulang-tahun")
    page = html(signed_in(writer).get("/tulis"))
    assert page.one("input[name=tags]")["list"] == "tag-suggestions"
    offered = {option["value"] for option in page.select("datalist#tag-suggestions option")}
    assert offered == {"pendidikan", "ntt"}


@pytest.mark.parametrize(
    "fields",
    [
        {"body": "x" * 100_001},
        {"title": "j" * 151},
        {"category": "bukan-kategori"},
        {"tags": ", ".join(f"tag{n}" for n in range(11))},
        {"body": "satu\n\n<!--nextpage-->\n\n" * 25},
    ],
    ids=["long-body", "long-title", "unknown-category", "too-many-tags", "too-many-pages"],
)
def test_bad_autosave_input_gets_a_400_with_messages(writer: User, fields: Any) -> None:
    article = draft(writer, body="Tetap.")
    response = autosave(signed_in(writer), article, version="1", **fields)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and all(body["errors"].values())
    article.refresh_from_db()
    assert article.body == "Tetap." and article.version == 1


def test_the_preview_fragment_is_only_the_article_as_readers_see_it(writer: User) -> None:
    response = signed_in(writer).post(
        "/tulis?fragment=1", form_data(intent="preview", body="Satu.\n\n<!--nextpage-->\n\nDua.")
    )
    assert response.status_code == 200
    page = html(response)
    assert not page.select("form") and not page.select("header")
    section = page.one("section.preview")
    assert section.one("h1").text == "Sekolah di Atas Bukit"
    assert section.one(".author-card")
    assert len(section.select("nav.pager a")) == 2
    assert not Article.objects.exists()
    invalid = signed_in(writer).post("/tulis?fragment=1", form_data(intent="preview", title=""))
    assert invalid.status_code == 400
    assert html(invalid).one("div.preview-problems")
