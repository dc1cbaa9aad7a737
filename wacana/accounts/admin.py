from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wacana.accounts.forms import AdminLoginForm
from wacana.accounts.models import ApiToken, User
from wacana.accounts.roles import may_act_on, protected_from
from wacana.lib import pagecache
from wacana.lib.text import XmlSafeInput

# The admin signs in through the same limits and lockout as /masuk and the API.
admin.site.login_form = AdminLoginForm


class ApiTokenInline(admin.TabularInline[ApiToken, User]):
    model = ApiToken
    fields = ("hint", "name", "created_at", "last_used_at", "expires_at")
    readonly_fields = ("hint", "name", "created_at", "last_used_at", "expires_at")
    extra = 0
    can_delete = True

    def has_add_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # A key is shown once to its owner; staff cannot mint tokens for someone else.
        return False


class AddUserForm(XmlSafeInput, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("username", "email", "display_name")


class ChangeUserForm(XmlSafeInput, UserChangeForm[User]):
    """Display name, tagline and bio lose what XML forbids, as on the profile page."""


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    form = ChangeUserForm
    list_display = ("username", "display_name", "email", "verified", "is_active", "date_joined")
    list_filter = ("verified", "is_active", "is_staff", "groups")
    search_fields = ("username", "display_name", "email")
    ordering = ("-date_joined",)
    readonly_fields = (
        "article_count",
        "follower_count",
        "following_count",
        "last_login",
        "date_joined",
        "email_unconfirmed",
    )
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Profile"),
            {"fields": ("display_name", "tagline", "bio", "avatar", "avatar_small", "verified")},
        ),
        (_("Contact"), {"fields": ("email", "email_unconfirmed")}),
        (_("Counts"), {"fields": ("article_count", "follower_count", "following_count")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "display_name", "password1", "password2"),
            },
        ),
    )
    add_form = AddUserForm
    inlines = [ApiTokenInline]

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            # A writer's name, picture or badge is on kept pages: made afresh at once, as
            # when they change it themselves (accounts.actions.update_profile).
            pagecache.forget()

    actions = ["mark_verified", "remove_verification"]

    # Staff may not change or delete the account of someone above them (an
    # administrator's for a moderator, a superuser's for an administrator).
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_act_on(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_act_on(request.user, obj))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        super().delete_queryset(request, queryset.exclude(protected_from(request.user)))

    @admin.action(description=_("Mark verified"), permissions=["change"])
    def mark_verified(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        queryset = queryset.exclude(protected_from(request.user))
        changed = queryset.filter(verified=False).update(verified=True)
        self.message_user(request, _("%(count)d writers marked verified.") % {"count": changed})

    @admin.action(description=_("Remove verification"), permissions=["change"])
    def remove_verification(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        queryset = queryset.exclude(protected_from(request.user))
        changed = queryset.filter(verified=True).update(verified=False)
        self.message_user(
            request, _("Verification removed from %(count)d writers.") % {"count": changed}
        )
