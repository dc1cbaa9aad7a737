from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext, ngettext

from wacana.accounts.roles import is_moderator

register = template.Library()


@register.simple_tag(takes_context=True)
def report_href(context: Any, target: str, target_id: Any) -> str:
    """The report page for signed-in people; the sign-in page (then back) for others."""
    url = reverse("moderation:report") + "?" + urlencode({"target": target, "id": target_id})
    user = context.get("user")
    if user is not None and user.is_authenticated:
        return url
    return reverse(settings.LOGIN_URL) + "?" + urlencode({"next": url})


@register.simple_tag(takes_context=True)
def report_script(context: Any) -> str:
    """The dialog's script, once per page however many report links it has."""
    request = context.get("request")
    return script_once(request) if request is not None else ""


def script_once(request: Any) -> str:
    """The dialog's script the first time a response asks for it, then nothing."""
    if getattr(request, "_wacana_report_script", False):
        return ""
    request._wacana_report_script = True
    return script_tag()


def script_tag() -> str:
    return format_html('<script src="{}" defer></script>', static("js/report.js"))


@register.filter
def duration(value: timedelta | None) -> str:
    """'3 hours 20 minutes', '2 days 4 hours', '5 minutes'."""
    if value is None:
        return "–"
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 60 * 24)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if minutes and not days:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
    if not parts:
        return ngettext("%(n)d minute", "%(n)d minutes", 0) % {"n": 0}
    return " ".join(parts)


@register.filter
def moderator(user: Any) -> bool:
    """{% if user|moderator %}: the one role check, for templates."""
    return is_moderator(user)


@register.filter
def ago(value: Any) -> str:
    """ "baru saja" under a minute (timesince would say "0 menit"), else "5 menit lalu"."""

    if value is None:
        return ""
    if timezone.now() - value < timedelta(minutes=1):
        return gettext("just now")
    return gettext("%(age)s ago") % {"age": timesince(value)}
