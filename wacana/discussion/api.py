"""The API's comment endpoints (documented at /api/v1/docs)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import StrictInt, StrictStr

from wacana.accounts.api import ERRORS
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
from wacana.discussion.models import Comment
from wacana.discussion.threads import listing, present
from wacana.lib.apierrors import ApiError, form_errors, invalid
from wacana.lib.cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor

router = Router(tags=["discussion"])


class CommentAuthor(Schema):
    username: str
    display_name: str
    url: str


class CommentOut(Schema):
    id: int
    article_id: int
    # The top comment this one replies to; null for a top comment.
    parent_id: int | None
    # Null for a placeholder (a deleted comment, or one hidden from the caller).
    author: CommentAuthor | None
    body_html: str
    # "visible"; "hidden" (by moderation: the caller wrote it, or is staff, or it is a
    # placeholder); "deleted" (a placeholder kept for its replies).
    status: str
    is_placeholder: bool
    created_at: datetime
    edited_at: datetime | None
    reply_count: int
    url: str
    can_edit: bool
    can_delete: bool

    @staticmethod
    def resolve_author(comment: Comment) -> dict[str, str] | None:
        if comment.shown_as != "full":
            return None
        author = comment.author
        return {
            "username": author.username,
            "display_name": author.display_name,
            "url": author.get_absolute_url(),
        }

    @staticmethod
    def resolve_body_html(comment: Comment) -> str:
        return comment.body_html if comment.shown_as == "full" else ""

    @staticmethod
    def resolve_is_placeholder(comment: Comment) -> bool:
        return bool(comment.shown_as != "full")

    @staticmethod
    def resolve_url(comment: Comment) -> str:
        return comment.get_absolute_url()


class CommentListing(Schema):
    items: list[CommentOut]
    next_cursor: str | None


class CommentIn(Schema):
    body: StrictStr
    parent_id: StrictInt | None = None


class CommentPatch(Schema):
    body: StrictStr


class ListingQuery(Schema):
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


def _user(request: HttpRequest) -> User:
    return api_user(request)


def _shown(comment: Comment, user: Any) -> Comment:
    return present(comment, user, open_for_user=may_comment(user))


@router.get(
    "/articles/{article_id}/comments", response={200: CommentListing, **ERRORS}, auth=optional
)
def list_comments(
    request: HttpRequest, article_id: int, query: Query[ListingQuery]
) -> dict[str, Any]:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid({"limit": [_("Use a limit from 1 to 100.")]})
    article = get_article_for_reading(request.user, article_id)
    try:
        page = listing(article, request.user, query.cursor, query.limit)
    except BadCursor:
        raise invalid(
            {"cursor": [_("This cursor is not valid; start again without it.")]}
        ) from None
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/comments/{comment_id}", response={200: CommentOut, **ERRORS}, auth=optional)
def get_comment(request: HttpRequest, comment_id: int) -> Comment:
    return _shown(get_comment_for_reading(request.user, comment_id), request.user)


@router.post(
    "/articles/{article_id}/comments", response={201: CommentOut, **ERRORS}, auth=signed_in
)
def post_comment(request: HttpRequest, article_id: int, payload: CommentIn) -> Status[Comment]:
    user = _user(request)
    article = get_open_article(article_id)
    if not may_comment(user):
        raise ApiError(403, _("This account may not comment."))
    form = CommentForm(data=payload.dict(), article=article, user=user)
    if not form.is_valid():
        raise invalid(form_errors(form))
    check_comment_limits(request, user)
    try:
        comment = actions.post_comment(
            user, article, form.cleaned_data["body"], form.cleaned_data["parent_id"]
        )
    except actions.DuplicateComment:
        message = _("You have just posted exactly this comment.")
        raise ApiError(409, message, {"body": [message]}) from None
    except actions.InvalidParent:
        raise invalid({"parent_id": [_("This comment can no longer be replied to.")]}) from None
    except actions.CannotComment:
        raise ApiError(403, _("This account may not comment.")) from None
    except actions.CommentsClosed:
        raise ApiError(404, _("Not found.")) from None
    comment.article = article
    return Status(201, _shown(comment, user))


def _for_change(request: HttpRequest, comment_id: int, *, deleting: bool) -> Comment:
    user = _user(request)
    comment = get_comment_for_reading(user, comment_id)
    if deleting and not can_delete(user, comment):
        raise ApiError(403, _("Only the writer and the editors may delete this comment."))
    if not deleting and comment.author_id != user.pk:
        raise ApiError(403, _("Only the writer may change this comment."))
    if not deleting and not can_edit(user, comment):
        raise ApiError(409, _("A moderator has hidden this comment; it can no longer be edited."))
    return comment


@router.patch("/comments/{comment_id}", response={200: CommentOut, **ERRORS}, auth=signed_in)
def update_comment(request: HttpRequest, comment_id: int, payload: CommentPatch) -> Comment:
    user = _user(request)
    comment = _for_change(request, comment_id, deleting=False)
    form = CommentEditForm(data=payload.dict())
    if not form.is_valid():
        raise invalid(form_errors(form))
    try:
        actions.edit_comment(user, comment, form.cleaned_data["body"])
    except actions.CommentLocked:
        raise ApiError(
            409, _("A moderator has hidden this comment; it can no longer be edited.")
        ) from None
    except actions.NotAllowed:
        raise ApiError(403, _("Only the writer may change this comment.")) from None
    return _shown(comment, user)


@router.delete("/comments/{comment_id}", response={204: None, **ERRORS}, auth=signed_in)
def delete_comment(request: HttpRequest, comment_id: int) -> Status[None]:
    comment = _for_change(request, comment_id, deleting=True)
    try:
        actions.delete_comment(_user(request), comment)
    except actions.NotAllowed:
        raise ApiError(403, _("Only the writer and the editors may delete this comment.")) from None
    return Status(204, None)
