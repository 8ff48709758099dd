"""Paragraphs and line breaks: which single line breaks end a unit of prose and which are wraps.

A blank line always separates paragraphs. A single line break is *structural* (it ends the
segment and starts a new paragraph) after a headline, byline, caption or list item and in text
with one paragraph per line; it is a *soft wrap* in hard-wrapped prose. ``auto`` decides per
document and per line from cheap evidence: does the line end a sentence, does the next line
continue in lower case, does the next line start a list item, is the line as long as the
document's wrap width (so that the next word could not fit)?
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MODES = ("auto", "blank", "line")

_NEWLINE = re.compile(r"\r\n|\r|\n")
_EDGE_SPACE = ("\r\n \t\f\v\u00a0\u1680\u2000\u2001"
               "\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff")
_CLOSERS = "”’\"')]}»"
_OPENERS = "“‘\"'([{«"
_EN_TERMINAL = ".!?…"
# A list item: a bullet, or a number / letter / roman numeral with "." ")" ".)" and a space.
_LIST_ITEM = re.compile(r"[ \t]*(?:[•⁃▪◦‣●○■□➢►*–—-][ \t]|(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,5})(?:\.\)|[.)])[ \t])")
# A byline: "By Sokha Vann", "By Staff Reporter", "By Chan Dara and Keo Lina".
_BYLINE = re.compile(r"By (?:[A-Z][\w’'.-]*|and|&)(?: (?:[A-Z][\w’'.-]*|and|&)){0,6}\Z")
# Line ends that mean the sentence obviously continues on the next line.
_CONTINUES_CHARS = frozenset(",;([–—-")
_CONTINUES_WORDS = frozenset("and or but the a an of to in on for with by at from that".split())
# First characters of a line that may be a list item (see _LIST_ITEM).
_LIST_FIRST = frozenset("•⁃▪◦‣●○■□➢►*–—-0123456789")


# One or more blank (or white-space-only) lines: always a paragraph break.
_BLANK_RUN = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t\f\v\u00a0\u200b\ufeff]*(?:\r\n|\r(?!\n)|\n))+")
# The same for text without carriage returns (the usual case): a pattern that starts with one
# literal character is searched for several times faster than one that starts with a choice.
_BLANK_RUN_LF = re.compile(r"\n(?:[ \t\f\v\u00a0\u200b\ufeff]*\n)+")

#: A line: (start, end without its line break, content without edge white space).
Line = tuple[int, int, str]


def _lines(text: str, start: int, end: int) -> list[Line]:
    if text.find("\r", start, end) >= 0:
        lines: list[Line] = []
        pos = start
        for m in _NEWLINE.finditer(text, start, end):
            lines.append((pos, m.start(), text[pos : m.start()].strip(_EDGE_SPACE)))
            pos = m.end()
        lines.append((pos, end, text[pos:end].strip(_EDGE_SPACE)))
        return lines
    lines = []
    pos = start
    for raw in text[start:end].split("\n"):
        after = pos + len(raw)
        lines.append((pos, after, raw.strip(_EDGE_SPACE)))
        pos = after + 1
    return lines


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of text between blank lines."""
    pos = 0
    for m in (_BLANK_RUN if "\r" in text else _BLANK_RUN_LF).finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def units(text: str, mode: str, lang: str) -> Iterator[tuple[int, int]]:
    """Spans ``(start, end)`` of text to segment; each span is its own paragraph.

    Within a span, line breaks are soft wraps; between spans there is a blank line or a
    structural line break. Blocks without a single line break (most paragraphs) cost nothing.
    """
    # Each block: its span, or its non-blank lines when it has line breaks.
    blocks: list[tuple[int, int] | list[Line]] = []
    has_cr = "\r" in text
    for a, b in _blocks(text):
        if text.find("\n", a, b) < 0 and (not has_cr or text.find("\r", a, b) < 0):
            blocks.append((a, b))
        else:
            lines = [line for line in _lines(text, a, b) if line[2]]
            if lines:
                blocks.append(lines)
    # Khmer copy is not hard-wrapped: in `auto` every Khmer line is structural.
    structural = mode == "line" or (mode == "auto" and lang != "en")
    if structural or mode == "blank":
        for block in blocks:
            if isinstance(block, tuple):
                yield block
            elif structural:
                for start, end, _ in block:
                    yield start, end
            else:
                yield block[0][0], block[-1][1]
        return

    multi = [b for b in blocks if isinstance(b, list)]
    features = {line[0]: _features(line[2]) for block in multi for line in block}
    wrapped, width = _document_shape(multi, features)
    for block in blocks:
        if isinstance(block, tuple):
            yield block
            continue
        first = block[0]
        for prev, nxt in zip(block, block[1:]):
            if not _soft(features[prev[0]], features[nxt[0]], wrapped, width):
                yield first[0], prev[1]
                first = nxt
        yield first[0], block[-1][1]


#: What the line-break decision needs to know of a line, computed once per line:
#: (length, ends a sentence, starts lower-case, is a list item, obviously continues, is a byline,
#: length of its first word, ends with a colon)
Features = tuple[int, bool, bool, bool, bool, bool, int, bool]


def _features(content: str) -> Features:
    core = content.rstrip(_CLOSERS)
    terminal = bool(core) and core[-1] in _EN_TERMINAL
    head = content.lstrip(_OPENERS)
    lower = bool(head) and head[0].islower()
    listy = (content[:1] in _LIST_FIRST or content[1:2] in (".", ")") or content[:1] in "ivxIVX") and bool(
        _LIST_ITEM.match(content)
    )
    continues = not terminal and (content[-1] in _CONTINUES_CHARS or content.rsplit(" ", 1)[-1] in _CONTINUES_WORDS)
    byline = content.startswith("By ") and bool(_BYLINE.match(content))
    space = content.find(" ")
    return (len(content), terminal, lower, listy, continues,
            byline, len(content) if space < 0 else space, content.endswith(":"))


def _document_shape(blocks: list[list[Line]], features: dict[int, Features]) -> tuple[bool, int]:
    """Is the document hard-wrapped, and at what width?

    The width is the 90th percentile of the lengths of lines that are not a block's last (one
    long URL on its own line does not make every other line look short).
    """
    evidence = 0
    open_breaks = 0
    lengths: list[int] = []
    for block in blocks:
        for prev, nxt in zip(block, block[1:]):
            fp, fn = features[prev[0]], features[nxt[0]]
            lengths.append(fp[0])
            if fp[1]:
                continue
            open_breaks += 1
            if fn[3]:
                continue
            if fn[2] or fp[4]:
                evidence += 1
    wrapped = evidence > 0 and evidence * 4 >= open_breaks
    lengths.sort()
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    return wrapped, width


def _soft(prev: Features, nxt: Features, wrapped: bool, width: int) -> bool:
    """Decide one line break in `auto` mode: True for a soft wrap, False for a structural break."""
    terminal = prev[1]
    long_line = prev[0] + 1 + nxt[6] > 0.9 * width
    if nxt[5] or prev[5]:
        return False  # a byline stands alone
    if nxt[3]:
        # A new list item, unless a long wrapped line happens to break before "20. The".
        return wrapped and not terminal and long_line and not prev[3] and not prev[7]
    if not terminal and (nxt[2] or prev[4]):
        return True
    if not wrapped:
        return False
    if terminal:
        return True  # wrapped prose: the sentence rules decide ("Mr.\nHun Sen")
    return long_line
