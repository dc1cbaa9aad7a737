"""Writes for the writing flow (issue 13): saving with a conflict check, autosave,
revisions, the check before publishing and scheduled publishing.

Kept apart from actions.py (which other work changes too) but the same kind of module:
the "Tulis" page, its autosave endpoint, the revisions pages, the API and the task worker
all call these functions, nothing else writes these things.
"""

import difflib
import html
import re
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from wacana.accounts.models import User
from wacana.articles import actions
from wacana.articles.models import Article, Revision, Status
from wacana.lib import markdown
from wacana.lib.refusal import Invalid, Refusal

# Autosaves by one person within this long update one revision instead of adding one.
COALESCE = timedelta(minutes=5)
# Every revision is kept this far back; older ones keep only the last of each day.
KEEP_LATEST = 50
SCHEDULE_MAX_AHEAD = timedelta(days=365)


class VersionConflict(Refusal):
    """The article was saved elsewhere since the page (or client) loaded `version`;
    `article` is the one saved now."""

    status = 409

    def __init__(self, article: Article) -> None:
        version = _("The article is now at version %(version)d.") % {"version": article.version}
        super().__init__(errors={"if_version": [version]})
        self.article = article

    def default_message(self) -> str:
        return conflict_message()


class ScheduleRejected(Invalid):
    """A time to publish at that cannot be taken, said at the field "publish_at"."""

    field = "publish_at"


def conflict_message() -> str:
    return _(
        "This article was changed elsewhere (in another tab or on another device) since "
        "you opened it. Choose which text to keep."
    )


def _content(article: Article) -> tuple[Any, ...]:
    return (
        article.title,
        article.body,
        article.category_id,
        tuple(tag["slug"] for tag in article.tag_list),
        article.image_caption,
        article.image_source,
    )


def save_writing(
    user: User,
    article: Article | None,
    data: dict[str, Any],
    *,
    if_version: int | None = None,
    autosave: bool = False,
    rendered: markdown.Rendered | None = None,
) -> Article:
    """Create or change an article from validated data, keeping a revision.

    With `if_version`, refuses (VersionConflict) when the article's version has moved on
    since: the row is locked first, so two saves cannot both pass the check. A changed
    body is rendered before the transaction opens (or was, by the caller: `rendered`), so
    the database is never held while Markdown renders.
    """
    if rendered is None and "body" in data and (article is None or data["body"] != article.body):
        rendered = actions.render_body(data["body"])
    with transaction.atomic():
        return _save_writing(user, article, data, if_version, autosave, rendered)


def _save_writing(
    user: User,
    article: Article | None,
    data: dict[str, Any],
    if_version: int | None,
    autosave: bool,
    rendered: markdown.Rendered | None,
) -> Article:
    if article is None:
        article = actions.create_article(user, data, rendered)
        record_revision(article, user, autosave=autosave)
        return article
    current = Article.objects.select_for_update().only("version").get(pk=article.pk)
    if if_version is not None and current.version != if_version:
        raise VersionConflict(Article.objects.select_related("category").get(pk=article.pk))
    before = _content(article)
    actions.update_article(user, article, data, rendered)
    article.version = current.version
    if _content(article) != before:
        article.version += 1
        Article.objects.filter(pk=article.pk).update(version=article.version)
        record_revision(article, user, autosave=autosave)
    return article


def record_revision(
    article: Article,
    editor: User | None,
    *,
    autosave: bool = False,
    title: str | None = None,
    body: str | None = None,
) -> Revision | None:
    """Keep the article's current title and body (or the given ones) as a revision
    (bounded, see COALESCE)."""
    now = timezone.now()
    title = article.title if title is None else title
    body = article.body if body is None else body
    latest = Revision.objects.filter(article=article).order_by("-id").first()
    if latest is not None and latest.title == title and latest.body == body:
        return None
    editor_id = editor.pk if editor is not None else None
    if (
        latest is not None
        and latest.autosave
        and latest.editor_id == editor_id
        and now - latest.created_at < COALESCE
    ):
        latest.title, latest.body, latest.saved_at = title, body, now
        # A deliberate save closes the run: the next autosave starts a new revision.
        latest.autosave = autosave
        latest.save(update_fields=["title", "body", "saved_at", "autosave"])
        return latest
    revision = Revision.objects.create(
        article=article,
        editor=editor,
        created_at=now,
        saved_at=now,
        autosave=autosave,
        title=title,
        body=body,
    )
    _prune(article)
    return revision


def _prune(article: Article) -> None:
    older = Revision.objects.filter(article=article).order_by("-id").values_list("id", "saved_at")
    seen: set[Any] = set()
    drop = []
    for pk, saved_at in older[KEEP_LATEST:]:
        day = timezone.localdate(saved_at)
        if day in seen:
            drop.append(pk)
        seen.add(day)
    if drop:
        Revision.objects.filter(pk__in=drop).delete()


@transaction.atomic
def autosave_published(
    user: User, article: Article, data: dict[str, Any], *, if_version: int | None
) -> Article:
    """An autosave of a published article: readers must not see half-finished edits, so
    the text is kept as a revision only; "Simpan perubahan" applies it."""
    current = Article.objects.select_for_update().only("version").get(pk=article.pk)
    if if_version is not None and current.version != if_version:
        raise VersionConflict(Article.objects.select_related("category").get(pk=article.pk))
    record_revision(article, user, autosave=True, title=data["title"], body=data["body"])
    article.version = current.version
    return article


def restore_revision(user: User, article: Article, revision: Revision) -> bool:
    """Bring back a revision's title and body; the restore is itself a new revision.
    False when the article already reads so."""
    before = article.version
    save_writing(user, article, {"title": revision.title, "body": revision.body})
    return article.version != before


# The difference between two revisions, paragraph by paragraph, words marked inside.

_BLOCKS = re.compile(r"\n[ \t]*\n+")


def _blocks(text: str) -> list[str]:
    return [block.strip("\n") for block in _BLOCKS.split(text.replace("\r\n", "\n")) if block]


def word_diff(old: str, new: str) -> SafeString:
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def diff_blocks(old: str, new: str) -> list[dict[str, Any]]:
    """[{"kind": "same" | "added" | "removed" | "changed", "html": ...}] for a template."""
    a, b = _blocks(old), _blocks(new)
    rows: list[dict[str, Any]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [{"kind": "same", "html": html.escape(block)} for block in a[i1:i2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            rows += [
                {"kind": "changed", "html": word_diff(x, y)}
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            rows += [
                {"kind": "removed", "html": mark_safe(f"<del>{html.escape(x)}</del>")}  # noqa: S308
                for x in a[i1:i2]
            ]
            rows += [
                {"kind": "added", "html": mark_safe(f"<ins>{html.escape(y)}</ins>")}  # noqa: S308
                for y in b[j1:j2]
            ]
    return rows


# The check before publishing.


def publish_problems(data: dict[str, Any], *, has_image: bool) -> list[str]:
    """What is missing before an article can be published, in words for its writer.
    `data` is the validated form (title, category, body, image caption and source)."""
    problems = []
    if not (data.get("title") or "").strip():
        problems.append(_("Give the article a title."))
    if not data.get("category"):
        problems.append(_("Choose a category."))
    body = data.get("body") or ""
    text = (
        markdown.plain_text_from_html(" ".join(markdown.render_pages(body))) if body.strip() else ""
    )
    if not text.strip():
        problems.append(_("Write at least one paragraph."))
    if has_image and not (data.get("image_caption") or "").strip():
        problems.append(_("Write a caption for the featured image."))
    if has_image and not (data.get("image_source") or "").strip():
        problems.append(_("Say where the featured image comes from (its source)."))
    return problems


# Scheduled publishing ("Terbitkan nanti").


def check_schedule(when: datetime, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if when <= now:
        raise ScheduleRejected(_("Choose a time in the future."))
    if when > now + SCHEDULE_MAX_AHEAD:
        raise ScheduleRejected(_("Choose a time at most a year from now."))


@transaction.atomic
def schedule_publication(user: User, article: Article, when: datetime | None) -> Article:
    """Publish `article` at `when` (None cancels). Followers hear of it at publication."""
    if when is None:
        article.publish_at = None
        Article.objects.filter(pk=article.pk).update(publish_at=None)
        return article
    if article.status == Status.HIDDEN:
        raise actions.HiddenByModeration
    if article.status == Status.PUBLISHED:
        raise ScheduleRejected(_("This article is already published."))
    check_schedule(when)
    article.publish_at = when
    Article.objects.filter(pk=article.pk).update(publish_at=when)
    pk, stamp = article.pk, when.isoformat()
    transaction.on_commit(lambda: _enqueue_publication(pk, stamp, when))
    return article


def _enqueue_publication(article_id: int, stamp: str, when: datetime) -> None:
    from wacana.articles.tasks import publish_scheduled  # noqa: PLC0415 - tasks import writing (publishing when due)

    # django-tasks-db stores the task with run_after: a worker started later (after a
    # restart) still finds it, and runs it as soon as the time has come.
    publish_scheduled.using(run_after=when).enqueue(article_id, stamp)


def publish_when_due(article_id: int, stamp: str) -> bool:
    """The worker's half: publish if the article is still scheduled for exactly that time
    (a cancelled or moved schedule leaves its old task with nothing to do)."""
    with transaction.atomic():
        article = (
            Article.objects.select_for_update()
            .select_related("author")
            .filter(pk=article_id, status=Status.DRAFT, publish_at__isnull=False)
            .first()
        )
        if article is None or article.publish_at is None:
            return False
        if article.publish_at.isoformat() != stamp or article.publish_at > timezone.now():
            return False
        article.publish_at = None
        Article.objects.filter(pk=article.pk).update(publish_at=None)
        actions.publish_article(article.author, article)
    return True
