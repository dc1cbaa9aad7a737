"""Markdown to safe HTML, once, when an article is saved (never per request).

markdown-it-py (CommonMark with tables, strikethrough and autolinks; raw HTML off)
renders; nh3 then cleans with an allow-list, so even a bug in the renderer cannot let
script, event handlers or `javascript:` URLs through.

Every pass over a body here is linear in its length (hostile bodies once took seconds
per save): the regular expressions cannot backtrack over the rest of the text, the
plain-text autolinker only ever looks at a bounded window, and `body_problem` refuses
the bodies whose markup alone would keep the (pure Python) renderer busy for long.
"""

import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

PAGE_BREAK_RE = re.compile(r"^[ \t]*<!--nextpage-->[ \t]*$", re.MULTILINE)

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "s",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "decoding"},
    "ol": {"start"},
    "code": {"class"},
}

Dimensions = Callable[[str], tuple[int, int] | None]
# Given every image address of a body at once (one query), their known sizes.
DimensionsLookup = Callable[[Iterable[str]], dict[str, tuple[int, int]]]

WORDS_PER_MINUTE = 200
# What rendering a body costs, estimated in one linear pass: markdown-it-py (pure Python)
# spends little per character of prose but much more per line and per character that
# ends a run of text, where it tries every inline rule. Measured in units of about 5 µs
# on an idle 2-core machine (20 µs at a load average of 15): a line 10 (a list item
# more), "[" 8 (link labels are scanned ahead; "![" 15 in all), "*" 5, "_" and "<" 3
# (autolinks), "&", "~" and "`" 2, the other such characters 1 (parentheses almost
# nothing). A long real article (100 KB, hundreds of paragraphs, a link and some bold
# in each) costs 10,000 to 30,000; the budget keeps the slowest accepted body around
# 0.2 s on an idle machine and under a second on a very busy one. Before it, "![" x
# 49,000 took 15-19 s per save and "- a" x 25,000 lines 8 s.
_WEIGHTS = {"\n": 10, "\r": 10, "[": 8, "*": 5, "_": 3, "<": 3, "&": 2, "~": 2, "`": 2}
_WEIGHT_ONE = "!#$%:^+{}@->]\\=|"
RENDER_BUDGET = 40_000


def render_cost(body: str) -> int:
    """The estimated cost of rendering `body`, in the units above (linear: one count
    per character class, no parsing)."""
    cost = sum(weight * body.count(char) for char, weight in _WEIGHTS.items())
    # An unclosed "![" is tried as an image, then its "[" again as a link.
    cost += 6 * body.count("![")
    return cost + sum(body.count(char) for char in _WEIGHT_ONE)


def body_problem(body: str) -> str | None:
    """Why a body would be too costly to render, or None."""
    if render_cost(body) > RENDER_BUDGET:
        return "too_costly"
    return None


# An address linkified in running text is looked for in this many characters at most
# (longer addresses stay text), so a paragraph of thousands of them stays linear.
LINKIFY_WINDOW = 2048
_SCHEME_TAIL = 40


def split_pages(body: str) -> list[str]:
    """Split on lines holding only <!--nextpage-->; empty pages are dropped."""
    pages = [page.strip("\n") for page in PAGE_BREAK_RE.split(body.replace("\r\n", "\n"))]
    return [page for page in pages if page.strip()] or [""]


_SCHEME_RE = re.compile(r"(?:^|[^a-z0-9.+-])([a-z][a-z0-9.+-]*)$", re.IGNORECASE)


def _linkify(state: StateInline, silent: bool) -> bool:
    """markdown-it-py's rule for bare addresses, bounded.

    The original searches all text pending since the last token and copies the rest of
    the source for every "://" it meets, which is quadratic in a paragraph of many
    addresses (`<http://` x 12,000 took 34 s). This looks at the last characters before
    the "://" and at a window after it only.
    """
    if state.linkLevel > 0 or state.md.linkify is None:
        return False
    pos = state.pos
    src = state.src
    if pos + 3 > state.posMax or src[pos] != ":" or src[pos + 1] != "/" or src[pos + 2] != "/":
        return False
    tail = state.pending[-_SCHEME_TAIL:]
    match = _SCHEME_RE.search(tail)
    if not match:
        return False
    if match.start(1) == 0 and len(state.pending) > len(tail):
        return False  # a "scheme" longer than any real one
    proto = match.group(1)
    start = pos - len(proto)
    link = state.md.linkify.match_at_start(src[start : min(state.posMax, pos + LINKIFY_WINDOW)])
    if not link:
        return False
    url: str = link.url.rstrip("*")
    full_url = state.md.normalizeLink(url)
    if not state.md.validateLink(full_url):
        return False
    if not silent:
        state.pending = state.pending[: -len(proto)]
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": full_url}
        token.markup = "linkify"
        token.info = "auto"
        token = state.push("text", "", 0)
        token.content = state.md.normalizeLinkText(url)
        token = state.push("link_close", "a", -1)
        token.markup = "linkify"
        token.info = "auto"
    state.pos += len(url) - len(proto)
    return True


def _caption(image: Token) -> str:
    return " ".join(str(image.attrGet("title") or "").split())


def _figure(tokens: Sequence[Token], idx: int, env: EnvType) -> bool:
    """Whether the paragraph opening at `idx` holds only one of our pictures with a
    title: then it is a figure, and the title its caption."""
    opening = tokens[idx]
    if opening.type != "paragraph_open" or opening.hidden or idx + 2 >= len(tokens):
        return False
    inline, closing = tokens[idx + 1], tokens[idx + 2]
    if inline.type != "inline" or closing.type != "paragraph_close":
        return False
    children = inline.children or []
    if len(children) != 1 or children[0].type != "image" or not _caption(children[0]):
        return False
    src = str(children[0].attrGet("src") or "")
    return (env.get("dimensions") or _no_dimensions)(src) is not None


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    md.inline.ruler.at("linkify", _linkify)

    def heading_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        # The article's title is the page's only h1: body headings start at h2.
        level = min(6, int(tokens[idx].tag[1]) + 1)
        return f"<h{level}>"

    def heading_close(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        level = min(6, int(tokens[idx].tag[1]) + 1)
        return f"</h{level}>\n"

    def image(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        alt = self.renderInlineAsText(token.children or [], options, env)
        size = (env.get("dimensions") or _no_dimensions)(src)
        if size is None:
            # Images from elsewhere would be third-party requests and shift the layout:
            # show them as a link instead.
            return f'<a href="{html.escape(src)}">{html.escape(alt or src)}</a>'
        width, height = size
        picture = (
            f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" width="{width}"'
            f' height="{height}" loading="lazy" decoding="async">'
        )
        if env.get("in_figure") and _caption(token):
            # Alone in its paragraph (which paragraph_open turned into the figure): the
            # Markdown title is the caption the writer gave when inserting it.
            return f"{picture}<figcaption>{html.escape(_caption(token))}</figcaption>"
        return picture

    def paragraph_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if _figure(tokens, idx, env):
            env["in_figure"] = True
            return "<figure>"
        return self.renderToken(tokens, idx, options, env)

    def paragraph_close(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if idx >= 2 and _figure(tokens, idx - 2, env):
            env["in_figure"] = False
            return "</figure>\n"
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    md.add_render_rule("image", image)
    md.add_render_rule("paragraph_open", paragraph_open)
    md.add_render_rule("paragraph_close", paragraph_close)
    return md


def clean(raw_html: str) -> str:
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


# Any ASCII punctuation may be backslash-escaped in CommonMark: in a description none
# of it is markup.
_ALT_ESCAPE_RE = re.compile(r"[!-/:-@\[-`{-~]")
_TITLE_ESCAPE_RE = re.compile(r'[\\"]|&(?=#?[A-Za-z0-9]+;)')


def image_markdown(url: str, alt: str = "", caption: str = "") -> str:
    """The Markdown of a picture with its description and caption (the title), each one
    line of text that reads back exactly as given (the editor writes the same)."""
    alt = _ALT_ESCAPE_RE.sub(r"\\\g<0>", " ".join(alt.split())[:300])
    caption = _TITLE_ESCAPE_RE.sub(r"\\\g<0>", " ".join(caption.split())[:300])
    title = f' "{caption}"' if caption else ""
    return f"![{alt}]({url}{title})"


def _no_dimensions(src: str) -> None:
    return None


# Built once: a MarkdownIt keeps no state between documents (the sizes travel in `env`).
_MD = _renderer()


def render(markdown: str, dimensions: Dimensions | None = None) -> str:
    return clean(_MD.render(markdown, {"dimensions": dimensions or _no_dimensions}))


def render_pages(body: str, dimensions: Dimensions | None = None) -> list[str]:
    return [render(page, dimensions) for page in split_pages(body)]


def image_sources(tokens: Sequence[Token]) -> set[str]:
    """The address of every image in parsed Markdown (exact, where a regular expression
    over the source would both miss some and cost quadratic time on `![` x n)."""
    found: set[str] = set()
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                found.add(str(child.attrGet("src") or ""))
    return found


def parse_all(body: str) -> list[Token]:
    """The tokens of every page of `body`, in order."""
    return [token for page in split_pages(body) for token in _MD.parse(page, {})]


@dataclass(frozen=True)
class Rendered:
    """What saving a body stores besides the body: computed before any transaction."""

    pages: list[str]
    excerpt: str
    word_count: int
    reading_minutes: int


def render_article(body: str, lookup: DimensionsLookup | None = None) -> Rendered:
    """Parse each page once, ask `lookup` for the sizes of all its images at once,
    render and clean; then the text figures."""
    parsed = [_MD.parse(page, {}) for page in split_pages(body)]
    sources: set[str] = set()
    for tokens in parsed:
        sources |= image_sources(tokens)
    sizes = lookup(sources) if lookup and sources else {}
    env = {"dimensions": sizes.get}
    pages = [clean(_MD.renderer.render(tokens, _MD.options, env)) for tokens in parsed]
    text = plain_text_from_html(" ".join(pages))
    words = word_count(text)
    return Rendered(
        pages=pages,
        excerpt=excerpt(plain_text_from_html(pages[0]) or text),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
    )


# `[^<>]`, not `[^>]`: a run of "<" without ">" would otherwise be rescanned from each one.
_TAG_RE = re.compile(r"<[^<>]*>")
_SPACE_RE = re.compile(r"\s+")


def plain_text_from_html(safe_html: str) -> str:
    return _SPACE_RE.sub(" ", html.unescape(_TAG_RE.sub(" ", safe_html))).strip()


def excerpt(text: str, limit: int = 200) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:–- ")
    return cut + "…"


def word_count(text: str) -> int:
    return len(text.split())
