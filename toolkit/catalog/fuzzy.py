"""Finding the previous sentence a changed sentence came from (msgmerge's fuzzy matching).

Similarity is difflib's ratio over word tokens (``2 * matching / total``; words, numbers and
punctuation are tokens), compared case-folded. Word tokens beat character ratios on our
evaluation (``tests/catalog/data/similarity_pairs.tsv``: edits of a sentence vs. different
sentences of the same domain): different sentences built on the same frame ("The ministry said
on Tuesday that …") share many characters but few words.

:data:`THRESHOLD` was measured on that data (see ``benchmarks/bench_catalog.py --threshold``):
below it no guess is made at all; a guess at or above it is still always marked fuzzy.

Search is not all-pairs: an inverted index from each content word to the old sentences
containing it gives the candidates. The query's rarest words are read first (a changed sentence
keeps most of its rare words: names, numbers), common words only while a postings budget lasts;
candidates are ranked by shared words, only the best few are scored, and a length bound skips
those that cannot reach the threshold.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

#: Minimum similarity for a fuzzy guess (measured; see module docstring).
THRESHOLD = 0.75
#: Candidates scored per query, best first by shared words.
MAX_CANDIDATES = 10
#: Postings read per query: the rarest words are read first; at least MIN_WORDS of them always.
POSTINGS_BUDGET = 1000
MIN_WORDS = 2

_TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_STOP = frozenset(
    "a an the of to in on at by for and or but is are was were be been has have had "
    "that this it its as with from said will would".split()
)


def tokens(text: str) -> list[str]:
    """Case-folded word and punctuation tokens."""
    return _TOKEN_RE.findall(text.casefold())


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two sentences (word-token ratio)."""
    return _ratio(tokens(a), tokens(b))


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class FuzzyIndex:
    """Old sentences indexed by their content words, queried for the closest one."""

    def __init__(self, sentences: Sequence[str], threshold: float = THRESHOLD) -> None:
        self.sentences = list(sentences)
        self.threshold = threshold
        self._tokens = [tokens(s) for s in self.sentences]
        self._index: dict[str, list[int]] = {}
        for number, toks in enumerate(self._tokens):
            for word in set(toks):
                if word.isalnum() and word not in _STOP:
                    self._index.setdefault(word, []).append(number)

    def best(self, text: str) -> tuple[int, float] | None:
        """Index and similarity of the closest old sentence at or above the threshold."""
        query = tokens(text)
        words = sorted({w for w in query if w in self._index}, key=lambda w: (len(self._index[w]), w))
        shared: Counter[int] = Counter()
        budget = POSTINGS_BUDGET
        for rank, word in enumerate(words):
            postings = self._index[word]
            if rank >= MIN_WORDS and len(postings) > budget:
                break  # the rarest words already name the candidates; common ones add noise
            shared.update(postings)
            budget -= len(postings)
        best: tuple[int, float] | None = None
        length = len(query)
        # Rank by shared words, then by position, so the result is deterministic.
        ranked = heapq.nsmallest(MAX_CANDIDATES, shared.items(), key=lambda item: (-item[1], item[0]))
        for number, _ in ranked:
            other = self._tokens[number]
            bound = 2 * min(length, len(other)) / (length + len(other))
            if bound < self.threshold or (best is not None and bound <= best[1]):
                continue
            matcher = SequenceMatcher(None, query, other, autojunk=False)
            if matcher.quick_ratio() < self.threshold:
                continue
            score = matcher.ratio()
            if score >= self.threshold and (best is None or score > best[1]):
                best = (number, score)
        return best
