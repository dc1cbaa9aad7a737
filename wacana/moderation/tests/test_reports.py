"""Reporting: the links, the page (with and without the dialog), the API, and the limits."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion.models import Comment, CommentStatus
from wacana.moderation import actions, targets
from wacana.moderation.models import Reason, Report
from wacana.testing.api import Api, api_for, assert_error_shape
from wacana.testing.content import add_comment, file_report, publish
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user, signed_in

pytestmark = pytest.mark.django_db

FRAGMENT = {"X-Wacana-Fragment": "1"}


def report_url(target: str, target_id: Any) -> str:
    return f"/laporkan?target={target}&id={target_id}"


def page_text(response: Any) -> str:
    return str(response.content.decode())


# --- the links on the article page -------------------------------------------------------


def test_signed_in_readers_see_both_report_links_opening_the_dialog(
    article: Article, reader: User, writer: User
) -> None:
    html = page_text(signed_in(reader).get(article.get_absolute_url()))
    assert "Laporkan Konten" in html and "Laporkan Akun" in html
    assert f'href="{report_url("article", article.pk).replace("&", "&amp;")}"' in html
    assert f'href="{report_url("account", writer.pk).replace("&", "&amp;")}"' in html
    # "Laporkan Konten" near the top and at the end, "Laporkan Akun" at the end.
    assert html.count("data-report") == 3
    assert re.search(r'<script src="/static/js/report\.js" defer></script>', html)


def test_the_dialog_script_comes_once_however_many_comments(
    article: Article, reader: User, bystander: User
) -> None:
    for n in range(3):
        add_comment(article, make_user(f"komentator{n}"), f"Komentar nomor {n}")
    html = page_text(signed_in(bystander).get(article.get_absolute_url()))
    # The article (near the top and at the end) and each comment.
    assert html.count("Laporkan Konten") == 5
    assert html.count("report.js") == 1


def test_anonymous_readers_get_sign_in_links_and_no_script(
    client: Client, article: Article
) -> None:
    html = page_text(client.get(article.get_absolute_url()))
    assert "Laporkan Konten" in html and "Laporkan Akun" in html
    assert "/masuk?next=%2Flaporkan%3Ftarget%3Darticle%26id%3D" in html
    assert "data-report" not in html
    assert "report.js" not in html


def test_writers_see_no_report_links_on_their_own_article(article: Article, writer: User) -> None:
    html = page_text(signed_in(writer).get(article.get_absolute_url()))
    assert "Laporkan Konten" not in html and "Laporkan Akun" not in html


def test_the_sign_in_link_leads_back_to_the_report_form(
    client: Client, article: Article, reader: User
) -> None:
    response = client.get(report_url("article", article.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk?next=")
    from wacana.testing.personas import PASSWORD

    signed = client.post(response["Location"], {"username": reader.username, "password": PASSWORD})
    assert signed.status_code == 302
    assert signed["Location"] == report_url("article", article.pk)


# --- the report page without JavaScript --------------------------------------------------


def test_the_report_page_lists_every_reason_and_a_bounded_detail(
    article: Article, reader: User
) -> None:
    response = signed_in(reader).get(report_url("article", article.pk))
    assert response.status_code == 200
    html = page_text(response)
    for code, label in Reason.choices:
        assert f'value="{code}"' in html
        assert indonesian(str(label)).replace("'", "&#x27;") in html
    assert 'maxlength="1000"' in html
    assert article.title in html
    assert 'name="target" value="article"' in html
    assert f'name="id" value="{article.pk}"' in html
    assert "<html" in html  # a whole page, not the dialog fragment


def test_posting_the_form_files_the_report_and_confirms(
    article: Article, reader: User, writer: User
) -> None:
    client = signed_in(reader)
    response = client.post(
        "/laporkan",
        {"target": "article", "id": article.pk, "reason": "hoaks", "detail": "Data palsu."},
    )
    assert response.status_code == 302
    assert response["Location"] == "/laporan-saya"
    report = Report.objects.get()
    assert (report.reporter, report.target_type, report.target_id) == (
        reader,
        "article",
        article.pk,
    )
    assert (report.subject_id, report.reason, report.detail) == (writer.pk, "hoaks", "Data palsu.")
    assert report.status == "open"
    followed = client.get("/laporan-saya")
    thanks = indonesian(
        "Thank you. Your report has been received and a moderator will review it. "
        "You can follow it on My reports."
    )
    assert thanks in page_text(followed)
    assert article.title in page_text(followed)
    assert indonesian("Waiting for review") in page_text(followed)


def test_a_second_open_report_on_the_same_thing_is_refused_clearly(
    article: Article, reader: User
) -> None:
    client = signed_in(reader)
    client.post("/laporkan", {"target": "article", "id": article.pk, "reason": "spam"})
    again = client.post("/laporkan", {"target": "article", "id": article.pk, "reason": "sara"})
    assert again.status_code == 409
    assert indonesian(
        "You have already reported this. A moderator will look at your report soon."
    ) in page_text(again)
    assert Report.objects.count() == 1


def test_reporting_again_is_fine_once_the_first_report_was_handled(
    article: Article, reader: User, moderator: User
) -> None:
    file_report(reader, "article", article.pk)
    actions.decide(moderator, "article", article.pk, "dismiss", "Bukan spam.")
    second = signed_in(reader).post(
        "/laporkan", {"target": "article", "id": article.pk, "reason": "hoaks"}
    )
    assert second.status_code == 302
    assert Report.objects.filter(status="open").count() == 1


@pytest.mark.parametrize("target", ["article", "account"])
def test_nobody_reports_themselves_or_their_own_content(
    article: Article, writer: User, target: str
) -> None:
    target_id = article.pk if target == "article" else writer.pk
    client = signed_in(writer)
    shown = client.get(report_url(target, target_id))
    assert shown.status_code == 403
    posted = client.post("/laporkan", {"target": target, "id": target_id, "reason": "spam"})
    assert posted.status_code == 403
    assert indonesian("You cannot report yourself or your own content.") in page_text(posted)
    assert not Report.objects.exists()


def test_nobody_reports_their_own_comment(article: Article, reader: User) -> None:
    mine = add_comment(article, reader)
    response = signed_in(reader).post(
        "/laporkan", {"target": "comment", "id": mine.pk, "reason": "spam"}
    )
    assert response.status_code == 403
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "target=article&id=999999",
        "target=article&id=abc",
        "target=article&id=-3",
        "target=article&id=0",
        "target=article&id=99999999999999999999999",
        "target=article&id=",
        "target=artikel&id=1",
        "target=&id=1",
        "id=1",
        "target=comment&id=424242",
        "target=account&id=777777",
        "target=article&id=%00",
    ],
)
def test_reporting_nonexistent_or_malformed_targets_is_404(reader: User, query: str) -> None:
    client = signed_in(reader)
    assert client.get(f"/laporkan?{query}").status_code == 404
    data = dict(part.split("=", 1) for part in query.split("&"))
    data = {k: v.replace("%00", "\x00") for k, v in data.items()}
    assert client.post("/laporkan", {**data, "reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_hidden_and_draft_articles_cannot_be_reported(
    article: Article, draft: Article, reader: User
) -> None:
    from wacana.articles.actions import hide_article

    hide_article(article)
    client = signed_in(reader)
    for target in (article, draft):
        assert client.get(report_url("article", target.pk)).status_code == 404
        posted = client.post("/laporkan", {"target": "article", "id": target.pk, "reason": "spam"})
        assert posted.status_code == 404
    assert not Report.objects.exists()


def test_hidden_comments_and_comments_under_hidden_articles_cannot_be_reported(
    article: Article, reader: User, bystander: User
) -> None:
    from wacana.articles.actions import hide_article

    hidden = add_comment(article, bystander, "Satu")
    Comment.objects.filter(pk=hidden.pk).update(status=CommentStatus.HIDDEN)
    deleted = add_comment(article, bystander, "Dua")
    Comment.objects.filter(pk=deleted.pk).update(status=CommentStatus.DELETED)
    client = signed_in(reader)
    for target in (hidden, deleted):
        assert client.get(report_url("comment", target.pk)).status_code == 404
    visible = add_comment(article, bystander, "Tiga")
    assert client.get(report_url("comment", visible.pk)).status_code == 200
    hide_article(article)
    assert client.get(report_url("comment", visible.pk)).status_code == 404


def test_suspended_accounts_cannot_be_reported(writer: User, reader: User) -> None:
    writer.is_active = False
    writer.suspended_at = timezone.now()
    writer.save()
    assert signed_in(reader).get(report_url("account", writer.pk)).status_code == 404


def test_comments_and_accounts_are_reported_through_the_same_form(
    comment: Comment, writer: User, bystander: User
) -> None:
    client = signed_in(bystander)
    assert client.get(report_url("comment", comment.pk)).status_code == 200
    client.post("/laporkan", {"target": "comment", "id": comment.pk, "reason": "spam"})
    client.post("/laporkan", {"target": "account", "id": writer.pk, "reason": "akun"})
    assert sorted(Report.objects.values_list("target_type", "target_id", "subject_id")) == [
        ("account", writer.pk, writer.pk),
        ("comment", comment.pk, comment.author_id),
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reason": "bukan-alasan"}, "reason"),
        ({}, "reason"),
        ({"reason": "spam", "detail": "x" * 1001}, "detail"),
        ({"reason": "spam", "detail": "ada\x00nul"}, "detail"),
    ],
)
def test_the_form_refuses_bad_input_and_files_nothing(
    article: Article, reader: User, data: dict[str, str], field: str
) -> None:
    response = signed_in(reader).post("/laporkan", {"target": "article", "id": article.pk, **data})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Report.objects.exists()


def test_a_detail_of_exactly_1000_characters_is_fine(article: Article, reader: User) -> None:
    response = signed_in(reader).post(
        "/laporkan", {"target": "article", "id": article.pk, "reason": "spam", "detail": "x" * 1000}
    )
    assert response.status_code == 302
    assert len(Report.objects.get().detail) == 1000


# --- the dialog (what report.js asks for) ------------------------------------------------


def test_the_dialog_gets_the_form_as_a_fragment(article: Article, reader: User) -> None:
    response = signed_in(reader).get(report_url("article", article.pk), headers=FRAGMENT)
    assert response.status_code == 200
    html = page_text(response)
    assert "<html" not in html and "<body" not in html
    assert 'class="report-panel"' in html and "Laporkan Konten" in html
    assert 'formmethod="dialog"' in html  # the cancel button closes the dialog


def test_the_dialog_shows_the_confirmation_in_place(article: Article, reader: User) -> None:
    response = signed_in(reader).post(
        "/laporkan", {"target": "article", "id": article.pk, "reason": "spam"}, headers=FRAGMENT
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "<html" not in html
    assert indonesian("Thank you for your report") in html
    assert 'href="/laporan-saya"' in html
    assert Report.objects.count() == 1


def test_the_dialog_shows_refusals_in_place(article: Article, reader: User) -> None:
    client = signed_in(reader)
    client.post("/laporkan", {"target": "article", "id": article.pk, "reason": "spam"})
    again = client.post(
        "/laporkan", {"target": "article", "id": article.pk, "reason": "spam"}, headers=FRAGMENT
    )
    assert again.status_code == 409
    assert "<html" not in page_text(again) and 'role="alert"' in page_text(again)


# --- my reports --------------------------------------------------------------------------


def test_my_reports_shows_only_mine_with_their_status(
    article: Article, reader: User, bystander: User, moderator: User
) -> None:
    other = publish(make_user("penulis2"), "Tulisan Lain Sama Sekali")
    file_report(reader, "article", article.pk, "hoaks")
    file_report(reader, "article", other.pk, "spam")
    file_report(bystander, "article", article.pk)
    actions.decide(moderator, "article", other.pk, "hide", "Iklan terselubung.")
    html = page_text(signed_in(reader).get("/laporan-saya"))
    assert article.title in html and other.title in html
    assert indonesian("Waiting for review") in html
    assert indonesian("Reviewed: the content was hidden") in html
    assert html.count('class="report-status') == 2
    empty = page_text(signed_in(make_user("baru")).get("/laporan-saya"))
    assert indonesian("You have not reported anything.") in empty


def test_my_reports_needs_signing_in(client: Client) -> None:
    response = client.get("/laporan-saya")
    assert response.status_code == 302 and response["Location"].startswith("/masuk")


def test_my_reports_refuses_a_forged_cursor(reader: User) -> None:
    assert signed_in(reader).get("/laporan-saya?cursor=bm9wZQ").status_code == 404


# --- the API -----------------------------------------------------------------------------


def test_reasons_are_listed_with_their_labels(anon_api: Api) -> None:
    response = anon_api.get("/reports/reasons")
    assert response.status_code == 200
    assert response.json() == [
        {"code": code, "label": indonesian(str(label))} for code, label in Reason.choices
    ]


def test_the_api_files_a_report(reader_api: Api, article: Article, writer: User) -> None:
    response = reader_api.post(
        "/reports", {"target": "article", "id": article.pk, "reason": "spam", "detail": " x "}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body == {"id": body["id"], "status": "open"}
    report = Report.objects.get(pk=body["id"])
    assert (report.subject_id, report.detail) == (writer.pk, "x")


@pytest.mark.parametrize("key", ["username", "id", "upper"])
def test_accounts_are_reported_by_username_or_id(reader_api: Api, writer: User, key: str) -> None:
    value: Any = {"username": writer.username, "id": writer.pk, "upper": "PENULIS"}[key]
    response = reader_api.post("/reports", {"target": "account", "id": value, "reason": "akun"})
    assert response.status_code == 201, response.content
    assert Report.objects.get().target_id == writer.pk


def test_a_username_of_digits_is_a_username_not_an_id(reader_api: Api, writer: User) -> None:
    digits = make_user("20240101")
    response = reader_api.post(
        "/reports", {"target": "account", "id": "20240101", "reason": "akun"}
    )
    assert response.status_code == 201, response.content
    assert Report.objects.get().target_id == digits.pk


def test_the_api_reports_comments(reader: User, comment: Comment, writer: User) -> None:
    response = api_for(writer).post(
        "/reports", {"target": "comment", "id": comment.pk, "reason": "spam"}
    )
    assert response.status_code == 201
    assert Report.objects.get().subject_id == reader.pk


def test_the_api_answers_409_to_a_second_open_report(reader_api: Api, article: Article) -> None:
    body = {"target": "article", "id": article.pk, "reason": "spam"}
    assert reader_api.post("/reports", body).status_code == 201
    assert_error_shape(reader_api.post("/reports", body), 409)
    assert Report.objects.count() == 1


def test_the_api_refuses_own_content_with_403(
    writer_api: Api, article: Article, writer: User
) -> None:
    assert_error_shape(
        writer_api.post("/reports", {"target": "article", "id": article.pk, "reason": "spam"}), 403
    )
    assert_error_shape(
        writer_api.post("/reports", {"target": "account", "id": "penulis", "reason": "akun"}), 403
    )


def test_the_api_answers_404_for_what_cannot_be_seen(
    settings: Any, reader_api: Api, draft: Article, article: Article
) -> None:
    from wacana.articles.actions import hide_article

    settings.RATE_LIMITS_ENABLED = False  # seven refusals from one brand-new account

    hidden = publish(article.author, "Disembunyikan")
    hide_article(hidden)
    for target, target_id in [
        ("article", draft.pk),
        ("article", hidden.pk),
        ("article", 987654),
        ("comment", 987654),
        ("account", 987654),
        ("account", "tidak.ada"),
        ("account", "bukan nama!"),
    ]:
        response = reader_api.post(
            "/reports", {"target": target, "id": target_id, "reason": "spam"}
        )
        assert_error_shape(response, 404)
    assert not Report.objects.exists()


def test_anonymous_callers_cannot_report(anon_api: Api, article: Article) -> None:
    response = anon_api.post("/reports", {"target": "article", "id": article.pk, "reason": "spam"})
    assert_error_shape(response, 401)


BAD_REPORTS = [
    ({"target": "artikel"}, "target"),
    ({"target": 5}, "target"),
    ({"target": None}, "target"),
    ({"id": "abc"}, "id"),
    ({"id": "5"}, "id"),
    ({"id": True}, "id"),
    ({"id": 1.5}, "id"),
    ({"id": -1}, "id"),
    ({"id": 0}, "id"),
    ({"id": 2**70}, "id"),
    ({"id": None}, "id"),
    ({"id": []}, "id"),
    ({"id": {"a": 1}}, "id"),
    ({"reason": "bosan"}, "reason"),
    ({"reason": ""}, "reason"),
    ({"reason": None}, "reason"),
    ({"reason": ["spam"]}, "reason"),
    ({"detail": "x" * 1001}, "detail"),
    ({"detail": None}, "detail"),
    ({"detail": 12}, "detail"),
    ({"detail": "nul\x00"}, "detail"),
]


@pytest.mark.parametrize(("change", "field"), BAD_REPORTS)
def test_the_api_refuses_bad_fields_with_422(
    reader_api: Api, article: Article, change: dict[str, Any], field: str
) -> None:
    body = {"target": "article", "id": article.pk, "reason": "spam", "detail": ""} | change
    assert_error_shape(reader_api.post("/reports", body), 422, field)
    assert not Report.objects.exists()


@pytest.mark.parametrize("missing", ["target", "id", "reason"])
def test_the_api_requires_target_id_and_reason(
    reader_api: Api, article: Article, missing: str
) -> None:
    body = {"target": "article", "id": article.pk, "reason": "spam"}
    del body[missing]
    assert_error_shape(reader_api.post("/reports", body), 422, missing)


@pytest.mark.parametrize(
    ("raw", "status"),
    [("not json", 400), ("[1, 2]", 400), ('"teks"', 400), ("", 422), ("{}", 422)],
)
def test_the_api_refuses_malformed_bodies(reader_api: Api, raw: str, status: int) -> None:
    assert_error_shape(reader_api.call("post", "/reports", raw=raw), status)


def test_a_form_encoded_body_is_415(reader_api: Api, article: Article) -> None:
    response = reader_api.call(
        "post",
        "/reports",
        raw=f"target=article&id={article.pk}&reason=spam",
        content_type="application/x-www-form-urlencoded",
    )
    assert_error_shape(response, 415)


# --- rate limits -------------------------------------------------------------------------


def _old(user: User) -> User:
    user.date_joined = timezone.now() - timedelta(days=3)
    user.save(update_fields=["date_joined"])
    return user


def _articles(count: int) -> list[Article]:
    author = make_user("produktif")
    return [publish(author, f"Tulisan nomor {n}") for n in range(count)]


def test_accounts_older_than_a_day_use_the_report_limit(settings: Any, reader: User) -> None:
    limits = {"report": (3, 3600), "report_new_account": (1, 3600)}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, **limits}
    api = api_for(_old(reader))
    posted = [
        api.post("/reports", {"target": "article", "id": a.pk, "reason": "spam"})
        for a in _articles(4)
    ]
    assert [r.status_code for r in posted] == [201, 201, 201, 429]
    limited = assert_error_shape(posted[-1], 429)
    assert int(posted[-1]["Retry-After"]) > 0
    assert limited["detail"]
    assert Report.objects.count() == 3


def test_new_accounts_have_a_stricter_limit(settings: Any, reader: User) -> None:
    limits = {"report": (10, 3600), "report_new_account": (2, 3600)}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, **limits}
    api = api_for(reader)
    codes = [
        api.post("/reports", {"target": "article", "id": a.pk, "reason": "spam"}).status_code
        for a in _articles(3)
    ]
    assert codes == [201, 201, 429]


def test_the_address_limit_counts_every_account_on_it(settings: Any) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_address": (2, 3600)}
    articles = _articles(3)
    codes = [
        api_for(make_user(f"tetangga{n}")).post(
            "/reports", {"target": "article", "id": articles[n].pk, "reason": "spam"}
        )
        for n in range(3)
    ]
    assert [r.status_code for r in codes] == [201, 201, 429]
    assert "Retry-After" in codes[-1]


def test_the_page_says_when_to_try_again(settings: Any, reader: User) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_new_account": (1, 3600)}
    client = signed_in(reader)
    first, second = _articles(2)
    client.post("/laporkan", {"target": "article", "id": first.pk, "reason": "spam"})
    response = client.post("/laporkan", {"target": "article", "id": second.pk, "reason": "spam"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "60" in page_text(response) or "menit" in page_text(response)
    assert Report.objects.count() == 1


def test_limits_can_be_switched_off(settings: Any, reader: User) -> None:
    settings.RATE_LIMITS_ENABLED = False
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_new_account": (1, 3600)}
    api = api_for(reader)
    codes = {
        api.post("/reports", {"target": "article", "id": a.pk, "reason": "spam"}).status_code
        for a in _articles(3)
    }
    assert codes == {201}


def test_a_missing_or_unknown_reason_is_refused_in_the_sentence_of_the_action(
    article: Article, reader: User
) -> None:
    sentence = str(actions.NoSuchReason().message)
    assert sentence == "Pilih salah satu alasan."
    for data in ({}, {"reason": "bukan-alasan"}):
        page = signed_in(reader).post("/laporkan", {"target": "article", "id": article.pk, **data})
        assert page.context["form"].errors["reason"] == [sentence]
    with pytest.raises(actions.NoSuchReason):
        actions.file_report(reader, targets.reportable(reader, "article", article.pk), "x", "")
