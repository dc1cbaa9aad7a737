"""Validation for writing articles, shared by the "Tulis" page and the JSON API."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wacana.articles.actions import NotRespondable, respondable
from wacana.articles.models import (
    BODY_MAX,
    CAPTION_MAX,
    PAGES_MAX,
    SERIES_DESCRIPTION_MAX,
    SERIES_NAME_MAX,
    SOURCE_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    Article,
    Category,
)
from wacana.lib.markdown import body_problem, split_pages
from wacana.lib.text import XmlSafeInput

NO_SUCH_CATEGORY = _("This category does not exist.")


def category_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Sub-categories grouped by rubric, for a <select> with <optgroup>s."""
    rubrics: dict[int, tuple[str, list[tuple[str, str]]]] = {}
    for category in Category.objects.select_related("parent").order_by(
        "parent__position", "parent__name", "position", "name"
    ):
        if category.parent is None:
            rubrics.setdefault(category.pk, (category.name, []))
        else:
            group = rubrics.setdefault(category.parent.pk, (category.parent.name, []))
            group[1].append((category.slug, category.name))
    return [("", [("", str(_("Choose a category")))])] + [
        group for group in rubrics.values() if group[1]
    ]


class TagsField(forms.Field):
    """Tags as a list (API) or comma-separated text (the page)."""

    default_error_messages = {"invalid": _("Tags must be a list of words.")}

    def to_python(self, value: Any) -> list[dict[str, str]]:
        if value in (None, ""):
            return []
        if isinstance(value, str):
            names = value.split(",")
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            names = list(value)
        else:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        tags: dict[str, dict[str, str]] = {}
        for raw in names:
            name = " ".join(raw.split()).lstrip("#")
            if not name:
                continue
            if len(name) > TAG_MAX:
                raise ValidationError(
                    _("A tag has at most %(max)d characters: “%(tag)s…”."),
                    params={"max": TAG_MAX, "tag": name[:TAG_MAX]},
                    code="too_long",
                )
            slug = slugify(name)[:40]
            if not slug:
                raise ValidationError(
                    _("“%(tag)s” is not a usable tag: use letters or digits."),
                    params={"tag": name},
                    code="invalid",
                )
            tags.setdefault(slug, {"slug": slug, "name": name.lower()})
        if len(tags) > TAGS_MAX:
            raise ValidationError(
                _("At most %(max)d tags."), params={"max": TAGS_MAX}, code="too_many"
            )
        return list(tags.values())


class ArticleForm(XmlSafeInput, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    # A CharField with a <select>, so an unknown slug and a rubric get our own messages.
    category = forms.CharField(label=_("Category"), max_length=60, widget=forms.Select)
    tags = TagsField(
        label=_("Tags"),
        required=False,
        help_text=_("Up to 10, separated by commas, e.g. pendidikan, ntt."),
    )
    body = forms.CharField(
        label=_("Article"),
        max_length=BODY_MAX,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("Markdown. A line holding only <!--nextpage--> starts a new page."),
    )
    image_caption = forms.CharField(
        label=_("Image caption"), max_length=CAPTION_MAX, required=False
    )
    image_source = forms.CharField(
        label=_("Image source"),
        max_length=SOURCE_MAX,
        required=False,
        help_text=_("Who made the picture, e.g. Dokumentasi pribadi."),
    )

    # The article a new one responds to ("Tanggapan"): kept in a hidden field on the
    # writing page, `response_to` in the API. Only a new article takes it.
    response_to = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["category"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = category_choices()

    def clean_category(self) -> Category:
        slug = self.cleaned_data["category"]
        category = Category.objects.select_related("parent").filter(slug=slug).first()
        if category is None:
            raise ValidationError(NO_SUCH_CATEGORY, code="invalid")
        if category.is_rubric:
            raise ValidationError(
                _("Choose a sub-category of %(rubric)s."), params={"rubric": category.name}
            )
        return category

    def clean_body(self) -> str:
        return checked_body(self.cleaned_data["body"])

    def clean_response_to(self) -> Article | None:
        article_id = self.cleaned_data.get("response_to")
        if article_id is None:
            return None
        try:
            return respondable(article_id)
        except NotRespondable as refused:
            raise ValidationError(refused.message, code="not_respondable") from None


class SeriesForm(XmlSafeInput, forms.Form):
    name = forms.CharField(label=_("Series name"), max_length=SERIES_NAME_MAX)
    description = forms.CharField(
        label=_("Description"),
        max_length=SERIES_DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: a sentence or two on what the series is about."),
    )


def checked_body(body: str) -> str:
    """A body that renders in bounded time and fits the page limit, else ValidationError
    (the writing page, the API and the admin)."""
    body = body.replace("\r\n", "\n")
    if body_problem(body):
        raise ValidationError(
            _(
                "This article has too much formatting to display: too many lines, links or "
                "marks such as * _ [ ]. Simplify it, or split it into several articles."
            ),
            code="too_much_markup",
        )
    pages = len(split_pages(body))
    if pages > PAGES_MAX:
        raise ValidationError(
            ngettext(
                "An article has at most %(max)d page; this one has %(count)d.",
                "An article has at most %(max)d pages; this one has %(count)d.",
                PAGES_MAX,
            )
            % {"max": PAGES_MAX, "count": pages},
            code="too_many_pages",
        )
    return body


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
