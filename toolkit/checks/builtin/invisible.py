"""The ``invisible`` check: invisible characters in odd places in msgstr — a doubled ZWSP, a ZWSP
next to a space or at either end, a BOM inside the text, a ZWNJ used as a word separator.

Harmless to a reader, so ``info`` by default: on real catalogs these outnumber real encoding
errors a hundredfold, and would bury them if reported at the same level. The message says what
the tidy text would be; the translator's text is never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer as km


@check("invisible", "info", order=75)
def invisible(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """Invisible-character hygiene: doubled ZWSP, ZWSP next to a space or at either end, a BOM
    inside the text, ZWNJ used as a word separator (ZWSP is the separator)."""
    translations = [(entry, translation) for entry in entries for _, translation in entry.pairs]
    for i in sorted(km.odd_invisible_texts([translation for _, translation in translations])):
        entry, translation = translations[i]  # the few that may hold one, told for the batch
        found = km.odd_invisibles(translation)
        if not found:
            continue
        described = "; ".join(f"{what} at {offset}" for offset, what in found)
        tidy = km.tidy_invisibles(translation)
        yield entry, Problem(f"{described} (fix: {tidy!r})", expected=(tidy,))
