"""What higher apps do when articles change: the hooks the article actions call.

Each hook is called by the one action that performs the write (wacana/articles/
actions.py), inside its transaction, so the rule holds on every path (page, API,
admin, moderation, the worker). Receivers are registered in AppConfig.ready():
discovery keeps its search index, home cache and "popular" list in step, moderation
logs staff edits. See wacana/lib/hooks.py for why hooks rather than imports.
"""

from collections.abc import Mapping
from typing import Any

from wacana.accounts.models import User
from wacana.articles.models import Article, Category
from wacana.lib.hooks import Hook

# An article's indexed content or its visibility changed (edit, publish, unpublish,
# hide, restore): make derived copies of it agree. Receives the article.
article_changed: Hook[[Article]] = Hook("articles.article_changed")

# What the public sees changed as a whole (an article became public or stopped being
# public, was deleted, or curation changed): lists cached across articles are stale.
listings_changed: Hook[[]] = Hook("articles.listings_changed")

# A category moved under another rubric (admin): copies of its rubric must follow.
# Receives the category.
category_moved: Hook[[Category]] = Hook("articles.category_moved")

# Someone other than its writer edited an article's title or category. Receives the
# editor, the article (already saved) and {field: (before, after)}.
staff_edited: Hook[[User, Article, dict[str, tuple[Any, Any]]]] = Hook("articles.staff_edited")

# The view counter wrote buffered views to the database (off the request path).
views_flushed: Hook[[]] = Hook("articles.views_flushed")

# The writing page ("Tulis") saved an article, inside the save's transaction. Receives
# the person saving, the article (already saved) and the posted form. Topics reads its
# "topic" field there (the choice its template tag put in the page); a Refusal raised
# by a receiver rolls the save back and is shown on the form.
writing_saved: Hook[[User, Article, Mapping[str, Any]]] = Hook("articles.writing_saved")
# An article was published for the first time (never again on a later re-publish).
# Receives the article. Points credits its writer.
first_published: Hook[[Article]] = Hook("articles.first_published")

# An editor marked a published article as an editor's pick or a headline ("pick" or
# "headline"); called only when the mark was newly set. Receives the editor, the
# article and the kind. Points credits its writer (once per article and kind).
curated: Hook[[User, Article, str]] = Hook("articles.curated")

# A reader's rating of an article was given, changed or withdrawn. Receives the
# reader, the article (pk, author_id and category_id loaded, its row locked for the
# transaction), the kind held before (None: no rating) and the kind held now (None:
# withdrawn). Points credits the writer for praise and takes it back when it goes.
rated: Hook[[User, Article, str | None, str | None]] = Hook("articles.rated")

# An article is about to be deleted (its row goes in the same transaction). Receives
# the article. Points takes back what it earned.
deleting: Hook[[Article]] = Hook("articles.deleting")

ALL = (
    article_changed,
    listings_changed,
    category_moved,
    staff_edited,
    views_flushed,
    writing_saved,
    first_published,
    curated,
    rated,
    deleting,
)
