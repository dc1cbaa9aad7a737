"""Indonesian stemming for search: the same words → stems rule for indexed text and queries.

PySastrawi is dictionary-based (`memainkan` → `main`, `perekonomian` → `ekonomi`), so both
databases search over text that is already stemmed here and need no language support of
their own. A stem is plain ASCII letters and digits, which SQLite's FTS5 tokenizer and
PostgreSQL's parser both keep as one token.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Runs of letters (any script) or of digits; everything else separates words, so
# "anak-anak" is two tokens, both stemmed to "anak", and "covid19" is "covid" and "19".
# Keeping letters and digits apart also keeps each stem one token for PostgreSQL's
# parser, which would cut a mixed "12e3abc" into "12e3" and "abc".
WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_RUN_RE = re.compile(r"[a-z]+|[0-9]+")
# Longer "words" are noise (a pasted hash, a URL without separators): not indexed.
MAX_TOKEN = 40


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Builds its dictionary (about 30,000 words) once per process, on first use.
    # Imported here too: processes that never stem (most web requests) skip its load.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # noqa: PLC0415 - loaded on first stem: most processes never stem

    return StemmerFactory().create_stemmer()


def _ascii(word: str) -> str:
    # "café" → "cafe": Sastrawi keeps only a-z and 0-9, and would drop the accented letter.
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word ("" when nothing searchable is left of it)."""
    plain = _ascii(word)
    if not plain or len(plain) > MAX_TOKEN:
        return ""
    if plain.isdigit():
        return plain
    stemmed: str = _stemmer().stem(plain)
    # Sastrawi may return several words for odd input; keep it one token.
    return re.sub(r"[^a-z0-9]", "", stemmed)


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of `text` with their positions (for highlighting the originals)."""
    return WORD_RE.finditer(text)


def stems(text: str) -> list[str]:
    """Every word's stem, in order, leaving out words with nothing searchable."""
    out: list[str] = []
    for match in WORD_RE.finditer(text):
        found = stem(match.group())
        if found.isalpha() or found.isdigit():
            out.append(found)
        elif found:  # a letter that folds to a digit ("①"): keep the runs apart
            out += _RUN_RE.findall(found)
    return out


def distinct_stems(text: str) -> list[str]:
    """Each stem once, in order of first appearance."""
    return list(dict.fromkeys(stems(text)))
