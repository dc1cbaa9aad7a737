"""Validation for accounts, shared by the HTML pages and the JSON API."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wacana.accounts import actions
from wacana.accounts.limits import TooManyAttempts
from wacana.accounts.models import BIO_MAX, DISPLAY_NAME_MAX, TAGLINE_MAX, USERNAME_TAKEN, User
from wacana.accounts.signin import WRONG_CREDENTIALS, SignInRefused, sign_in
from wacana.accounts.validators import (
    EMPTY_DISPLAY_NAME,
    PASSWORD_MAX,
    USERNAME_MAX,
    WRONG_PASSWORD,
    normalize_email_address,
)
from wacana.lib.text import XmlSafeInput


class SignupForm(XmlSafeInput, forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=USERNAME_MAX,
        help_text=_(
            "3–30 lowercase letters, digits, underscores or dots."
            " It becomes the address of your profile."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=DISPLAY_NAME_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("Never shown to others; used only for your account, such as password reset."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=PASSWORD_MAX,
        help_text=_("At least 8 characters, not too common and not only digits."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self) -> str:
        username = actions.clean_username(self.cleaned_data["username"])
        if User.objects.by_username(username).exists():
            raise ValidationError(USERNAME_TAKEN, code="taken")
        return username

    def clean_email(self) -> str:
        # Whether the address is registered is not said here (nor anywhere in the
        # answer): create_account tells the address's owner instead.
        return normalize_email_address(self.cleaned_data["email"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password:
            candidate = User(
                username=data.get("username", ""),
                email=data.get("email", ""),
                display_name=data.get("display_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data

    def only_conflicts(self) -> bool:
        """True when the data is fine except that the username is taken (usernames are
        public: every profile shows one, so saying so reveals nothing)."""
        codes = {error.code for errors in self.errors.as_data().values() for error in errors}
        return codes == {"taken"}


class ProfileForm(XmlSafeInput, forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["display_name", "tagline", "bio"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5, "maxlength": BIO_MAX}),
            "tagline": forms.TextInput(attrs={"maxlength": TAGLINE_MAX}),
        }
        help_texts = {
            "tagline": _("For example: Guru SD di Kupang, or Penikmat kopi dan sejarah."),
            "bio": _("Plain text, at most %(max)d characters.") % {"max": BIO_MAX},
        }

    def clean_display_name(self) -> str:
        value: str = self.cleaned_data["display_name"].strip()
        if not value:
            raise ValidationError(EMPTY_DISPLAY_NAME, code="required")
        return value

    def clean_bio(self) -> str:
        # Line endings are normalised so the length a person sees is the length we store.
        bio: str = self.cleaned_data["bio"]
        return bio.replace("\r\n", "\n").strip()


class AvatarForm(forms.Form):
    avatar = forms.FileField(
        label=_("Profile photo"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=PASSWORD_MAX,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(WRONG_PASSWORD, code="wrong")
        return password


class SignInMixin:
    """Django's sign-in forms, checked by accounts.signin.sign_in (limits, lockout, timing).

    When the client may not try now the form gets the limit's message as its error and
    `limited` holds the refusal, so the view can answer 429 with Retry-After.
    """

    request: Any
    cleaned_data: dict[str, Any]
    user_cache: Any
    # AuthenticationForm's, which the forms using this mixin are.
    get_invalid_login_error: Callable[[], ValidationError]
    confirm_login_allowed: Callable[[Any], None]
    limited: TooManyAttempts | None = None

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = sign_in(self.request, username, password)
            except TooManyAttempts as limited:
                self.limited = limited
                raise ValidationError(limited.message, code="too_many") from None
            except SignInRefused:
                raise self.get_invalid_login_error() from None
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class LoginForm(SignInMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": WRONG_CREDENTIALS,
    }


class AdminLoginForm(SignInMixin, AdminAuthenticationForm):
    pass
