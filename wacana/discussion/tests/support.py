"""Helpers for the discussion tests: articles, comments, clients and a small DOM."""

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from django.test import Client
from django.utils import translation

from wacana.accounts.models import User
from wacana.articles import actions as article_actions
from wacana.articles.models import Article, Category
from wacana.discussion import actions
from wacana.discussion.models import Comment


def indonesian(message: str, **params: Any) -> str:
    """What the Indonesian interface shows for `message`, as the catalogue stands."""
    with translation.override("id"):
        text = translation.gettext(message)
    return text % params if params else text


def publish(author: User, title: str = "Sekolah di Atas Bukit", **extra: Any) -> Article:
    article = article_actions.create_article(
        author,
        {
            "title": title,
            "body": "Setiap pagi anak-anak Desa Wolojita berjalan dua jam menuju sekolah.",
            "category": Category.objects.get(slug="sekolah"),
            "tags": [],
            **extra,
        },
    )
    return article_actions.publish_article(author, article)


def draft(author: User, title: str = "Draf yang belum terbit") -> Article:
    return article_actions.create_article(
        author,
        {
            "title": title,
            "body": "Belum selesai.",
            "category": Category.objects.get(slug="sekolah"),
            "tags": [],
        },
    )


def comment(
    author: User, article: Article, body: str = "Tulisan yang bagus.", parent: Any = None
) -> Comment:
    article = Article.objects.select_related("author").get(pk=article.pk)
    return actions.post_comment(author, article, body, parent)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fresh(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def visible_count(article: Article) -> int:
    return Comment.objects.filter(article=article, status="visible").count()


def assert_count_exact(article: Article) -> None:
    assert fresh(article).comment_count == visible_count(article)


def assert_reply_counts_exact(article: Article) -> None:
    for top in Comment.objects.filter(article=article, parent__isnull=True):
        assert top.reply_count == top.replies.filter(status="visible").count(), top.pk


# --- a small DOM: tags, ids, classes and attributes, descendant selectors ------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_COMPOUND_RE = re.compile(r"^([a-z0-9*]+)?((?:[#.][\w-]+|\[[\w-]+(?:[\^*$]?=[^\]]*)?\])*)$")
_PART_RE = re.compile(r"#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:([\^*$]?=)([^\]]*))?\]")


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)

    @property
    def text(self) -> str:
        raw = "".join(c if isinstance(c, str) else c.text + " " for c in self.children)
        return " ".join(raw.split())

    def descendants(self) -> Iterator["Node"]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.descendants()

    def matches(self, compound: str) -> bool:
        found = _COMPOUND_RE.match(compound)
        assert found, f"unsupported selector {compound!r}"
        if found[1] not in (None, "*", self.tag):
            return False
        classes = self.attrs.get("class", "").split()
        for ident, cls, attr, op, value in _PART_RE.findall(found[2]):
            if ident and self.attrs.get("id") != ident:
                return False
            if cls and cls not in classes:
                return False
            if attr and not self._attr_matches(attr, op, value.strip("'\"")):
                return False
        return True

    def _attr_matches(self, name: str, op: str, value: str) -> bool:
        if name not in self.attrs:
            return False
        have = self.attrs[name]
        return {
            "": True,
            "=": have == value,
            "^=": have.startswith(value),
            "$=": have.endswith(value),
            "*=": value in have,
        }[op]

    def select(self, selector: str) -> list["Node"]:
        *ancestors, last = selector.split()
        found = []
        for node in self.descendants():
            if not node.matches(last):
                continue
            wanted, up = list(ancestors), node.parent
            while wanted and up is not None:
                if up.matches(wanted[-1]):
                    wanted.pop()
                up = up.parent
            if not wanted:
                found.append(node)
        return found

    def one(self, selector: str) -> "Node":
        found = self.select(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def dom(response_or_html: Any) -> Node:
    html = (
        response_or_html if isinstance(response_or_html, str) else response_or_html.content.decode()
    )
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
