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
    return Concordance(term, len(found), tuple((n, example[k]) for k, n in ranked[:limit]))
