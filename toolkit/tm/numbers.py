"""Carrying numbers over from a new sentence into a memory target (news repeats sentences with
new figures: ``84 per cent`` last month, ``81 per cent`` now).

The alignment is certain, and the target is changed, only when

* the memory source and the new sentence have the same count of numbers, and the numbers that
  differ are at the same positions (one-to-one, in order);
* each memory number that changes is written once in the target, in Latin or Khmer digits
  (:mod:`toolkit.lang.khmer` digit helpers), not inside a longer number;
* no memory number that changes occurs twice in the memory source.

The replacement keeps the target's script: ``៨៤`` becomes ``៨១``, ``84`` becomes ``81``. Otherwise
the target is left as it is and the difference is reported (the fill marks it in a comment).
Numbers are runs of digits with inner ``.`` or ``,`` (``1,500``, ``3.5``), as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.lang import khmer

_SOURCE_NUMBER = re.compile(r"[0-9\u17e0-\u17e9]+(?:[.,][0-9\u17e0-\u17e9]+)*")


@dataclass(frozen=True)
class Carry:
    """The target after carrying numbers over; *changes* are (memory, new) pairs applied;
    *unsure* explains why differing numbers were not carried over ('' if none)."""

    target: str
    changes: tuple[tuple[str, str], ...] = ()
    unsure: str = ""


def numbers(text: str) -> list[str]:
    """The numbers of *text* in order, with Latin digits (``៨១`` -> ``81``)."""
    return [khmer.to_ascii_digits(m.group()) for m in _SOURCE_NUMBER.finditer(text)]


def _occurrences(target: str, number: str) -> list[tuple[int, int, bool]]:
    """(start, end, Khmer digits?) of *number* in *target*, not inside a longer number."""
    found = []
    for m in _SOURCE_NUMBER.finditer(target):
        if khmer.to_ascii_digits(m.group()) == number:
            found.append((m.start(), m.end(), m.group() != number))
    return found


def carry(old_source: str, new_source: str, target: str) -> Carry:
    """*target* (the translation of *old_source*) with the numbers of *new_source* put in."""
    old, new = numbers(old_source), numbers(new_source)
    if old == new:
        return Carry(target)
    if len(old) != len(new):
        return Carry(target, unsure=f"memory has {_list(old)}, the sentence has {_list(new)}")
    pairs = [(a, b) for a, b in zip(old, new) if a != b]
    edits: list[tuple[int, int, str]] = []
    for a, b in dict.fromkeys(pairs):
        if old.count(a) > 1 or sum(1 for x, _ in pairs if x == a) != old.count(a):
            return Carry(target, unsure=f"{a} occurs more than once in the memory source")
        spots = _occurrences(target, a)
        if len(spots) != 1:
            where = "not found" if not spots else "found more than once"
            return Carry(target, unsure=f"{a} -> {b}: {a} {where} in the memory target")
        start, end, in_khmer = spots[0]
        edits.append((start, end, khmer.to_khmer_digits(b) if in_khmer else b))
    out = target
    for start, end, text in sorted(edits, reverse=True):
        out = out[:start] + text + out[end:]
    return Carry(out, tuple(dict.fromkeys(pairs)))


def _list(values: list[str]) -> str:
    return ", ".join(values) if values else "no numbers"
