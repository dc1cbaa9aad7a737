"""Search: the index (one rule for what is in it) and the query (tiers, keyset pages).

Ranking is the same on SQLite and PostgreSQL because it uses nothing engine-specific:
tier 2 — every query stem in the title; tier 1 — some in the title (and all in title,
body or tags); tier 0 — all in body or tags, none in the title. Within a tier, newest
article (highest id) first. Each tier is one full-text query "match, id below the
cursor, ORDER BY id DESC LIMIT n", which both engines answer without sorting all
matches, so a word in half the articles costs what a rare one does.
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, connections, router
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wacana.articles.models import Article, Category, Status
from wacana.discovery.models import SearchEntry
from wacana.discovery.stemming import WORD_RE, distinct_stems, stem, stems
from wacana.lib import cursor

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
TIERS = (2, 1, 0)

# --- the text that is indexed (and shown in snippets) ----------------------------------

_PAGE_BREAK_RE = re.compile(r"<!--\s*nextpage\s*-->")
# Each bracketed part stops at the next bracket of either kind: with `[^\]]*` a body of
# "[" x 100,000 was rescanned to its end from every "[" (quadratic: 100 s per save).
_IMAGE_RE = re.compile(r"!\[[^\[\]]*\]\([^()\[\]]*\)")
_LINK_RE = re.compile(r"\[([^\[\]]*)\]\([^()\[\]]*\)")
_TAG_RE = re.compile(r"<[^<>]*>")
_URL_RE = re.compile(r"\bhttps?://\S+")
_MARKUP_RE = re.compile(r"[#*_`~>|\\]+")
_SPACE_RE = re.compile(r"\s+")


def plain_text_from_markdown(markdown_source: str) -> str:
    """What a reader reads of a Markdown body: link texts kept, images, addresses and
    markup left out. Cheap (regular expressions only), so snippets can use it too."""
    text = _PAGE_BREAK_RE.sub(" ", markdown_source)
    text = _IMAGE_RE.sub(" ", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub(" ", text)
    text = _URL_RE.sub(" ", text)
    text = html.unescape(text)
    text = _MARKUP_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def _tag_names(tag_list: Iterable[dict[str, str]]) -> str:
    return " ".join(tag.get("name", "") for tag in tag_list)


def entry_for(article: Article, body_stems: list[str] | None = None) -> SearchEntry:
    """The index row of a public article (not saved). `body_stems` may be given by a
    bulk caller that has already stemmed an identical body."""
    if body_stems is None:
        body_stems = distinct_stems(plain_text_from_markdown(article.body))
    tag_stems = distinct_stems(_tag_names(article.tag_list))
    assert article.published_at is not None
    return SearchEntry(
        article_id=article.pk,
        title=" ".join(stems(article.title)),
        body=" ".join(dict.fromkeys([*body_stems, *tag_stems])),
        category_id=article.category_id,
        rubric_id=article.rubric_id,
        author_id=article.author_id,
        published_at=article.published_at,
    )


def sync_article(article: Article) -> None:
    """Make the index agree with `article`: in it exactly when it is public.

    The one indexing rule. The article actions call it inside their transaction, so
    the index commits or rolls back with the change itself: a hidden article cannot
    stay findable for a moment, and a failed edit leaves no half-indexed text.
    (Deleting an article deletes its entry by CASCADE.)
    """
    if article.status != Status.PUBLISHED or article.published_at is None:
        SearchEntry.objects.filter(article_id=article.pk).delete()
        return
    entry = entry_for(article)
    SearchEntry.objects.update_or_create(
        article_id=article.pk,
        defaults={
            "title": entry.title,
            "body": entry.body,
            "category_id": entry.category_id,
            "rubric_id": entry.rubric_id,
            "author_id": entry.author_id,
            "published_at": entry.published_at,
        },
    )


def move_category(category: Category) -> None:
    """A sub-category moved to another rubric (admin): its entries follow."""
    SearchEntry.objects.filter(category=category).update(rubric_id=category.rubric_id)


def index_is_missing() -> bool:
    """True when public articles exist but none is indexed: a site from before search."""
    return (
        not SearchEntry.objects.exists()
        and Article.objects.published().filter(published_at__isnull=False).exists()
    )


def rebuild(batch_size: int = 1000, *, progress: Any = None) -> int:
    """Index every public article again from scratch (existing sites, bulk imports).

    Walks the articles by id in batches; identical bodies (imports, the bench data) are
    stemmed once."""
    SearchEntry.objects.all().delete()
    done = 0
    last_id = 0
    stemmed: dict[str, list[str]] = {}
    columns = ("pk", "title", "body", "tag_list", "category_id", "rubric_id", "author_id")
    while True:
        batch = list(
            Article.objects.published()
            .filter(pk__gt=last_id, published_at__isnull=False)
            .order_by("pk")
            .only(*columns, "published_at", "status")[:batch_size]
        )
        if not batch:
            break
        entries = []
        for article in batch:
            body = stemmed.get(article.body)
            if body is None:
                body = distinct_stems(plain_text_from_markdown(article.body))
                if len(stemmed) < 1000:
                    stemmed[article.body] = body
            entries.append(entry_for(article, body))
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        done += len(batch)
        last_id = batch[-1].pk
        if progress:
            progress(done)
    return done


# --- queries ---------------------------------------------------------------------------


class QueryTooLong(ValueError):
    pass


def query_stems(q: str) -> list[str]:
    """The distinct stems of a query; raises QueryTooLong past the caps."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryTooLong(q)
    found = distinct_stems(q)
    if len(found) > MAX_TERMS:
        raise QueryTooLong(q)
    return found


@dataclass(frozen=True)
class Filters:
    category: Category | None = None
    author_id: int | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


def _fts5_queries(terms: list[str]) -> dict[int, tuple[str, list[str]]]:
    # Only stems ([a-z0-9]+) reach MATCH, each quoted: user text is never syntax.
    quoted = [f'"{term}"' for term in terms]
    every = "(" + " AND ".join(quoted) + ")"
    any_title = "title : (" + " OR ".join(quoted) + ")"
    all_title = "title : " + every
    match = "discovery_search_fts MATCH %s"
    return {
        2: (match, [all_title]),
        1: (match, [f"({every} AND {any_title}) NOT {all_title}"]),
        0: (match, [f"{every} NOT {any_title}"]),
    }


def _postgres_queries(terms: list[str]) -> dict[int, tuple[str, list[str]]]:
    # Stems are [a-z0-9]+, quoted as tsquery lexemes: user text is never syntax.
    every = " & ".join(f"'{term}'" for term in terms)
    some = " | ".join(f"'{term}'" for term in terms)
    in_title, not_in_title = (
        "e.title_document @@ %s::tsquery",
        "NOT e.title_document @@ %s::tsquery",
    )
    anywhere = "e.document @@ %s::tsquery"
    return {
        2: (in_title, [every]),
        1: (f"{anywhere} AND {in_title} AND {not_in_title}", [every, some, every]),
        0: (f"{anywhere} AND {not_in_title}", [every, some]),
    }


def _filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.category is not None:
        column = "rubric_id" if filters.category.is_rubric else "category_id"
        where.append(f"e.{column} = %s")
        params.append(filters.category.pk)
    if filters.author_id is not None:
        where.append("e.author_id = %s")
        params.append(filters.author_id)
    if filters.since is not None:
        where.append("e.published_at >= %s")
        params.append(filters.since)
    if filters.until is not None:
        where.append("e.published_at < %s")
        params.append(filters.until)
    return where, params


def _run(sql: str, params: list[Any]) -> list[int]:
    # Raw SQL passes no router: ask it, so that a read replica answers searches.
    from wacana.discovery.models import SearchEntry  # noqa: PLC0415 - the models import this module

    with connections[router.db_for_read(SearchEntry)].cursor() as db:
        db.execute(sql, params)
        return [row[0] for row in db.fetchall()]


# PostgreSQL first looks among the newest ids (this many) below the cursor, in id order,
# and only then asks the GIN index for the older matches. Its planner can't be trusted
# to choose between the two itself: it estimates an unknown word at 0.5% of the rows and
# then walks the whole table in id order looking for 21 of them (1.3 s over 100,000
# articles), or it sorts every match of a word in half the articles (0.5 s).
ID_WINDOW = 1000


def _tier_ids(
    match: tuple[str, list[str]], filters: Filters, below: int | None, limit: int, top: int
) -> list[int]:
    where, params = _filter_sql(filters)
    condition, match_params = match
    if connection.vendor != "postgresql":
        sql = "SELECT discovery_search_fts.rowid FROM discovery_search_fts"
        if where:
            sql += " JOIN discovery_searchentry AS e ON e.article_id = discovery_search_fts.rowid"
        sql += f" WHERE {condition}"
        for clause in where:
            sql += f" AND {clause}"
        sql += " AND discovery_search_fts.rowid < %s" if below is not None else ""
        sql += " ORDER BY discovery_search_fts.rowid DESC LIMIT %s"
        return _run(sql, [*match_params, *params, *([] if below is None else [below]), limit])

    top = below if below is not None else top
    floor = top - ID_WINDOW
    # `condition` and `where` are constants of this module; values go in as parameters.
    base = f"SELECT e.article_id FROM discovery_searchentry AS e WHERE {condition}"  # noqa: S608
    for clause in where:
        base += f" AND {clause}"
    found = _run(
        base + " AND e.article_id < %s AND e.article_id >= %s ORDER BY e.article_id DESC LIMIT %s",
        [*match_params, *params, top, floor, limit],
    )
    if len(found) >= limit or floor <= 0:
        return found
    # Older matches are rarer than 1 in ID_WINDOW/limit: the index finds them all and
    # a top-N sort orders them ("+ 0" keeps the planner off the id-order walk).
    return found + _run(
        base + " AND e.article_id < %s ORDER BY e.article_id + 0 DESC LIMIT %s",
        [*match_params, *params, floor, limit - len(found)],
    )


def _newest_id() -> int:
    return (
        SearchEntry.objects.order_by("-article_id").values_list("article_id", flat=True).first()
        or 0
    )


def matching_ids(
    terms: list[str], filters: Filters, after: str | None, limit: int
) -> tuple[list[tuple[int, int]], str | None]:
    """One page of (tier, article id), best first; raises cursor.BadCursor."""
    if not terms:
        return [], None
    start_tier, below = TIERS[0], None
    if after:
        key = cursor.decode(after)
        if not isinstance(key.at, int) or key.at not in TIERS:
            raise cursor.BadCursor(after)
        start_tier, below = key.at, key.id
    postgres = connection.vendor == "postgresql"
    queries = _postgres_queries(terms) if postgres else _fts5_queries(terms)
    top = _newest_id() + 1 if postgres else 0
    found: list[tuple[int, int]] = []
    for tier in TIERS:
        if tier > start_tier:
            continue
        if tier == 1 and len(terms) == 1:
            continue  # "some but not all in the title" needs two terms
        wanted = limit + 1 - len(found)
        below_here = below if tier == start_tier else None
        ids = _tier_ids(queries[tier], filters, below_here, wanted, top)
        found += [(tier, pk) for pk in ids]
        if len(found) > limit:
            break
    items = found[:limit]
    next_cursor = None
    if len(found) > limit:
        tier, pk = items[-1]
        next_cursor = cursor.encode(cursor.Key(tier, pk))
    return items, next_cursor


# The search page says how many articles match, counting no further than this: a word
# in half of 100,000 articles must not cost a COUNT over 50,000 rows.
COUNT_CAP = 1000


def count_matches(terms: list[str], filters: Filters, cap: int | None = None) -> int:
    """How many articles match `terms` under `filters` (every tier: all stems in title,
    body or tags), at most `cap` + 1 — more than `cap` reads as "more than `cap`". One
    query: the same full-text condition the tiers share, stopped at cap + 1 rows."""
    if not terms:
        return 0
    cap = COUNT_CAP if cap is None else cap
    where, params = _filter_sql(filters)
    if connection.vendor == "postgresql":
        every = " & ".join(f"'{term}'" for term in terms)
        inner = "SELECT 1 FROM discovery_searchentry AS e WHERE e.document @@ %s::tsquery"
        match_params = [every]
    else:
        every = "(" + " AND ".join(f'"{term}"' for term in terms) + ")"
        inner = "SELECT 1 FROM discovery_search_fts"
        if where:
            inner += " JOIN discovery_searchentry AS e ON e.article_id = discovery_search_fts.rowid"
        inner += " WHERE discovery_search_fts MATCH %s"
        match_params = [every]
    for clause in where:
        inner += f" AND {clause}"
    # The conditions are constants of this module; values go in as parameters.
    sql = f"SELECT COUNT(*) FROM ({inner} LIMIT %s) AS found"  # noqa: S608
    return _run(sql, [*match_params, *params, cap + 1])[0]


@dataclass(frozen=True)
class Hit:
    """An article found, for its card: the article (author and category joined), its
    title and the body around the first match, HTML-escaped with the matching words in
    <mark> (includes/article_card.html shows them in place of the plain title)."""

    article: Article
    title_html: SafeString
    snippet_html: SafeString


@dataclass(frozen=True)
class Results:
    """A page of hits, best first, and the cursor of the next page (None: the last)."""

    items: list[Hit]
    next_cursor: str | None


def search(
    terms: list[str], filters: Filters, after: str | None = None, limit: int = cursor.DEFAULT_LIMIT
) -> Results:
    """A page of public articles ready for cards, title and snippet highlighted. At most
    3 + 1 queries."""
    limit = max(1, min(cursor.MAX_LIMIT, limit))
    ranked, next_cursor = matching_ids(terms, filters, after, limit)
    ids = [pk for _tier, pk in ranked]
    by_id = {
        article.pk: article
        for article in Article.objects.published()
        .filter(pk__in=ids)
        .select_related("author", "category")
    }
    wanted = set(terms)
    items = []
    for pk in ids:
        article = by_id.get(pk)
        if article is None:
            continue  # unpublished between the two queries
        items.append(Hit(article, highlight(article.title, wanted), snippet(article.body, wanted)))
    return Results(items, next_cursor)


# --- highlighting ----------------------------------------------------------------------

SNIPPET_BEFORE = 12
SNIPPET_WORDS = 36
# How far into a body the first match is looked for; past it the snippet is the opening.
SNIPPET_SCAN_CHARS = 30_000
# The stretch of Markdown around the match that is turned into text for the snippet.
SNIPPET_WINDOW_BEFORE = 400
SNIPPET_WINDOW_AFTER = 800
# Words containing a stem's letters that are checked before giving up on a body.
MAX_CANDIDATES = 200


def highlight(text: str, wanted: set[str]) -> SafeString:
    """`text` HTML-escaped, with each word whose stem is wanted wrapped in <mark>."""
    out: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        if stem(match.group()) in wanted:
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def _first_match(source: str, wanted: set[str]) -> int:
    """Where the first word whose stem is wanted starts in `source` (0 when none).

    A stem is found inside its derived words with at most its first letter changed
    (`main` in `bermain`, `ulis` of `tulis` in `menulis`), so a plain substring search
    finds the candidates and only they are stemmed: a body is not cut into words."""
    lowered = source.lower()  # same length as `source` for the letters stems are made of
    best = -1
    for wanted_stem in wanted:
        needle = wanted_stem[1:] if len(wanted_stem) > 3 else wanted_stem
        same_kind = str.isdigit if wanted_stem.isdigit() else str.isalpha
        start = 0
        for _ in range(MAX_CANDIDATES):
            index = lowered.find(needle, start, best if best >= 0 else len(lowered))
            if index < 0:
                break
            first, last = index, index + len(needle)
            while first > 0 and same_kind(lowered[first - 1]):
                first -= 1
            while last < len(lowered) and same_kind(lowered[last]):
                last += 1
            if stem(source[first:last]) in wanted:
                best = first
                break
            start = last
    return max(best, 0)


def snippet(markdown_source: str, wanted: set[str]) -> SafeString:
    """About 36 words of the body around its first matching word, highlighted."""
    source = markdown_source[:SNIPPET_SCAN_CHARS]
    position = _first_match(source, wanted)
    # Only a window around the match is turned into text and cut into words.
    window_start = max(0, position - SNIPPET_WINDOW_BEFORE)
    window_end = position + SNIPPET_WINDOW_AFTER
    text = plain_text_from_markdown(source[window_start:window_end])
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    if not spans:
        return mark_safe("")
    first = next((i for i, (a, b) in enumerate(spans) if stem(text[a:b]) in wanted), 0)
    if window_start > 0:
        first = max(first, SNIPPET_BEFORE)  # the window may begin mid-word or mid-link
    begin = max(0, first - SNIPPET_BEFORE)
    end = min(len(spans), begin + SNIPPET_WORDS)
    # Whole sentences' punctuation at either end of the body is kept.
    at_start = begin == 0 and window_start == 0
    at_end = end == len(spans) and window_end >= len(markdown_source)
    start_char = 0 if at_start else spans[begin][0]
    end_char = len(text) if at_end else spans[end - 1][1]
    piece = highlight(text[start_char:end_char], wanted)
    prefix = "" if at_start else "… "
    suffix = "" if at_end else " …"
    return mark_safe(f"{prefix}{piece}{suffix}")  # noqa: S308 — highlight() escaped it
