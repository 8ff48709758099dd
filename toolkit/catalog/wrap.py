"""Line breaking of PO strings exactly as GNU gettext (``msgcat``, ``msgmerge``) does it.

Wrapping churn is the top complaint of PO users: every tool that re-wraps a catalog differently
produces diffs that hide real changes. We write every catalog in GNU gettext's own layout, so a
round trip through default ``msgcat`` changes nothing:

* page width 79 columns, measured in display columns (combining marks, ZWSP and other format
  characters take no column; wide East Asian characters take two);
* break opportunities are those of Unicode line breaking (UAX #14, from the Rust
  ``unicode-linebreak`` crate via ``unicode-segmentation-rs``): after spaces, after ZWSP (so long
  Khmer lines break at word separators, like msgcat and unlike polib or babel), around dashes…;
  never inside an escape sequence, never just before a final ``\\n``;
* greedy filling; an unbreakable run longer than the line stays whole (msgcat never cuts a word);
* a string that needs more than one line, or contains ``\\n`` before its end, starts with
  ``""`` and puts each piece on its own line; each ``\\n`` ends a line.

:func:`wrap` returns the physical lines for one keyword, e.g. ``msgid``, with a prefix such as
``#~ `` (obsolete) or ``#| `` (previous msgid).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from unicode_segmentation_rs import line_breaks

from toolkit.textio import lines

PAGE_WIDTH = 79

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def escape(text: str) -> str:
    """PO string escaping (the C escapes gettext writes)."""
    return text.translate(_ESCAPE_TABLE)


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    """Display columns of one character, the way libunistring's ``uc_width`` counts them."""
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf"):
        return 0
    if category == "Cc":
        return 0
    if "\u1160" <= ch <= "\u11ff":  # Hangul medial vowels and final consonants
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


# libunistring (gettext 0.21) follows an older UAX #14 pair table than the Rust crate; these
# differences were found by probing msgcat with every pair of ASCII and common news and Khmer
# characters (tests/catalog/test_wrap.py keeps that probe):
# a break is allowed after an infix separator or a slash before a letter ("e.|g.", "v2.|pdf",
# "http://|example"), after an infix separator before most symbols ("p.m.|#5"), and after
# spaces that follow a closing bracket before the Khmer sign ៖ ("(ក) |៖": LB16 only for "}").
_OLD_BREAK_RE = re.compile(r"[.,:;/](?=[^\W\d_])|[.,:;](?=[#&*<=>@^_`~§¶©®™×÷→•·¬])|[)\]] +(?=\u17d6)")


def _opportunities(escaped: str) -> list[int]:
    """Character offsets in *escaped* before which a line may break (UAX #14, PO overrides)."""
    size = len(escaped)
    if escaped.isascii():
        found = [offset for offset, mandatory in line_breaks(escaped) if not mandatory and 0 < offset < size]
    else:
        byte_to_char = {}
        position = 0
        for index, ch in enumerate(escaped):
            byte_to_char[position] = index
            position += len(ch.encode("utf-8"))
        byte_to_char[position] = size
        found = [byte_to_char[offset] for offset, mandatory in line_breaks(escaped) if not mandatory]
        found = [index for index in found if 0 < index < size]
    extra = [match.end() for match in _OLD_BREAK_RE.finditer(escaped)]
    if extra:
        found = sorted(set(found).union(extra))
    if "\\" not in escaped or not found:
        return found
    # Never break inside an escape sequence: find which backslashes start one.
    inside: set[int] = set()
    i = escaped.find("\\")
    while i >= 0:
        inside.add(i + 1)
        i = escaped.find("\\", i + 2)
    if escaped.endswith("\\n"):
        inside.add(size - 2)  # no break just before the final \n
    return [index for index in found if index not in inside]


def _width(text: str) -> int:
    """Display columns of *text*."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _breaks(escaped: str, width: int, startcol: int) -> list[int]:
    """Greedy line breaking of one portion, as libunistring's ``ulc_width_linebreaks``."""
    chosen: list[int] = []
    if startcol + _width(escaped) <= width:
        return chosen  # fits: no break is ever taken
    opportunities = _opportunities(escaped)
    if not opportunities:
        return chosen
    if escaped.isascii():
        cumulative = list(range(len(escaped) + 1))
    else:
        cumulative = [0]
        total = 0
        for ch in escaped:
            total += _char_width(ch)
            cumulative.append(total)
    last_column = startcol
    last_break: int | None = None
    position = 0
    for bound in opportunities + [len(escaped)]:
        piece_width = cumulative[bound] - cumulative[position]
        if last_break is not None and last_column + piece_width > width:
            chosen.append(last_break)
            last_column = 0
        last_break = bound
        last_column += piece_width
        position = bound
    return chosen


def _portions(value: str) -> list[str]:
    """Split *value* after each newline (each ``\\n`` ends a physical line)."""
    portions = []
    start = 0
    while True:
        nl = value.find("\n", start)
        if nl < 0 or nl == len(value) - 1:
            portions.append(value[start:])
            return portions
        portions.append(value[start : nl + 1])
        start = nl + 1


NO_WRAP = 1 << 30  # a width no line reaches: msgcat --no-wrap


@lru_cache(maxsize=4096)  # the strings that recur (empty msgstr, hints) and a small catalog (pot and po): bounded
def _wrap_cached(name: str, value: str, prefix: str, page: int) -> tuple[str, ...]:
    return tuple(_wrap(name, value, prefix, page))


def wrap(name: str, value: str, prefix: str = "", page: int = PAGE_WIDTH) -> list[str]:
    """The physical lines of ``name "value"`` in GNU gettext layout (without line ends), for a
    page *page* columns wide (:data:`NO_WRAP`: break only after ``\\n``, as ``--no-wrap``)."""
    return list(_wrap_cached(name, value, prefix, page))


_KEYWORD_LINE = re.compile(r'(?:#~ ?)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "')
_CONTINUATION = re.compile(r'(?:#~ ?)?"')


def detect_width(text: str | Iterable[str]) -> int:
    """The page width a catalog was written with, so that entries added to it look like the
    others: GNU's 79 unless its string lines say otherwise — lines longer than 79 columns in a
    file whose long strings are never broken is ``--no-wrap``; broken at a wider width (Poedit
    rewraps at the longest line) is that width. Unsure: 79. *text*: the file's text or its lines."""
    longest = 0
    broken = False  # some string is broken other than after a \n
    pieces: list[str] = []

    def close() -> None:
        nonlocal broken
        # pieces of one string; a first piece "" is the header line of a multi-line string
        body = pieces[1:] if pieces and pieces[0] == "" else pieces
        if any(not piece.endswith("\\n") for piece in body[:-1]):
            broken = True
        pieces.clear()

    for line in lines(text) if isinstance(text, str) else text:  # a few lines at a time, or as read
        line = line.rstrip("\r")
        if _KEYWORD_LINE.match(line):
            close()
        elif not _CONTINUATION.match(line):
            close()
            continue
        longest = max(longest, _width(line))
        quote = line.index('"')
        pieces.append(line[quote + 1 : -1])
    close()
    if longest <= PAGE_WIDTH:
        return PAGE_WIDTH
    return longest if broken else NO_WRAP


def _wrap(name: str, value: str, prefix: str = "", page: int = PAGE_WIDTH) -> list[str]:
    """The physical lines of ``name "value"`` in GNU gettext layout (without line ends)."""
    after_break = len(prefix) + 1  # the opening quote
    width = page - 1 - after_break  # room for the closing quote
    portions = _portions(value)
    lines: list[str] = []
    first_line = True
    for number, portion in enumerate(portions):
        escaped = escape(portion)
        more = number < len(portions) - 1
        if first_line:
            startcol = len(prefix) + len(name) + 2 - after_break
            breaks = _breaks(escaped, width, startcol)
            if escaped and (more or startcol > width or breaks):
                lines.append(f'{prefix}{name} ""')
                first_line = False
            else:
                lines.append(f'{prefix}{name} "{escaped}"')
                first_line = False
                continue
        breaks = _breaks(escaped, width, 0)
        start = 0
        for cut in breaks + [len(escaped)]:
            lines.append(f'{prefix}"{escaped[start:cut]}"')
            start = cut
    return lines


def wrap_references(references: list[str], prefix: str = "#:", page: int = PAGE_WIDTH) -> list[str]:
    """``#:`` lines as gettext fills them: as many references per line as fit in *page* columns."""
    lines: list[str] = []
    current = prefix
    for ref in references:
        if current != prefix and len(current) + 1 + len(ref) > page:
            lines.append(current)
            current = prefix
        current += " " + ref
    if current != prefix:
        lines.append(current)
    return lines
