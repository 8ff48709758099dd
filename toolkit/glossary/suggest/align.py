"""The Khmer that reviewed translations of a term share: spans compared normalized, on cluster
boundaries, without zero-width spaces, scored by Dice against the whole corpus.

For a candidate found in the msgids of *k* reviewed entries, every span of the two shortest msgstrs that starts
and ends on a Khmer cluster boundary is counted in the others (support *a*, non-increasing as the
span grows, so the scan stops early); the corpus count *f* of the span (how often it occurs in all
reviewed msgstrs) makes the association score ``Dice = 2a / (k + f)``: a span that every entry
has and that occurs nowhere else scores 1, a common word (``ក្រសួង``) scores low. Equal scores
go to the longer span — the whole name the entries agree on, not a piece of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.lang import khmer

MAX_CLUSTERS = 24  # the longest proposal, in cluster boundaries (a long organisation name)
REFERENCES = 2  # texts whose spans are tried: a span two texts share is in one of the two shortest
MAX_ENTRIES = 30  # evidence compared per candidate (more adds time, not accuracy)
MIN_SCORE = 0.2
RELATIVE = 0.6  # a second proposal must score at least this share of the best one


def prepare(text: str) -> str:
    """A msgstr as spans are compared: normalized, zero-width characters removed, spaces single."""
    return " ".join(khmer.strip_invisible(khmer.normalize(text)).split())


_PUNCT = frozenset("\u17d4\u17d5\u17d6\u17d7\u17d8\u17d9\u17da")


def _letter(ch: str) -> bool:
    """True if a span may end with *ch*: a Khmer letter, sign or digit, not punctuation."""
    return khmer.is_khmer_char(ch) and ch not in _PUNCT


def _spans(texts: list[str], r: int, corpus: str, scored: dict[str, tuple[float, int, list[int]]]) -> None:
    """Score the spans of ``texts[r]`` that another text has too, into *scored*."""
    ref, k = texts[r], len(texts)
    bounds = [i for i in range(len(ref) + 1) if khmer.is_cluster_boundary(ref, i)]
    for bi, i in enumerate(bounds):
        if i >= len(ref) or not khmer.is_khmer_char(ref[i]) or not ref[i].isalpha():
            continue
        for j in bounds[bi + 1:bi + 1 + MAX_CLUSTERS]:
            span = ref[i:j]
            if not _letter(ref[j - 1]) or span in scored:
                continue
            having = sorted([r] + [x for x, t in enumerate(texts)
                                   if x != r and span in t and khmer.find_on_boundaries(t, span)])
            if len(having) < 2:
                break  # a longer span is in no more texts
            f = max(corpus.count(span), len(having))
            scored[span] = (2 * len(having) / (k + f), len(having), having)


@dataclass(frozen=True)
class Aligned:
    """A Khmer span shared by reviewed translations of a term, with its score and evidence."""

    term: str
    score: float
    support: int  # entries that have it
    entries: int  # entries compared
    evidence: tuple[str, ...]  # where the entries are (file:line)


def shared(texts: Sequence[str], corpus: str, where: Sequence[str], top: int = 3) -> list[Aligned]:
    """The best Khmer spans the prepared *texts* share (at least two of them), scored against
    *corpus* (every prepared reviewed msgstr, joined by newlines)."""
    texts = list(texts[:MAX_ENTRIES])
    k = len(texts)
    if k < 2:
        return []
    order = sorted(range(k), key=lambda i: len(texts[i]))
    scored: dict[str, tuple[float, int, list[int]]] = {}
    for r in order[:REFERENCES]:
        _spans(texts, r, corpus, scored)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], -len(kv[0])))
    out: list[Aligned] = []
    for span, (score, support, having) in ranked:
        if score < MIN_SCORE or out and score < RELATIVE * out[0].score:
            break
        if any(span in o.term or o.term in span for o in out):
            continue  # a piece of a better span, or that span with some context
        out.append(Aligned(span, round(score, 3), support, k, tuple(where[i] for i in sorted(having))))
        if len(out) == top:
            break
    return out
