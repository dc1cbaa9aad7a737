"""A comment's plain text to safe HTML, once, when it is saved.

Everything is escaped; only http(s) addresses become links. nh3 then cleans the result
with a tiny allow-list, so a slip here still cannot let markup or `javascript:` through.
"""

import html
import re

import nh3

_URL_RE = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
# Control characters other than tab and newline mean nothing on a page.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING = ".,;:!?'\"»”’"
_HREFLESS_RE = re.compile(r"<a rel=\"[^\"]*\">(.*?)</a>")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*")


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence rather than the address.

    The parentheses are counted once and then kept up to date: counting them again for
    every character dropped was quadratic in an address ending in thousands of ")"."""
    opened, closed = url.count("("), url.count(")")
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _TRAILING or (last == ")" and opened < closed):
            end -= 1
            closed -= last == ")"
        else:
            break
    return url[:end]


def _linkify(line: str) -> str:
    pieces: list[str] = []
    position = 0
    for match in _URL_RE.finditer(line):
        url = _trim(match.group())
        pieces.append(html.escape(line[position : match.start()]))
        if url.split("://", 1)[1]:
            escaped = html.escape(url)
            pieces.append(f'<a href="{escaped}">{escaped}</a>')
        else:
            pieces.append(html.escape(url))
        position = match.start() + len(url)
    pieces.append(html.escape(line[position:]))
    return "".join(pieces)


def render_comment(body: str) -> str:
    text = CONTROL_RE.sub("", body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    paragraphs = [part for part in _PARAGRAPH_RE.split(text) if part.strip()]
    raw = "".join(
        "<p>" + "<br>".join(_linkify(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
    )
    cleaned = nh3.clean(
        raw,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )
    # nh3 drops an address it cannot parse (an odd host name): the words stay, the link goes.
    return _HREFLESS_RE.sub(r"\1", cleaned)
