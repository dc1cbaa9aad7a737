"""Comments in the admin: listed, searchable, read-only; deleting keeps the counts right."""

import pytest

from wacana.accounts.models import User
from wacana.articles.models import Article
from wacana.discussion.models import Comment
from wacana.testing.content import assert_count_exact, comment
from wacana.testing.personas import signed_in

pytestmark = pytest.mark.django_db


def test_staff_list_and_search_comments(
    article: Article, commenter: User, reader: User, admin_user: User
) -> None:
    comment(commenter, article, "Tentang jagung di Kupang.")
    comment(reader, article, "Tentang kopi di Flores.")
    client = signed_in(admin_user)
    listing = client.get("/admin/discussion/comment/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Tentang jagung di Kupang." in html and "Tentang kopi di Flores." in html
    found = client.get("/admin/discussion/comment/", {"q": "jagung"}).content.decode()
    assert "Tentang jagung di Kupang." in found and "Tentang kopi di Flores." not in found
    by_name = client.get("/admin/discussion/comment/", {"q": "pembaca"}).content.decode()
    assert "Tentang kopi di Flores." in by_name and "Tentang jagung" not in by_name


def test_a_comment_is_read_only_in_the_admin(
    article: Article, commenter: User, admin_user: User
) -> None:
    made = comment(commenter, article, "<script>alert(1)</script> https://contoh.id")
    client = signed_in(admin_user)
    page = client.get(f"/admin/discussion/comment/{made.pk}/change/").content.decode()
    assert 'name="body"' not in page and 'name="status"' not in page
    # The stored HTML is shown as its source, never rendered.
    assert "&lt;a href=&quot;https://contoh.id&quot;" in page
    assert "<script>alert(1)</script>" not in page
    client.post(f"/admin/discussion/comment/{made.pk}/change/", {"body": "Diubah admin"})
    made.refresh_from_db()
    assert made.body.startswith("<script>")
    assert client.get("/admin/discussion/comment/add/").status_code == 403


def test_deleting_in_the_admin_goes_through_the_action(
    article: Article, commenter: User, reader: User, admin_user: User
) -> None:
    top = comment(commenter, article, "Dengan balasan.")
    comment(reader, article, "Balasan.", parent=top)
    lone = comment(commenter, article, "Sendiri.")
    client = signed_in(admin_user)
    response = client.post(
        "/admin/discussion/comment/",
        {"action": "delete_selected", "_selected_action": [top.pk, lone.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        "deleted",
        "visible",
    ]
    assert_count_exact(article)


def test_readers_and_moderators_have_no_comment_admin(reader: User, moderator: User) -> None:
    for who in (reader, moderator):
        response = signed_in(who).get("/admin/discussion/comment/")
        assert response.status_code == 302
