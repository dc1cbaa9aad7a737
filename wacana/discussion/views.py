"""Comment pages. They work as plain forms; comments.js sends the same forms with
`Accept: application/json` and gets the rendered comment back to insert in place."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wacana.accounts.models import User
from wacana.discussion import actions
from wacana.discussion.access import (
    can_delete,
    can_edit,
    get_comment_for_reading,
    get_open_article,
    may_comment,
)
from wacana.discussion.forms import CommentEditForm, CommentForm, find_parent
from wacana.discussion.limits import TooManyComments, check_comment_limits
from wacana.discussion.models import Comment
from wacana.discussion.threads import comment_url, present
from wacana.lib import refusal
from wacana.lib.apierrors import form_errors


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _fragment(request: HttpRequest, comment: Comment, partial: str) -> str:
    view = present(comment, request.user, open_for_user=may_comment(request.user))
    return render_to_string(
        f"discussion/thread.html#{partial}", {"view": view, "comment": comment}, request=request
    )


def _refused(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    status: int,
    detail: str = "",
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """The form again with its errors and the text as typed (or the same as JSON)."""
    form = context["form"]
    if _wants_json(request):
        body: dict[str, Any] = {"detail": detail or refusal.Invalid().detail}
        if form.errors:
            body["errors"] = form_errors(form)
        response: HttpResponse = JsonResponse(body, status=status)
    else:
        response = render(request, template, context, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post(request: HttpRequest, article_id: str) -> HttpResponse:
    """Write a comment or a reply (`?balas=<id>`); the thread's form posts here."""
    user = _user(request)
    article = get_open_article(int(article_id))
    if not may_comment(user):
        raise PermissionDenied
    if request.method != "POST":
        replying = None
        raw = request.GET.get("balas", "")
        if raw:
            if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
                raise Http404
            try:
                replying = find_parent(article, user, int(raw))
            except ValidationError:
                raise Http404 from None
        form = CommentForm(
            article=article, user=user, initial={"parent_id": replying.pk if replying else None}
        )
        context = {"article": article, "form": form, "replying": replying}
        return render(request, "discussion/compose.html", context)

    form = CommentForm(request.POST, article=article, user=user)
    context = {"article": article, "form": form, "replying": None}
    if not form.is_valid():
        return _refused(request, "discussion/compose.html", context, 400)
    parent = form.cleaned_data["parent_id"]
    context["replying"] = parent
    try:
        check_comment_limits(request, user)
        comment = actions.post_comment(user, article, form.cleaned_data["body"], parent)
    except (TooManyComments, actions.DuplicateComment, actions.InvalidParent) as refused:
        refusal.to_form(form, refused)
        # A reply to a comment gone meanwhile is a problem of the form, like any other: 400.
        status = 400 if isinstance(refused, actions.InvalidParent) else refused.status
        return _refused(
            request, "discussion/compose.html", context, status, refused.message, refused.headers
        )
    except actions.CannotComment:
        raise PermissionDenied from None
    except actions.CommentsClosed:
        raise Http404 from None
    url = comment_url(comment)
    if not _wants_json(request):
        return redirect(url)
    article.refresh_from_db(fields=["comment_count"])
    return JsonResponse(
        {
            "id": comment.pk,
            "parent_id": comment.parent_id,
            "url": url,
            "html": _fragment(request, comment, "comment"),
            "count": article.comment_count,
        },
        status=201,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, pk: str) -> HttpResponse:
    user = _user(request)
    comment = get_comment_for_reading(user, int(pk))
    if not can_edit(user, comment):
        raise PermissionDenied
    if request.method != "POST":
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"id": comment.pk, "body": comment.body})
        else:
            form = CommentEditForm(initial={"body": comment.body})
            response = render(request, "discussion/edit.html", {"comment": comment, "form": form})
        # The same address answers the page or, for comments.js, the text as JSON.
        patch_vary_headers(response, ["Accept"])
        return response
    form = CommentEditForm(request.POST)
    context = {"comment": comment, "form": form}
    if not form.is_valid():
        return _refused(request, "discussion/edit.html", context, 400)
    try:
        actions.edit_comment(user, comment, form.cleaned_data["body"])
    except actions.CommentLocked as locked:
        refusal.to_form(form, locked)
        return _refused(request, "discussion/edit.html", context, locked.status, locked.message)
    except actions.NotAllowed:
        raise PermissionDenied from None
    if _wants_json(request):
        return JsonResponse({"id": comment.pk, "html": _fragment(request, comment, "entry")})
    messages.success(request, _("Your comment has been changed."))
    return redirect(comment_url(comment))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, pk: str) -> HttpResponse:
    user = _user(request)
    comment = get_comment_for_reading(user, int(pk))
    if not can_delete(user, comment):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "discussion/delete.html", {"comment": comment})
    article, comment_id = comment.article, comment.pk
    try:
        left = actions.delete_comment(user, comment)
    except actions.NotAllowed:
        raise PermissionDenied from None
    if _wants_json(request):
        article.refresh_from_db(fields=["comment_count"])
        if left is not None:
            left.article = article
        return JsonResponse(
            {
                "id": comment_id,
                "removed": left is None,
                "html": _fragment(request, left, "entry") if left is not None else "",
                "count": article.comment_count,
            }
        )
    messages.success(request, _("The comment has been deleted."))
    return redirect(f"{article.get_absolute_url()}#komentar")
