"""HTML pages for accounts: sign-up, sign-in, profile and the account settings."""

import copy
import functools
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wacana.accounts import actions
from wacana.accounts.backends import BACKEND
from wacana.accounts.forms import (
    AvatarForm,
    LoginForm,
    ProfileForm,
    SignupForm,
)
from wacana.accounts.limits import TooManyAttempts, check_password_reset_limit, check_signup_limit
from wacana.accounts.models import NO_SUCH_WRITER, Follow, User
from wacana.accounts.signin import remember_device
from wacana.accounts.validators import is_username_shaped
from wacana.lib import cursor, offline, pagecache, refusal
from wacana.lib.images import ImageRejected
from wacana.lib.uploads import TooManyUploads, count_upload


def _signed_in_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("discovery:home")
    status, limited = 200, None
    form = SignupForm(data=request.POST or None)
    if request.method == "POST":
        try:
            check_signup_limit(request)
        except TooManyAttempts as refused:
            refusal.to_form(form, refused)
            status, limited = refused.status, refused
        else:
            if form.is_valid():
                try:
                    user = actions.create_account(
                        **form.cleaned_data,
                        reset_url=request.build_absolute_uri(reverse("accounts:password_reset")),
                    )
                except actions.UsernameTaken as taken:
                    refusal.to_form(form, taken)
                else:
                    auth_login(request, user, backend=BACKEND)
                    messages.success(
                        request, _("Welcome to Wacana! Tell readers a little about yourself.")
                    )
                    return redirect("accounts:edit_profile")
    response = render(request, "accounts/signup.html", {"form": form}, status=status)
    return refusal.add_headers(response, limited) if limited else response


@require_http_methods(["GET", "HEAD", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url or "/")
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        redirect_to = HttpResponseRedirect(next_url or "/")
        remember_device(redirect_to, user)
        return redirect_to
    limited = form.limited
    response = render(
        request,
        "accounts/login.html",
        # The limit's message is also the form's error, shown once with the others.
        {"form": form, "next": next_url, "limit_message": limited.message if limited else ""},
        status=429 if limited else 200,
    )
    if limited:
        response["Retry-After"] = str(limited.retry_after)
    return response


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page, with the limits and device cookie of every sign-in path.

    The admin site's own view does the work; its form (AdminLoginForm, set on the site
    in admin.py) calls accounts.signin.sign_in. Here: the status and the cookie.
    """
    response = admin.site.login(request)
    if request.method != "POST":
        return response
    form = getattr(response, "context_data", None) or {}
    limited = getattr(form.get("form"), "limited", None)
    if limited:
        response.status_code = 429
        response["Retry-After"] = str(limited.retry_after)
    elif response.status_code == 302 and isinstance(request.user, User):
        remember_device(response, request.user)
    return response


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    response = redirect("discovery:home")
    # The browser forgets what it kept of this person: the HTTP cache, and the storage
    # (the service worker's pages for reading offline, the writing page's local copy of
    # a draft), so the next person on a shared phone finds none of it.
    response["Clear-Site-Data"] = offline.CLEAR_SITE_DATA
    return response


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    if username != username.lower():
        return redirect("accounts:profile", username=username.lower(), permanent=True)
    person = next(
        iter(User.objects.raw(_active_user_sql(connection.vendor), [username, True])), None
    )
    if person is None:
        raise Http404(str(NO_SUCH_WRITER))
    # Signed-in readers too (the owner as well): what differs for them is a hole
    # (accounts/holes.py: the account menu, and follow, report or edit).
    if pagecache.same_but_for_holes(request, ("cursor",)):
        parts = (pagecache.version(), pagecache.row_version(person))
        return pagecache.serve(request, parts, lambda: _render_profile(request, person))
    return _render_profile(request, person)


@functools.cache
def _active_user_sql(vendor: str) -> str:
    """The active account of a username (User.objects.active()), written once: on a kept
    profile, composing the ORM's query cost 0.5 ms of CPU, three times running this."""
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        field: Any = User._meta.get_field(name)
        return str(quote(field.column))

    columns = ", ".join(quote(field.column) for field in User._meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(User._meta.db_table)}"  # noqa: S608 - the model's names; values are parameters
        f" WHERE {column('username')} = %s AND {column('is_active')} = %s LIMIT 1"
    )


def _render_profile(request: HttpRequest, person: User) -> HttpResponse:
    # The articles app owns articles: the template asks its {% writer_articles %} tag for
    # the listing (accounts sits below articles and does not import it).
    viewer = request.user
    following = (
        isinstance(viewer, User) and viewer.pk != person.pk and actions.is_following(viewer, person)
    )
    return render(
        request,
        "accounts/profile.html",
        {"person": person, "is_following": following},
    )


def _person_or_404(username: str) -> User:
    person = (
        User.objects.active().filter(username=username).first()
        if is_username_shaped(username)
        else None
    )
    if person is None:
        raise Http404(str(NO_SUCH_WRITER))
    return person


def _follow_list(request: HttpRequest, username: str, *, followers: bool) -> HttpResponse:
    if username != username.lower():
        name = "accounts:followers" if followers else "accounts:following"
        return redirect(name, username=username.lower(), permanent=True)
    person = _person_or_404(username)
    if followers:
        rows = Follow.objects.filter(followed=person, follower__is_active=True)
        rows = rows.select_related("follower")
    else:
        rows = Follow.objects.filter(follower=person, followed__is_active=True)
        rows = rows.select_related("followed")
    try:
        page = cursor.paginate(rows, request.GET.get("cursor"), time_field="created_at")
    except cursor.BadCursor:
        raise Http404 from None
    people = [row.follower if followers else row.followed for row in page.items]
    return render(
        request,
        "accounts/follow_list.html",
        {"person": person, "people": people, "page": page, "followers": followers},
    )


@require_safe
def followers(request: HttpRequest, username: str) -> HttpResponse:
    return _follow_list(request, username, followers=True)


@require_safe
def following(request: HttpRequest, username: str) -> HttpResponse:
    return _follow_list(request, username, followers=False)


@login_required
@require_POST
def follow(request: HttpRequest, username: str) -> HttpResponse:
    person = _person_or_404(username)
    user = _signed_in_user(request)
    if request.POST.get("action") == "unfollow":
        if actions.unfollow(user, person):
            messages.success(request, _("You no longer follow %(name)s.") % {"name": person.name})
    else:
        try:
            if actions.follow(user, person):
                messages.success(request, _("You now follow %(name)s.") % {"name": person.name})
        except actions.CannotFollowSelf as refused:
            refusal.to_messages(request, refused)
    # Back where the button was (the author card on an article), else the profile.
    return redirect(_next_url(request) or person)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_profile(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    # A copy, so that invalid input never shows up in the header of the re-rendered page.
    form = ProfileForm(data=request.POST or None, instance=copy.copy(user))
    if request.method == "POST" and form.is_valid():
        actions.update_profile(
            user, **{name: form.cleaned_data[name] for name in ("display_name", "tagline", "bio")}
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:edit_profile")
    return render(
        request, "accounts/edit_profile.html", {"form": form, "avatar_form": AvatarForm()}
    )


@login_required
@require_POST
def avatar(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    if request.POST.get("remove"):
        actions.remove_avatar(user)
        messages.success(request, _("Your profile photo has been removed."))
        return redirect("accounts:edit_profile")
    avatar_form = AvatarForm(request.POST, request.FILES)
    if "avatar" in request.FILES:
        try:
            count_upload(user.pk)
        except TooManyUploads as limited:
            refusal.to_form(avatar_form, limited, field="avatar")
            response = render(
                request,
                "accounts/edit_profile.html",
                {"form": ProfileForm(instance=copy.copy(user)), "avatar_form": avatar_form},
                status=limited.status,
            )
            return refusal.add_headers(response, limited)
    if avatar_form.is_valid():
        try:
            actions.set_avatar(user, avatar_form.cleaned_data["avatar"])
        except ImageRejected as rejected:
            refusal.to_form(avatar_form, rejected, field="avatar")
        else:
            messages.success(request, _("Your profile photo has been updated."))
            return redirect("accounts:edit_profile")
    form = ProfileForm(instance=copy.copy(user))
    return render(
        request,
        "accounts/edit_profile.html",
        {"form": form, "avatar_form": avatar_form},
        status=400,
    )


@login_required
@require_safe
def tokens(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    rows = user.api_tokens.unexpired().order_by("-created_at", "-id")
    return render(request, "accounts/tokens.html", {"tokens": rows})


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    # Someone else's token is answered like one that does not exist.
    if not token_id < 2**63 or not actions.revoke_token_of(_signed_in_user(request), token_id):
        raise Http404(_("You have no API token with that number."))
    messages.success(request, _("The API token has been revoked."))
    return redirect("accounts:tokens")


@login_required
@require_POST
def revoke_all_tokens(request: HttpRequest) -> HttpResponse:
    count = actions.revoke_tokens_of(_signed_in_user(request))
    messages.success(
        request,
        ngettext(
            "%(count)d API token has been revoked.",
            "%(count)d API tokens have been revoked.",
            count,
        )
        % {"count": count},
    )
    return redirect("accounts:tokens")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    html_email_template_name = "accounts/email/password_reset.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            check_password_reset_limit(request)
        except TooManyAttempts as limited:
            refusal.to_messages(request, limited)
            response = self.render_to_response(self.get_context_data(), status=limited.status)
            return refusal.add_headers(response, limited)
        return super().post(request, *args, **kwargs)


password_reset = PasswordResetView.as_view()
