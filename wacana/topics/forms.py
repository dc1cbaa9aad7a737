"""Validation of a topic, shared by the editors' page and the JSON API."""

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wacana.lib.text import XmlSafeInput
from wacana.topics.models import DESCRIPTION_MAX, SLUG_MAX, TITLE_MAX, Topic

JAKARTA = ZoneInfo("Asia/Jakarta")
LONGEST = timedelta(days=366)
TIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _time_field(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=TIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Enter a date and time, e.g. 2027-01-31 08:00.")},
    )


def _jakarta(when: datetime) -> datetime:
    # The field reads the time in the site's zone; editors are told it is Jakarta's.
    if not settings.USE_TZ:
        return when
    local = when.replace(tzinfo=None).replace(tzinfo=JAKARTA)
    try:
        local.astimezone(UTC)  # stored in UTC: near year 1 it falls before year 1
    except OverflowError:
        raise ValidationError(_("This date is out of range.")) from None
    return local


class TopicForm(XmlSafeInput, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    slug = forms.CharField(
        label=_("Address"),
        max_length=SLUG_MAX,
        required=False,
        help_text=_(
            "Lowercase letters, digits and hyphens; left empty, it is made from the title."
        ),
    )
    description = forms.CharField(
        label=_("Short description"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    opens_at = _time_field(_("Opens (Jakarta time, WIB)"))
    closes_at = _time_field(_("Closes (Jakarta time, WIB)"))

    def __init__(self, *args: Any, instance: Topic | None = None, **kwargs: Any) -> None:
        self.instance = instance
        if instance is not None and "data" not in kwargs and not args:
            kwargs["initial"] = {
                "title": instance.title,
                "slug": instance.slug,
                "description": instance.description,
                "opens_at": instance.opens_at.astimezone(JAKARTA).replace(tzinfo=None),
                "closes_at": instance.closes_at.astimezone(JAKARTA).replace(tzinfo=None),
            }
        super().__init__(*args, **kwargs)

    def clean_title(self) -> str:
        title = str(self.cleaned_data["title"]).strip()
        if not title:
            raise ValidationError(_("Give the topic a title."))
        return title

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data.get("slug") or "").strip().lower()
        if not slug:
            slug = slugify(str(self.data.get("title", "")))[:SLUG_MAX].strip("-")
            if not slug:
                raise ValidationError(_("Choose an address of letters and digits."))
        elif slugify(slug) != slug or slug.startswith("-") or slug.endswith("-"):
            raise ValidationError(_("Use only lowercase letters, digits and hyphens."))
        taken = Topic.objects.filter(slug=slug)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Another topic already has this address."))
        return slug

    def clean_description(self) -> str:
        text = str(self.cleaned_data["description"]).strip()
        if not text:
            raise ValidationError(_("Describe the topic in a sentence or two."))
        return text

    def clean_opens_at(self) -> datetime:
        return _jakarta(self.cleaned_data["opens_at"])

    def clean_closes_at(self) -> datetime:
        return _jakarta(self.cleaned_data["closes_at"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes:
            if closes <= opens:
                self.add_error("closes_at", _("The topic must close after it opens."))
            elif closes - opens > LONGEST:
                self.add_error("closes_at", _("A topic stays open for at most a year."))
        return data


class PictureForm(forms.Form):
    picture = forms.FileField(label=_("Picture"))
