"""What a report or a decision is about: an article, a comment or an account.

One small wrapper gives the queue, the log, the notices and the actions the same view
of all three: who it belongs to, how it reads in a sentence, whether it is hidden, and
how to hide or restore it (through the owning app's actions).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.accounts.validators import is_username_shaped
from wacana.articles.actions import hide_article, restore_article
from wacana.articles.models import Article
from wacana.articles.models import Status as ArticleStatus
from wacana.discussion.actions import hide_comment, restore_comment
from wacana.discussion.models import Comment, CommentStatus
from wacana.lib.refusal import Refusal
from wacana.moderation.models import Target

ID_MAX = 2**63 - 1
CONTENT = (Target.ARTICLE, Target.COMMENT)


class NotFound(Refusal):
    """Nothing the caller may report has that id (missing, hidden, draft, suspended)."""

    status = 404

    def default_message(self) -> str:
        return _("There is nothing to report with this id.")


class OwnContent(Refusal):
    """People cannot report themselves or what they wrote."""

    status = 403

    def default_message(self) -> str:
        return _("You cannot report yourself or your own content.")


@dataclass
class Thing:
    type: str
    id: int
    obj: Any  # Article | Comment | User | None when it no longer exists

    @property
    def exists(self) -> bool:
        return self.obj is not None

    @property
    def owner(self) -> User | None:
        if self.obj is None:
            return None
        if self.type == Target.ACCOUNT:
            assert isinstance(self.obj, User)
            return self.obj
        owner = self.obj.author
        assert isinstance(owner, User)
        return owner

    @property
    def owner_id(self) -> int | None:
        if self.obj is None:
            return None
        return int(self.obj.pk if self.type == Target.ACCOUNT else self.obj.author_id)

    @property
    def type_label(self) -> str:
        return str(Target(self.type).label)

    @property
    def is_content(self) -> bool:
        return self.type in CONTENT

    @property
    def is_hidden(self) -> bool:
        """Hidden by moderation, or (an account) suspended."""
        if self.obj is None:
            return False
        if self.type == Target.ARTICLE:
            return bool(self.obj.status == ArticleStatus.HIDDEN)
        if self.type == Target.COMMENT:
            return bool(self.obj.status == CommentStatus.HIDDEN)
        return self.obj.suspended_at is not None

    @property
    def describe(self) -> str:
        """A short phrase for notices and the log: 'the article "…"'."""
        if self.obj is None:
            return _("a deleted item (%(type)s %(id)s)") % {"type": self.type, "id": self.id}
        if self.type == Target.ARTICLE:
            return _('your article "%(title)s"') % {"title": Truncator(self.obj.title).chars(70)}
        if self.type == Target.COMMENT:
            return _('your comment "%(text)s"') % {"text": Truncator(self.obj.body).chars(50)}
        return _("your account @%(username)s") % {"username": self.obj.username}

    @property
    def heading(self) -> str:
        """What moderators see as the item's name."""
        if self.obj is None:
            return _("Deleted (%(type)s %(id)s)") % {"type": self.type, "id": self.id}
        if self.type == Target.ARTICLE:
            return str(self.obj.title)
        if self.type == Target.COMMENT:
            return _("Comment on “%(title)s”") % {
                "title": Truncator(self.obj.article.title).chars(60)
            }
        return f"{self.obj.name} (@{self.obj.username})"

    @property
    def excerpt(self) -> str:
        if self.obj is None:
            return ""
        if self.type == Target.ARTICLE:
            return str(self.obj.excerpt)
        if self.type == Target.COMMENT:
            return Truncator(self.obj.body).chars(400)
        parts = [part for part in (self.obj.tagline, self.obj.bio) if part]
        return Truncator(" — ".join(parts)).chars(300)

    @property
    def url(self) -> str:
        if self.obj is None:
            return ""
        return str(self.obj.get_absolute_url())


def parse_id(raw: Any) -> int | None:
    """A positive 64-bit id from a query string or JSON value, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 19:
        value = int(raw)
    else:
        return None
    return value if 0 < value <= ID_MAX else None


def _article(pk: int, lock: bool) -> Article | None:
    found = Article.objects.select_related("author")
    if lock:
        found = found.select_for_update(of=("self",))
    return found.filter(pk=pk).first()


def _comment(pk: int, lock: bool) -> Comment | None:
    found = Comment.objects.select_related("author", "article__author")
    if lock:
        # The discussion app locks the article before its comments; so do we, or a hide
        # racing a comment write could deadlock.
        article_ids = Comment.objects.filter(pk=pk).values_list("article_id", flat=True)
        list(Article.objects.select_for_update().filter(pk__in=list(article_ids)).values("pk"))
        found = found.select_for_update(of=("self",))
    return found.filter(pk=pk).first()


def load(target_type: str, pk: int, *, lock: bool = False) -> Thing:
    """The item whatever its state (for moderators); obj is None when it is gone.

    With `lock` (inside a transaction) the row is locked, so two decisions or two
    reports reaching the auto-hide threshold at once act on it one after the other.
    """
    obj: Any
    if target_type == Target.ARTICLE:
        obj = _article(pk, lock)
    elif target_type == Target.COMMENT:
        obj = _comment(pk, lock)
    elif target_type == Target.ACCOUNT:
        users = User.objects.select_for_update() if lock else User.objects.all()
        obj = users.filter(pk=pk).first()
    else:
        raise NotFound
    return Thing(target_type, pk, obj)


def load_many(keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Thing]:
    """Many items in one query per kind (the queue, the log)."""
    wanted: dict[str, set[int]] = {}
    for target_type, pk in keys:
        wanted.setdefault(target_type, set()).add(pk)
    found: dict[tuple[str, int], Any] = {}
    if wanted.get(Target.ARTICLE):
        for article in Article.objects.select_related("author").filter(
            pk__in=wanted[Target.ARTICLE]
        ):
            found[(Target.ARTICLE, article.pk)] = article
    if wanted.get(Target.COMMENT):
        for comment in Comment.objects.select_related("author", "article__author").filter(
            pk__in=wanted[Target.COMMENT]
        ):
            found[(Target.COMMENT, comment.pk)] = comment
    if wanted.get(Target.ACCOUNT):
        for user in User.objects.filter(pk__in=wanted[Target.ACCOUNT]):
            found[(Target.ACCOUNT, user.pk)] = user
    return {
        (target_type, pk): Thing(target_type, pk, found.get((target_type, pk)))
        for target_type, ids in wanted.items()
        for pk in ids
    }


def reportable(
    reporter: User, target_type: str, pk: int | None = None, *, username: str = ""
) -> Thing:
    """What `reporter` may report: public content and active accounts, not their own.

    Accounts may be named by username instead of id. Hidden, draft, deleted and missing
    things are NotFound, exactly like their pages.
    """
    thing: Thing | None = None
    if target_type == Target.ACCOUNT and username:
        name = username.strip().lower()
        if is_username_shaped(name):
            user = User.objects.active().filter(username=name).first()
            if user is not None:
                thing = Thing(Target.ACCOUNT, user.pk, user)
    elif pk is not None and 0 < pk <= ID_MAX and target_type in Target.values:
        thing = load(target_type, pk)
    if thing is None or not _is_public(thing):
        raise NotFound
    if thing.owner_id == reporter.pk:
        raise OwnContent
    return thing


def _is_public(thing: Thing) -> bool:
    obj = thing.obj
    if obj is None:
        return False
    if thing.type == Target.ARTICLE:
        return bool(obj.status == ArticleStatus.PUBLISHED and obj.author.is_active)
    if thing.type == Target.COMMENT:
        return bool(
            obj.status == CommentStatus.VISIBLE
            and obj.article.status == ArticleStatus.PUBLISHED
            and obj.author.is_active
        )
    return bool(obj.is_active and obj.suspended_at is None)


def hide(thing: Thing) -> bool:
    """Take content out of public view; False when it already was (or is gone)."""
    if thing.obj is None:
        return False
    if thing.type == Target.ARTICLE:
        return hide_article(thing.obj)
    if thing.type == Target.COMMENT:
        return bool(hide_comment(thing.obj))
    raise ValueError("accounts are suspended, not hidden")


def restore(thing: Thing) -> bool:
    if thing.obj is None:
        return False
    if thing.type == Target.ARTICLE:
        return restore_article(thing.obj)
    if thing.type == Target.COMMENT:
        return bool(restore_comment(thing.obj))
    raise ValueError("accounts are reinstated, not restored")
