"""Blocks with inline markup -> sentences, shared by the Markdown, HTML and Word formats.

A block's text (Markdown source, or text with ``<g1>…</g1>`` placeholders) is segmented with its
markup blanked out (:func:`toolkit.markup.blank`), so ``**end.**`` or ``end.</g1>`` never hides a
sentence end; each sentence then takes back the markup that touches it. If any sentence is not
whole on its own (a pair opened in one sentence and closed in the next), the block stays one
unit: a sentence boundary never splits paired markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from toolkit import markup
from toolkit.lang.khmer import join_sentences
from toolkit.segment import segment_block

_MD_EDGE = frozenset("*_~`[]()<>!\\")


def sentences(content: str, kind: str, *, rules: Any = None,
              whole: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of *content* (a block's text with markup of *kind*).

    *whole(sentence)* says whether a sentence stands alone (default: its tags are balanced);
    *whole(None)* is never asked. If one does not, the result is the block as one span.
    """
    blanked = markup.blank(content, kind)
    cuts = [(s.start, s.end) for s in segment_block(blanked, 0, len(content), rules=rules)]
    if not cuts:
        stripped = content.strip()
        if not stripped:
            return []
        start = content.index(stripped)
        return [(start, start + len(stripped))]
    spans = markup.split_points(content, blanked, cuts)
    if len(spans) > 1:
        check = whole or markup.balanced_tags
        if not all(check(content[a:b]) for a, b in spans):
            return [(spans[0][0], spans[-1][1])]
    return spans


def join(pieces: list[tuple[str, bool]], gaps: list[str], language: str, kind: str) -> str:
    """Sentences (*pieces*: text, translated?) with the source *gaps* between them; between two
    translated Khmer sentences on one line the Khmer join rule decides the gap, on their text
    without markup — except next to Markdown delimiters, whose meaning depends on the space."""
    out = [pieces[0][0]] if pieces else []
    km = language.split("_")[0] == "km"
    for (prev, prev_done), (cur, cur_done), gap in zip(pieces, pieces[1:], gaps):
        if kind == "markdown" and (prev[-1:] in _MD_EDGE or cur[:1] in _MD_EDGE):
            out.append(gap)
        elif km and prev_done and cur_done and not gap.strip() and "\n" not in gap and "\r" not in gap:
            joined = join_sentences(markup.plain(prev, kind)[0], markup.plain(cur, kind)[0])
            out.append(gap if joined is None else joined)
        else:
            out.append(gap)
        out.append(cur)
    return "".join(out)
