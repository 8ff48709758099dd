"""Text keys for comparing msgstr: normalized Khmer, no invisible characters, no whitespace
differences, Latin case folded, Khmer digits as Latin digits — and term search that only accepts
hits on Khmer cluster boundaries (and Latin word boundaries).
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit import khmer

_KHMER = "\u1780-\u17ff\u19e0-\u19ff"
# Whitespace next to a Khmer character is optional in Khmer writing: it is not compared.
_KHMER_SPACE_RE = re.compile(rf"(?<=[{_KHMER}])\s+|\s+(?=[{_KHMER}])")
_SPACES_RE = re.compile(r"\s+")
_WORD_CHAR_RE = re.compile(r"[^\W_]")  # a letter or digit (any script)
_LATIN_ALNUM_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """The form msgstr and target terms are compared in (see module docstring)."""
    text = khmer.strip_invisible(khmer.normalize(text))
    text = _KHMER_SPACE_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return khmer.to_ascii_digits(text).casefold()


def on_boundaries(hay: str, start: int, end: int) -> bool:
    """True if ``hay[start:end]`` neither starts nor ends inside a Khmer cluster or a Latin word."""
    if not (khmer.is_cluster_boundary(hay, start) and khmer.is_cluster_boundary(hay, end)):
        return False
    if start > 0 and _LATIN_ALNUM_RE.match(hay, start) and _LATIN_ALNUM_RE.match(hay, start - 1):
        return False
    if end < len(hay) and _LATIN_ALNUM_RE.match(hay, end - 1) and _LATIN_ALNUM_RE.match(hay, end):
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
