"""The series pages (issue 16): a writer's list of series (/tulis/seri), the page where
they name one and set its parts and their order (/tulis/seri/<id>, every change a plain
form: no JavaScript needed), and the public page of a series (/<username>/seri/<id>/<slug>).
Writes go through wacana.articles.series."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wacana.accounts.models import User
from wacana.articles import series as actions
from wacana.articles.forms import SeriesForm
from wacana.articles.models import SERIES_PARTS_MAX, Series
from wacana.lib import refusal
from wacana.lib.refusal import Refusal

ID_RE = re.compile(r"^[0-9]{1,18}$", re.ASCII)
POSITION_RE = re.compile(r"^[0-9]{1,4}$", re.ASCII)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def owned(user: User, pk: int) -> Series:
    """The series, for its writer; 404 when there is none, 403 for anyone else."""
    series = get_object_or_404(Series.objects.select_related("owner"), pk=pk)
    if not actions.may_edit(user, series):
        raise PermissionDenied(_("Only the writer of this series can change it."))
    return series


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def mine(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = SeriesForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                series = actions.create_series(
                    user, form.cleaned_data["name"], form.cleaned_data["description"]
                )
            except Refusal as refused:
                refusal.to_form(form, refused)
                status = refused.status
            else:
                messages.success(request, _("The series has been created. Now add articles to it."))
                return redirect("articles:edit_series", pk=series.pk)
        else:
            status = 400
    listing = list(actions.series_of(user).order_by("-updated_at", "-id"))
    return render(
        request, "articles/my_series.html", {"form": form, "listing": listing}, status=status
    )


def _article_id(request: HttpRequest) -> int:
    raw = request.POST.get("article", "")
    if not ID_RE.match(raw):
        raise actions.SeriesRefused(_("Choose an article."))
    return int(raw)


def _position(request: HttpRequest, current: list[int], article_id: int, intent: str) -> int:
    if article_id not in current:
        raise actions.SeriesRefused(_("This article is not in the series."))
    place = current.index(article_id) + 1
    if intent == "up":
        return place - 1
    if intent == "down":
        return place + 1
    raw = request.POST.get("position", "").strip()
    if not POSITION_RE.match(raw) or int(raw) < 1:
        raise actions.SeriesRefused(
            _("Give a position from 1 to %(max)d.") % {"max": max(len(current), 1)}
        )
    return int(raw)


def _change(request: HttpRequest, series: Series, intent: str) -> str:
    """Apply one posted change; returns the sentence that says it was done."""
    if intent == "add":
        actions.add_part(series, _article_id(request))
        return _("The article has been added to the series.")
    if intent == "remove":
        actions.remove_part(series, _article_id(request))
        return _("The article has been removed from the series.")
    if intent in ("up", "down", "move"):
        article_id = _article_id(request)
        current = actions.part_ids(series)
        actions.move_part(series, article_id, _position(request, current, article_id, intent))
        return _("The order has been saved.")
    raise actions.SeriesRefused(_("Unknown action."))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, pk: str) -> HttpResponse:
    series = owned(_user(request), int(pk))
    form = SeriesForm(initial={"name": series.name, "description": series.description})
    status = 200
    if request.method == "POST":
        intent = request.POST.get("intent", "")
        if intent == "delete":
            actions.delete_series(series)
            messages.success(request, _("The series has been deleted; its articles remain."))
            return redirect("articles:my_series")
        if intent == "rename":
            form = SeriesForm(request.POST)
            if form.is_valid():
                actions.change_series(
                    series,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                )
                messages.success(request, _("Saved."))
                return redirect("articles:edit_series", pk=series.pk)
            status = 400
        else:
            try:
                done = _change(request, series, intent)
            except Refusal as refused:
                refusal.to_messages(request, refused)
                status = refused.status
            else:
                messages.success(request, done)
                return redirect("articles:edit_series", pk=series.pk)
    parts = list(actions.parts(series, request.user))
    return render(
        request,
        "articles/edit_series.html",
        {
            "series": series,
            "form": form,
            "parts": parts,
            "candidates": list(actions.candidates(series)) if len(parts) < SERIES_PARTS_MAX else [],
        },
        status=status,
    )


@require_safe
def page(request: HttpRequest, username: str, pk: str, slug: str | None = None) -> HttpResponse:
    """A series and its parts in order: public parts for everyone, every part for its
    writer and staff. A series with no public part is not found for others."""
    series = get_object_or_404(Series.objects.select_related("owner"), pk=int(pk))
    if series.owner.username != username or series.slug != slug:
        return redirect(series.get_absolute_url(), permanent=True)
    parts = list(actions.parts(series, request.user))
    sees_all = actions.may_see_all(request.user, series)
    if not parts and not sees_all:
        raise Http404(_("This series has no published article yet."))
    return render(
        request,
        "articles/series.html",
        {
            "series": series,
            "parts": parts,
            "sees_all": sees_all,
            "may_edit": actions.may_edit(request.user, series),
        },
    )
