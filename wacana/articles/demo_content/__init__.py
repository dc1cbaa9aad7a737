"""Original Indonesian demo articles for `make run`, written for Wacana (not from the web)."""

from wacana.articles.demo_content.part_a import ARTICLES as PART_A
from wacana.articles.demo_content.part_b import ARTICLES as PART_B
from wacana.articles.demo_content.part_c import ARTICLES as PART_C

ARTICLES: list[dict[str, object]] = [*PART_A, *PART_B, *PART_C]
