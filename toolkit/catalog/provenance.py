"""Provenance of machine-made translations in catalog comments, one mechanism for MT and TM.

A draft we write carries one line naming where it came from and ``draft=`` (a hash of the
msgstr we wrote): when the msgstr still has that hash the draft is untouched and may be
replaced by a better one; otherwise a translator changed it and it is never touched again.

* MT: ``#. mt: ENGINE | key=… seg=… terms=… draft=…`` (extracted comment; :mod:`toolkit.mt.fill`);
* TM: ``# tm: 87% draft=… origin=PATH:LINE`` plus ``# tm-other: …`` and ``# tm-numbers: …``
  (translator comments, which ``msgmerge`` keeps from the catalog — it takes extracted comments
  from the template instead — and ``msgcat`` and Poedit keep; :mod:`toolkit.tm.fill`);
* a draft that breaks the glossary: the flag ``glossary-mismatch`` and ``#. glossary-mismatch: …``
  for both.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polib

MT_PREFIX = "mt: "
MISMATCH_PREFIX = "glossary-mismatch: "
MISMATCH_FLAG = "glossary-mismatch"
_MT_LINE = re.compile(r"^mt: (?P<engine>.+?) \| key=(?P<key>\w+) seg=(?P<seg>\w+) terms=(?P<terms>\w+) "
                      r"draft=(?P<draft>\w+)$")


def digest(*parts: str) -> str:
    """A short stable hash of *parts* (12 hex digits)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:12]


def replace_lines(text: str | None, prefixes: tuple[str, ...], new: Sequence[str]) -> str:
    """*text* (a comment block) without its lines starting with *prefixes*, then *new* lines."""
    kept = [ln for ln in (text or "").split("\n") if ln and not ln.startswith(prefixes)]
    return "\n".join(kept + list(new))


def lines_with(text: str | None, prefixes: tuple[str, ...]) -> list[str]:
    """The lines of *text* starting with *prefixes*."""
    return [ln for ln in (text or "").split("\n") if ln.startswith(prefixes)]


def mt_provenance(entry: "polib.POEntry") -> dict[str, str] | None:
    """The ``mt:`` line of *entry* as a dict (engine, key, seg, terms, draft), or ``None``."""
    for line in (entry.comment or "").split("\n"):
        found = _MT_LINE.match(line)
        if found:
            return found.groupdict()
    return None


def untouched_mt_draft(entry: "polib.POEntry") -> bool:
    """True if *entry* holds an MT draft no translator has changed (it may be replaced)."""
    info = mt_provenance(entry)
    return bool(entry.msgstr) and info is not None and info["draft"] == digest(entry.msgstr)
