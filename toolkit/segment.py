"""Text -> sentence segments with exact offsets, paragraphs and line numbers.

``segment(text)`` never changes the text: each :class:`Segment` is a span of the input
(``text[start:end] == segment.text``), trimmed of white space, inside one paragraph. English
rules (abbreviations, sentence starters, speech verbs) are data, see :func:`load_rules`; Khmer
sentences end at ។ ៕ ? ! and zero-width spaces inside a sentence are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from toolkit.errors import UsageError
from toolkit.segmentation import english, layout
from toolkit.segmentation.rules import SegmentRules, load_rules

__all__ = ["Segment", "SegmentRules", "LANGUAGES", "PARAGRAPH_MODES", "load_rules", "segment"]

LANGUAGES = ("en", "km")
PARAGRAPH_MODES = layout.MODES

# Khmer sentence ends; "?" and "!" only when they are not part of a Latin token (a URL query).
_KM_END = re.compile(r"(?:[។៕]+|[?!]+(?=[\s\u200b]|\Z|[^\x00-\x7f]))[”’\"'»)\]]*")
_WS = frozenset(" \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                "\u2028\u2029\u202f\u205f\u3000\u200b\ufeff\x85\x1c\x1d\x1e\x1f")


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or headline, list item, caption) of the input."""

    text: str  # == input[start:end]
    start: int  # character offsets into the decoded input
    end: int
    paragraph: int  # 0-based paragraph index
    line: int  # 1-based line number of `start` in the input


def segment(
    text: str, *, lang: str = "en", paragraphs: str = "auto", rules: SegmentRules | None = None
) -> list[Segment]:
    """Split *text* into sentences.

    ``paragraphs``: ``auto`` decides per document and line whether a single line break is a soft
    wrap or structural; ``blank`` treats single line breaks as wraps (only blank lines separate
    paragraphs); ``line`` makes every line break structural. Raises :class:`UsageError` for an
    unknown language or mode.
    """
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    if paragraphs not in PARAGRAPH_MODES:
        raise UsageError(f"unknown paragraph mode {paragraphs!r} (choose from {', '.join(PARAGRAPH_MODES)})")
    if not text:
        return []
    if rules is None and lang == "en":
        rules = load_rules()
    lines, line_starts = layout.split_lines(text)
    out: list[Segment] = []
    for index, (start, end) in enumerate(layout.units(text, lines, paragraphs, lang)):
        if lang == "en":
            cuts = english.boundaries(text, start, end, rules)  # type: ignore[arg-type]
        else:
            cuts = [m.end() for m in _KM_END.finditer(text, start, end)]
        a = start
        for cut in (*cuts, end):
            _emit(text, a, cut, index, line_starts, out)
            a = cut
    return _renumber(out)


def _emit(text: str, a: int, b: int, paragraph: int, line_starts: list[int], out: list[Segment]) -> None:
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    if a < b:
        out.append(Segment(text[a:b], a, b, paragraph, bisect_right(line_starts, a)))


def _renumber(segments: list[Segment]) -> list[Segment]:
    """Paragraph indexes counted over paragraphs that have segments (0, 1, 2, ...)."""
    result: list[Segment] = []
    last_raw = None
    index = -1
    for s in segments:
        if s.paragraph != last_raw:
            last_raw = s.paragraph
            index += 1
        result.append(s if s.paragraph == index else Segment(s.text, s.start, s.end, index, s.line))
    return result
