"""The one way entries are counted: translated, fuzzy, untranslated — as ``msgfmt --statistics``
counts them, so ``toolkit check``, ``toolkit build``, the review report and GNU gettext agree.

* the header entry and obsolete (``#~``) entries are not counted;
* an entry whose (first) translation is empty is untranslated, fuzzy flag or not;
* otherwise a ``fuzzy`` entry is fuzzy, and any other entry is translated (msgfmt looks only at
  ``msgstr[0]`` of a plural entry).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Stats:
    """Counts of one catalog's (or several catalogs') live entries."""

    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    def __add__(self, other: Stats) -> Stats:
        return Stats(self.entries + other.entries, self.translated + other.translated,
                     self.fuzzy + other.fuzzy, self.untranslated + other.untranslated)


def status(first_translation: str, fuzzy: bool) -> str:
    """``translated``, ``fuzzy`` or ``untranslated`` for an entry (see the module docstring)."""
    if not first_translation:
        return "untranslated"
    return "fuzzy" if fuzzy else "translated"


class HasStatus(Protocol):
    """An entry as :mod:`toolkit.catalog.reader` gives it (what counting needs of it)."""

    @property
    def obsolete(self) -> bool: ...

    @property
    def status(self) -> str: ...


def catalog_stats(entries: Iterable[HasStatus]) -> Stats:
    """Counts of the live entries of a catalog read by :mod:`toolkit.catalog.reader`."""
    return count(e.status for e in entries if not e.obsolete)


def count(statuses: Iterable[str]) -> Stats:
    """Stats from the statuses of the live entries."""
    translated = fuzzy = untranslated = 0
    for s in statuses:
        if s == "translated":
            translated += 1
        elif s == "fuzzy":
            fuzzy += 1
        else:
            untranslated += 1
    return Stats(translated + fuzzy + untranslated, translated, fuzzy, untranslated)
