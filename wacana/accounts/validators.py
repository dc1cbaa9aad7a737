"""The username rules, in one place for forms, the API and the admin."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

USERNAME_MIN = 3
USERNAME_MAX = 30
_USERNAME_RE = re.compile(r"^[a-z0-9_.]+$")
# The shape the API's document gives a new username (capitals are folded to lower case,
# which validate_username then checks); no dot first, last, or twice in a row.
USERNAME_PATTERN = r"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$"
# Django's MinimumLengthValidator (settings) and the forms' password fields.
PASSWORD_MIN = 8
PASSWORD_MAX = 128

# Names that are, or may become, site routes or that would mislead readers.
RESERVED_USERNAMES = frozenset(
    """
    nilai pengikut ikuti banding laporkan bacaan dasbor populer terbaru utama
    daftar-bacaan rss.xml atom.xml manifest.webmanifest sw.js offline hemat-data hemat
    about abuse account accounts admin administrator akun api app apps artikel assets
    auth bahasa bantuan beranda blog cari dashboard daftar docs editor email feed feeds
    favicon.ico healthz help home i18n kategori keluar kebijakan ketentuan komentar komponen kontak
    laporan login logout masuk media mengikuti metrics moderasi moderator moderation notifikasi
    null pages pedoman pengaturan peringkat pilihan poin privacy privasi profil robots.txt rss root
    rubrik search security settings signup simpan sitemap sitemap.xml staff static
    support system tag tags tentang terms topik transparansi tulis undefined user users
    wacana webmaster www
    """.split()  # noqa: SIM905 - easier to read and extend as a block
)

INVALID_EMAIL = _("Enter a valid email address.")
EMPTY_DISPLAY_NAME = _("A display name cannot be empty.")
WRONG_PASSWORD = _("The password is not correct.")


def normalize_username(value: str) -> str:
    """The stored spelling of a new username: a sign-up refuses anything else."""
    return value.strip().lower()


def normalize_login_name(value: str) -> str:
    """The one form of a username typed to sign in, and the key of every per-account limit.

    NFKC folds look-alikes (full-width U+FF4B is "k"), then case folding, as Django's own
    sign-in form does: a limit keyed on anything else could be sidestepped by a spelling
    that still reaches the same account.
    """
    return unicodedata.normalize("NFKC", value).strip().casefold()


def validate_username(value: str) -> None:
    """Raise ValidationError unless `value` (already normalised) is an allowed username."""
    if len(value) < USERNAME_MIN or len(value) > USERNAME_MAX:
        raise ValidationError(
            _("A username must have %(min)d to %(max)d characters."),
            code="length",
            params={"min": USERNAME_MIN, "max": USERNAME_MAX},
        )
    if not _USERNAME_RE.match(value):
        raise ValidationError(
            _("Use only lowercase letters a–z, digits, underscores and dots."),
            code="invalid",
        )
    if value.startswith(".") or value.endswith(".") or ".." in value:
        raise ValidationError(
            _("A username cannot start or end with a dot, or have two dots in a row."),
            code="dots",
        )
    if value in RESERVED_USERNAMES:
        raise ValidationError(
            _("This username is reserved. Please choose another."), code="reserved"
        )


def is_username_shaped(value: str) -> bool:
    """Cheap pre-check before a lookup: could this be anyone's username at all?"""
    return USERNAME_MIN <= len(value) <= USERNAME_MAX and bool(_USERNAME_RE.match(value))


def normalize_email_address(value: str) -> str:
    """One spelling per mailbox, so look-alike addresses cannot open a second account.

    Letters that look alike (full-width forms) are folded by NFKC, the domain is put in
    its ASCII (IDNA) form and lower case, and invisible characters are refused.
    """
    email = unicodedata.normalize("NFKC", value.strip())
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs") for ch in email):
        raise ValidationError(
            _("The email address contains invisible or unusual characters."), code="invalid"
        )
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(INVALID_EMAIL, code="invalid")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValidationError(INVALID_EMAIL, code="invalid") from None
    return f"{local}@{ascii_domain}"
