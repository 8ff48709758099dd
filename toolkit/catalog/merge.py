"""Merging a new template into an existing catalog with ``msgmerge`` semantics.

For each template entry, in template (document) order:

1. **exact**: an old entry (live, or obsolete and now revived) with the same msgctxt and msgid
   keeps its msgstr, flags, translator comments and ``#|`` previous msgid; references and our
   ``glossary:`` hints come from the template, other ``#.`` lines (e.g. MT provenance written by
   :mod:`toolkit.mt.fill`) are kept after them;
2. **pre-fill**: an empty entry whose source is wholly one glossary term gets the preferred
   target, flagged fuzzy (this comes before fuzzy guessing: a known term beats a similar name);
3. **fuzzy**: otherwise the closest old translated entry at or above the measured similarity
   threshold (:mod:`toolkit.catalog.fuzzy`) lends its msgstr and translator comments; the entry
   is flagged fuzzy and ``#|`` keeps the msgid the translation was made for;
4. **new**: an empty entry.

Old entries no longer in the template become obsolete (``#~``) when they carry a translation,
in old-file order after the live entries; untranslated ones are dropped, and one that lent its
translation as a fuzzy guess is not kept obsolete besides (as msgmerge does).
A translator's msgstr is never lost: it is kept live, moved to a fuzzy guess, or kept obsolete.

The merge is made one entry at a time (:func:`iter_merge`) and never held whole: the template
and the old catalog are given as compact structures (:mod:`toolkit.catalog.template`,
:mod:`toolkit.catalog.ondisk`) whose entries are made when they are needed.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.catalog.fuzzy import THRESHOLD, FuzzyIndex
from toolkit.catalog.po import RAW, Message
from toolkit.catalog.provenance import HINT_PREFIX, rejoined

#: Extracted-comment prefixes that the template owns (regenerated on every run).
TEMPLATE_COMMENT_PREFIXES = (HINT_PREFIX,)


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """One message of the new template as the merge takes it (made as it is merged, not held).
    *prefill*: the preferred target when the msgid is wholly one glossary term."""

    msgid: str
    occurrences: Sequence[tuple[str, str]] = ()
    comment: str = ""
    msgctxt: str | None = None
    prefill: str | None = None


@dataclass(frozen=True)
class MergeStats:
    """What the merge did, entry by entry."""

    exact: int = 0
    prefilled: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0


def _translated(entry: Any) -> bool:
    if entry.msgid_plural:
        return any(v for v in entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _comments(template: Any, old: Any) -> str:
    lines = [line for line in template.comment.split("\n") if line] if template.comment else []
    if old is not None and old.comment:
        for line in rejoined(old.comment):  # our lines whole again, whatever wrapped them
            if line and not line.startswith(TEMPLATE_COMMENT_PREFIXES) and line not in lines:
                lines.append(line)
    return "\n".join(lines)


def _foreign_comments(entry: Any) -> str:
    """Extracted comments not owned by the template (hints are regenerated, not kept)."""
    return "\n".join(line for line in rejoined(entry.comment) if not line.startswith(TEMPLATE_COMMENT_PREFIXES))


def _keep_text(old: Any, new: Any) -> None:
    """Let *new* be written as *old* was read if it ends up with the same content (the writer
    compares; see :func:`toolkit.catalog.po.format_po`)."""
    raw = getattr(old, RAW, None)
    if raw is not None:
        setattr(new, RAW, raw)


def _copy(template: Any) -> Message:
    occurrences = template.occurrences
    return Message(
        msgid=template.msgid,
        msgctxt=template.msgctxt,
        msgstr="",
        # an immutable sequence is shared with the template (one copy for the .pot and every .po)
        occurrences=occurrences if isinstance(occurrences, tuple) else list(occurrences),
        comment=template.comment or "",
    )


def _take(previous: Message, template: Any) -> Message:
    """*previous* made the merged entry of *template* in place: what the exact-match branch of
    :func:`merge` gives a copy (same fields, same text as read)."""
    comment = _comments(template, previous)
    previous.msgid = template.msgid
    previous.msgctxt = template.msgctxt
    previous.occurrences = template.occurrences if isinstance(template.occurrences, tuple) else list(
        template.occurrences)
    previous.comment = comment
    previous.flags = list(previous.flags)
    if previous.msgstr_plural:
        previous.msgstr_plural = dict(previous.msgstr_plural)
    previous.previous_msgid_plural = None
    if "fuzzy" not in previous.flags:
        previous.previous_msgid = previous.previous_msgctxt = None
    previous.obsolete = False
    previous.linenum = 0
    return previous


# What the merge knows of each old entry (one byte each, see OldEntries.state).
TRANSLATED, OBSOLETE, MATCHED, LENT = 1, 2, 4, 8


class OldEntries:
    """The catalog merged into, as the merge needs it: one byte of facts per entry (file order,
    entries with an msgid), the old entry of each template entry, the msgids of translated
    entries that left the template (fuzzy sources), and each entry in full on demand
    (:meth:`entry`; :class:`toolkit.catalog.oldfile.OldFile` re-reads it from the file)."""

    def __init__(self, template_size: int) -> None:
        self.state = bytearray()
        self.match = array("i", [-1]) * template_size  # template index -> old index
        self.sources: list[tuple[int, str]] = []  # (old index, msgid)

    def note(self, entry: Any, template_index: int) -> int:
        """Record an old entry with an msgid (*template_index*: the template entry with its key,
        or -1); its index."""
        index = len(self.state)
        translated = _translated(entry)
        self.state.append((TRANSLATED if translated else 0) | (OBSOLETE if entry.obsolete else 0)
                          | (MATCHED if template_index >= 0 else 0))
        if template_index >= 0:
            self.match[template_index] = index
        elif translated:
            self.sources.append((index, entry.msgid))
        return index

    def entry(self, index: int) -> Message:
        """The old entry *index* as a fresh :class:`Message` with its text as read (``RAW``)."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what :meth:`entry` reads from."""


class HeldEntries(OldEntries):
    """:class:`OldEntries` over entries held in memory (a catalog read whole)."""

    def __init__(self, entries: Sequence[Any], find: Any, template_size: int) -> None:
        super().__init__(template_size)
        self.entries = [e for e in entries if e.msgid]
        for e in self.entries:
            self.note(e, find(e.msgctxt, e.msgid))

    def entry(self, index: int) -> Message:
        return self.entries[index]  # taken at most once (as the exact match) or only read


def iter_merge(msgids: Callable[[], Iterable[str]], prefill: Callable[[str], str | None],
               entries: Iterable[TemplateEntry], old: OldEntries | None, counts: dict[str, int], *,
               threshold: float = THRESHOLD) -> Iterator[Message]:
    """The merged catalog's entries, made one at a time: live in template order, then obsolete.

    *msgids()* gives each template msgid in order, *prefill(msgid)* the pre-fill of one;
    *entries* are the template's :class:`TemplateEntry` items in the same order, made as they
    are needed. *counts*
    (``exact``, ``prefilled``, ``fuzzy``, ``new``, ``obsolete``) is filled as entries go by.
    Only fuzzy guesses are planned ahead: which old translated entry (if any) each new msgid
    borrows from, for old entries whose msgid left the template.
    """
    for name in ("exact", "prefilled", "fuzzy", "new", "obsolete"):
        counts.setdefault(name, 0)
    guesses: dict[int, int] = {}
    if old is not None and old.sources:
        match = old.match
        index: FuzzyIndex | None = None
        for position, msgid in enumerate(msgids()):
            if match[position] >= 0 or prefill(msgid) is not None:
                continue
            if index is None:
                index = FuzzyIndex([m for _, m in old.sources], threshold=threshold)
            found = index.best(msgid)
            if found is not None:
                source = old.sources[found[0]][0]
                guesses[position] = source
                old.state[source] |= LENT  # msgmerge: the guess replaces the old entry (no obsolete copy)
        del index

    for position, template_entry in enumerate(entries):
        at = -1 if old is None else old.match[position]
        target = template_entry.prefill
        if at >= 0:
            assert old is not None
            entry = _take(old.entry(at), template_entry)
            counts["exact"] += 1
        else:
            entry = _copy(template_entry)
            if target is not None:
                entry.msgstr = target
                entry.flags = ["fuzzy"]
                counts["prefilled"] += 1
            elif position in guesses:
                assert old is not None
                _lend(old.entry(guesses[position]), entry)
                counts["fuzzy"] += 1
            else:
                counts["new"] += 1
        # An empty entry that is wholly a glossary term gets the pre-fill even if it existed.
        if target is not None and not entry.msgid_plural and not _translated(entry):
            entry.msgstr = target
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
        yield entry

    if old is None:
        return
    state = old.state
    for at in range(len(state)):
        if state[at] & (TRANSLATED | MATCHED | LENT) == TRANSLATED:
            yield _dead(old.entry(at))
            counts["obsolete"] += 1


def _lend(source: Any, entry: Message) -> None:
    """A fuzzy guess: *source*'s translation lent to the new *entry*."""
    entry.msgstr = source.msgstr
    entry.tcomment = source.tcomment
    entry.flags = ["fuzzy"] + [f for f in source.flags if f != "fuzzy"]
    if "fuzzy" in source.flags and source.previous_msgid is not None:
        entry.previous_msgid = source.previous_msgid
        entry.previous_msgctxt = source.previous_msgctxt
    else:
        entry.previous_msgid = source.msgid
        entry.previous_msgctxt = source.msgctxt


def _dead(entry: Any) -> Message:
    """The obsolete (``#~``) entry kept for a translated old entry that left the template."""
    dead = Message(
        msgid=entry.msgid,
        msgctxt=entry.msgctxt,
        msgstr=entry.msgstr,
        msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural) if entry.msgstr_plural else None,
        tcomment=entry.tcomment,
        comment=_foreign_comments(entry),
        flags=list(entry.flags),
        obsolete=True,
    )
    _keep_text(entry, dead)
    return dead
