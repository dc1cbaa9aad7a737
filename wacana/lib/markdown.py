"""Markdown to safe HTML, once, when an article is saved (never per request).

markdown-it-py (CommonMark with tables, strikethrough and autolinks; raw HTML off)
renders; nh3 then cleans with an allow-list, so even a bug in the renderer cannot let
script, event handlers or `javascript:` URLs through.
"""

import html
import re
from collections.abc import Callable, Sequence

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
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


def split_pages(body: str) -> list[str]:
    """Split on lines holding only <!--nextpage-->; empty pages are dropped."""
    pages = [page.strip("\n") for page in PAGE_BREAK_RE.split(body.replace("\r\n", "\n"))]
    return [page for page in pages if page.strip()] or [""]


def _renderer(dimensions: Dimensions) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])

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
        size = dimensions(src)
        if size is None:
            # Images from elsewhere would be third-party requests and shift the layout:
            # show them as a link instead.
            return f'<a href="{html.escape(src)}">{html.escape(alt or src)}</a>'
        width, height = size
        return (
            f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" width="{width}"'
            f' height="{height}" loading="lazy" decoding="async">'
        )

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    md.add_render_rule("image", image)
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


def render(markdown: str, dimensions: Dimensions | None = None) -> str:
    md = _renderer(dimensions or (lambda src: None))
    return clean(md.render(markdown))


def render_pages(body: str, dimensions: Dimensions | None = None) -> list[str]:
    md = _renderer(dimensions or (lambda src: None))
    return [clean(md.render(page)) for page in split_pages(body)]


_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")


def plain_text(safe_html: str) -> str:
    return _SPACE_RE.sub(" ", html.unescape(_TAG_RE.sub(" ", safe_html))).strip()


def excerpt(text: str, limit: int = 200) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:–- ")
    return cut + "…"


def word_count(text: str) -> int:
    return len(text.split())
