"""Where a translation came from, in the marks the toolkit leaves in catalog comments: one
mechanism for MT drafts, TM fills and glossary pre-fills, written and read here only.

Every mark is a **translator comment** (``# …``): ``msgmerge`` keeps those from the catalog (it
takes extracted ``#.`` comments from the template, which would wipe them), and ``msgcat``,
``msgattrib``, Poedit, Weblate, polib, Babel and Translate Toolkit keep them too. Marks written by
older versions as extracted comments (``#. mt: …``) are still read, and moved on the next write.

* MT: ``# mt: ENGINE`` and ``# mt-key: key=… seg=… terms=… draft=…`` (:mod:`toolkit.mt.fill`;
  older versions wrote one ``mt: ENGINE | key=…`` line, still read);
* TM: ``# tm: 87% draft=… origin=PATH:LINE``, ``# tm-other: …``, ``# tm-numbers: …``
  (:mod:`toolkit.tm.fill`);
* a draft that breaks the glossary: ``# glossary-mismatch: …`` (and the flag
  ``glossary-mismatch``, which gettext tools drop; the comment is what counts).

``draft=`` is a hash of the msgstr we wrote: while the msgstr has it the draft is untouched and
may be replaced by a better one; once a translator changes it, it is never touched again.

Our fixed-form lines are short enough that no tool rewraps them (under 76 columns: Babel wraps
comments at 76, polib at 78). Lines with free text (a TM origin, another target, a mismatch) can
be longer; a tool that rewraps them splits them over several lines, and :func:`rejoined` puts the
pieces back together before anything reads them.

:func:`provenance` sums it up per entry for reports: ``mt``, ``tm``, ``glossary`` (pre-fill of a
sentence that is wholly one term), ``merge`` (a fuzzy guess with ``#|``), ``translator``, ``none``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

MT_PREFIX = "mt: "
MT_KEY_PREFIX = "mt-key: "
TM_PREFIX = "tm: "
TM_OTHER_PREFIX = "tm-other: "
TM_NUMBERS_PREFIX = "tm-numbers: "
MISMATCH_PREFIX = "glossary-mismatch: "
MISMATCH_FLAG = "glossary-mismatch"
HINT_PREFIX = "glossary: "  # extracted comments the template owns (regenerated on every run)
#: Every prefix of a comment line we write: a line a tool split off one of these is a piece of it.
OURS = (MT_PREFIX, MT_KEY_PREFIX, TM_PREFIX, TM_OTHER_PREFIX, TM_NUMBERS_PREFIX, MISMATCH_PREFIX, HINT_PREFIX)
MARKS = OURS[:-1]  # the provenance marks (hints are the template's)
HASH = 10  # hex digits of our hashes (older versions wrote 12: compared on the common prefix)

_MT_LINE = re.compile(r"^mt: (?P<engine>.+?) \| key=(?P<key>\w+) seg=(?P<seg>\w+) terms=(?P<terms>\w+) "
                      r"draft=(?P<draft>\w+)$")  # older versions: one line
_MT_KEY_LINE = re.compile(r"^mt-key: key=(?P<key>\w+) seg=(?P<seg>\w+) terms=(?P<terms>\w+) draft=(?P<draft>\w+)$")
#: Lines whose form is fixed: a piece split off one ends when the line matches in full.
_COMPLETE = {MT_KEY_PREFIX: _MT_KEY_LINE}
_TM_LINE = re.compile(r"^tm: (?P<score>\d+)% draft=(?P<draft>\w+) origin=(?P<origin>.*)$")

#: Provenance kinds, in the order reports list them.
KINDS = ("mt", "tm", "glossary", "merge", "translator", "none")


def digest(*parts: str) -> str:
    """A short stable hash of *parts* (:data:`HASH` hex digits)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:HASH]


def same(stored: str, computed: str) -> bool:
    """A hash read from a catalog equals *computed* (an older, longer hash: on the common prefix)."""
    return len(stored) >= HASH and stored[:HASH] == computed[:HASH]


def rejoined(text: str | None) -> list[str]:
    """The lines of a comment block, with the pieces of our own lines that a tool wrapped joined
    back (textwrap breaks at single spaces, so one space joins them exactly). A line right after
    one of ours is a piece of it when it starts with none of our prefixes, and our line is either
    a fixed-form line not yet complete, or a free-text line and the piece is not a suppression
    (``ignore-…``), which translators write on lines of their own."""
    out: list[str] = []
    ours: str | None = None  # the prefix of the line being continued
    for line in (text or "").split("\n"):
        if not line:
            continue
        prefix = next((p for p in OURS if line.startswith(p)), None)
        if prefix is not None:
            out.append(line)
            ours = prefix
            continue
        if ours is not None:
            pattern = _COMPLETE.get(ours)
            if (pattern.match(out[-1]) is None) if pattern is not None else not line.startswith("ignore-"):
                out[-1] += " " + line
                continue
        out.append(line)
        ours = None
    return out


def replace_lines(text: str | None, prefixes: tuple[str, ...], new: Sequence[str]) -> str:
    """*text* (a comment block, pieces rejoined) without its lines starting with *prefixes*, then *new*."""
    kept = [ln for ln in rejoined(text) if not ln.startswith(prefixes)]
    return "\n".join(kept + list(new))


def lines_with(text: str | None, prefixes: tuple[str, ...]) -> list[str]:
    """The lines of *text* (pieces rejoined) starting with *prefixes*."""
    return [ln for ln in rejoined(text) if ln.startswith(prefixes)]


class _Commented(Protocol):
    @property
    def tcomment(self) -> str: ...

    @property
    def comment(self) -> str: ...

    @property
    def msgstr(self) -> str: ...


def marks(entry: _Commented) -> list[str]:
    """Our provenance lines of *entry*: translator comments, then (older versions) extracted ones."""
    return lines_with(entry.tcomment, MARKS) + lines_with(entry.comment, MARKS)


def move_marks(entry: "_Mutable", new: Sequence[str], prefixes: tuple[str, ...]) -> None:
    """Replace the marks with *prefixes* by *new* lines, as translator comments (and drop any
    left in extracted comments by an older version)."""
    entry.tcomment = replace_lines(entry.tcomment, prefixes, new)
    entry.comment = replace_lines(entry.comment, prefixes, [])


class _Mutable(Protocol):
    tcomment: str
    comment: str


def mt_lines(engine: str, key: str, seg: str, terms: str, draft: str) -> list[str]:
    """The MT mark of a draft: two short lines no tool rewraps."""
    return [f"{MT_PREFIX}{engine}", f"{MT_KEY_PREFIX}key={key} seg={seg} terms={terms} draft={draft}"]


def mt_provenance(entry: _Commented) -> dict[str, str] | None:
    """The MT mark of *entry* as a dict (engine, key, seg, terms, draft), or ``None``."""
    lines = marks(entry)
    for line in lines:
        found = _MT_LINE.match(line)
        if found:
            return found.groupdict()
    engine = next((line[len(MT_PREFIX):] for line in lines if line.startswith(MT_PREFIX)), None)
    for line in lines:
        found = _MT_KEY_LINE.match(line)
        if found and engine is not None:
            return {"engine": engine, **found.groupdict()}
    return None


def tm_provenance(entry: _Commented) -> dict[str, str] | None:
    """The ``tm:`` mark of *entry* as a dict (score, draft, origin), or ``None``."""
    for line in marks(entry):
        found = _TM_LINE.match(line)
        if found:
            return found.groupdict()
    return None


def untouched_mt_draft(entry: _Commented) -> bool:
    """True if *entry* holds an MT draft no translator has changed (it may be replaced)."""
    info = mt_provenance(entry)
    return bool(entry.msgstr) and info is not None and same(info["draft"], digest(entry.msgstr))


class _Entry(_Commented, Protocol):
    @property
    def fuzzy(self) -> bool: ...

    @property
    def previous_msgid(self) -> str | None: ...


@dataclass(frozen=True)
class Provenance:
    """An entry's origin: its kind (one of :data:`KINDS`), a detail to show (the MT engine, the
    TM score and origin, the old msgid's guess), and for drafts whether a translator edited it."""

    kind: str
    detail: str = ""
    edited: bool = False


def provenance(entry: _Entry) -> Provenance:
    """The :class:`Provenance` of a catalog entry read by :mod:`toolkit.catalog.reader`."""
    if entry.tcomment or entry.comment:
        mt = mt_provenance(entry)
        if mt is not None:
            return Provenance("mt", mt["engine"], not same(mt["draft"], digest(entry.msgstr)))
        tm = tm_provenance(entry)
        if tm is not None:
            return Provenance("tm", f"{tm['score']}% {tm['origin']}", not same(tm["draft"], digest(entry.msgstr)))
    if not entry.msgstr:
        return Provenance("none")
    if entry.fuzzy:
        if entry.previous_msgid is not None:
            return Provenance("merge", entry.previous_msgid)
        hints = [line[len(HINT_PREFIX):] for line in rejoined(entry.comment) if line.startswith(HINT_PREFIX)]
        if len(hints) == 1:
            term, _, targets = hints[0].partition(" = ")
            if targets and entry.msgstr == targets.split(" | ")[0]:
                return Provenance("glossary", term)
    return Provenance("translator")
