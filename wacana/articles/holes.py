"""The article page's reader holes (see wacana/lib/holes.py): what differs for a
signed-in reader on the page kept for anonymous readers, rendered for them.

A plain reader (not the writer, nor an editor or moderator, reading page by page) gets
the kept article page with these parts filled: the page's second stylesheet, "Report"
beside the facts, the reading preference, the ratings and save button (articles), the
writer's follow button (accounts), the report links (moderation) and the comment thread
(discussion). The parts that need the article load it once per request (`article_for`),
as the page rendered whole would.
"""

from typing import Any
from weakref import WeakKeyDictionary

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.accounts.roles import is_editor, is_moderator
from wacana.articles import actions
from wacana.articles.access import Stamp
from wacana.articles.models import Article, RatingKind, Status
from wacana.lib import holes
from wacana.lib.inline_css import inline_css

_articles: "WeakKeyDictionary[HttpRequest, Article]" = WeakKeyDictionary()
_saved: "WeakKeyDictionary[HttpRequest, bool]" = WeakKeyDictionary()


def fits(user: Any, stamp: Stamp) -> bool:
    """Whether this reader's article page is the kept one with its holes filled: anyone
    but the writer, editors and moderators (who see tools and hidden comments) and a
    reader who reads every page at once (another page)."""
    if not user.is_authenticated:
        return True
    return (
        user.pk != stamp.author_id
        and not getattr(user, "read_all_pages", False)
        and not is_editor(user)
        and not is_moderator(user)
    )


# What the holes read of the article (its ratings, thread and addresses): loading only
# these, without the category and rubric, costs a third of the page's own query.
_HOLES_READ = ("id", "status", "author_id", "slug", "rating_counts", "comment_count")


def remember(request: HttpRequest, pk: int, stamp: Stamp) -> None:
    """The article as its stamp read it a moment ago (public, so anyone may read it):
    what the holes read of it, with no query of their own. The other columns are left
    deferred, so a hole that read one would cost a query, never show a blank."""
    known = {
        "id": pk,
        "status": Status.PUBLISHED,
        "author_id": stamp.author_id,
        "slug": stamp.slug,
        "rating_counts": stamp.rating_counts,
        "comment_count": stamp.comment_count,
    }
    # from_db takes the values in the model's order of fields.
    names = [f.attname for f in Article._meta.concrete_fields if f.attname in known]
    article = Article.from_db(None, names, [known[name] for name in names])
    article.author = User.from_db(None, ["id", "username"], [stamp.author_id, stamp.username])
    _articles[request] = article


def article_for(request: HttpRequest, pk: int) -> Article:
    """The article, as far as the holes read it, once per request (404 if it is no
    longer readable: hidden since the page was kept)."""
    found = _articles.get(request)
    if found is None or found.pk != pk:
        found = get_object_or_404(
            Article.objects.visible_to(request.user)
            .select_related("author")
            .only(*_HOLES_READ, "author__username"),
            pk=pk,
        )
        _articles[request] = found
    return found


def saved(request: HttpRequest) -> bool:
    """Whether the reader_actions hole found the article in this reader's reading list."""
    return _saved.get(request, False)


def reader_actions_context(
    request: HttpRequest, article: Article, *, follows: bool = True
) -> dict[str, Any]:
    """Ratings, the save button and (with `follows`) the author card's follow state, for
    signed-in readers only: anonymous readers cost no query here; signed-in readers one
    (their rating and saved or not) and one more for following the writer or not."""
    user = request.user if isinstance(request.user, User) else None
    mine, is_saved = actions.rating_and_saved(user, article) if user else (None, False)
    if not article.is_public:
        mine = None
    counts = article.rating_counts or {}
    return {
        "ratings": [
            {"code": code, "label": label, "count": counts.get(code, 0), "pressed": code == mine}
            for code, label in RatingKind.choices
        ],
        "my_rating": mine,
        "may_rate": bool(user and article.is_public and article.author_id != user.pk),
        "is_saved": is_saved,
        # None: no follow button in the card (anonymous readers, and the writer).
        "follows_author": (
            account_actions.is_following(user, article.author)
            if follows and user and user.pk != article.author_id
            else None
        ),
    }


def signed_in_css(request: HttpRequest, args: dict[str, str]) -> str:
    return str(inline_css("css/pages.css"))


# Each part below is rendered once per process for all it shows (holes.once_template):
# the article's key and writer, the reader's own state and the page's address.


def top_report(request: HttpRequest, args: dict[str, str]) -> str:
    # All the part reads of the article: its key and its writer's.
    article = Article(pk=int(args["pk"]), author_id=int(args["author"]))
    own = request.user.pk == article.author_id
    key = ("top_report", article.pk, article.author_id, own)
    return holes.once_template(request, key, "articles/top_report.html", {"article": article})


def reading_preference(request: HttpRequest, args: dict[str, str]) -> str:
    user = request.user
    key = ("reading_preference", getattr(user, "read_all_pages", False), request.get_full_path())
    return holes.once_template(request, key, "articles/reading_preference.html", {})


def reader_actions(request: HttpRequest, args: dict[str, str]) -> str:
    article = article_for(request, int(args["pk"]))
    values = reader_actions_context(request, article, follows=False)
    _saved[request] = values["is_saved"]
    key = (
        "reader_actions",
        article.pk,
        values["is_saved"],
        values["may_rate"],
        values["my_rating"],
        tuple((item["code"], item["count"]) for item in values["ratings"]),
        request.get_full_path(),
    )
    return holes.once_template(
        request, key, "articles/reader_actions.html", {"article": article, **values}
    )


def view_beacon(request: HttpRequest, args: dict[str, str]) -> str:
    return ""  # a signed-in reader's view is counted by the page's own request


def provide() -> None:
    holes.provide("signed_in_css", signed_in_css)
    holes.provide("top_report", top_report)
    holes.provide("reading_preference", reading_preference)
    holes.provide("reader_actions", reader_actions)
    holes.provide("view_beacon", view_beacon)
