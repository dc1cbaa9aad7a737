"""The rules of wacana/discussion/actions.py, which the pages, the API and moderation share."""

from typing import Any

import pytest
from django.utils import timezone

from wacana.accounts.models import User
from wacana.articles import actions as article_actions
from wacana.articles.models import Article, Status
from wacana.discussion import actions
from wacana.discussion.models import Comment, CommentStatus
from wacana.discussion.threads import PAGE_SIZE
from wacana.notifications.models import Notification
from wacana.testing.content import (
    assert_count_exact,
    assert_reply_counts_exact,
    comment,
    draft,
    fresh,
    publish,
)
from wacana.testing.language import indonesian
from wacana.testing.personas import make_user

pytestmark = pytest.mark.django_db


# --- posting -----------------------------------------------------------------------------


def test_a_comment_is_stored_with_safe_html_and_counted(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Bagus! <b>tebal</b> https://contoh.id/a")
    made.refresh_from_db()
    assert made.status == CommentStatus.VISIBLE
    assert made.body == "Bagus! <b>tebal</b> https://contoh.id/a"
    assert "<b>" not in made.body_html and "&lt;b&gt;" in made.body_html
    assert '<a href="https://contoh.id/a" rel="nofollow ugc noopener">' in made.body_html
    assert made.parent_id is None and made.edited_at is None
    assert fresh(article).comment_count == 1
    assert_count_exact(article)


def test_a_reply_to_a_reply_attaches_to_the_top_comment(
    article: Article, commenter: User, reader: User, writer: User
) -> None:
    top = comment(commenter, article, "Komentar utama.")
    reply = comment(reader, article, "Balasan pertama.", parent=top)
    deeper = comment(writer, article, "Balasan atas balasan.", parent=reply)
    assert reply.parent_id == top.pk
    assert deeper.parent_id == top.pk
    top.refresh_from_db()
    assert top.reply_count == 2
    assert fresh(article).comment_count == 3
    assert_reply_counts_exact(article)


def test_a_reply_must_belong_to_the_same_article(
    article: Article, writer: User, commenter: User
) -> None:
    other = publish(writer, title="Artikel lain")
    elsewhere = comment(commenter, other, "Di artikel lain.")
    with pytest.raises(actions.InvalidParent):
        comment(commenter, article, "Balasan nyasar.", parent=elsewhere)
    assert not Comment.objects.filter(article=article).exists()
    assert fresh(article).comment_count == 0


@pytest.mark.parametrize("state", ["hidden", "deleted"])
def test_no_reply_to_a_hidden_or_deleted_comment(
    article: Article, commenter: User, reader: User, state: str
) -> None:
    target = comment(commenter, article, "Akan hilang.")
    comment(reader, article, "Balasan lama.", parent=target)  # keeps a placeholder
    if state == "hidden":
        actions.hide_comment(target)
    else:
        actions.delete_comment(commenter, target)
    with pytest.raises(actions.InvalidParent):
        comment(reader, article, "Balasan baru.", parent=target)
    assert Comment.objects.filter(article=article).count() == 2


@pytest.mark.parametrize("state", [Status.DRAFT, Status.HIDDEN])
def test_no_comments_on_drafts_or_hidden_articles(
    writer: User, commenter: User, state: str
) -> None:
    article = publish(writer)
    Article.objects.filter(pk=article.pk).update(status=state)
    with pytest.raises(actions.CommentsClosed):
        comment(commenter, article)
    with pytest.raises(actions.CommentsClosed):
        comment(writer, draft(writer))
    assert not Comment.objects.exists()


@pytest.mark.parametrize("field", ["is_active", "suspended_at"])
def test_suspended_and_inactive_accounts_cannot_comment(
    article: Article, commenter: User, field: str
) -> None:
    if field == "is_active":
        commenter.is_active = False
    else:
        commenter.suspended_at = timezone.now()
    commenter.save()
    with pytest.raises(actions.CannotComment):
        comment(commenter, article)
    assert not Comment.objects.exists()
    assert fresh(article).comment_count == 0


def test_the_same_text_twice_in_a_row_is_refused(article: Article, commenter: User) -> None:
    comment(commenter, article, "Setuju sekali.")
    with pytest.raises(actions.DuplicateComment):
        comment(commenter, article, "Setuju sekali.")
    assert Comment.objects.count() == 1
    # Not a duplicate: someone else, another article, or after something else.
    comment(make_user("tetangga"), article, "Setuju sekali.")
    comment(commenter, publish(article.author, title="Lain lagi"), "Setuju sekali.")
    comment(commenter, article, "Tambahan: datanya dari mana?")
    comment(commenter, article, "Setuju sekali.")
    assert Comment.objects.count() == 5
    assert_count_exact(article)


def test_a_deleted_comment_may_be_written_again(article: Article, commenter: User) -> None:
    first = comment(commenter, article, "Salah ketik.")
    actions.delete_comment(commenter, first)
    comment(commenter, article, "Salah ketik.")
    assert Comment.objects.count() == 1


# --- notifications -----------------------------------------------------------------------


def test_a_new_comment_tells_the_articles_writer(
    article: Article, writer: User, commenter: User
) -> None:
    made = comment(commenter, article, "Terima kasih sudah menulis.")
    note = Notification.objects.get(recipient=writer)
    assert note.kind == "comment"
    assert note.actor == commenter
    assert note.message == indonesian(
        "%(name)s commented on “%(title)s”.", name=commenter.name, title=article.title
    )
    assert note.target_url == f"{article.get_absolute_url()}#komentar-{made.pk}"
    writer.refresh_from_db()
    assert writer.unread_notifications == 1


def test_a_reply_tells_the_writer_of_the_comment_replied_to(
    article: Article, writer: User, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Komentar utama.")
    Notification.objects.all().delete()
    reply = comment(reader, article, "Balasan.", parent=top)
    note = Notification.objects.get()
    assert (note.recipient, note.kind, note.actor) == (commenter, "reply", reader)
    assert note.message == indonesian(
        "%(name)s replied to your comment on “%(title)s”.", name=reader.name, title=article.title
    )
    assert note.target_url.endswith(f"#komentar-{reply.pk}")
    # Replying to the reply tells the reader, not the top comment's writer.
    comment(writer, article, "Balasan penulis.", parent=reply)
    assert Notification.objects.filter(recipient=reader, kind="reply").count() == 1
    assert Notification.objects.filter(recipient=commenter).count() == 1


def test_nobody_is_told_about_their_own_comments(article: Article, writer: User) -> None:
    top = comment(writer, article, "Catatan penulis.")
    comment(writer, article, "Tambahan penulis.", parent=top)
    assert not Notification.objects.exists()


def test_a_refused_comment_tells_nobody(article: Article, commenter: User) -> None:
    comment(commenter, article, "Sama.")
    Notification.objects.all().delete()
    with pytest.raises(actions.DuplicateComment):
        comment(commenter, article, "Sama.")
    assert not Notification.objects.exists()


def test_the_notification_of_a_late_comment_points_at_its_page(
    article: Article, commenter: User, no_rate_limits: Any
) -> None:
    for n in range(PAGE_SIZE):
        comment(commenter, article, f"Komentar nomor {n}.")
    late = comment(make_user("telat"), article, "Komentar paling akhir.")
    url = Notification.objects.filter(actor__username="telat").get().target_url
    assert "?komentar=" in url and url.endswith(f"#komentar-{late.pk}")


# --- editing -------------------------------------------------------------------------------


def test_editing_changes_the_text_and_marks_it(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Versi pertama.")
    actions.edit_comment(commenter, made, "Versi kedua, lihat https://contoh.id")
    made.refresh_from_db()
    assert made.body == "Versi kedua, lihat https://contoh.id"
    assert "https://contoh.id</a>" in made.body_html
    assert made.edited_at is not None
    assert fresh(article).comment_count == 1


def test_saving_the_same_text_is_not_an_edit(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Tidak berubah.")
    actions.edit_comment(commenter, made, "Tidak berubah.")
    made.refresh_from_db()
    assert made.edited_at is None


@pytest.mark.parametrize("who", ["reader", "writer", "moderator", "admin_user"])
def test_only_the_writer_edits_a_comment(
    request: pytest.FixtureRequest, article: Article, commenter: User, who: str
) -> None:
    made = comment(commenter, article, "Punya saya.")
    with pytest.raises(actions.NotAllowed):
        actions.edit_comment(request.getfixturevalue(who), made, "Diubah orang lain.")
    made.refresh_from_db()
    assert made.body == "Punya saya." and made.edited_at is None


def test_a_hidden_comment_cannot_be_edited(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Disembunyikan.")
    actions.hide_comment(made)
    with pytest.raises(actions.CommentLocked):
        actions.edit_comment(commenter, made, "Coba ubah.")
    made.refresh_from_db()
    assert made.body == "Disembunyikan."


# --- deleting ------------------------------------------------------------------------------


def test_deleting_a_comment_without_replies_removes_it(article: Article, commenter: User) -> None:
    made = comment(commenter, article, "Akan dihapus.")
    assert actions.delete_comment(commenter, made) is None
    assert not Comment.objects.exists()
    assert fresh(article).comment_count == 0


def test_deleting_a_comment_with_replies_leaves_a_placeholder(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Pendapat yang saya tarik.")
    comment(reader, article, "Saya tidak setuju.", parent=top)
    left = actions.delete_comment(commenter, top)
    assert left is not None
    top.refresh_from_db()
    assert top.status == CommentStatus.DELETED
    assert top.body == "" and top.body_html == ""  # nothing of the words stays
    assert fresh(article).comment_count == 1
    assert_count_exact(article)


def test_the_last_reply_takes_a_placeholder_along(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Utama.")
    first = comment(reader, article, "Balasan satu.", parent=top)
    second = comment(commenter, article, "Balasan dua.", parent=top)
    actions.delete_comment(commenter, top)
    actions.delete_comment(reader, first)
    assert Comment.objects.filter(pk=top.pk).exists()
    actions.delete_comment(commenter, second)
    assert not Comment.objects.exists()
    assert fresh(article).comment_count == 0


def test_deleting_a_reply_moves_the_reply_count(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Utama.")
    reply = comment(reader, article, "Balasan.", parent=top)
    actions.delete_comment(reader, reply)
    top.refresh_from_db()
    assert top.reply_count == 0
    assert fresh(article).comment_count == 1


@pytest.mark.parametrize("who", ["reader", "writer", "moderator"])
def test_others_may_not_delete_a_comment(
    request: pytest.FixtureRequest, article: Article, commenter: User, who: str
) -> None:
    made = comment(commenter, article)
    with pytest.raises(actions.NotAllowed):
        actions.delete_comment(request.getfixturevalue(who), made)
    assert Comment.objects.filter(pk=made.pk, status="visible").exists()


def test_staff_may_delete_anyones_comment(
    article: Article, commenter: User, admin_user: User
) -> None:
    made = comment(commenter, article)
    actions.delete_comment(admin_user, made)
    assert not Comment.objects.exists()
    assert fresh(article).comment_count == 0


def test_deleting_twice_changes_nothing_more(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Utama.")
    comment(reader, article, "Balasan.", parent=top)
    actions.delete_comment(commenter, top)
    # A second request holding the comment as it was before: nothing happens.
    assert actions.delete_comment(commenter, top) is not None
    assert fresh(article).comment_count == 1
    top.refresh_from_db()
    with pytest.raises(actions.NotAllowed):
        actions.delete_comment(commenter, top)
    assert fresh(article).comment_count == 1


def test_a_hidden_comment_deleted_by_its_writer_does_not_move_the_count(
    article: Article, commenter: User
) -> None:
    made = comment(commenter, article, "Sembunyi lalu hapus.")
    comment(commenter, article, "Yang lain.")
    actions.hide_comment(made)
    assert fresh(article).comment_count == 1
    actions.delete_comment(commenter, made)
    assert fresh(article).comment_count == 1
    assert_count_exact(article)


# --- hiding and restoring (moderation) --------------------------------------------------


def test_hide_and_restore_move_the_counts_once(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article, "Utama.")
    reply = comment(reader, article, "Balasan kasar.", parent=top)
    assert actions.hide_comment(reply) is True
    assert actions.hide_comment(reply) is False
    reply.refresh_from_db()
    assert reply.status == CommentStatus.HIDDEN and not reply.hidden_with_account
    assert fresh(article).comment_count == 1
    assert_reply_counts_exact(article)
    assert actions.restore_comment(reply) is True
    assert actions.restore_comment(reply) is False
    assert fresh(article).comment_count == 2
    assert_reply_counts_exact(article)


def test_a_deleted_comment_is_neither_hidden_nor_restored(
    article: Article, commenter: User, reader: User
) -> None:
    top = comment(commenter, article)
    comment(reader, article, "Balasan.", parent=top)
    actions.delete_comment(commenter, top)
    assert actions.hide_comment(top) is False
    assert actions.restore_comment(top) is False
    top.refresh_from_db()
    assert top.status == CommentStatus.DELETED


def test_a_suspension_hides_the_accounts_comments_and_lifting_it_restores_only_those(
    writer: User, commenter: User, reader: User
) -> None:
    first, second = publish(writer, title="Satu"), publish(writer, title="Dua")
    top = comment(reader, first, "Milik pembaca.")
    mine = [
        comment(commenter, first, "Satu di artikel satu."),
        comment(commenter, first, "Balasan di artikel satu.", parent=top),
        comment(commenter, second, "Satu di artikel dua."),
    ]
    earlier = comment(commenter, second, "Sudah disembunyikan moderator.")
    actions.hide_comment(earlier)
    gone = comment(commenter, second, "Dihapus sendiri.")
    actions.delete_comment(commenter, gone)

    assert actions.hide_comments_of(commenter) == 3
    for made in mine:
        made.refresh_from_db()
        assert made.status == CommentStatus.HIDDEN and made.hidden_with_account
    assert fresh(first).comment_count == 1
    assert fresh(second).comment_count == 0
    assert_reply_counts_exact(first)
    assert actions.hide_comments_of(commenter) == 0

    assert actions.restore_comments_of(commenter) == 3
    for made in mine:
        made.refresh_from_db()
        assert made.status == CommentStatus.VISIBLE and not made.hidden_with_account
    earlier.refresh_from_db()
    assert earlier.status == CommentStatus.HIDDEN  # a moderator's own hide stays
    assert fresh(first).comment_count == 3
    assert fresh(second).comment_count == 1
    assert_reply_counts_exact(first)
    assert actions.restore_comments_of(commenter) == 0
    # Others' comments were never touched.
    top.refresh_from_db()
    assert top.status == CommentStatus.VISIBLE


def test_an_article_hidden_with_its_writer_keeps_its_comments(
    article: Article, writer: User, commenter: User
) -> None:
    comment(commenter, article)
    article_actions.hide_article(fresh(article), with_account=True)
    assert Comment.objects.get().status == CommentStatus.VISIBLE
    assert fresh(article).comment_count == 1


# --- account deletion and the data export ------------------------------------------------


def test_removing_an_accounts_comments_keeps_every_count_exact(
    writer: User, commenter: User, reader: User
) -> None:
    first, second = publish(writer, title="Satu"), publish(writer, title="Dua")
    theirs = comment(reader, first, "Punya pembaca.")
    comment(commenter, first, "Balasan akun yang pergi.", parent=theirs)
    mine = comment(commenter, first, "Komentar akun yang pergi.")
    comment(reader, first, "Balasan pembaca untuk akun yang pergi.", parent=mine)
    hidden = comment(commenter, second, "Disembunyikan.")
    actions.hide_comment(hidden)
    gone_top = comment(reader, second, "Pembaca menarik ini.")
    comment(commenter, second, "Satu-satunya balasan.", parent=gone_top)
    actions.delete_comment(reader, gone_top)  # a placeholder kept for that reply
    kept = comment(reader, second, "Tetap ada.")

    assert actions.remove_comments_of(commenter) == 5
    assert not Comment.objects.filter(author=commenter).exists()
    assert list(Comment.objects.order_by("pk")) == [theirs, kept]
    for article in (first, second):
        assert_count_exact(article)
        assert_reply_counts_exact(article)
    assert fresh(first).comment_count == 1 and fresh(second).comment_count == 1
    assert actions.remove_comments_of(commenter) == 0


def test_the_export_lists_every_comment_of_the_account(
    article: Article, commenter: User, reader: User
) -> None:
    from wacana.discussion.privacy import comments_of

    shown = comment(commenter, article, "Terlihat.")
    hidden = comment(commenter, article, "Tersembunyi.")
    actions.hide_comment(hidden)
    comment(reader, article, "Bukan miliknya.")
    exported = comments_of(commenter)
    assert [(c["id"], c["body"], c["status"]) for c in exported] == [
        (shown.pk, "Terlihat.", "visible"),
        (hidden.pk, "Tersembunyi.", "hidden"),
    ]
    assert exported[0]["article_id"] == article.pk and exported[0]["edited_at"] is None
