"""Reader holes: the few parts of a kept page that differ for each signed-in reader.

A listing (rubric, tag, /pilihan, search results, a writer's profile) is the same for
every reader but for the header's account menu and a follow button (on a profile, what
the reader may do with its writer: follow, report, or edit their own). Rendering the
whole page again for each signed-in reader cost 10 to 20 ms of CPU (issue 15); instead
the page kept for anonymous readers (wacana/lib/pagecache.py) is also served to
signed-in ones, with those parts rendered for them and put in their place.

A template marks such a part:

    {% load wacana_holes %}
    {% reader_hole "account" %}…what an anonymous reader sees…{% endreader_hole %}
    {% reader_hole "follow" kind="tag" pk=tag.pk slug=tag.slug %}…{% endreader_hole %}

Only while a page is rendered to be kept (`keeping()`) does the tag leave markers around
the part; the kept page stores where each part lies in its bytes (the markers are
stripped, so anonymous readers get exactly the page they got before). For a signed-in
reader each part is replaced by what the renderer registered under its name returns for
that reader (`provide`, in the owning app's `AppConfig.ready()`). The arguments are
plain strings, written into the page, so a renderer must treat them as the page's own
data (they come from the render, never from the request).
"""

import contextlib
import re
import secrets
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode
from weakref import WeakKeyDictionary

from django import template
from django.core.signals import setting_changed
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

Renderer = Callable[[HttpRequest, dict[str, str]], str]

_renderers: dict[str, Renderer] = {}
# While a page is rendered to be kept: the nonce of its markers ("" otherwise). Content
# cannot forge a marker it cannot guess (a NUL of its own also turns the holes off).
_keeping: ContextVar[str] = ContextVar("wacana_keeping_page", default="")


def provide(name: str, renderer: Renderer) -> None:
    """What the part `name` holds for a signed-in reader (its HTML)."""
    _renderers[name] = renderer


# What renderers made, kept in this process (`once`), with this in place of the reader's
# CSRF token (masked afresh for each response).
_TOKEN = secrets.token_hex(16)
_made: dict[tuple[object, ...], str] = {}
_MADE_MAX = 4096


def once(request: HttpRequest, key: tuple[object, ...], render: Callable[[str], str]) -> str:
    """`render(csrf_token)`, rendered once in this process for `key` (which holds all that
    the part shows: the caller's to get right) and given the reader's own token each time.
    Rendering a hole's template cost a quarter to half a millisecond of each request."""
    made = _made.get(key)
    if made is None:
        made = render(_TOKEN)
        if len(_made) >= _MADE_MAX:
            _made.clear()
        _made[key] = made
    return made.replace(_TOKEN, token(request)) if _TOKEN in made else made


def once_template(
    request: HttpRequest, key: tuple[object, ...], name: str, context: dict[str, Any]
) -> str:
    """The template `name` rendered for this reader (`user`, `request` and their token,
    besides `context`), once per process for `key` and the language (see `once`)."""
    return once(
        request,
        (*key, get_language()),
        lambda token: get_template(name).render(
            {"user": request.user, "request": request, **context, "csrf_token": token}
        ),
    )


_tokens: "WeakKeyDictionary[HttpRequest, str]" = WeakKeyDictionary()


def token(request: HttpRequest) -> str:
    """The reader's CSRF token, masked once for all the holes of a response: get_token
    masks it afresh on each call, which cost more than some holes' own rendering. One
    masked token for the page is what a page rendered whole carries too."""
    found = _tokens.get(request)
    if found is None:
        found = _tokens[request] = get_token(request)
    return found


def _forget_made(**kwargs: object) -> None:
    _made.clear()  # a test's settings (the media or static address, say) change the parts


setting_changed.connect(_forget_made, dispatch_uid="wacana-holes-made")


def provided() -> frozenset[str]:
    return frozenset(_renderers)


@contextlib.contextmanager
def keeping() -> Iterator[str]:
    """Within: the page is rendered to be kept, so holes are marked (with the nonce it
    gives, which `strip` then takes)."""
    nonce = secrets.token_hex(8)
    token = _keeping.set(nonce)
    try:
        yield nonce
    finally:
        _keeping.reset(token)


def _open(nonce: str) -> str:
    return f"\x00hole:{nonce}:"


def _close(nonce: str) -> str:
    return f"\x00/hole:{nonce}\x00"


@dataclass(frozen=True)
class Hole:
    start: int  # byte offsets in the kept (unmarked) page
    end: int
    name: str
    args: tuple[tuple[str, str], ...]


def strip(page: bytes, nonce: str) -> tuple[bytes, tuple[Hole, ...] | None]:
    """The page without its markers, and where each marked part lies in it (None: the
    page held a NUL of its own, so its holes cannot be trusted and none is filled)."""
    text = page.decode()
    if "\x00" not in text:
        return page, ()
    marked = re.compile(
        re.escape(_open(nonce)) + "([a-z_]+):([^\x00]*)\x00(.*?)" + re.escape(_close(nonce)), re.S
    )
    out: list[bytes] = []
    holes: list[Hole] = []
    size = 0
    last = 0
    for found in marked.finditer(text):
        before = text[last : found.start()].encode()
        inside = found.group(3).encode()
        out += [before, inside]
        size += len(before)
        holes.append(
            Hole(size, size + len(inside), found.group(1), tuple(parse_qsl(found.group(2))))
        )
        size += len(inside)
        last = found.end()
    out.append(text[last:].encode())
    # Four NULs a hole: any other is the content's own (a title from SQLite, say).
    trusted = text.count("\x00") == 4 * len(holes)
    return b"".join(out), tuple(holes) if trusted else None


def fill(request: HttpRequest, page: bytes, holes: tuple[Hole, ...]) -> bytes | None:
    """The page with each hole rendered for this reader; None if a hole has no renderer
    (the caller then renders the page itself)."""
    parts: list[bytes] = []
    last = 0
    for hole in holes:
        renderer = _renderers.get(hole.name)
        if renderer is None:
            return None
        parts += [page[last : hole.start], renderer(request, dict(hole.args)).strip().encode()]
        last = hole.end
    parts.append(page[last:])
    return b"".join(parts)


register = template.Library()


class HoleNode(template.Node):
    def __init__(
        self, name: template.base.FilterExpression, args: dict[str, template.base.FilterExpression]
    ) -> None:
        self.name = name
        self.args = args
        self.nodelist: template.NodeList = template.NodeList()

    def render(self, context: template.Context) -> SafeString:
        # Stripped, as a renderer's output is: the template's own layout around the part
        # (djLint's line breaks) is then the same in a page rendered whole and a filled one.
        inside = self.nodelist.render(context).strip()
        nonce = _keeping.get()
        if not nonce:
            return mark_safe(inside)  # noqa: S308 - rendered by the template engine, escaped there
        args = urlencode({key: str(value.resolve(context)) for key, value in self.args.items()})
        name = str(self.name.resolve(context))
        return mark_safe(f"{_open(nonce)}{name}:{args}\x00{inside}{_close(nonce)}")  # noqa: S308 - as above


@register.simple_tag
def marking_holes() -> bool:
    """Whether this render marks holes (a page rendered to be kept): a {% cache %} block
    around a hole must then render anew, or it would keep one render's marks."""
    return bool(_keeping.get())


@register.tag("reader_hole")
def reader_hole(parser: template.base.Parser, token: template.base.Token) -> HoleNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("reader_hole takes the hole's name")
    args = template.base.token_kwargs(bits[2:], parser)
    node = HoleNode(parser.compile_filter(bits[1]), args)
    node.nodelist = parser.parse(("endreader_hole",))
    parser.delete_first_token()
    return node
