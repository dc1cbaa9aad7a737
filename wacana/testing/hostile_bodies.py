"""Article bodies built to make a Markdown renderer slow, and what saving one costs.

Shared by the regression test (a generous ceiling) and `make bench` (the timings).
Each body is at most BODY_MAX characters, as the form allows no more. The first ones are
those of the outside review that took seconds per save; the rest are the classic
pathological inputs of CommonMark implementations.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from wacana.articles.models import PAGES_MAX
from wacana.discovery import search
from wacana.discovery.stemming import distinct_stems
from wacana.lib import markdown

BODIES: dict[str, Callable[[], str]] = {
    "![ x 49,000": lambda: "![" * 49_000,
    "table, 30,000 rows": lambda: "a|b\n-|-\n" + "|\n" * 30_000,
    "table, 24,000 rows of 1|2": lambda: "a|b\n-|-\n" + "1|2\n" * 24_000,
    "[ x 99,990": lambda: "[" * 99_990,
    "*a x 49,000": lambda: "*a" * 49_000,
    "‹ x 99,990": lambda: "‹" * 99_990,
    "nested emphasis *** a ___": lambda: "*" * 33_000 + "a" + "_" * 33_000,
    "nested emphasis *_ a _*": lambda: "*_" * 24_000 + "a" + "_*" * 24_000,
    "**a x 33,000": lambda: "**a" * 33_000,
    "_a x 49,000": lambda: "_a" * 49_000,
    "~~a x 33,000": lambda: "~~a" * 33_000,
    "3,000 link references": lambda: (
        "".join(f"[r{i}]: /r/{i}\n" for i in range(3_000))
        + "\n"
        + "".join(f"[r{i}] " for i in range(3_000))
    ),
    "[a]( x 24,000 (unclosed links)": lambda: "[a](" * 24_000,
    "![a]( x 19,000": lambda: "![a](" * 19_000,
    "]( x 49,000": lambda: "](" * 49_000,
    "list nested 49,000 deep": lambda: "- " * 49_000 + "a",
    "list nested 300 deep, one per line": lambda: "".join("  " * i + "- a\n" for i in range(300)),
    "quote nested 49,000 deep": lambda: "> " * 49_000 + "a",
    "quote nested 99,000 deep": lambda: ">" * 99_000 + "a",
    "a, newline x 49,995": lambda: "a\n" * 49_995,
    "a, carriage return x 49,995": lambda: "a\r" * 49_995,
    "16,000 paragraphs": lambda: "kata\n\n" * 16_000,
    "list of 25,000 items": lambda: "- a\n" * 25_000,
    "list of 3,600 items (just within the budget)": lambda: "- a\n" * 3_600,
    "5,000 short lines (verse)": lambda: "kata kata kata kata\n" * 5_000,
    "1,000 lines of verse": lambda: "Di tepi pantai kami menunggu senja tiba\n" * 1_000,
    "5,500 page breaks": lambda: "a\n<!--nextpage-->\n" * 5_500,
    "20 pages of prose": lambda: "\n<!--nextpage-->\n".join(
        ["Kalimat yang biasa saja di sebuah halaman. " * 110] * 20
    ),
    "one word of 99,990 letters": lambda: "a" * 99_990,
    "one address of 99,990 characters": lambda: "http://" + "a" * 99_980,
    "<http:// x 12,000": lambda: "<http://" * 12_000,
    "<http:// x 7,900": lambda: "<http://" * 7_900,
    "![ x 3,990 in prose": lambda: ("![" * 3_990 + " kata biasa" * 8_000)[:99_990],
    "![ x 2,600 in prose (just within the budget)": lambda: ("![" * 2_600 + " kata biasa" * 8_000)[
        :99_990
    ],
    "http:/ x 16,000 in one paragraph": lambda: "http:/" * 16_000,
    "www. x 24,000": lambda: "www." * 24_000,
    "a@b. x 24,000": lambda: "a@b." * 24_000,
    "3,500 images": lambda: "![](/media/images/1-a.webp)\n" * 3_500,
    "`a x 49,000": lambda: "`a" * 49_000,
    "backtick runs of 1..440": lambda: "".join("`" * i + "a" for i in range(1, 440)),
    "<a x 49,000": lambda: "<a" * 49_000,
    "&# x 49,000": lambda: "&#" * 49_000,
    "a long real article (84 KB, 250 sections)": lambda: (
        (
            "## Bagian\n\n"
            + "Paragraf tentang anak-anak di desa, dengan **tebal** dan [tautan](https://a.id/x). "
            + "Kalimat biasa yang lebih panjang tentang sekolah dan sawah di kampung. " * 3
            + "\n\n- butir satu\n- butir dua\n\n"
        )
        * 250
    ),
    "prose, 100,000 characters": lambda: ("Ini kalimat biasa tentang desa dan sekolah. " * 2_300)[
        :99_990
    ],
}


@dataclass(frozen=True)
class Cost:
    refused: str | None  # why the form refuses it (422), or None
    seconds: float  # the checks, plus rendering and indexing when accepted


def save_cost(body: str) -> Cost:
    """The CPU work of saving `body` that grows with it: the form's checks, and for an
    accepted body the render (pages, text figures) and the search index's stems."""

    started = time.thread_time()
    refused = markdown.body_problem(body)
    if refused is None and len(markdown.split_pages(body)) > PAGES_MAX:
        refused = "pages"
    if refused is None:
        markdown.render_article(body, lambda sources: {})
        distinct_stems(search.plain_text_from_markdown(body))
    return Cost(refused, time.thread_time() - started)


def render_cost(body: str) -> float:
    """Rendering alone, even for a body the form would refuse."""
    started = time.thread_time()
    markdown.render_article(body, lambda sources: {})
    return time.thread_time() - started
