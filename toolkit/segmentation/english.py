"""English sentence boundaries inside units of prose (paragraphs, lines; see layout).

One compiled regular expression, run once over the whole text, finds every *candidate*
boundary (sentence punctuation, closing quotes or brackets, white space, then no lower-case
letter) and already settles the commonest cases: an ordinary word before a period ends the
sentence, a title such as "Mr." never does, nor does "No." or "Sept." before a number. Every
other candidate gets a small decision that looks only at the word before and the word after, so
the cost is linear in the input. What a period after a word means comes from
:class:`~toolkit.segmentation.rules.SegmentRules` (data), not from literals here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from toolkit.segmentation.rules import SegmentRules

_OPENERS = "“‘\"'([{«"
_CLOSERS = "”’\"')]}»"
_QUOTES = "”’\"'»"
_INVISIBLE = "\u200b\ufeff"

# Candidate boundaries: sentence punctuation -- a spaced ellipsis ". . ." (3 or more dots) or a
# run of . ! ? … (not a dot inside a spaced ellipsis) -- then closing quotes/brackets, then white
# space and something that is not a lower-case letter (a sentence never ends before "a" or
# "said"; the end of a unit needs no boundary). The pattern starts with a character class so the
# regex engine scans fast. It is compiled per rule set (see _candidates) and has two branches.
# The first takes a lone period after a word ending in four lower-case letters that is no
# abbreviation ("year.", "province."): most sentence ends, decided without more work in Python;
# its closers are group 1, so `m.lastindex == 1` tells this branch. The second takes the rest,
# with the punctuation after the first character as group 2 and the closers as group 3; a period
# after a `prefix` or `inside` abbreviation ("Mr.", "e.g.") is no candidate at all.
# The look-ahead right after the first character (what may follow it in a candidate) spares
# the look-behinds for the many periods inside numbers, initialisms and addresses ("81.1").
_FIRST = r"[.!?…‽](?=[.!?…‽ ”’\"'»)\]}\s\u200b])(?<!\. .)"
_LONE = r"(?![.!?…‽]|[ ]\.)"  # nothing more of the punctuation follows
# At most 32 marks after the first: a candidate is tried at every mark of a run, and an unbounded
# run made that quadratic (8,000 dots took 2 s, 400,000 never finished); with the bound a run of
# any length is linear, and real text never has 33 marks in a row.
_REST = r"((?:[ ]\.){2,}|[.!?…‽]{0,32}(?![ ]\.))"
_CLOSERS_GROUP = r"([”’\"'»)\]}]*)"
_AFTER = r"[\s\u200b]+(?=[“‘\"'(\[{«]*[^a-z\s\u200b])"


@lru_cache(maxsize=16)
def _candidates(rules: SegmentRules) -> re.Pattern[str]:
    # Abbreviations that end in four lower-case letters ("approx", "Sept" does not) are excluded by
    # their last four letters (a plain word with the same ending merely takes the slow path).
    tails = sorted({w[-4:] for w in rules.abbreviations if re.fullmatch(r"[a-z]{4}", w[-4:])})
    ordinary = r"(?<=[a-z]{4}\.)(?<!\b[ivx]{4}\.)(?<!\b[ivx]{5}\.)"
    if tails:
        ordinary += r"(?<!(?:%s)\.)" % "|".join(map(re.escape, tails))
    # One negative look-behind per length (Python needs fixed widths), exact spellings (the
    # lower-case variants are in the table too); other spellings ("MR.") take the Python path.
    never = "".join(r"(?<!\b(?:%s)\.)" % words for words in _by_length(rules, ("prefix", "inside")))
    # A `number` or `month` abbreviation after a space, then a lone period and a digit ("No. 41",
    # "Sept. 30"), is no sentence end either: the same decision as the Python fast path's.
    never += "".join(r"(?!(?<=[ ](?:%s)\.)[\s\u200b]+\d)" % words for words in _by_length(rules, ("number", "month")))
    ordinary_branch = ordinary + _LONE + _CLOSERS_GROUP
    other_branch = never + _REST + _CLOSERS_GROUP
    return re.compile(_FIRST + "(?:" + ordinary_branch + "|" + other_branch + ")" + _AFTER)


@lru_cache(maxsize=16)
def _table(rules: SegmentRules) -> dict[str, str]:
    """The abbreviations as a plain dict: a mapping proxy's get() is a full method call."""
    return dict(rules.abbreviations)


def _by_length(rules: SegmentRules, classes: tuple[str, ...]) -> list[str]:
    """Alternations of the abbreviations of *classes*, one per length (look-behinds need a fixed width)."""
    by_length: dict[int, list[str]] = {}
    for word, cls in rules.abbreviations.items():
        if cls in classes:
            by_length.setdefault(len(word), []).append(re.escape(word))
    return ["|".join(sorted(words)) for _, words in sorted(by_length.items())]


_SPACE = re.compile(r"[\s\u200b]*")


def _skip_space(text: str, start: int, end: int) -> int:
    """The first offset at or after *start* (before *end*) that is not white space or ZWSP."""
    found = _SPACE.match(text, start, end)
    return found.end() if found is not None else start  # the pattern matches the empty string
_WORD = re.compile(r"[A-Za-z]+")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")
# A list marker alone at the start of a segment: "1." "a." "• 9." "⁃10." "iv."
_MARKER_ONLY = re.compile(r"[•⁃▪◦‣●○■□➢►*–—-]?\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,5})")
# A list item at the start of a unit, to find the next items in the same line.
_LIST_START = re.compile(r"([•⁃▪◦‣●➢►]?)\s*(\d{1,3}|[A-Za-z])(\.\)|[.)])\s")
_BULLET_START = re.compile(r"([•⁃▪◦‣●➢►])\s")
# First characters of a unit that may start an inline list (with a second character "." or ")").
_LIST_FIRST = frozenset("•⁃▪◦‣●➢►0123456789")
# Second characters of a unit that may start an inline list ("a." "b)").
_MARKER_ENDS = frozenset(".)")
_NO_CUTS: tuple[int, ...] = ()  # no inline list items in a unit


@lru_cache(maxsize=16)
def _attribution(verbs: frozenset[str]) -> re.Pattern[str]:
    """``Hun Sen asked.`` after a quoted question: up to four capitalised words, a speech verb."""
    alternatives = "|".join(sorted(map(re.escape, verbs))) or "(?!)"
    return re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:%s)\b" % alternatives)


@lru_cache(maxsize=64)
def _item_marker(bullet: str, suffix: str) -> re.Pattern[str]:
    prefix = re.escape(bullet) + r"\s*" if bullet else ""
    return re.compile(r"(?<=\s)" + prefix + r"(\d{1,3}|[A-Za-z])" + re.escape(suffix) + r"(?=\s)")


@lru_cache(maxsize=16)
def _bullet(bullet: str) -> re.Pattern[str]:
    return re.compile(r"(?<=\s)" + re.escape(bullet) + r"(?=\s)")


def _next_label(label: str) -> str | None:
    if label.isdigit():
        return str(int(label) + 1)
    return None if label in "zZ" else chr(ord(label) + 1)


def _inline_list(text: str, start: int, end: int) -> list[int]:
    """Offsets where the next items of a list written on one line begin ("1) a 2) b")."""
    cuts: list[int] = []
    m = _LIST_START.match(text, start, end)
    if m:
        bullet, label, suffix = m.groups()
        expected: str | None = _next_label(label)
        for item in _item_marker(bullet, suffix).finditer(text, m.end(), end):
            if item.group(1) == expected:
                cuts.append(item.start())
                expected = _next_label(item.group(1))
                if expected is None:
                    break
        return cuts
    m = _BULLET_START.match(text, start, end)
    if m:
        cuts = [b.start() for b in _bullet(m.group(1)).finditer(text, m.end(), end)]
    return cuts


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without white space (or zero-width spaces) at either edge."""
    a = _skip_space(text, a, b)
    while b > a and (text[b - 1].isspace() or text[b - 1] in _INVISIBLE):
        b -= 1
    return a, b


class Splitter:
    """Finds the sentences of English units; the rules are compiled once per splitter."""

    __slots__ = ("rules", "pattern", "attribution", "abbreviations")

    def __init__(self, rules: SegmentRules) -> None:
        self.rules = rules
        self.pattern = _candidates(rules)
        self.attribution = _attribution(rules.speech_verbs)
        self.abbreviations = _table(rules)

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of the sentences in ``text[start:end]``, trimmed, in order."""
        return [(a, b) for a, b, _ in self.spans_of_units(text, [(start, end)])]

    def spans_of_units(self, text: str, units: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """Sentence spans ``(start, end, unit index)`` of all *units* (sorted, disjoint spans).

        One scan of the candidate pattern over the whole text; a candidate whose white space
        runs past the end of its unit is that unit's end, which always ends a sentence. The
        loop is written for the common case (a period after an ordinary word, a unit without
        list items or edge spaces) without function calls; the rest goes to helpers.
        """
        out: list[tuple[int, int, int]] = []
        n = len(units)
        if not n:
            return out
        append = out.append
        abbreviations = self.abbreviations
        ui = 0
        us, ue = units[0]
        seg_start, forced = self._open(text, us, ue)
        fi = 0
        for m in self.pattern.finditer(text, us, units[-1][1]):
            q = m.end()
            if q >= ue:
                p = m.start()
                if p < ue:
                    continue  # the white space runs past the unit's end: the unit ends here
                while p >= ue:  # close this unit (and any unit without candidates)
                    last = text[ue - 1] if seg_start < ue else " "
                    if forced or last.isspace() or last in _INVISIBLE:
                        self._close(text, seg_start, ue, forced, fi, ui, append)
                    else:
                        append((seg_start, ue, ui))
                    ui += 1
                    if ui == n:
                        return out
                    us, ue = units[ui]
                    first = text[us] if us < ue else " "
                    if first.isspace() or first in _LIST_FIRST or text[us + 1 : us + 2] in _MARKER_ENDS:
                        seg_start, forced = self._open(text, us, ue)
                    else:
                        seg_start, forced = us, _NO_CUTS
                    fi = 0
                if p < seg_start or q >= ue:
                    continue
            if forced:
                p = m.start()
                while fi < len(forced) and forced[fi] <= p:
                    a, b = trim(text, seg_start, forced[fi])
                    if a < b:
                        append((a, b, ui))
                    seg_start = forced[fi]
                    fi += 1
            if m.lastindex == 1:  # an ordinary word and a period: the sentence ends
                append((seg_start, m.end(1), ui))
                seg_start = q
                continue
            p = m.start()
            if m.end(2) == p + 1 and text[p] == ".":
                # Fast paths for common cases: a title before a name, an ordinary word.
                # (slice first: str.rfind with bounds is slow on non-Latin-1 text)
                word = text[max(seg_start, p - 40) : p].rsplit(" ", 1)[-1]
                if "\n" not in word and "\t" not in word:
                    word = word.lstrip(_OPENERS).rstrip(_CLOSERS)
                    cls = abbreviations.get(word)
                    if cls is None and len(word) > 1:
                        cls = abbreviations.get(word.lower())
                    if cls == "prefix" or cls == "inside":
                        continue
                    if (cls == "number" or cls == "month") and text[q].isdigit():
                        continue  # "No. 41", "Sept. 30"
                    if (
                        cls is None
                        and len(word) > 1
                        and "." not in word
                        and not text[q].islower()
                        and (p - seg_start > 12 or not _MARKER_ONLY.fullmatch(text, seg_start, p))
                    ):
                        append((seg_start, m.end(3), ui))
                        seg_start = q
                        continue
            cut = _decide(text, m, p, q, ue, seg_start, self.rules, self.attribution, abbreviations)
            if cut is not None:
                if seg_start < cut:
                    append((seg_start, cut, ui))
                seg_start = _skip_space(text, cut, ue)
        while True:
            self._close(text, seg_start, ue, forced, fi, ui, append)
            ui += 1
            if ui == n:
                return out
            us, ue = units[ui]
            seg_start, forced = self._open(text, us, ue)
            fi = 0

    @staticmethod
    def _open(text: str, start: int, end: int) -> tuple[int, Sequence[int]]:
        """Where the unit's first sentence starts, and where inline list items start."""
        if start < end and not text[start].isspace():
            seg_start = start
        else:
            seg_start = _skip_space(text, start, end)
            if seg_start >= end:
                return seg_start, []
        if text[seg_start] in _LIST_FIRST or text[seg_start + 1 : seg_start + 2] in (".", ")"):
            return seg_start, _inline_list(text, seg_start, end)
        return seg_start, []

    @staticmethod
    def _close(
        text: str, seg_start: int, end: int, forced: Sequence[int], fi: int, ui: int,
        append: Callable[[tuple[int, int, int]], None],
    ) -> None:
        """Emit the unit's remaining inline list items and its last sentence."""
        for f in forced[fi:]:
            a, b = trim(text, seg_start, f)
            if a < b:
                append((a, b, ui))
            seg_start = f
        if seg_start < end and not text[end - 1].isspace() and text[end - 1] not in _INVISIBLE:
            append((seg_start, end, ui))
            return
        a, b = trim(text, seg_start, end)
        if a < b:
            append((a, b, ui))


def _decide(
    text: str,
    m: re.Match[str],
    p: int,
    q: int,
    end: int,
    seg_start: int,
    rules: SegmentRules,
    attribution: re.Pattern[str],
    abbreviations: dict[str, str],
) -> int | None:
    """Where to cut for candidate *m* (punctuation at *p*, next text at *q*), or None."""
    term, close = text[p : m.end(2)], m.group(3)
    j = q
    while j < end and text[j] in _OPENERS:
        j += 1
    nxt = text[j] if j < end else ""
    if nxt.islower():
        return None
    upper = nxt.isalpha() or (nxt != "" and not nxt.isdigit() and not nxt.isspace() and nxt.isalnum())
    digit = nxt.isdigit()
    opened = j > q

    dots = 1
    if term != ".":  # (a lone period, the usual case, skips these tests)
        if " " in term:  # spaced ellipsis ". . ." or ". . . ."
            if term.count(".") < 4 or not upper:
                return None
            attached = p > seg_start and not text[p - 1].isspace()
            return p + 1 if attached else m.end(3)
        dots = term.count(".")
        if "!" in term or "?" in term or "‽" in term:
            # (a closer other than ) ] } is a quote)
            if close and close.strip(")]}") and attribution.match(text, q, end):
                return None  # “Should they join us?” Hun Sen asked.
            return m.end(3)
        if "…" in term or dots in (2, 3):  # an ellipsis: ends a sentence only before a capital
            return m.end(3) if upper and text[q] not in "([{" else None

    # A period (or four dots). Find the word before it (and the one before that).
    if seg_start >= p or text[p - 1].isspace():
        return m.end(3)
    parts = text[max(seg_start, p - 48) : p].rsplit(None, 2)
    word = parts[-1].lstrip(_OPENERS).rstrip(_CLOSERS)
    if p - seg_start <= 12 and _MARKER_ONLY.fullmatch(text, seg_start, p):
        return None  # "1. The first item": a list marker
    if dots >= 4:
        return m.end(3)
    cls = abbreviations.get(word)
    if cls is None and len(word) > 1:  # as rules.abbreviation_class, without the call
        cls = abbreviations.get(word.lower())
    if cls is None and word[-1:].isalpha() and _INITIALS.fullmatch(word):
        cls = "general"  # an initial "E." or an initialism "U.N."
    if cls is None:
        return m.end(3)
    if cls == "prefix" or cls == "inside":
        return None
    starter = False
    if upper:
        w = _WORD.match(text, j, end)
        starter = w is not None and w.group() in rules.starters
    if cls == "general":
        return m.end(3) if starter or (opened and upper) else None
    if cls == "final":
        return m.end(3) if upper or digit else None
    if cls in ("number", "month"):
        return None if digit else m.end(3)
    if cls == "time":
        if not upper:
            return None
        w = _WORD.match(text, j, end)
        if w is not None and w.group() in rules.time_after:
            return None  # "10 a.m. Tuesday"
        before = text[seg_start:p].split()[:-1]
        intro = len(before) <= 3 and bool(before) and before[0].lower() in rules.time_intro
        return None if intro else m.end(3)
    if cls == "prefix-or-name":
        if starter:
            return m.end(3)
        if len(parts) >= 2:
            prev = parts[-2].lstrip(_OPENERS)
            if prev[:1].isupper() and "." not in prev and rules.abbreviation_class(prev) is None:
                return m.end(3)  # "Hun Sen." ends the sentence; "Sen. Rubio" does not
        return None
    return m.end(3)
