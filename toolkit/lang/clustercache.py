"""Khmer clusters known to be clean, kept on disk between runs (next to the compiled glossaries).

Whether a cluster is already normalized and valid is pheasa's verdict on that cluster alone
(:func:`toolkit.lang.khmer.clean_cluster`), so it can be remembered: a new process otherwise asks
pheasa again for every distinct cluster it meets (about a tenth of ``toolkit check``'s time on
real catalogs). Only clean verdicts of single clusters are kept, never a verdict on an entry or a
phrase; the file is stamped with the toolkit's and pheasa's versions and ignored when either
changes. JSON, like the glossary cache: a cache file is data, never code. Any problem with it
(unreadable, unwritable, corrupt) only costs speed.
"""

from __future__ import annotations

import json
from pathlib import Path

from toolkit import __version__
from toolkit.cachedir import cache_root
from toolkit.errors import ToolkitError
from toolkit.lang import khmer

FORMAT = 1
KEEP = 50_000  # clusters kept at most (real Khmer text uses a few thousand)
_loaded: set[str] = set()  # what this process read from the file


def _slot() -> Path | None:
    root = cache_root()
    return None if root is None else root / "khmer-clusters.json"


def _stamp() -> list[object]:
    import pheasa

    return [FORMAT, __version__, getattr(pheasa, "__version__", "?")]


def load() -> None:
    """Tell :mod:`toolkit.lang.khmer` the clean clusters remembered from earlier runs."""
    slot = _slot()
    if slot is None or _loaded:
        return
    try:
        with open(slot, encoding="utf-8") as handle:
            data = json.load(handle)
        if not isinstance(data, dict) or data.get("stamp") != _stamp():
            return
        clean = [c for c in data["clean"] if isinstance(c, str)]
    except (OSError, ValueError, KeyError, TypeError):
        return
    _loaded.update(clean)
    khmer.remember_clean_clusters(clean)


def store() -> None:
    """Add the clean clusters this process found to the file (when there are new ones)."""
    slot = _slot()
    if slot is None:
        return
    new = khmer.clean_clusters_found() - _loaded
    if not new or len(_loaded) >= KEEP:
        return
    from toolkit.textio import atomic_write

    clean = sorted(_loaded | new)[:KEEP]
    try:
        slot.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(slot, json.dumps({"stamp": _stamp(), "clean": clean}, ensure_ascii=False))
    except (OSError, ToolkitError):
        return  # a read-only cache directory only costs speed
    _loaded.update(clean)
