"""A compiled-form cache of parsed glossary files, so loading skips YAML/XML parsing and validation.

Each source file's concepts are stored as compact JSON in the user cache directory
(``$TOOLKIT_CACHE_DIR``, else the platform's cache dir), keyed by the file's resolved path and
validated by its size, modification time and the toolkit version. JSON rather than pickle: a
cache file is data, never code. Any problem with the cache (unwritable, corrupt) falls back to
parsing; the cache only ever makes loading faster.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.cachedir import cache_root
from toolkit.errors import ToolkitError
from toolkit.glossary.model import Concept, Term

FORMAT = 2  # 2: concepts carry their status (approved, proposed)
KEEP = 256  # entries kept; the least recently written beyond that are removed on each store


def cache_dir() -> Path | None:
    """Where compiled glossaries are kept; None when caching is switched off (TOOLKIT_NO_CACHE)."""
    root = cache_root()
    return None if root is None else root / "glossary"


def encode(concepts: list[Concept]) -> list[list[object]]:
    return [
        [c.id, c.domain, c.source, c.note, c.definition, c.path, c.line, c.status,
         [[t.text, t.lang, t.status, t.pos, t.case_sensitive, t.dnt, t.note, t.line] for t in c.terms]]
        for c in concepts
    ]


def decode(rows: list[list[Any]]) -> list[Concept]:
    return [
        Concept(cid, domain, tuple(Term(*t) for t in terms), source, note, definition, path, line, status)
        for cid, domain, source, note, definition, path, line, status, terms in rows
    ]


def _slot(name: str) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    return directory / (hashlib.sha256(name.encode()).hexdigest()[:24] + ".json")


def lookup(name: str, stamp: list[object]) -> list[Concept] | None:
    """Cached concepts for *name* if the stamp still matches."""
    slot = _slot(name)
    if slot is None:
        return None
    try:
        with open(slot, encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("stamp") != stamp:
            return None
        return decode(data["concepts"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(name: str, stamp: list[object], concepts: list[Concept]) -> None:
    slot = _slot(name)
    if slot is None:
        return
    from toolkit.textio import atomic_write

    payload = json.dumps({"stamp": stamp, "concepts": encode(concepts)}, ensure_ascii=False)
    try:
        atomic_write(slot, payload)
        _prune(slot.parent)
    except OSError:
        pass  # a read-only cache directory only costs speed


def _prune(directory: Path) -> None:
    """Keep the cache small: files loaded once (temporary glossaries) must not pile up."""
    entries = list(directory.glob("*.json"))
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in entries[: len(entries) - KEEP]:
        try:
            old.unlink()
        except OSError:
            pass


def cached(path: Path, parse: Callable[[Path], list[Concept]]) -> list[Concept]:
    """Concepts of *path* from the cache, or parsed (and then cached)."""
    try:
        st = path.stat()
    except OSError:
        return parse(path)
    name = str(path.resolve())
    stamp: list[object] = [FORMAT, __version__, str(path), st.st_size, st.st_mtime_ns]
    found = lookup(name, stamp)
    if found is not None:
        return found
    concepts = parse(path)
    store(name, stamp, concepts)
    return concepts


# --- compiled matchers -----------------------------------------------------------------------
# A matcher's table (each automaton key and its meanings, toolkit.glossary.match) costs more to
# build than to read: kept by the fingerprint of what it depends on, with the toolkit version.


def lookup_matcher(fingerprint: str) -> "dict[str, list[Any]] | None":
    """The cached table of a matcher (keys -> meanings, best first), or None."""
    from toolkit.glossary.match import _Entry

    slot = _slot("matcher:" + fingerprint)
    if slot is None:
        return None
    try:
        with open(slot, encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("stamp") != [FORMAT, __version__, fingerprint]:
            return None
        return {key: [_Entry(c, t, cased, tuple(rank), tail, lead, acronym)
                      for c, t, cased, rank, tail, lead, acronym in rows]
                for key, rows in data["table"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store_matcher(fingerprint: str, table: "dict[str, list[Any]]") -> None:
    slot = _slot("matcher:" + fingerprint)
    if slot is None:
        return
    from toolkit.textio import atomic_write

    payload = json.dumps({"stamp": [FORMAT, __version__, fingerprint],
                          "table": {key: [list(e) for e in entries] for key, entries in table.items()}},
                         ensure_ascii=False)
    try:
        atomic_write(slot, payload)
        _prune(slot.parent)
    except (OSError, ToolkitError):
        pass  # a read-only cache directory only costs speed
