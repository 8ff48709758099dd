"""Glossary enforcement around MT: mask each term, translate, put the approved target back, verify.

A term the model never sees cannot be mistranslated: each glossary term of a segment becomes a
numbered placeholder before MT, and the placeholder in the output is replaced by the term's
preferred target. Then every term's approved targets (preferred or admitted) are looked for in the
output; the source terms with none present are reported as missing. The placeholder style was
chosen by measurement (``benchmarks/bench_mt.py`` prints the survival rate of each style).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.glossary.verify import missing_terms

if TYPE_CHECKING:
    from toolkit.glossary import TermMatch

__all__ = ["Masked", "missing_terms", "protect", "restore", "STYLES"]

_DIGITS = "0-9\u17e0-\u17e9"  # models may render the number in Khmer digits
#: style -> (template, tolerant pattern for the model's output; group 1 is the number)
STYLES: dict[str, tuple[str, str]] = {
    "ascii": ("XTERM{n}X", rf"X\s*TERM\s*([{_DIGITS}]+)\s*X"),
    "bracket": ("\u27e6{n}\u27e7", rf"\u27e6\s*([{_DIGITS}]+)\s*\u27e7"),
    "angle": ("<t{n}>", rf"<\s*t\s*([{_DIGITS}]+)\s*>"),
    "underscore": ("__T{n}__", rf"_\s*_\s*T\s*([{_DIGITS}]+)\s*_\s*_"),
}
DEFAULT_STYLE = "ascii"
NO_MASKING = "none"  # baseline for measurement: the model sees the source terms


@dataclass(frozen=True)
class Masked:
    """A segment with its terms replaced by placeholders; ``terms[n]`` is placeholder n."""

    text: str
    terms: tuple[tuple[str, str], ...]  # (source term, target to put back)
    style: str


def _non_overlapping(matches: Sequence["TermMatch"]) -> list["TermMatch"]:
    chosen: list[TermMatch] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if not chosen or m.start >= chosen[-1].end:
            chosen.append(m)
    return chosen


def protect(text: str, matches: Sequence["TermMatch"], lang: str, style: str = DEFAULT_STYLE) -> Masked:
    """Replace every term of *text* that has an approved *lang* target by a placeholder."""
    if style == NO_MASKING:
        return Masked(text, (), style)
    template = STYLES[style][0]
    out: list[str] = []
    terms: list[tuple[str, str]] = []
    pos = 0
    for m in _non_overlapping(matches):
        targets = m.targets.get(lang) or []
        if not targets or text[m.start:m.end] != m.text:
            continue
        out.append(text[pos:m.start])
        out.append(template.format(n=len(terms)))
        terms.append((m.term, targets[0]))
        pos = m.end
    out.append(text[pos:])
    return Masked("".join(out), tuple(terms), style)


def _number(digits: str) -> int:
    return int(digits.translate(str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")))


def restore(output: str, masked: Masked) -> str:
    """Put each term's target where the model left its placeholder (tolerant of spacing)."""
    if not masked.terms:
        return output

    def put(match: re.Match[str]) -> str:
        n = _number(match.group(1))
        return masked.terms[n][1] if n < len(masked.terms) else match.group(0)

    return re.sub(STYLES[masked.style][1], put, output, flags=re.IGNORECASE)
