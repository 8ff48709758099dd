"""Where an entry's translation came from, read from the marks the toolkit leaves in the catalog
(all of them survive msgmerge, msgcat and Poedit):

* ``mt`` — an ``#. mt: ENGINE | …`` line (:mod:`toolkit.mt.fill`); whether the translator has
  edited the draft since is told by the draft hash on that line;
* ``tm`` — an ``#. tm …`` line (a translation-memory match, e.g. ``tm 87% …``);
* ``merge`` — a fuzzy entry with a previous msgid (``#|``): msgmerge's (or our merge's) guess from
  a similar old sentence;
* ``glossary`` — a fuzzy entry whose translation is the preferred rendering of its single
  ``#. glossary:`` hint: the pre-fill of a sentence that is wholly one term
  (:mod:`toolkit.catalog.merge`);
* ``translator`` — any other translation; ``none`` — no translation.

The kinds are what the review report breaks fuzzy entries down by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

#: Provenance kinds, in the order reports list them.
KINDS = ("mt", "tm", "glossary", "merge", "translator", "none")
TM_PREFIX = "tm "
_HINT = "glossary: "


class _Entry(Protocol):
    @property
    def msgstr(self) -> str: ...

    @property
    def comment(self) -> str: ...

    @property
    def fuzzy(self) -> bool: ...

    @property
    def previous_msgid(self) -> str | None: ...


@dataclass(frozen=True)
class Provenance:
    """An entry's origin: its kind (one of :data:`KINDS`), a detail to show (the MT engine, the
    TM line, the old msgid's guess), and for MT drafts whether a translator has edited it."""

    kind: str
    detail: str = ""
    edited: bool = False


def provenance(entry: _Entry) -> Provenance:
    """The :class:`Provenance` of a catalog entry read by :mod:`toolkit.catalog.reader`."""
    from toolkit.mt.fill import draft_origin

    comment = entry.comment
    if comment:
        origin = draft_origin(comment, entry.msgstr) if "mt: " in comment else None
        if origin is not None:
            return Provenance("mt", origin[0], not origin[1])
        for line in comment.split("\n"):
            if line.startswith(TM_PREFIX):
                return Provenance("tm", line[len(TM_PREFIX):])
    if not entry.msgstr:
        return Provenance("none")
    if entry.fuzzy:
        if entry.previous_msgid is not None:
            return Provenance("merge", entry.previous_msgid)
        hints = [line[len(_HINT):] for line in comment.split("\n") if line.startswith(_HINT)]
        if len(hints) == 1:
            term, _, targets = hints[0].partition(" = ")
            if targets and entry.msgstr == targets.split(" | ")[0]:
                return Provenance("glossary", term)
    return Provenance("translator")
