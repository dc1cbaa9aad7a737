"""Characters XML 1.0 forbids never reach the database, and never break a feed.

A title, body or display name holding U+000B made every feed listing it answer 500;
U+FFFE made them ill-formed. Each text field, on every path (page, API, admin), drops
them on input; the feed writer drops them again for rows stored before.
"""

import feedparser
import pytest
from django.test import Client

from wacana.accounts.models import User
from wacana.articles.models import Article, Category, Tag
from wacana.discussion.models import Comment
from wacana.lib.text import xml_safe
from wacana.moderation import actions as moderation_actions
from wacana.moderation.models import Appeal, ModerationAction, Report
from wacana.testing.api import api_for
from wacana.testing.content import file_report, publish
from wacana.testing.personas import make_user, signed_in, with_role

pytestmark = pytest.mark.django_db

BAD = "\x0b\ufffe"  # a vertical tab and a non-character


def dirty(word: str) -> str:
    """`word` with forbidden characters inside and around it."""
    return f"{BAD}{word[:2]}\x0b{word[2:]}\ufffe\uffff\x01"


def assert_article_clean(article: Article) -> None:
    article.refresh_from_db()
    assert article.title == "Judul Bersih"
    assert article.body == "Isi bersih."
    assert article.image_caption == "Keterangan"
    assert article.image_source == "Sumber"
    assert [tag["name"] for tag in article.tag_list] == ["pendidikan"]
    assert Tag.objects.filter(name="pendidikan").exists()
    assert all(xml_safe(page.html) == page.html for page in article.pages.all())


def test_xml_safe_removes_exactly_what_xml_forbids() -> None:
    kept = "a\tb\nc\rd é ‹ 😀 \x7f \u0085 \ufffd"
    assert xml_safe(kept) == kept
    assert xml_safe("".join(chr(n) for n in range(0x20))) == "\t\n\r"
    assert xml_safe("a\ud800b\udfffc\ufffe\uffffd") == "abcd"


# --- articles ----------------------------------------------------------------------------

ARTICLE = {
    "title": dirty("Judul Bersih"),
    "body": dirty("Isi bersih."),
    "category": "pertanian",
    "tags": [dirty("pendidikan")],
    "image_caption": dirty("Keterangan"),
    "image_source": dirty("Sumber"),
}


def test_the_api_stores_articles_clean(writer: User) -> None:
    api = api_for(writer)
    response = api.post("/articles", ARTICLE)
    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert_article_clean(article)
    response = api.patch(
        f"/articles/{article.pk}",
        {"title": "Judul Bersih\x0b", "image_caption": "Ketera\x1fngan"},
    )
    assert response.status_code == 200, response.content
    assert_article_clean(article)


def test_the_writing_page_stores_articles_clean(writer: User) -> None:
    data = {**ARTICLE, "tags": ARTICLE["tags"][0], "intent": "save"}
    response = signed_in(writer).post("/tulis", data)
    assert response.status_code == 302
    assert_article_clean(Article.objects.get())


def test_the_admin_stores_articles_clean(writer: User, admin_user: User) -> None:
    article = publish(writer, "Judul Bersih")
    Article.objects.filter(pk=article.pk).update(tag_list=[{"slug": "x", "name": "pendidikan"}])
    Tag.objects.create(slug="pendidikan", name="pendidikan")
    response = signed_in(admin_user).post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "title": dirty("Judul Bersih"),
            "author": writer.pk,
            "category": Category.objects.get(slug="pertanian").pk,
            "status": "published",
            "body": dirty("Isi bersih."),
            "image_caption": dirty("Keterangan"),
            "image_source": dirty("Sumber"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_article_clean(article)


def test_the_admin_stores_tag_names_clean(admin_user: User) -> None:
    response = signed_in(admin_user).post(
        "/admin/articles/tag/add/", {"name": dirty("sejarah"), "slug": "sejarah"}
    )
    assert response.status_code == 302
    assert Tag.objects.get(slug="sejarah").name == "sejarah"


# --- accounts ----------------------------------------------------------------------------

PROFILE = {
    "display_name": dirty("Sekar Ayu"),
    "tagline": dirty("Guru SD"),
    "bio": dirty("Menulis."),
}


def assert_profile_clean(user: User) -> None:
    user.refresh_from_db()
    assert (user.display_name, user.tagline, user.bio) == ("Sekar Ayu", "Guru SD", "Menulis.")


def test_the_api_stores_profiles_clean(writer: User) -> None:
    response = api_for(writer).patch("/me", PROFILE)
    assert response.status_code == 200, response.content
    assert_profile_clean(writer)


def test_the_profile_page_stores_profiles_clean(writer: User) -> None:
    response = signed_in(writer).post("/akun/profil", PROFILE)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_profile_clean(writer)


def test_the_admin_stores_profiles_clean(writer: User, admin_user: User) -> None:
    url = f"/admin/accounts/user/{writer.pk}/change/"
    page = signed_in(admin_user).get(url).context
    form = page["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(PROFILE, username=writer.username, email=writer.email, is_active="on")
    data.pop("password", None)
    data.pop("avatar", None)
    data.pop("avatar_small", None)
    data["date_joined_0"], data["date_joined_1"] = "2026-01-01", "10:00:00"
    for inline in page["inline_admin_formsets"]:  # the tokens: none
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
    response = signed_in(admin_user).post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_profile_clean(writer)


def test_sign_up_stores_the_display_name_clean(client: Client) -> None:
    response = client.post(
        "/api/v1/accounts",
        {
            "username": "baru",
            "email": "baru@example.com",
            "password": "kopi-tubruk-pagi-77",
            "display_name": dirty("Nama Baru"),
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert User.objects.get(username="baru").display_name == "Nama Baru"


def test_passwords_are_left_as_typed(client: Client) -> None:
    # A password is hashed, never shown: it must match what the person types, exactly.
    password = "kopi\x0btubruk-pagi-77"
    response = client.post(
        "/api/v1/accounts",
        {"username": "sandi", "email": "s@example.com", "password": password},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert User.objects.get(username="sandi").check_password(password)


# --- comments, reports, decisions and appeals ------------------------------------------


def test_comments_are_stored_clean_from_the_api_and_the_page(writer: User, reader: User) -> None:
    article = publish(writer)
    api = api_for(reader)
    made = api.post(f"/articles/{article.pk}/comments", {"body": dirty("Bagus sekali.")})
    assert made.status_code == 201, made.content
    comment = Comment.objects.get()
    assert (comment.body, comment.body_html) == ("Bagus sekali.", "<p>Bagus sekali.</p>")
    edited = api.patch(f"/comments/{comment.pk}", {"body": dirty("Bagus, sungguh.")})
    assert edited.status_code == 200, edited.content
    comment.refresh_from_db()
    assert comment.body == "Bagus, sungguh."
    response = signed_in(make_user("tamu")).post(
        f"/komentar/artikel/{article.pk}", {"body": dirty("Setuju.")}
    )
    assert response.status_code in (302, 303), response.content.decode()[:2000]
    assert Comment.objects.filter(body="Setuju.").exists()


def test_report_details_are_stored_clean(writer: User, reader: User) -> None:
    article = publish(writer)
    response = api_for(reader).post(
        "/reports",
        {"target": "article", "id": article.pk, "reason": "spam", "detail": dirty("Iklan.")},
    )
    assert response.status_code == 201, response.content
    assert Report.objects.get().detail == "Iklan."


def test_moderation_notes_and_appeal_statements_are_stored_clean(
    writer: User, reader: User
) -> None:
    article = publish(writer)
    report = file_report(reader, "article", article.pk, "hoaks")
    first = with_role(make_user("mod1"), "moderator")
    second = with_role(make_user("mod2"), "moderator")
    response = api_for(first).post(
        f"/moderation/reports/{report.pk}/resolve", {"action": "hide", "note": dirty("Palsu.")}
    )
    assert response.status_code == 200, response.content
    entry = ModerationAction.objects.get()
    assert entry.note == "Palsu."
    response = api_for(writer).post(
        "/appeals", {"action_id": entry.pk, "statement": dirty("Mohon cek.")}
    )
    assert response.status_code == 201, response.content
    appeal = Appeal.objects.get()
    assert appeal.statement == "Mohon cek."
    response = api_for(second).post(
        f"/moderation/appeals/{appeal.pk}/decide", {"decision": "reject", "note": dirty("Tetap.")}
    )
    assert response.status_code == 200, response.content
    assert ModerationAction.objects.latest("pk").note == "Tetap."
    # The page forms go through the same actions.
    assert (
        moderation_actions.decide(
            first, "article", article.pk, "restore", dirty("Dipulihkan.")
        ).note
        == "Dipulihkan."
    )


# --- feeds: safe even for rows stored before ----------------------------------------------


def test_feeds_answer_well_formed_xml_for_rows_stored_with_forbidden_characters(
    client: Client, writer: User
) -> None:
    article = publish(writer, "Judul Lama")
    Article.objects.filter(pk=article.pk).update(
        title="Judul\x0b Lama\ufffe", excerpt="Ringkas\x0cان\uffff"
    )
    User.objects.filter(pk=writer.pk).update(display_name="Sekar\x0b Penulis\ufffe")
    article.pages.update(html="<p>Isi\x0b lama\ufffe</p>")
    Tag.objects.create(slug="banjir", name="banjir\x0b")
    from wacana.articles import actions

    actions.update_article(writer, article, {"tags": [{"slug": "banjir", "name": "banjir"}]})
    Article.objects.filter(pk=article.pk).update(title="Judul\x0b Lama\ufffe")
    category = article.category
    for url in (
        "/feed",
        f"/{writer.username}/feed",
        f"/kategori/{category.slug}/feed",
        "/tag/banjir/feed",
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        entry = parsed.entries[0]
        assert entry.title == "Judul Lama"
        assert entry.author == "Sekar Penulis"
        assert "\ufffe" not in response.content.decode()
