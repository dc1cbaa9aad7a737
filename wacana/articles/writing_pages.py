"""Pages and endpoints of the writing flow: autosave (JSON, for the page's script), the
revisions list with differences and restore, cancelling a schedule, and the helpers the
"Tulis" page uses (schedule field, tag suggestions, the preview as readers see it)."""

from datetime import datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from wacana.accounts.models import User
from wacana.articles import actions, writing
from wacana.articles.access import get_article_for_edit
from wacana.articles.forms import ArticleForm
from wacana.articles.limits import TooManyWrites, check_write_limit
from wacana.articles.models import Article, Revision, Status, Tag
from wacana.lib import refusal

JAKARTA = ZoneInfo("Asia/Jakarta")
TAG_SUGGESTIONS = 50


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def jakarta(when: datetime | None) -> str:
    if when is None:
        return ""
    return formats.date_format(when.astimezone(JAKARTA), "j F Y H.i") + " WIB"


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=gettext_lazy("Publish on (Jakarta time, WIB)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": gettext_lazy("Enter a date and time, e.g. 2027-01-31 08:00.")},
    )

    def clean_publish_at(self) -> datetime:
        when: datetime = self.cleaned_data["publish_at"]
        # The field reads the time in the site's zone; the writer is told it is Jakarta's.
        when = when.replace(tzinfo=None).replace(tzinfo=JAKARTA) if settings.USE_TZ else when
        try:
            writing.check_schedule(when)
        except writing.ScheduleRejected as rejected:
            raise ValidationError(rejected.message) from None
        return when

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        initial = kwargs.get("initial") or {}
        if initial.get("publish_at"):
            initial["publish_at"] = initial["publish_at"].astimezone(JAKARTA).replace(tzinfo=None)
        super().__init__(*args, **kwargs)


def posted_version(data: Any) -> int | None:
    """The version the page was loaded with; None when the client sent none."""
    raw = str(data.get("version", "")).strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 9:
        return -1  # matches no article: answered as a conflict, never as a 500
    return int(raw)


def tag_suggestions() -> list[str]:
    """The most used public tags, for the tags field's suggestions (one bounded query)."""
    return list(
        Tag.objects.filter(article_count__gt=0)
        .order_by("-article_count", "name")
        .values_list("name", flat=True)[:TAG_SUGGESTIONS]
    )


def preview_context(
    request: HttpRequest,
    user: User,
    article: Article | None,
    data: dict[str, Any],
    *,
    pending: Any = None,
) -> dict[str, Any]:
    """What articles/preview.html needs to show the article as its readers will."""
    author = article.author if article else user
    body = data.get("body", "")
    pages = actions.render_body(body).pages
    image_url = ""
    if pending is not None:
        image_url = pending.url
    elif article and article.image and not request.POST.get("remove_image"):
        image_url = article.image_medium.url or article.image.url
    category = data["category"]
    return {
        "article": SimpleNamespace(
            title=data.get("title", ""),
            category=category,
            author=author,
            tag_list=data.get("tags", []),
            image_caption=data.get("image_caption", ""),
            image_source=data.get("image_source", ""),
            page_count=len(pages),
            reading_minutes=max(1, -(-sum(len(p.split()) for p in pages) // 400)),
        ),
        "pages": list(enumerate(pages, 1)),
        "image_url": image_url,
    }


def _errors(form: forms.Form) -> dict[str, list[str]]:
    return {
        field: [str(error["message"]) for error in errors]
        for field, errors in form.errors.get_json_data().items()
    }


@login_required
@require_POST
def autosave(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The page's script saves here a few seconds after typing stops and when the page is
    left. A new article is created as a draft on its first autosave."""
    user = _user(request)
    article = get_article_for_edit(user, pk) if pk else None
    form = ArticleForm(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {
                "detail": _("Not saved to the server yet: the form has a problem."),
                "errors": _errors(form),
            },
            status=400,
        )
    try:
        # An autosave renders the whole body like any save: it counts toward the same limit.
        check_write_limit(user)
    except TooManyWrites as limited:
        # The page keeps its copy on the device and says why it was not sent.
        return refusal.add_headers(
            JsonResponse({"detail": limited.message}, status=limited.status), limited
        )
    try:
        if article is not None and article.status != Status.DRAFT:
            article = writing.autosave_published(
                user, article, form.cleaned_data, if_version=posted_version(request.POST)
            )
        else:
            article = writing.save_writing(
                user,
                article,
                form.cleaned_data,
                if_version=posted_version(request.POST) if article else None,
                autosave=True,
            )
    except writing.VersionConflict as moved:
        theirs = moved.article
        return JsonResponse(
            {
                "detail": moved.message,
                "errors": {},
                "version": theirs.version,
                "title": theirs.title,
                "body": theirs.body,
            },
            status=moved.status,
        )
    saved_at = timezone.localtime()
    return JsonResponse(
        {
            "id": article.pk,
            "version": article.version,
            "saved_at": formats.time_format(saved_at, "H.i"),
            "edit_url": reverse("articles:edit", kwargs={"pk": article.pk}),
            "autosave_url": reverse("articles:autosave", kwargs={"pk": article.pk}),
        }
    )


@login_required
@require_POST
def cancel_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    article = get_article_for_edit(user, pk)
    writing.schedule_publication(user, article, None)
    messages.success(
        request, _("The scheduled publication is cancelled; the article stays a draft.")
    )
    return redirect("articles:edit", pk=article.pk)


def _revision(article: Article, raw: str | None) -> Revision | None:
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise Http404(_("This revision does not exist."))
    return get_object_or_404(Revision, article=article, pk=int(raw))


@login_required
@require_safe
def revisions(request: HttpRequest, pk: int) -> HttpResponse:
    """The list of kept revisions; `a` and `b` (revision ids, or none for the current
    text) show the difference between two."""
    article = get_article_for_edit(_user(request), pk)
    kept = list(
        Revision.objects.filter(article=article)
        .select_related("editor")
        .defer("body", "editor__password", "editor__email")
        .order_by("-id")
    )
    a = _revision(article, request.GET.get("a"))
    b = _revision(article, request.GET.get("b"))
    diff = None
    if a is not None or b is not None:
        old = a if a is not None else article
        new = b if b is not None else article
        diff = {
            "old": a,
            "new": b,
            "title": writing.word_diff(old.title, new.title) if old.title != new.title else None,
            "rows": writing.diff_blocks(old.body, new.body),
        }
    return render(
        request,
        "articles/revisions.html",
        {"article": article, "revisions": kept, "diff": diff},
    )


@login_required
@require_POST
def restore(request: HttpRequest, pk: int, revision_id: int) -> HttpResponse:
    user = _user(request)
    article = get_article_for_edit(user, pk)
    revision = get_object_or_404(Revision, article=article, pk=revision_id)
    if writing.restore_revision(user, article, revision):
        messages.success(request, _("The revision is restored; the text before it is kept too."))
    else:
        messages.info(request, _("The article already reads like this revision."))
    return redirect("articles:edit", pk=article.pk)
