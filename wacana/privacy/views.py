import json

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wacana.accounts.forms import DeleteAccountForm
from wacana.accounts.models import User
from wacana.lib import offline
from wacana.privacy import actions


def _signed_in_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    if request.GET.get("unduh"):
        data = actions.export_personal_data(
            _signed_in_user(request), build_url=request.build_absolute_uri
        )
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="wacana-data-saya.json"'
        return response
    return render(request, "privacy/export.html")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    form = DeleteAccountForm(user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.delete_account(user)
        auth_logout(request)
        messages.success(request, _("Your account and its data have been deleted. Goodbye."))
        response = redirect("discovery:home")
        # As at signing out: the browser forgets the pages it kept of this person.
        response["Clear-Site-Data"] = offline.CLEAR_SITE_DATA
        return response
    return render(request, "privacy/delete.html", {"form": form})
