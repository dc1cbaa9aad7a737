"""Jinja2 against Django templates for the hot template, 20 article cards (issue 15).

In-process, on the bench data (`make profile`'s environment: the first page of a
rubric), CPU time (time.process_time) per listing of 20 cards, median of 7 rounds:

- Django, each card rendered (`{% include "includes/article_card.html" %}` in a loop,
  as before the card cache);
- Django, the cards from the card cache (`{% article_cards %}`: one get_many);
- Jinja2, the same card written in Jinja2 (card.jinja beside this file), for each card.

    python scripts/bench/templates_bench.py [--rounds 7]

Jinja2 is a development dependency only; the site would have to add it (and a second
template language) to use it. The figures decide whether that pays.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# includes/article_card.html, card_image.html, curation_labels.html and verified.html,
# transcribed (the parts a rubric listing uses: no search snippet, no reading-list row).
CARD = Path(__file__).resolve().parent / "card.jinja"


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
    import django

    django.setup()


def jinja_environment() -> Any:
    import jinja2
    from django.utils.dateformat import format as date_format
    from django.utils.translation import gettext

    from wacana.articles.templatetags.wacana_articles import thousands

    environment = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    environment.install_gettext_callables(gettext, lambda s, p, n: gettext(s if n == 1 else p))
    environment.filters["date"] = lambda value, fmt: date_format(value, fmt) if value else ""
    environment.filters["thousands"] = thousands
    return environment.from_string(CARD.read_text())


def timed(render: Any, rounds: int) -> float:
    render()  # warm
    spent = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(10):
            render()
        spent.append((time.process_time() - started) / 10 * 1000)
    return statistics.median(spent)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    setup()
    from django.template import engines
    from django.utils import translation

    from wacana.articles.models import Article, Category
    from wacana.lib import cursor

    translation.activate("id")
    rubric = Category.objects.get(slug="fiksiana")
    items = cursor.paginate(
        Article.objects.published().in_category(rubric).for_listing(), None, 20
    ).items
    django_engine = engines["django"]
    loop = django_engine.from_string(
        '{% for item in items %}{% include "includes/article_card.html" %}{% endfor %}'
    )
    kept = django_engine.from_string("{% load wacana_articles %}{% article_cards items %}")
    card = jinja_environment()
    context = {"items": items, "save_data": False}
    figures = {
        "Django, each card rendered": timed(lambda: loop.render(context), args.rounds),
        "Django, cards from the card cache": timed(lambda: kept.render(context), args.rounds),
        "Jinja2, each card rendered": timed(
            lambda: "".join(
                card.render(item=item, save_data=False, show_author=True) for item in items
            ),
            args.rounds,
        ),
    }
    print(f"20 cards of /kategori/{rubric.slug}, CPU ms per listing (median of {args.rounds}):")
    for label, value in figures.items():
        print(f"  {label:<36} {value:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
