"""Template loaders that send the site's HTML templates without their source layout.

The templates are laid out for people (djLint: nested indentation, a long tag's
attributes one per line). Pages are weighed in bytes (the article page's budget), so the
project's own .html templates are compacted once, when the cached loader first reads
them: the spaces that start a line are dropped, and a line break inside a tag (between
attributes) becomes one space. A line break itself stays, so whitespace between words
and elements renders as before, except where it never shows:

- an empty line;
- a line holding only tags that print nothing ({% if %}, {% for %}, {% endblock %},
  {# … #}, {% translate "…" as x %}, {% blocktranslate … asvar x %} …), so a template
  can give such tags lines of their own at no cost to the page;
- a break just inside a block element's start or end tag (<ul>, <li>, <p>, <div> …, see
  _BLOCKS).

Left exactly as written: <pre>, <textarea>, <script> and <style> content, Django's
{% %}, {{ }} and {# #}, quoted attribute values, and {% blocktranslate %} without
`trimmed` (its text is the message id, line breaks and all). Templates outside the
project (Django's admin, packages) and other files (e-mail .txt, sitemap .xml) are read
as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.template import Origin
from django.template.loaders import app_directories, filesystem

_DJANGO = {"{%": "%}", "{{": "}}", "{#": "#}"}
_RAW_START = re.compile(r"<(pre|textarea|script|style)\b", re.I)
_UNTRIMMED = re.compile(r"{%\s*blocktrans(?:late)?\b(?![^%]*\btrimmed\b)[^%]*%}")
_UNTRIMMED_END = re.compile(r"{%\s*endblocktrans(?:late)?\s*%}")


# A whole line of {% %} and {# #} tags (and spaces), its line break included.
# A {% blocktranslate … asvar name %} kept for later (printing nothing), a tag, a comment.
_TAG_RE = (
    r"{%\s*blocktrans(?:late)?\s[^%\n]*\basvar\s[^%\n]*%}.*?{%\s*endblocktrans(?:late)?\s*%}"
    r"|{%(?:[^%\n]|%(?!}))*%}|{#(?:[^#\n]|#(?!}))*#}"
)
_QUIET_LINE = re.compile(rf"((?:{_TAG_RE}|[ \t])+)(?:\n|\Z)")
_TOKEN = re.compile(_TAG_RE)
# Tags that only structure the template and never print anything themselves.
_QUIET_TAGS = {
    "if", "elif", "else", "endif", "for", "empty", "endfor", "with", "endwith",
    "block", "endblock", "extends", "load", "comment", "endcomment", "partialdef",
    "endpartialdef", "cache", "endcache", "get_current_language", "get_available_languages",
}  # fmt: skip


# Elements this site always lays out as blocks (or flex and grid containers), where
# whitespace just inside the start or end tag renders as nothing.
_BLOCKS = (
    "html|head|body|header|footer|main|nav|section|article|aside|div|p|ul|ol|li|form|"
    "fieldset|figure|figcaption|dialog|select|table|thead|tbody|tr|td|th|h[1-6]|blockquote"
)
_BLOCK_OPEN = re.compile(rf"<(?:{_BLOCKS})[\s>]", re.I)
_BLOCK_CLOSE = re.compile(rf"</(?:{_BLOCKS})\s*>", re.I)


def _all_quiet(line: str) -> bool:
    for token in _TOKEN.findall(line):
        if token.startswith("{%"):
            words = token[2:-2].split()
            if not words:
                return False
            # {% translate "…" as name %}, {% url … as name %}: kept for later, not printed.
            kept = words[0] != "cycle" and len(words) > 2 and words[-2] == "as"
            kept = kept or (words[0] in ("blocktranslate", "blocktrans") and "asvar" in words)
            if words[0] not in _QUIET_TAGS and not kept:
                return False
    return True


def compact(source: str) -> str:
    """The template source without line-start indentation or line breaks inside tags."""
    out: list[str] = []
    i, n = 0, len(source)
    line_start = True
    while i < n:
        if line_start:
            j = i
            while j < n and source[j] in " \t":
                j += 1
            i = j
            if source.startswith("\n", i):
                # An empty line: the line before it ended with a break already.
                i += 1
                continue
            quiet = _QUIET_LINE.match(source, i)
            if quiet and _all_quiet(quiet.group(1)):
                # A line of tags that print nothing: the tags stay, the line break goes.
                out.append("".join(_TOKEN.findall(quiet.group(1))))
                i = quiet.end()
                continue
            line_start = False
            continue
        pair = source[i : i + 2]
        if pair == "{%":
            untrimmed = _UNTRIMMED.match(source, i)
            if untrimmed:
                end = _UNTRIMMED_END.search(source, untrimmed.end())
                stop = end.end() if end else n
                out.append(source[i:stop])
                i = stop
                continue
        if pair in _DJANGO:
            stop = source.find(_DJANGO[pair], i + 2)
            stop = n if stop < 0 else stop + 2
            out.append(source[i:stop])
            i = stop
            continue
        char = source[i]
        if char == "<" and source.startswith("<!--", i):
            stop = source.find("-->", i)
            stop = n if stop < 0 else stop + 3
            out.append(source[i:stop])
            i = stop
            continue
        if char == "<" and i + 1 < n and (source[i + 1].isalpha() or source[i + 1] == "/"):
            raw = _RAW_START.match(source, i)
            opening = _BLOCK_OPEN.match(source, i)
            i = _copy_tag(source, i, out)
            if opening and source.startswith("\n", i):
                # Whitespace that opens a block is never shown: the break after <ul> goes.
                i += 1
                line_start = True
                continue
            if raw:
                close = re.compile(rf"</{raw.group(1)}\s*>", re.I).search(source, i)
                stop = close.start() if close else n
                out.append(source[i:stop])
                i = stop
            continue
        if char == "\n":
            line_start = True
            j = i + 1
            while j < n and source[j] in " \t":
                j += 1
            if _BLOCK_CLOSE.match(source, j):
                # Nor is whitespace that closes one: the break before </li> goes.
                i = j
                continue
        out.append(char)
        i += 1
    return "".join(out)


def _copy_tag(source: str, start: int, out: list[str]) -> int:
    """Copies the HTML tag at start, its inner line breaks made spaces; returns its end."""
    parts: list[str] = []
    i, n = start, len(source)
    quote = ""
    while i < n:
        pair = source[i : i + 2]
        if pair in _DJANGO:
            stop = source.find(_DJANGO[pair], i + 2)
            stop = n if stop < 0 else stop + 2
            parts.append(source[i:stop])
            i = stop
            continue
        char = source[i]
        if quote:
            parts.append(char)
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
            parts.append(char)
        elif char == "\n" or (char in " \t" and source[i:].lstrip(" \t").startswith("\n")):
            j = i
            while j < n and source[j] in " \t\n":
                j += 1
            following = source[j] if j < n else ""
            if following not in (">", "/") or source.startswith("/>", j):
                parts.append(" ")
            i = j
            continue
        else:
            parts.append(char)
            if char == ">":
                i += 1
                break
        i += 1
    out.append("".join(parts))
    return i


class _Compacting(filesystem.Loader):
    def get_contents(self, origin: Origin) -> str:
        contents = super().get_contents(origin)
        name = Path(origin.name)
        if name.suffix == ".html" and _is_project_template(name):
            return compact(contents)
        return contents


def _is_project_template(path: Path) -> bool:
    base = Path(settings.BASE_DIR)
    return any(path.is_relative_to(base / part) for part in ("templates", "wacana"))


class FilesystemLoader(_Compacting):
    pass


class AppDirectoriesLoader(_Compacting, app_directories.Loader):
    pass
