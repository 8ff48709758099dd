"""Translation memory: every sentence the team has translated, reused (``toolkit tm``, and
``toolkit translate`` before MT).

* :mod:`toolkit.tm.store` — the SQLite memory (units, incremental rebuild from catalogs, imports);
* :mod:`toolkit.tm.tmx` — TMX in and out, streamed and safe;
* :mod:`toolkit.tm.match` — exact, near-exact and fuzzy lookups in percent;
* :mod:`toolkit.tm.numbers` — numbers carried over from the new sentence into the target;
* :mod:`toolkit.tm.fill` — filling catalog entries (fuzzy, with provenance) before MT.

This module holds the operations the CLI calls (one function per command).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError
from toolkit.tm.store import DEFAULT_PATH, Store, Stored, Unit

__all__ = ["DEFAULT_PATH", "Store", "Unit", "import_files", "export", "concordance", "Concordance"]


def import_files(store: Store, paths: Sequence[str | Path]) -> list[tuple[Path, int, int]]:
    """Import each TMX or PO file (all its translated entries; fuzzy ones as unreviewed) into
    *store*, replacing what an earlier import of the same file brought. Returns (file, units
    read, units added) per file."""
    from toolkit.tm.store import catalog_units
    from toolkit.tm.tmx import read_tmx

    done = []
    for raw in paths:
        path = Path(raw)
        suffix = path.suffix.lower()
        if suffix == ".tmx":
            units = read_tmx(path)
        elif suffix in (".po", ".pot"):
            if not path.is_file():
                from toolkit.errors import InputError

                raise InputError("no such file", path=path)
            units = catalog_units(path, path.name, reviewed_only=False)
        else:
            raise UsageError(f"cannot import {path}: expected a .tmx or .po file")
        done.append((path, *store.import_units(str(path.resolve()), units)))
    return done


def export(store: Store, output: str | Path, lang: str | None = None) -> int:
    """Write the memory (or its *lang* units) as TMX 1.4 to *output*; returns the unit count."""
    from toolkit.tm.tmx import write_tmx

    return write_tmx(output, store.units(lang))


@dataclass(frozen=True)
class Concordance:
    """How a word or phrase was translated before: each distinct target with its count and one
    example unit, most frequent first; *total* units contain the phrase."""

    term: str
    total: int
    targets: tuple[tuple[int, Stored], ...]
    renderings: tuple[tuple[str, int], ...] = ()  # likely renderings of the term, with how many units have them


def concordance(store: Store, term: str, lang: str | None = None, limit: int = 20) -> Concordance:
    """Units whose source contains *term* (words in order, case and punctuation ignored)."""
    from toolkit.lang import english
    from toolkit.tm.store import target_key

    words = english.words(term)
    if not words:
        raise UsageError("the search term has no words")
    needle = f" {' '.join(words)} "
    found = [u for u in store.phrase(words, lang) if needle in f" {english.loose_key(u.source)} "]
    counts: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], Stored] = {}
    for unit in found:
        k = (unit.lang, target_key(unit.target, unit.lang))
        counts[k] += 1
        example.setdefault(k, unit)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], example[item[0]].source))
    background = []
    if len(found) >= 2 and lang is not None:
        for unit in store.units(lang):
            if needle not in f" {english.loose_key(unit.source)} ":
                background.append(unit.target)
                if len(background) >= BACKGROUND:
                    break
    return Concordance(term, len(found), tuple((n, example[k]) for k, n in ranked[:limit]),
                       renderings([u.target for u in found[:MAX_HITS]], background))


#: Targets without the term that a rendering guess is compared against; targets with it read.
BACKGROUND = 2000
MAX_HITS = 500
MAX_CLUSTERS = 12


def _clusters(text: str) -> list[list[str]]:
    """The Khmer runs of *text* (normalized, invisible characters removed) as orthographic clusters."""
    from toolkit.lang import khmer

    text = khmer.strip_invisible(khmer.normalize(text))
    runs: list[list[str]] = []
    current: list[str] = []
    for i, char in enumerate(text):
        if not khmer.is_khmer_char(char) or char in khmer.SENTENCE_ENDS or char == khmer.KHAN:
            if current:
                runs.append(current)
            current = []
            continue
        if current and not khmer.is_cluster_boundary(text, i):
            current[-1] += char
        else:
            current.append(char)
    if current:
        runs.append(current)
    return runs


def _grams(text: str) -> set[str]:
    found = set()
    for run in _clusters(text):
        for n in range(2, min(MAX_CLUSTERS, len(run)) + 1):
            for i in range(len(run) - n + 1):
                found.add("".join(run[i:i + n]))
    return found


def renderings(hits: Sequence[str], background: Sequence[str], top: int = 3) -> tuple[tuple[str, int], ...]:
    """Likely Khmer renderings of a term: the cluster sequences that most targets of the units
    with the term share and targets without it rarely have (at least two units, and more often
    with the term than without by 30 points); the longest of equally frequent ones. A guess for
    the translator to read beside the units, not an alignment."""
    if len(hits) < 2:
        return ()
    counts: Counter[str] = Counter()
    for target in hits:
        counts.update(_grams(target))
    wanted = max(2, int(0.3 * len(hits) + 0.999))
    candidates = {g: n for g, n in counts.items() if n >= wanted}
    if not candidates:
        return ()
    prepared = [b for b in background if b]
    scored = {}
    for gram, n in candidates.items():
        elsewhere = sum(1 for b in prepared if gram in b) / len(prepared) if prepared else 0.0
        if n / len(hits) - elsewhere >= 0.3:
            scored[gram] = n
    # Keep maximal sequences: drop one that lies inside a longer one found as often.
    maximal = [g for g, n in scored.items() if not any(g != o and g in o and scored[o] >= n for o in scored)]
    maximal.sort(key=lambda g: (-scored[g], -len(g), g))
    kept: list[str] = []
    for gram in maximal:  # a rendering plus the word after it is not another rendering
        if not any(k in gram for k in kept):
            kept.append(gram)
    return tuple((g, scored[g]) for g in kept[:top])
