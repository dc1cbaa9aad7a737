"""The search form, shared by the /cari page and GET /api/v1/search."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wacana.accounts.models import NO_SUCH_WRITER, User
from wacana.accounts.validators import is_username_shaped
from wacana.articles.models import Category
from wacana.discovery import search

# Dates outside this range can't be a published date and would overflow once shifted
# from Asia/Jakarta to UTC at the ends of the calendar.
FIRST_YEAR, LAST_YEAR = 2000, 9998


CATEGORY_CHOICES_SECONDS = 300


def category_choices() -> list[Any]:
    """Every rubric ("all of it") with its sub-categories, for a <select> with groups.

    Kept in the cache for five minutes: categories change a few times a year (in the
    admin), and every search would otherwise query and build them again."""
    key = f"search:categories:{translation.get_language()}"
    found = cache.get(key)
    if found is None:
        found = _category_choices()
        cache.set(key, found, CATEGORY_CHOICES_SECONDS)
    return list(found)


def _category_choices() -> list[Any]:
    groups: dict[int, tuple[str, list[tuple[str, str]]]] = {}
    for category in Category.objects.select_related("parent").order_by(
        "parent__position", "parent__name", "position", "name"
    ):
        rubric = category.parent or category
        group = groups.setdefault(rubric.pk, (rubric.name, []))
        if category.parent is None:
            group[1].insert(
                0, (category.slug, str(_("All of %(rubric)s") % {"rubric": rubric.name}))
            )
        else:
            group[1].append((category.slug, category.name))
    return [("", str(_("All categories"))), *groups.values()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    author = forms.CharField(
        label=_("Writer's username"), required=False, max_length=30, strip=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = category_choices()
        category: Any = self.fields["category"]
        category.choices = choices
        # The page writes the <select> itself: Django's widget renders a template per
        # option, which was a fifth of the page's time.
        self.category_groups = choices[1:]
        # "from" and "to" are the public parameter names; Python can't declare "from".
        date_input = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["from"] = forms.DateField(
            label=_("Published from"), required=False, widget=date_input, input_formats=["%Y-%m-%d"]
        )
        self.fields["to"] = forms.DateField(
            label=_("Published until"),
            required=False,
            widget=date_input,
            input_formats=["%Y-%m-%d"],
        )
        self.terms: list[str] = []
        self.found_category: Category | None = None
        self.author_id: int | None = None

    def clean_q(self) -> str:
        q: str = self.cleaned_data["q"]
        try:
            self.terms = search.query_stems(q)
        except search.QueryTooLong:
            raise forms.ValidationError(
                _(
                    "Search for at most %(words)d words in %(chars)d characters; "
                    "a few telling words find the most."
                )
                % {"words": search.MAX_TERMS, "chars": search.MAX_QUERY_CHARS},
                code="too_long",
            ) from None
        return q

    def clean_category(self) -> str:
        slug: str = self.cleaned_data["category"]
        if slug:
            self.found_category = Category.objects.filter(slug=slug).first()
        return slug

    def clean_author(self) -> str:
        username: str = self.cleaned_data["author"].lower()
        if not username:
            return username
        found = (
            User.objects.active().filter(username=username).values_list("pk", flat=True).first()
            if is_username_shaped(username)
            else None
        )
        if found is None:
            raise forms.ValidationError(NO_SUCH_WRITER, code="unknown")
        self.author_id = found
        return username

    def _check_year(self, name: str) -> None:
        value: date | None = self.cleaned_data.get(name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.add_error(
                name,
                _("Choose a date between the years %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        self._check_year("from")
        self._check_year("to")
        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        if start and end and start > end and "to" not in self.errors:
            self.add_error("to", _("The end date comes before the start date."))
        return data

    def filters(self) -> search.Filters:
        """The valid form's filters, dates as Asia/Jakarta days."""

        def midnight(day: date) -> datetime:
            return timezone.make_aware(datetime.combine(day, time.min))

        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        return search.Filters(
            category=self.found_category,
            author_id=self.author_id,
            since=midnight(start) if start else None,
            until=midnight(end + timedelta(days=1)) if end else None,
        )

    @property
    def filters_given(self) -> bool:
        """Whether any filter was sent, valid or not (the page then shows them unfolded)."""
        return any(self.data.get(name) for name in ("category", "author", "from", "to"))

    @property
    def has_filters(self) -> bool:
        return any(self.cleaned_data.get(name) for name in ("category", "author", "from", "to"))
