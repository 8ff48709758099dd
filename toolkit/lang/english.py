"""The one English source-text rule set for comparing sentences (translation memory keys).

Two sentences that a translator would translate the same way should get the same key, and
nothing else should. :func:`source_key` is the exact-match key; :func:`loose_key` the key under
which case and punctuation differences disappear (scored as near-exact, not exact);
:func:`words` the word tokens fuzzy scores and the concordance work on.

* :func:`source_key`: Unicode NFC; curly quotes and primes as straight quotes (’ ‘ ′ → ', “ ” ″ → "),
  en and em dashes and Unicode hyphens as ``-``, the ellipsis character as ``...``; no-break,
  thin and other spaces and line breaks as one space; soft hyphens and zero-width characters
  removed; ends stripped. Case is kept: ``US`` and ``us`` are different sentences.
* :func:`loose_key`: :func:`source_key`, case-folded, every character that is neither a letter
  nor a digit dropped, words joined with one space.
* :func:`words`: case-folded runs of letters and digits (``\\w+``), in order.

Also the calendar words the checks and term suggestion both need: :data:`MONTHS` (lower-case name
or abbreviation -> month number) and :data:`WEEKDAYS`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
})
_SPACE_RE = re.compile(r"\s+")

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
#: Month names and their abbreviations, lower case -> month number (1-12).
MONTHS: dict[str, int] = {
    **{name: n for n, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=4_096)  # a sentence and its key held per slot: 65,536 held ~20 MB on large runs
def source_key(text: str) -> str:
    """The exact-match key of an English sentence (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_MAP)
    return _SPACE_RE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Case-folded word tokens (letters and digits) of *text*."""
    return _WORD_RE.findall(source_key(text).casefold())


def loose_key(text: str) -> str:
    """The key under which case and punctuation differences disappear."""
    return " ".join(words(text))
