"""Looking a sentence up in the translation memory: exact, near-exact, then fuzzy, in percent.

Score of a memory source against the new sentence:

* **100**: the same :func:`~toolkit.lang.english.source_key` (quotes, dashes and spacing already
  unified);
* **99**: only case or punctuation differ (the same :func:`~toolkit.lang.english.loose_key`);
* otherwise the word-token similarity ``2 * common / total`` (rapidfuzz's Indel distance over word
  tokens, the same measure as the catalog merge's, which was chosen on
  ``tests/catalog/data/similarity_pairs.tsv``) with every number counted as the same token, minus
  one point per number that is not in both (numbers are carried over into the target when the
  alignment is certain, see :mod:`toolkit.tm.numbers`), at most 98.

Candidates come from the store's FTS5 word index (rarest shared words first, so no scan of the
memory); a length bound skips those that cannot reach the minimum. Several targets for one
source: the reviewed one changed most recently wins, the others are listed with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from toolkit.lang import english
from toolkit.tm.store import Store, Stored

#: Default minimum score for filling catalogs (measured: ``benchmarks/eval_tm_threshold.py``).
DEFAULT_MIN = 75
#: Candidate sources read from the word index per lookup.
CANDIDATES = 40

_NUMBER = re.compile(r"\d")
#: Words too common to name candidates (they still count in the score).
STOP = frozenset(
    "a an the of to in on at by for and or but is are was were be been has have had "
    "that this it its as with from said will would".split()
)


@dataclass(frozen=True)
class Match:
    """The best unit of one memory source, its score, and the other targets of that source."""

    score: int
    unit: Stored
    others: tuple[Stored, ...] = field(default=())

    @property
    def exact(self) -> bool:
        return self.score == 100


def _masked(tokens: Sequence[str]) -> list[str]:
    return ["0" if _NUMBER.search(t) else t for t in tokens]


def _numbers(tokens: Sequence[str]) -> Counter[str]:
    return Counter(t for t in tokens if _NUMBER.search(t))


def score(new: str, old: str) -> int:
    """The score (0-100) of memory source *old* for the sentence *new* (module docstring)."""
    if english.source_key(new) == english.source_key(old):
        return 100
    a, b = english.words(new), english.words(old)
    if a == b:
        return 99
    return _fuzzy(a, b)


def _fuzzy(a: Sequence[str], b: Sequence[str]) -> int:
    base = int(100 * Indel.normalized_similarity(_masked(a), _masked(b)) + 1e-9)
    na, nb = _numbers(a), _numbers(b)
    penalty = sum((na - nb).values()) + sum((nb - na).values())
    return max(0, min(98, base - penalty))


def _best_first(units: Sequence[Stored]) -> list[Stored]:
    """Reviewed before unreviewed, then most recently changed, then first stored."""
    return sorted(units, key=lambda u: (not u.reviewed, _neg(u.changed), u.origin))


def _neg(stamp: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in stamp)


def _group(units: Sequence[Stored], score_of: dict[int, int]) -> list[Match]:
    by_source: dict[int, list[Stored]] = {}
    for unit in units:
        by_source.setdefault(unit.source_id, []).append(unit)
    found = []
    for sid, group in by_source.items():
        ranked = _best_first(group)
        best = ranked[0]
        seen = {_target_id(best)}
        others = []
        for unit in ranked[1:]:
            if _target_id(unit) not in seen:
                seen.add(_target_id(unit))
                others.append(unit)
        found.append(Match(score_of[sid], best, tuple(others)))
    found.sort(key=lambda m: (-m.score, not m.unit.reviewed, _neg(m.unit.changed), m.unit.source_id))
    return found


def _target_id(unit: Stored) -> str:
    from toolkit.tm.store import target_key

    return target_key(unit.target, unit.lang)


class Matcher:
    """Lookups in one language of a :class:`~toolkit.tm.store.Store`."""

    def __init__(self, store: Store, lang: str) -> None:
        self.store = store
        self.lang = lang

    def lookup(self, text: str, min_score: int = DEFAULT_MIN, limit: int = 5) -> list[Match]:
        """The best matches for *text* at or above *min_score*, best first (one per source)."""
        key = english.source_key(text)
        if not key:
            return []
        exact = self.store.exact(key, self.lang)
        if exact and limit == 1:
            return _group(exact, {exact[0].source_id: 100})
        query = english.words(key)
        rare = [w for w in query if w not in STOP] or query
        units = self.store.candidates(rare, self.lang, CANDIDATES)
        scores: dict[int, int] = {u.source_id: 100 for u in exact}
        kept = list(exact)
        length = len(query)
        floor = min_score  # a single best match: candidates that cannot beat the best so far are skipped
        for unit in units:
            sid = unit.source_id
            if sid in scores:
                if scores[sid] >= min_score and unit not in kept:
                    kept.append(unit)
                continue
            other = english.words(unit.key)
            total = length + len(other)
            if total and 200 * min(length, len(other)) / total < floor:  # cannot reach the floor
                scores[sid] = 0
                continue
            value = 99 if other == query else _fuzzy(query, other)
            scores[sid] = value
            if value >= min_score:
                kept.append(unit)
                if limit == 1:
                    floor = max(floor, value)
        return _group(kept, scores)[:limit]

    def best(self, text: str, min_score: int = DEFAULT_MIN) -> Match | None:
        """The best match for *text*, or ``None`` below *min_score*."""
        found = self.lookup(text, min_score, limit=1)
        return found[0] if found else None
