"""The tests' one HTML helper: lxml's parser and CSS selectors (cssselect).

    page = html(response)
    page.select("nav.pager a")       # every match, in document order
    page.one("h1").text             # exactly one match; its text, whitespace squeezed
    link["href"], link.get("rel")   # attributes

`html()` takes a response, a whole document or a fragment (Markdown's output, a comment).
`elements()` lists every element of a fragment with its attributes, for the safety tests.
"""

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

import lxml.html
from lxml.etree import ParserError

_DOCUMENT_RE = re.compile(r"\s*(<!doctype|<html)", re.IGNORECASE)


class Element:
    """An element of a parsed page; `.element` is lxml's own, for anything else."""

    def __init__(self, element: Any, wrapper: bool = False) -> None:
        self.element = element
        self.wrapper = wrapper  # the <div> html() puts around a fragment: never matched

    def __repr__(self) -> str:
        return f"<Element {self.tag} {self.attrs}>"

    @property
    def tag(self) -> str:
        return str(self.element.tag)

    @property
    def attrs(self) -> dict[str, str]:
        return dict(self.element.attrib)

    def __getitem__(self, name: str) -> str:
        return str(self.element.attrib[name])

    def __contains__(self, name: str) -> bool:
        return name in self.element.attrib

    def get(self, name: str, default: str = "") -> str:
        return str(self.element.attrib.get(name, default))

    @property
    def classes(self) -> set[str]:
        return set(self.get("class").split())

    @property
    def raw_text(self) -> str:
        """The text as written, whitespace and all (a textarea's value, a JSON script)."""
        return str(self.element.text_content())

    @property
    def text(self) -> str:
        """The text with runs of whitespace squeezed to one space, trimmed."""
        return " ".join(self.raw_text.split())

    @property
    def shown_text(self) -> str:
        """The text with a line break for each <br> and before each paragraph, roughly
        as a reader sees it (for comparing with what was typed)."""
        copy = deepcopy(self.element)
        for found in copy.iter("br", "p"):
            found.text = "\n" + (found.text or "")
        return str(copy.text_content())

    @property
    def children(self) -> list["Element"]:
        """The child elements, in order (not text, comments or processing instructions)."""
        return [Element(child) for child in self.element if isinstance(child.tag, str)]

    @property
    def parent(self) -> "Element | None":
        parent = self.element.getparent()
        return None if parent is None else Element(parent)

    def select(self, selector: str) -> list["Element"]:
        """Every element below this one matching the CSS `selector`."""
        matches = self.element.cssselect(selector)
        # lxml's cssselect searches descendant-or-self: this element itself is not "below",
        # except the document's root, so that html(page).select("html") finds it.
        root = not self.wrapper and self.element.getparent() is None
        return [Element(found) for found in matches if root or found is not self.element]

    def one(self, selector: str) -> "Element":
        """The one element matching `selector`; fails when there are none or several."""
        found = self.select(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]

    def descendants(self) -> Iterator["Element"]:
        for found in self.element.iterdescendants():
            if isinstance(found.tag, str):  # not comments or processing instructions
                yield Element(found)


def _source(response_or_html: Any) -> str:
    if isinstance(response_or_html, bytes):
        return response_or_html.decode()
    if isinstance(response_or_html, str):
        return response_or_html
    return str(response_or_html.content.decode())


def html(response_or_html: Any) -> Element:
    """The parsed page (or fragment, under a wrapping <div>) of a response or a string."""
    source = _source(response_or_html)
    if _DOCUMENT_RE.match(source):
        return Element(lxml.html.document_fromstring(source))
    try:
        return Element(lxml.html.fragment_fromstring(source, create_parent="div"), wrapper=True)
    except ParserError:  # nothing but whitespace
        return Element(lxml.html.fragment_fromstring("<div></div>"), wrapper=True)


def text(response_or_html: Any, selector: str) -> str:
    """The squeezed text of the one element matching `selector`."""
    return html(response_or_html).one(selector).text


def elements(fragment: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of `fragment`, in order, with its attributes."""
    return [(found.tag, found.attrs) for found in html(fragment).descendants()]
