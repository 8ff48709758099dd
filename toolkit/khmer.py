"""Khmer text policy in one place: normalization, digits, punctuation, invisible characters,
cluster boundaries.

Normalization (Unicode Technical Note #61 encoding order, then NFC) is done by ``pheasa``, a
maintained implementation that also reports each change with offsets; we never reorder by hand.
Our own data is stored normalized; a translator's text is compared normalized but never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pheasa

ZWSP = "\u200b"  # word separator in Khmer, not content
ZWNJ = "\u200c"
ZWJ = "\u200d"
WORD_JOINER = "\u2060"
BOM = "\ufeff"
SOFT_HYPHEN = "\u00ad"
#: Characters that are invisible and ignored when comparing translations.
INVISIBLE = frozenset({ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN})

KHAN = "\u17d4"  # ។ full stop
BARIYOOSAN = "\u17d5"  # ៕ end of section
#: Characters that end a Khmer sentence.
SENTENCE_ENDS = frozenset({KHAN, BARIYOOSAN, "?", "!"})
#: Khmer punctuation and the Latin punctuation it stands for, for end-of-sentence comparison.
PUNCTUATION_EQUIVALENTS = {KHAN: ".", BARIYOOSAN: ".", "\u17d6": ":", "\u17d7": ""}

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
_TO_ASCII_DIGITS = str.maketrans(KHMER_DIGITS, "0123456789")
_TO_KHMER_DIGITS = str.maketrans("0123456789", KHMER_DIGITS)

_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
_SPACES_RE = re.compile(r"\s+")
# A character that continues the cluster before it: dependent vowels, signs, coeng, joiners.
_MARK_RE = re.compile("[\u17b4-\u17d3\u17dd\u200c\u200d]")
_KHMER_RE = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")


def has_khmer(text: str) -> bool:
    """True if *text* contains any Khmer character."""
    return _KHMER_RE.search(text) is not None


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Normalized form of *text*: UTN #61 encoding order and NFC. ZWSP and digits are kept."""
    if not has_khmer(text):
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", pheasa.normalize(text))


def is_normalized(text: str) -> bool:
    """True if *text* is already in normalized form."""
    return normalize(text) == text


@dataclass(frozen=True)
class Change:
    """One edit normalization would make: ``text[start:end]`` would become ``after``."""

    start: int
    end: int
    before: str
    after: str
    rules: tuple[str, ...]


def normalization_changes(text: str) -> list[Change]:
    """What normalization would change in *text*, with offsets, so it can be reported."""
    if not has_khmer(text):
        nfc = unicodedata.normalize("NFC", text)
        return [] if nfc == text else [Change(0, len(text), text, nfc, ("NFC",))]
    report = pheasa.normalize(text, report=True)
    changes = [Change(c.start, c.end, c.before, c.after, tuple(c.rules)) for c in report.changes]
    if not changes and unicodedata.normalize("NFC", report.text) != text:
        changes.append(Change(0, len(text), text, normalize(text), ("NFC",)))
    return changes


def to_ascii_digits(text: str) -> str:
    """Replace Khmer digits ០–៩ by 0–9 (they are the same digits)."""
    return text.translate(_TO_ASCII_DIGITS)


def to_khmer_digits(text: str) -> str:
    """Replace 0–9 by Khmer digits ០–៩."""
    return text.translate(_TO_KHMER_DIGITS)


def strip_invisible(text: str) -> str:
    """Remove zero-width spaces, joiners and other invisible characters."""
    return _INVISIBLE_RE.sub("", text)


def comparison_key(text: str) -> str:
    """The form two renderings are compared in: normalized, invisible characters removed,
    whitespace collapsed to one space, Latin case folded."""
    return _SPACES_RE.sub(" ", strip_invisible(normalize(text))).strip().casefold()


def is_cluster_boundary(text: str, index: int) -> bool:
    """True if a Khmer orthographic cluster may start (or end) at *index* of *text*.

    A position is inside a cluster when the character there is a combining mark (vowel sign,
    sign, coeng, joiner) or the character before it is a coeng (U+17D2), which binds the next
    consonant as a subscript.
    """
    if index <= 0 or index >= len(text):
        return True
    if _MARK_RE.match(text, index):
        return False
    return text[index - 1] != "\u17d2"


def find_on_boundaries(haystack: str, needle: str) -> list[int]:
    """Start offsets of *needle* in *haystack* that begin and end on cluster boundaries.

    Plain substring search is wrong for Khmer: a short term would match inside a longer word's
    syllable (a consonant that is really the base of a cluster with a subscript or vowel).
    """
    found: list[int] = []
    if not needle:
        return found
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        if is_cluster_boundary(haystack, start) and is_cluster_boundary(haystack, end):
            found.append(start)
        start = haystack.find(needle, start + 1)
    return found
