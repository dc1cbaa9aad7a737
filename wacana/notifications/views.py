from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wacana.accounts.models import User
from wacana.lib import cursor
from wacana.notifications import actions
from wacana.notifications.models import Notification, switchable_kinds


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.filter(recipient=_user(request)).select_related("actor")
    try:
        page = cursor.paginate(mine, request.GET.get("cursor"), time_field="created_at")
    except cursor.BadCursor:
        raise Http404 from None
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def read(request: HttpRequest) -> HttpResponse:
    """Mark one (id=...) or all read; opening a notification's link marks it read too."""
    user = _user(request)
    raw = request.POST.get("id", "")
    ids = [int(raw)] if raw.isascii() and raw.isdigit() and len(raw) < 19 else None
    if raw and ids is None:
        raise Http404
    actions.mark_read(user, ids)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings(request: HttpRequest) -> HttpResponse:
    """Which kinds of notification the person wants (in-site): a checkbox per kind, on
    when ticked. Moderation decisions are always told, so they are not listed."""
    user = _user(request)
    kinds = switchable_kinds()
    if request.method == "POST":
        wanted = set(request.POST.getlist("on"))
        unknown = wanted - {value for value, _label in kinds}
        if unknown:
            return render(
                request,
                "notifications/settings.html",
                {"kinds": kinds, "off": actions.switched_off(user), "error": True},
                status=400,
            )
        actions.set_switched_off(user, {value for value, _label in kinds} - wanted)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(
        request, "notifications/settings.html", {"kinds": kinds, "off": actions.switched_off(user)}
    )
