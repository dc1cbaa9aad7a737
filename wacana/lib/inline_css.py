"""The site's small stylesheets, inlined in the page's <head> (issue 18).

On a slow mobile network a linked stylesheet costs a round trip before the first paint
(it is render-blocking); inlined, the HTML alone paints the page. These files are a few
kilobytes, brotli makes them smaller still, and they carry no url() (no path to rewrite).
The Content-Security-Policy lets exactly these texts in by their SHA-256 (settings.py
adds `hashes()` to style-src), so no 'unsafe-inline' and no per-response nonce (a page a
shared cache keeps stays valid).

    {% load wacana_css %}{% inline_css "css/site.css" %}
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from django import template
from django.utils.safestring import SafeString, mark_safe

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
# Only these are inlined: the others (the writing tools') stay linked and cached.
INLINED = ("css/site.css", "css/pages.css", "css/discovery.css")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)

register = template.Library()


@cache
def text(name: str) -> str:
    """The stylesheet as it goes in the page: comments, indentation and the line breaks
    after a brace, semicolon or comma dropped (the files are written minified already)."""
    if name not in INLINED:
        raise ValueError(f"{name} is not an inlined stylesheet")
    css = _COMMENT.sub("", (STATIC_DIR / name).read_text(encoding="utf-8"))
    lines = [line.strip() for line in css.splitlines()]
    out = ""
    for line in (line for line in lines if line):
        out += line if not out or out[-1] in "{};," else "\n" + line
    return out


def hashes() -> list[str]:
    """CSP source expressions ('sha256-…') for every inlined stylesheet."""
    out = []
    for name in INLINED:
        digest = hashlib.sha256(text(name).encode("utf-8")).digest()
        out.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return out


@cache
def digest() -> str:
    """Moves with any inlined stylesheet: part of the key of every page kept whole, so a
    deploy that changes one never serves a kept page whose <style> the new policy's
    hashes refuse (the page would show unstyled until the copy expired)."""
    return hashlib.blake2b("".join(hashes()).encode(), digest_size=6).hexdigest()


@register.simple_tag
def inline_css(name: str) -> SafeString:
    # The files are ours and hold no "</style" (a test checks): safe to put in as they are.
    return mark_safe(f"<style>{text(name)}</style>")  # noqa: S308
