"""Text -> sentence segments with exact offsets, paragraphs and line numbers.

``segment(text)`` never changes the text: each :class:`Segment` is a span of the input
(``text[start:end] == segment.text``), trimmed of white space, inside one paragraph. English
rules (abbreviations, sentence starters, speech verbs) are data, see :func:`load_rules`; Khmer
sentences end at ។ ៕ ? ! and zero-width spaces inside a sentence are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from toolkit.errors import UsageError
from toolkit.gcpause import paused_gc
from toolkit.segmentation import english, layout
from toolkit.segmentation.rules import SegmentRules, load_rules

__all__ = [
    "Segment", "SegmentRules", "LANGUAGES", "PARAGRAPH_MODES", "blocks", "line_breaks", "load_rules", "segment",
    "segment_block", "segment_blocks",
]

LANGUAGES = ("en", "km")
PARAGRAPH_MODES = layout.MODES

# Khmer sentence ends; "?" and "!" only when they are not part of a Latin token (a URL query).
_KM_END = re.compile(r"(?:[។៕]+|[?!]+(?=[\s\u200b]|\Z|[^\x00-\x7f]))[”’\"'»)\]]*")


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or headline, list item, caption) of the input."""

    text: str  # == input[start:end]
    start: int  # character offsets into the decoded input
    end: int
    paragraph: int  # 0-based paragraph index
    line: int  # 1-based line number of `start` in the input


@dataclass(slots=True)
class _Draft:
    """A mutable twin of :class:`Segment` with the same slots, so that it can become one.

    Filling slots by attribute assignment is the cheapest way Python has to build an object;
    a finished draft then changes its class to the frozen :class:`Segment` (allowed because
    the memory layouts are the same), and is from then on an ordinary frozen Segment.
    """

    text: str
    start: int
    end: int
    paragraph: int
    line: int


assert _Draft.__slots__ == Segment.__slots__  # the layouts must stay the same


def segment(
    text: str, *, lang: str = "en", paragraphs: str = "auto", rules: SegmentRules | None = None
) -> list[Segment]:
    """Split *text* into sentences.

    ``paragraphs``: ``auto`` decides per document and line whether a single line break is a soft
    wrap or structural; ``blank`` treats single line breaks as wraps (only blank lines separate
    paragraphs); ``line`` makes every line break structural. Raises :class:`UsageError` for an
    unknown language or mode.
    """
    _check(lang, paragraphs)
    if not text:
        return []
    if rules is None and lang == "en":
        rules = load_rules()
    with paused_gc():  # keeps the time linear in the input (toolkit.gcpause)
        return _segment(text, lang, paragraphs, rules)


def segment_block(
    text: str, start: int = 0, end: int | None = None, *, lang: str = "en", rules: SegmentRules | None = None,
    paragraph: int = 0,
) -> list[Segment]:
    """Split one block ``text[start:end]`` of a larger document into sentences.

    A source format that knows its blocks (a Markdown paragraph, an HTML ``<p>``, a Word
    paragraph) passes the whole document and the block's span: offsets and line numbers of the
    segments are the document's, every line break inside the block is a soft wrap, and every
    segment gets *paragraph* as its paragraph index.
    """
    _check(lang)
    end = len(text) if end is None else end
    if start >= end:
        return []
    if rules is None and lang == "en":
        rules = load_rules()
    found = _segment(text, lang, "blank", rules, [(start, end)])
    for seg in found:
        object.__setattr__(seg, "paragraph", paragraph)
    return found


def blocks(text: str, *, lang: str = "en", paragraphs: str = "auto") -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the paragraphs of a plain text, as :func:`segment` cuts them.

    Inside a span every line break is a soft wrap; *paragraphs* decides which single line breaks
    end a span (see :func:`segment`). A format without markup (plain text) gets its blocks here.
    """
    _check(lang, paragraphs)
    return list(layout.units(text, paragraphs, lang))


def segment_blocks(
    text: str, spans: Sequence[tuple[int, int]], *, lang: str = "en", rules: SegmentRules | None = None
) -> list[Segment]:
    """Sentences of several blocks of one document (sorted, disjoint *spans*) in one scan.

    The segments are those :func:`segment_block` gives for each block (tested on every case
    file), at the speed of one call; ``paragraph`` counts the blocks that have sentences, as in
    :func:`segment`, whose result is ``segment_blocks(text, blocks(text))``.
    """
    _check(lang)
    if not spans:
        return []
    if rules is None and lang == "en":
        rules = load_rules()
    with paused_gc():
        return _segment(text, lang, "blank", rules, list(spans))


def line_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """Line breaks (CR LF, CR or LF) in ``text[start:end]``: the line of *end* is ``1 +`` this with start 0."""
    return _line_breaks(text, start, len(text) if end is None else end)


def _check(lang: str, paragraphs: str = "auto") -> None:
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    if paragraphs not in PARAGRAPH_MODES:
        raise UsageError(f"unknown paragraph mode {paragraphs!r} (choose from {', '.join(PARAGRAPH_MODES)})")


def iter_segments(text: str, *, lang: str = "en", paragraphs: str = "auto", rules: SegmentRules | None = None,
                  batch: int = 512) -> Iterator[Segment]:
    """The segments of :func:`segment`, produced *batch* paragraphs at a time, so a command that
    prints them as they come holds the text and one batch, not every segment of a large file."""
    _check(lang, paragraphs)
    if not text:
        return
    if rules is None and lang == "en":
        rules = load_rules()
    units = list(layout.units(text, paragraphs, lang))
    cursor = _Cursor()
    for first in range(0, len(units), batch):
        with paused_gc():
            found = _segment(text, lang, "blank", rules, units[first : first + batch], cursor)
        yield from found


class _Cursor:
    """Where a scan stopped: the last paragraph index and the line of offset *counted*."""

    __slots__ = ("paragraph", "line", "counted")

    def __init__(self) -> None:
        self.paragraph, self.line, self.counted = -1, 1, 0


def _segment(text: str, lang: str, paragraphs: str, rules: SegmentRules | None,
             units: list[tuple[int, int]] | None = None, cursor: _Cursor | None = None) -> list[Segment]:
    if units is None:
        units = list(layout.units(text, paragraphs, lang))
    cursor = cursor or _Cursor()
    if lang == "en":
        spans = english.Splitter(rules).spans_of_units(text, units)  # type: ignore[arg-type]
    else:
        spans = [(a, b, i) for i, (start, end) in enumerate(units) for a, b in _khmer_sentences(text, start, end)]
    out: list[Segment] = []
    append = out.append
    new = object.__new__
    has_cr = "\r" in text
    paragraph = cursor.paragraph
    last_unit = -1
    line, counted = cursor.line, cursor.counted  # the line of offset `counted`, counted on from there
    one_line = True
    for a, b, unit in spans:
        if unit != last_unit or not one_line:
            if unit != last_unit:  # paragraphs are counted over units that have segments
                last_unit = unit
                paragraph += 1
                start, end = units[unit]
                one_line = text.find("\n", start, end) < 0 and not (has_cr and text.find("\r", start, end) >= 0)
            line += _line_breaks(text, counted, a) if has_cr else text.count("\n", counted, a)
            counted = a
        seg = new(_Draft)
        seg.text = text[a:b]
        seg.start = a
        seg.end = b
        seg.paragraph = paragraph
        seg.line = line
        seg.__class__ = Segment  # type: ignore[assignment]  # same slots: see _Draft
        append(seg)  # type: ignore[arg-type]  # a Segment now
    cursor.paragraph, cursor.line, cursor.counted = paragraph, line, counted
    return out


def _khmer_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.end() for m in _KM_END.finditer(text, start, end)]
    spans = []
    a = start
    for cut in (*cuts, end):
        span = english.trim(text, a, cut)
        if span[0] < span[1]:
            spans.append(span)
        a = cut
    return spans


def _line_breaks(text: str, start: int, end: int) -> int:
    """Line breaks (CR LF, CR or LF) in ``text[start:end]``; neither offset splits a CR LF pair."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
