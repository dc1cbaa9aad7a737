"""The API's comment endpoints (documented at /api/v1/docs)."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field, StrictInt, StrictStr

from wacana.accounts.auth import api_user, optional, signed_in
from wacana.accounts.models import User
from wacana.articles.access import get_article_for_reading
from wacana.discussion import actions
from wacana.discussion.access import (
    can_delete,
    can_edit,
    get_comment_for_reading,
    get_open_article,
    may_comment,
)
from wacana.discussion.forms import CommentEditForm, CommentForm
from wacana.discussion.limits import check_comment_limits
from wacana.discussion.models import COMMENT_MAX, Comment, CommentStatus
from wacana.discussion.threads import CommentView, listing, present
from wacana.lib.apierrors import ERRORS, form_errors, invalid
from wacana.lib.apischema import BIGINT_MAX, Cursor, Limit, not_blank, text
from wacana.lib.cursor import DEFAULT_LIMIT, checked_limit

router = Router(tags=["discussion"])


class CommentAuthor(Schema):
    username: str
    display_name: str
    url: str


class CommentOut(Schema):
    id: int
    article_id: int
    parent_id: int | None = Field(
        description="The top comment this one replies to; null for a top comment."
    )
    author: CommentAuthor | None = Field(
        description="Null for a placeholder (a deleted comment, or one hidden from the caller)."
    )
    body_html: str = Field(description="The text as safe HTML; empty for a placeholder.")
    status: str = Field(
        description=(
            '"visible"; "hidden" (by moderation: the caller wrote it, or is staff, or it is '
            'a placeholder); "deleted" (a placeholder kept for its replies).'
        ),
        json_schema_extra={"enum": list(CommentStatus.values)},
    )
    is_placeholder: bool
    created_at: datetime
    edited_at: datetime | None
    reply_count: int
    url: str
    can_edit: bool = Field(description="The caller may change the text (PATCH).")
    can_delete: bool = Field(description="The caller may delete the comment (DELETE).")


def _out(view: CommentView) -> dict[str, Any]:
    """CommentOut's fields of a comment as the caller sees it (a placeholder shows no
    author or text)."""
    comment = view.comment
    author = comment.author if view.is_full else None
    return {
        "id": comment.pk,
        "article_id": comment.article_id,
        "parent_id": comment.parent_id,
        "author": author
        and {
            "username": author.username,
            "display_name": author.display_name,
            "url": author.get_absolute_url(),
        },
        "body_html": comment.body_html if view.is_full else "",
        "status": comment.status,
        "is_placeholder": not view.is_full,
        "created_at": comment.created_at,
        "edited_at": comment.edited_at,
        "reply_count": comment.reply_count,
        "url": comment.get_absolute_url(),
        "can_edit": view.can_edit,
        "can_delete": view.can_delete,
    }


class CommentListing(Schema):
    items: list[CommentOut]
    next_cursor: str | None


# CommentBodyField's rules: at most COMMENT_MAX characters, not blank once its control
# characters (DEL too) are dropped and spaces trimmed.
CommentBody = Annotated[
    StrictStr,
    text(
        COMMENT_MAX,
        required=True,
        pattern=not_blank(r"\x7f"),
        description="Plain text; addresses become links. Posted twice in a row: 409.",
    ),
]


class CommentIn(Schema):
    body: CommentBody
    parent_id: Annotated[StrictInt, Field(ge=1, le=BIGINT_MAX)] | None = Field(
        None,
        description=(
            "The comment replied to (a reply to a reply joins its top comment's thread); "
            "one not on this article: 422."
        ),
    )


class CommentPatch(Schema):
    body: CommentBody


class ListingQuery(Schema):
    cursor: Cursor = None
    limit: Limit = DEFAULT_LIMIT


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _shown(comment: Comment, user: Any) -> dict[str, Any]:
    return _out(present(comment, user, open_for_user=may_comment(user)))


@router.get(
    "/articles/{article_id}/comments", response={200: CommentListing, **ERRORS}, auth=optional
)
def list_comments(
    request: HttpRequest, article_id: int, query: Query[ListingQuery]
) -> dict[str, Any]:
    """The article's top comments, oldest first, each followed by its replies."""
    checked_limit(query.limit)
    article = get_article_for_reading(request.user, article_id)
    page = listing(article, request.user, query.cursor, query.limit)
    return {"items": [_out(view) for view in page.items], "next_cursor": page.next_cursor}


@router.get("/comments/{comment_id}", response={200: CommentOut, **ERRORS}, auth=optional)
def get_comment(request: HttpRequest, comment_id: int) -> dict[str, Any]:
    """One comment, as its article's thread shows it to the caller (a placeholder when
    deleted or hidden)."""
    return _shown(get_comment_for_reading(request.user, comment_id), request.user)


@router.post(
    "/articles/{article_id}/comments", response={201: CommentOut, **ERRORS}, auth=signed_in
)
def post_comment(
    request: HttpRequest, article_id: int, payload: CommentIn
) -> Status[dict[str, Any]]:
    """Comment on a published article, or reply (parent_id); the same text twice in a row
    is 409."""
    user = _user(request)
    article = get_open_article(article_id)
    if not may_comment(user):
        raise actions.CannotComment
    form = CommentForm(data=payload.dict(), article=article, user=user)
    if not form.is_valid():
        raise invalid(form_errors(form))
    check_comment_limits(request, user)
    comment = actions.post_comment(
        user, article, form.cleaned_data["body"], form.cleaned_data["parent_id"]
    )
    comment.article = article
    return Status(201, _shown(comment, user))


def _for_change(request: HttpRequest, comment_id: int, *, deleting: bool) -> Comment:
    user = _user(request)
    comment = get_comment_for_reading(user, comment_id)
    if deleting and not can_delete(user, comment):
        raise actions.MayNotDelete
    if not deleting and comment.author_id != user.pk:
        raise actions.NotAllowed
    if not deleting and not can_edit(user, comment):
        raise actions.CommentLocked
    return comment


@router.patch("/comments/{comment_id}", response={200: CommentOut, **ERRORS}, auth=signed_in)
def update_comment(request: HttpRequest, comment_id: int, payload: CommentPatch) -> dict[str, Any]:
    """Change one's own comment; one hidden by moderation is 409."""
    user = _user(request)
    comment = _for_change(request, comment_id, deleting=False)
    form = CommentEditForm(data=payload.dict())
    if not form.is_valid():
        raise invalid(form_errors(form))
    actions.edit_comment(user, comment, form.cleaned_data["body"])
    return _shown(comment, user)


@router.delete("/comments/{comment_id}", response={204: None, **ERRORS}, auth=signed_in)
def delete_comment(request: HttpRequest, comment_id: int) -> Status[None]:
    """Delete a comment (its writer, or an editor); one with replies stays as a
    placeholder."""
    comment = _for_change(request, comment_id, deleting=True)
    actions.delete_comment(_user(request), comment)
    return Status(204, None)
