"""Shared by the format tests: the real documents, an identity translation, a whole pipeline run."""

from __future__ import annotations

from pathlib import Path

import polib

from toolkit.catalog.message import message_text
from toolkit.sources import Document

REAL = Path(__file__).parent / "data" / "real"


def identity(document: Document) -> dict[str, str]:
    """Every msgid translated by itself."""
    return {message_text(s.text): message_text(s.text) for s in document.segments}


def fill(po: Path, translate) -> polib.POFile:
    """Translate every entry of a catalog with *translate(msgid)* (a translator's edit, saved by polib)."""
    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = translate(entry.msgid)
    catalog.save()
    return catalog
