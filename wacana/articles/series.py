"""Series ("Seri", issue 16): a writer's named, ordered group of their own articles.

The same kind of module as actions.py, kept apart from it: the series pages, the API and
the admin call these functions, nothing else writes a series or an article's place in one.
Who may act is checked by the callers (`may_edit`, `may_see_all`), as for articles.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor, is_moderator
from wacana.articles.models import (
    SERIES_PARTS_MAX,
    SERIES_PER_WRITER_MAX,
    Article,
    ArticleQuerySet,
    Series,
    Status,
)
from wacana.lib import pagecache
from wacana.lib.refusal import Invalid, Refusal

SLUG_MAX = 80


class SeriesRefused(Invalid):
    """An order or a member a series cannot take, said at the field "articles"."""

    field = "articles"


class TooManySeries(Refusal):
    status = 409

    def default_message(self) -> str:
        return _("You have %(max)d series already, the most a writer can have.") % {
            "max": SERIES_PER_WRITER_MAX
        }


def _slug(name: str) -> str:
    slug = slugify(name)[:SLUG_MAX].strip("-")
    return slug or "seri"


# --- who may do what ---------------------------------------------------------------------


def may_edit(user: Any, series: Series) -> bool:
    """Only its writer changes a series (not staff: a series is the writer's own order)."""
    return bool(user.is_authenticated and series.owner_id == user.pk)


def may_see_all(user: Any, series: Series) -> bool:
    """Its writer and staff see every part (drafts and hidden ones too); others the
    public parts only."""
    return bool(
        user.is_authenticated
        and (series.owner_id == user.pk or is_moderator(user) or is_editor(user))
    )


# --- writes --------------------------------------------------------------------------


@transaction.atomic
def create_series(owner: User, name: str, description: str = "") -> Series:
    # Locking the writer's row serialises their creations, so the limit holds.
    User.objects.select_for_update().only("pk").get(pk=owner.pk)
    if Series.objects.filter(owner=owner).count() >= SERIES_PER_WRITER_MAX:
        raise TooManySeries
    series = Series.objects.create(
        owner=owner, name=name, slug=_slug(name), description=description
    )
    return series


@transaction.atomic
def change_series(
    series: Series, *, name: str | None = None, description: str | None = None
) -> Series:
    if name is not None:
        series.name, series.slug = name, _slug(name)
    if description is not None:
        series.description = description
    series.save(update_fields=["name", "slug", "description", "updated_at"])
    # Its name is on every public part's page: kept anonymous pages render afresh.
    pagecache.forget()
    return series


@transaction.atomic
def delete_series(series: Series) -> None:
    """The series goes; its articles stay, in no series."""
    Article.objects.filter(series=series).update(series=None, series_position=0)
    series.delete()
    pagecache.forget()


def _lock(series: Series) -> None:
    # The series row is locked, so two edits of one series cannot interleave: a change
    # reads the current order after the lock, and writes it before letting go.
    Series.objects.select_for_update().only("pk").get(pk=series.pk)


def _own_articles(series: Series, ids: list[int]) -> dict[int, Article]:
    found = {
        article.pk: article
        # Locked: a concurrent edit of another series cannot take the same article.
        for article in Article.objects.filter(pk__in=ids, author_id=series.owner_id)
        .select_for_update(of=("self",))
        .select_related("series")
        .only("pk", "title", "series_id", "series__name")
    }
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise SeriesRefused(_("Article %(id)d is not one of your articles.") % {"id": missing[0]})
    return found


@transaction.atomic
def set_parts(series: Series, ids: list[int]) -> list[int]:
    """Make `ids` (article ids, in order) the series' parts: those left out leave it,
    new ones join, every one takes its place (1, 2, ...). Each must be the writer's own
    article and in no other series. Returns the ids in order."""
    _lock(series)
    if len(ids) > SERIES_PARTS_MAX:
        raise SeriesRefused(_("A series has at most %(max)d articles.") % {"max": SERIES_PARTS_MAX})
    if len(set(ids)) != len(ids):
        raise SeriesRefused(_("Each article can be in the series only once."))
    found = _own_articles(series, ids)
    for pk in ids:
        article = found[pk]
        if article.series_id not in (None, series.pk):
            raise SeriesRefused(
                _("“%(title)s” is already in the series “%(series)s”; remove it there first.")
                % {"title": article.title, "series": article.series.name if article.series else ""}
            )
    Article.objects.filter(series=series).exclude(pk__in=ids).update(series=None, series_position=0)
    for position, pk in enumerate(ids, 1):
        found[pk].series_id, found[pk].series_position = series.pk, position
    # One statement for the whole order (save() is not called: placing an article in a
    # series is not an edit of it, so changed_at stays).
    Article.objects.bulk_update(list(found.values()), ["series", "series_position"])
    series.save(update_fields=["updated_at"])
    # Every part's "part 2 of 5" and previous/next move with the order.
    pagecache.forget()
    return ids


def part_ids(series: Series) -> list[int]:
    return list(
        Article.objects.filter(series=series)
        .order_by("series_position", "id")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def add_part(series: Series, article_id: int) -> list[int]:
    _lock(series)
    current = part_ids(series)
    if article_id in current:
        raise SeriesRefused(_("This article is in the series already."))
    return set_parts(series, [*current, article_id])


@transaction.atomic
def remove_part(series: Series, article_id: int) -> list[int]:
    _lock(series)
    current = part_ids(series)
    if article_id not in current:
        raise SeriesRefused(_("This article is not in the series."))
    return set_parts(series, [pk for pk in current if pk != article_id])


@transaction.atomic
def move_part(series: Series, article_id: int, position: int) -> list[int]:
    """Put the part at `position` (1 is first; beyond the end is last)."""
    _lock(series)
    current = part_ids(series)
    if article_id not in current:
        raise SeriesRefused(_("This article is not in the series."))
    current.remove(article_id)
    place = min(max(position, 1), len(current) + 1) - 1
    current.insert(place, article_id)
    return set_parts(series, current)


# --- reads ---------------------------------------------------------------------------


def series_of(owner: User) -> "QuerySet[Series]":
    """A writer's series, with how many parts each has (one query)."""
    return (
        Series.objects.filter(owner=owner)
        .select_related("owner")
        .annotate(
            part_count=Count("parts"),
            public_count=Count("parts", filter=Q(parts__status=Status.PUBLISHED)),
        )
    )


def parts(series: Series, viewer: Any) -> ArticleQuerySet:
    """The parts `viewer` may see, in the series' order, ready for cards."""
    rows = Article.objects.filter(series=series).for_listing()
    if not may_see_all(viewer, series):
        rows = rows.published()
    return rows.order_by("series_position", "id")


def candidates(series: Series) -> ArticleQuerySet:
    """The writer's articles that may join (in no series yet), the latest changed first."""
    return (
        Article.objects.filter(author_id=series.owner_id, series__isnull=True)
        .only("pk", "title", "status")
        .order_by("-changed_at", "-id")[:200]
    )


@dataclass(frozen=True)
class Step:
    title: str
    url: str


@dataclass(frozen=True)
class Navigation:
    """What a public article in a series shows: the series, its place among the public
    parts, and the public parts before and after it."""

    name: str
    url: str
    number: int
    total: int
    previous: Step | None
    next: Step | None


def navigation(article: Article) -> Navigation | None:
    """One query, for a public article in a series (None otherwise): drafts and hidden
    parts are skipped and not counted."""
    if article.series_id is None or not article.is_public:
        return None
    rows = list(
        Article.objects.published()
        .filter(series_id=article.series_id)
        .select_related("series", "author")
        .only(
            "pk",
            "title",
            "slug",
            "author__username",
            "series__name",
            "series__slug",
            "series__owner_id",
        )
        .order_by("series_position", "id")
    )
    index = next((i for i, row in enumerate(rows) if row.pk == article.pk), None)
    if index is None or rows[0].series is None:
        return None
    series = rows[0].series
    series.owner = article.author

    def step(i: int) -> Step | None:
        if 0 <= i < len(rows):
            return Step(rows[i].title, rows[i].get_absolute_url())
        return None

    return Navigation(
        name=series.name,
        url=series.get_absolute_url(),
        number=index + 1,
        total=len(rows),
        previous=step(index - 1),
        next=step(index + 1),
    )
