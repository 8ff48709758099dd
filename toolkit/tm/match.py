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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from toolkit.lang import english
from toolkit.tm.store import Store, Stored, pick_rarest

#: Default minimum score for filling catalogs (measured: ``benchmarks/eval_tm_threshold.py``).
DEFAULT_MIN = 75
#: Candidate sources read from the word index per lookup.
CANDIDATES = 40
#: Fuzzy lookups after which a Matcher holds the word index in memory (bulk fills).
BULK_AFTER = 100

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


@dataclass(frozen=True)
class _Words:
    """A sentence as scoring sees it: its words, the same with every number as ``0``, its numbers."""

    words: tuple[str, ...]
    masked: tuple[str, ...]
    numbers: Counter[str]


def _words_of(key: str) -> _Words:
    words = tuple(english.words(key))
    masked = tuple("0" if _NUMBER.search(w) else w for w in words)
    return _Words(words, masked, Counter(w for w, m in zip(words, masked) if m == "0"))


# Memory sources recur across the lookups of a run; the sentences looked up do not (each is asked
# for once), so they are prepared without the cache (65,536 of them held some 100 MB).
_prepare = lru_cache(maxsize=65_536)(_words_of)


def score(new: str, old: str) -> int:
    """The score (0-100) of memory source *old* for the sentence *new* (module docstring)."""
    if english.source_key(new) == english.source_key(old):
        return 100
    a, b = _prepare(english.source_key(new)), _prepare(english.source_key(old))
    if a.words == b.words:
        return 99
    return _fuzzy(a, b)


def _fuzzy(a: _Words, b: _Words) -> int:
    base = int(100 * Indel.normalized_similarity(a.masked, b.masked) + 1e-9)
    penalty = 0
    if a.numbers != b.numbers:
        penalty = sum((a.numbers - b.numbers).values()) + sum((b.numbers - a.numbers).values())
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


class _WordIndex:
    """The memory's word index for one language, in memory: for runs with many lookups (a
    translate run filling thousands of entries), where reading postings from SQLite per lookup
    would cost more than reading the index once. Same candidate rule as the store's."""

    def __init__(self, rows: Iterable[tuple[int, str]]) -> None:
        self.postings: dict[str, list[int]] = {}
        for sid, words in rows:
            for word in set(words.split()):
                self.postings.setdefault(word, []).append(sid)

    def candidates(self, words: Sequence[str], limit: int) -> list[int]:
        freq = {w: len(self.postings[w]) for w in words if w in self.postings}
        shared: Counter[int] = Counter()
        for word in pick_rarest(words, freq):
            shared.update(self.postings[word])
        return [sid for sid, _ in shared.most_common(limit)]  # ties: the older source first


class Matcher:
    """Lookups in one language of a :class:`~toolkit.tm.store.Store`. After :data:`BULK_AFTER`
    fuzzy lookups it reads the word index into memory (a snapshot for the rest of the run)."""

    def __init__(self, store: Store, lang: str) -> None:
        self.store = store
        self.lang = lang
        self._lookups = 0
        self._index: _WordIndex | None = None

    def _candidates(self, words: Sequence[str]) -> list[Stored]:
        self._lookups += 1
        if self._index is None and self._lookups > BULK_AFTER:
            self._index = _WordIndex(self.store.source_words(self.lang))
        if self._index is not None:
            return self.store.units_for(self._index.candidates(words, CANDIDATES), self.lang)
        return self.store.candidates(words, self.lang, CANDIDATES)

    def lookup(self, text: str, min_score: int = DEFAULT_MIN, limit: int = 5) -> list[Match]:
        """The best matches for *text* at or above *min_score*, best first (one per source)."""
        key = english.source_key(text)
        if not key:
            return []
        exact = self.store.exact(key, self.lang)
        if exact and limit == 1:
            return _group(exact, {exact[0].source_id: 100})
        prepared = _words_of(key)
        query = prepared.words
        rare = [w for w in query if w not in STOP] or list(query)
        units = self._candidates(rare)
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
            other = _prepare(unit.key)
            total = length + len(other.words)
            if total and 200 * min(length, len(other.words)) / total < floor:  # cannot reach the floor
                scores[sid] = 0
                continue
            value = 99 if other.words == query else _fuzzy(prepared, other)
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
