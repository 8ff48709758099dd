"""Text keys for comparing msgstr: normalized Khmer, no invisible characters, no whitespace
differences, Latin case folded, Khmer digits as Latin digits — and term search that only accepts
hits on Khmer cluster boundaries (and Latin word boundaries).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from toolkit import khmer

_KHMER_DIGIT_RE = re.compile("[\u17e0-\u17e9]")
_DIGIT_PAIRS = tuple((chr(0x17E0 + d), str(d)) for d in range(10))
_WORD_CHAR_RE = re.compile(r"[^\W_]")  # a letter or digit (any script)
_LATIN_ALNUM_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


# Maximal runs of Khmer letters, marks and joiners (Khmer digits and punctuation excluded).
_RUN_RE = re.compile("([\u1780-\u17df\u19e0-\u19ff\u200c\u200d]+)")
# Combining marks of other scripts could attach across a run's edge: then normalize whole.
_FOREIGN_MARK_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


#: Khmer runs met so far that are already normalized and valid (the usual case): a text made of
#: such runs needs no rebuilding. Bounded, so a huge run of distinct words cannot grow it forever.
_CLEAN_RUNS: set[str] = set()
_CLEAN_RUNS_MAX = 200_000


@lru_cache(maxsize=100_000)
def _run_info(run: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """A Khmer run normalized, and pheasa's validation issues in the normalized run."""
    from pheasa import validate

    normal = khmer.normalize(run)
    issues = tuple((issue.start, issue.message) for issue in validate(normal))
    if normal == run and not issues and len(_CLEAN_RUNS) < _CLEAN_RUNS_MAX:
        _CLEAN_RUNS.add(run)
    return normal, issues


def _fast_path(text: str) -> bool:
    return not text.startswith(khmer.BOM) and _FOREIGN_MARK_RE.search(text) is None


def normalize(text: str) -> str:
    """Same result as :func:`toolkit.khmer.normalize`, several times faster on a corpus.

    Normalization never acts across a character outside the Khmer letters, marks and joiners
    (reordering and folding are within clusters), so each Khmer run is normalized on its own and
    cached: words and phrases repeat across a catalog. A leading BOM and foreign combining marks
    take the whole-text path. Equality with the whole-text result is tested on fuzzed strings.
    """
    return analyse(text)[0]


@lru_cache(maxsize=4096)  # every check of one entry asks for the same msgstr
def analyse(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """:func:`normalize` of *text*, and where the normalized text still does not fit the Khmer
    syllable structure (pheasa's validation, run by run) as (offset in the normalized text, message)."""
    if not khmer.has_khmer(text):
        return unicodedata.normalize("NFC", text), ()
    if not _fast_path(text):
        from pheasa import validate

        normal = khmer.normalize(text)
        return normal, tuple((i.start, i.message) for i in validate(normal))
    parts = _RUN_RE.split(text)  # [other, run, other, run, ..., other]
    if _CLEAN_RUNS.issuperset(parts[1::2]) and unicodedata.is_normalized("NFC", text):
        return text, ()  # every run known normalized and valid: nothing to rebuild
    infos = list(map(_run_info, parts[1::2]))
    parts[1::2] = [normal for normal, _ in infos]
    issues: list[tuple[int, str]] = []
    if any(found for _, found in infos):  # rare: locate them in the normalized text
        offset = 0
        for i, part in enumerate(parts):
            if i % 2:
                issues.extend((offset + start, message) for start, message in infos[i // 2][1])
            offset += len(part)
    return unicodedata.normalize("NFC", "".join(parts)), tuple(issues)


def ascii_digits(text: str) -> str:
    """:func:`toolkit.khmer.to_ascii_digits`, fast when there is nothing or little to replace."""
    if text.isascii() or _KHMER_DIGIT_RE.search(text) is None:
        return text
    for khmer_digit, digit in _DIGIT_PAIRS:
        if khmer_digit in text:
            text = text.replace(khmer_digit, digit)
    return text


_INVISIBLE = tuple(sorted(khmer.INVISIBLE))


def strip_invisible(text: str) -> str:
    """:func:`toolkit.khmer.strip_invisible`, with plain replaces (faster than its regex here)."""
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text


@lru_cache(maxsize=1024)  # the numbers check asks again for the same msgstr (usually normalized)
def visible_ascii_digits(text: str) -> str:
    """*text* without invisible characters and with Latin digits."""
    return ascii_digits(strip_invisible(text))


@lru_cache(maxsize=100_000)
def key(text: str) -> str:
    """The form msgstr and target terms are compared in (see module docstring)."""
    words = visible_ascii_digits(analyse(text)[0]).split()  # analyse()[0] is normalize()
    if len(words) < 2:
        return "".join(words).casefold()
    # Whitespace next to a Khmer character is optional in Khmer writing: it is not compared.
    # (Digits are Latin by now, so "១ ៥០០" keeps its space.)
    out = [words[0]]
    last = words[0][-1]
    for word in words[1:]:
        first = word[0]  # a Khmer character (U+1780–U+17FF, U+19E0–U+19FF) on either side?
        if not ("\u1780" <= last <= "\u17ff" or "\u19e0" <= last <= "\u19ff"
                or "\u1780" <= first <= "\u17ff" or "\u19e0" <= first <= "\u19ff"):
            out.append(" ")
        out.append(word)
        last = word[-1]
    return "".join(out).casefold()


# The character classes of khmer.is_cluster_boundary and _LATIN_ALNUM_RE as sets (a set
# lookup is several times cheaper than a regex match, and this runs for every term hit).
_MARKS = frozenset(map(chr, range(0x17B4, 0x17D4))) | {"\u17dd", "\u200c", "\u200d"}
_COENG = "\u17d2"
_LATIN_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") | frozenset(
    map(chr, range(0xC0, 0x250)))


def on_boundaries(hay: str, start: int, end: int) -> bool:
    """True if ``hay[start:end]`` neither starts nor ends inside a Khmer cluster or a Latin word
    (:func:`toolkit.khmer.is_cluster_boundary` at both ends, and no Latin letter or digit on
    both sides of either end)."""
    n = len(hay)
    for i in (start, end):
        if 0 < i < n and (hay[i] in _MARKS or hay[i - 1] == _COENG):
            return False
    if 0 < start < n and hay[start] in _LATIN_ALNUM and hay[start - 1] in _LATIN_ALNUM:
        return False
    if end < n and hay[max(end - 1, 0)] in _LATIN_ALNUM and hay[end] in _LATIN_ALNUM:
        return False
    return True


def contains(hay_key: str, term_key: str) -> bool:
    """True if *term_key* occurs in *hay_key* on boundaries (both already keyed with :func:`key`)."""
    if not term_key:
        return False
    start = hay_key.find(term_key)
    while start >= 0:
        if on_boundaries(hay_key, start, start + len(term_key)):
            return True
        start = hay_key.find(term_key, start + 1)
    return False

