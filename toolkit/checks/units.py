"""The units a run's corpus checks need, held compactly.

A corpus check sees every checked entry of a language, across files, so naively a run holds the
whole corpus until its end: about 3.5x the size of the PO files in Python objects. But a corpus
check that declares ``variants`` (see :mod:`toolkit.checks.registry`) only reports entries whose
group is written two or more ways, and in a real corpus few are. So the store remembers, per
language and group, the first variant and whether another was seen, and hands the check only the
units of groups that were written two or more ways.

Entries arrive a batch at a time (:meth:`UnitStore.add`). Of each, the store keeps a 64-bit hash
of its group and of its variant (per check), in arrays: a group is "written two ways" when its
units' variant hashes differ. A group whose hash collides with another's only costs handing a few
more units to the check (it regroups them exactly); two different variants of one group with the
same hash would hide a disagreement, with odds of about 1 in 2**64 per pair.

Small runs also keep each unit as a plain tuple of what a corpus check and its finding read
(:func:`light_entry` rebuilds an entry from one, only for the units handed to a check). Once the
files read pass :data:`SPILL_ABOVE_BYTES` (or from the start, when the files to read are known to
pass it), those tuples are dropped and no more are kept: of each unit only its first line, its
msgid line and hashes stay (24 bytes; a PO entry takes about 400), and of each group its first
variant's hash, so a run's memory grows little with the corpus. At the end, the few units in
groups written two ways are read again from their files, only the files holding such a unit: an
entry's text runs from its first line to the next entry's, so each run of wanted units is parsed
alone (:func:`toolkit.catalog.reader.parse_po`) from its first line to the next unit's, the
lines between skipped as the file is read a piece at a time. Where that cannot be done (a file
not in UTF-8, units held before spilling, a part longer than :data:`PART_LINES`) or gives other
entries, the whole file is read (streamed, :func:`toolkit.catalog.reader.read_po`) and the units
picked by line.

A file edited during the run: a unit read again must be the one checked. The file's size and
modification time are noted once its units are in; if they differ when it is read again, if it no
longer reads, or if a picked entry is missing or its group or variant hash differs from the
one noted, the run stops with an :class:`~toolkit.errors.InputError` naming the file ("changed
while it was being checked; run again") rather than report on entries it did not check. (Flags
and translator comments, which a finding's suppression reads, are not hashed: an edit of them
alone is told by the size and time only; a file touched without a change also stops the run.)
"""

from __future__ import annotations

import os
from array import array
from collections import deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from itertools import islice

from toolkit.catalog.reader import Entry, parse_po, read_po
from toolkit.checks.context import Unit
from toolkit.errors import InputError, ToolkitError
from toolkit.textio import file_lines

#: Past this many bytes of PO files read in a run, units are no longer held (only their hashes).
SPILL_ABOVE_BYTES = 8_000_000

#: A part of a file read again holds at most this many units and lines (else the whole file is
#: read again, streamed): memory stays bounded even where every unit is wanted or many unchecked
#: entries lie between two units.
PART_UNITS = 256
PART_LINES = 20_000

Variants = Callable[[Entry], tuple[Hashable, Hashable]]
#: (line, msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, tcomment)
Record = tuple[int, str, str, "str | None", "str | None", tuple[str, ...], frozenset[str], str]
Stat = tuple[int, int] | None  # a file's size and modification time (ns) once its units are in


def _record(e: Entry) -> Record:
    return (e.line, e.msgid, e.msgstr, e.msgctxt, e.msgid_plural, e.msgstr_plural, e.flags, e.tcomment)


def light_entry(line: int, msgid: str, msgstr: str, msgctxt: str | None, msgid_plural: str | None,
                msgstr_plural: tuple[str, ...], flags: frozenset[str], tcomment: str, start: int = 0) -> Entry:
    """An entry with what a corpus check and its finding read (line, strings, flags, translator
    comments); extracted comments, references and previous strings stay at their defaults."""
    return Entry(line, msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, False, (), tcomment, start=start)


def corpus_entry(e: Entry) -> Entry:
    """:func:`light_entry` of *e*, and its first line: what a worker process sends of a checked
    entry for the corpus checks."""
    return light_entry(*_record(e), e.start)


def _hashes(ci: int, keyed: list[tuple[Hashable, Hashable]]) -> tuple[array[int], array[int]]:
    """The group and variant hashes of check *ci*'s (group, variant) pairs (a group hash tells
    the check too, but for the first: no tuple built in the usual case of one check)."""
    groups = [hash(g) for g, _ in keyed] if ci == 0 else [hash((ci, g)) for g, _ in keyed]
    return array("q", groups), array("q", [hash(k) for _, k in keyed])


def _stat(path: str) -> Stat:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _changed(path: str) -> InputError:
    return InputError("changed while it was being checked; run again", path=path)


class UnitStore:
    """The units of one run, by language, reduced to what the corpus checks can report on.

    *variants* are the corpus checks' ``variants`` functions; ``None`` among them (a check that
    declares none) keeps every unit (in memory). *expected*: the bytes of PO files the run will
    read, if known (past the bound, no record is kept from the start). A file's entries are given
    between :meth:`begin` and :meth:`commit` (or :meth:`discard`, for a file that failed half-way:
    it lends none)."""

    def __init__(self, variants: Sequence[Variants | None], spill_above: int | None = None, expected: int = 0) -> None:
        self.variants = tuple(v for v in variants if v is not None)
        self.keep_all = len(self.variants) < len(variants)
        self.spill_above = SPILL_ABOVE_BYTES if spill_above is None else spill_above
        self.read = 0  # bytes of PO files whose units were added
        self.langs: dict[str, int] = {}
        # per language: group hash (per check) -> its first variant hash; the groups seen with two or more
        self.first: list[dict[int, int]] = []
        self.mixed: list[set[int]] = []
        # per file with units: its path, language index, first unit and Stat
        self.files: list[tuple[str, int, int, Stat]] = []
        self.groups = [array("q") for _ in self.variants]  # per check, each unit's group hash
        self.kinds = [array("q") for _ in self.variants]  # per check, each unit's variant hash
        self.records: list[Record] | None = []  # each unit's record; None once spilled
        self.lines = array("I")  # spilled: each unit's line (its entry's msgid line, in its file)
        self.starts = array("I")  # spilled: each unit's first line (0: not known)
        self.lang = 0  # the file begun: its language index, its path once it has units
        self.path: str | None = None
        self.start = 0  # the first unit of the file begun
        self.count = 0  # units added
        if expected > self.spill_above and not self.keep_all:
            self._spill()  # the files to come are known to pass the bound: no record is kept

    def begin(self, lang: str, size: int) -> None:
        """A file of *size* bytes in *lang* starts. Spills first if it takes the run past the bound."""
        self.lang = self.langs.setdefault(lang, len(self.langs))
        if self.lang == len(self.first):
            self.first.append({})
            self.mixed.append(set())
        self.read += size
        if self.records is not None and self.read > self.spill_above and not self.keep_all:
            self._spill()
        self.path, self.start = None, self.count

    def add(self, path: str, entries: Sequence[Entry]) -> None:
        """Checked entries of the file begun (at *path*)."""
        if not entries:
            return
        self.path = path
        self.count += len(entries)
        if self.records is not None:
            self.records += map(_record, entries)
        else:
            self.lines.extend([e.line for e in entries])
            self.starts.extend([e.start for e in entries])
        for ci, v in enumerate(self.variants):
            groups, kinds = _hashes(ci, list(map(v, entries)))
            self.groups[ci] += groups
            self.kinds[ci] += kinds

    def commit(self) -> None:
        """The file begun was read whole: its units count."""
        if self.path is None:
            return
        start, end = self.start, self.count
        first, mixed = self.first[self.lang], self.mixed[self.lang]
        noted = first.setdefault
        for groups, kinds in zip(self.groups, self.kinds):
            for group, kind in zip(groups[start:end], kinds[start:end]):
                if noted(group, kind) != kind:
                    mixed.add(group)
        self.files.append((self.path, self.lang, start, _stat(self.path) if self.records is None else None))
        self.path, self.start = None, end

    def discard(self) -> None:
        """The file begun could not be read: forget its units."""
        start = self.start
        if self.records is not None:
            del self.records[start:]
        else:
            del self.lines[start:]
            del self.starts[start:]
        for a in (*self.groups, *self.kinds):
            del a[start:]
        self.path, self.count = None, start

    def extend(self, lang: str, units: Sequence[Unit], size: int) -> None:
        """The units of one file read elsewhere (a worker process)."""
        self.begin(lang, size)
        if units:
            self.add(units[0].path, [u.entry for u in units])
        self.commit()

    def _spill(self) -> None:
        """Drop the records: from now on each unit is its line and hashes (its file read again at
        the end if it is needed)."""
        assert self.records is not None
        self.lines = array("I", [r[0] for r in self.records])
        self.starts = array("I", bytes(4 * len(self.records)))
        self.records = None
        self.files = [(path, li, start, _stat(path)) for path, li, start, _ in self.files]

    def by_language(self) -> Iterator[tuple[str, list[Unit]]]:
        """Each language and, in the order added, its units a corpus check may report on."""
        names = list(self.langs)
        wanted: list[list[Unit]] = [[] for _ in names]
        ends = [f[2] for f in self.files[1:]] + [self.count]
        for (path, li, start, stat), end in zip(self.files, ends):
            if self.keep_all:
                hits: list[int] = list(range(start, end))
            else:
                mixed = self.mixed[li]
                if not mixed:
                    continue
                hits = sorted({n for groups in self.groups
                               for n, group in enumerate(groups[start:end], start) if group in mixed})
            if not hits:
                continue
            if self.records is not None:
                records = self.records
                wanted[li] += [Unit(path, light_entry(*records[n])) for n in hits]
            else:
                wanted[li] += self._read_again(path, stat, hits, end)
        for name, units in zip(names, wanted):
            if units:
                yield name, units

    def _read_again(self, path: str, stat: Stat, hits: list[int], end: int) -> list[Unit]:
        """The units *hits* of *path* (its units end before *end*) read again, each checked to be
        the entry first read: only their text when it can be (:meth:`_read_parts`), else the file."""
        if stat is None or _stat(path) != stat:
            raise _changed(path)
        try:
            picked = self._read_parts(path, hits, end)
        except ToolkitError:
            picked = {}
        if not all(self._same(n, picked.get(n)) for n in hits):
            picked.clear()
            at = {self.lines[n]: n for n in hits}

            def pick(entry: Entry, header: bool) -> None:
                n = at.get(entry.line)
                if n is not None and not header:
                    picked[n] = entry

            try:
                read_po(path, pick, stream=True)
            except ToolkitError:
                raise _changed(path) from None
            if not all(self._same(n, picked.get(n)) for n in hits):
                raise _changed(path)
        return [Unit(path, light_entry(self.lines[n], *_record(picked[n])[1:])) for n in hits]

    def _read_parts(self, path: str, hits: list[int], end: int) -> dict[int, Entry]:
        """The entries of units *hits* parsed from their text alone: each run of them from its
        first line to the next unit's (or the end of the file), the lines between skipped. An
        entry's text runs from its first line to the next entry's; an entry of a part keeps its
        line in the part. Raises ToolkitError for a file that is not UTF-8 or a part that does
        not parse; a part that is not what was read gives other entries (the caller checks)."""
        starts, lines = self.starts, self.lines
        picked: dict[int, Entry] = {}
        source = file_lines(path)  # closed as soon as it is dropped (at the return)
        at = 1  # the number of the line source gives next
        i = 0
        while i < len(hits):
            j = i
            while j + 1 < len(hits) and hits[j + 1] == hits[j] + 1 and j + 1 - i < PART_UNITS:
                j += 1
            first = starts[hits[i]]
            stop = starts[hits[j] + 1] if hits[j] + 1 < end else 0
            if not first or first < at or (hits[j] + 1 < end and stop <= first):
                raise InputError("no line known", path=path)  # units held before spilling
            deque(islice(source, first - at), maxlen=0)
            part = list(islice(source, min(stop - first, PART_LINES + 1) if stop else PART_LINES + 1))
            if len(part) > PART_LINES:
                raise InputError("too long a part", path=path)  # memory bound: the file is streamed instead
            at = stop
            found = {e.line + first - 1: e for e in parse_po("\n".join(part), path).entries}
            for n in hits[i:j + 1]:
                entry = found.get(lines[n])
                if entry is not None:
                    picked[n] = entry
            i = j + 1
        return picked

    def _same(self, n: int, entry: Entry | None) -> bool:
        """*entry* has unit *n*'s group and variant hashes (for every check)."""
        if entry is None:
            return False
        for ci, v in enumerate(self.variants):
            groups, kinds = _hashes(ci, [v(entry)])
            if groups[0] != self.groups[ci][n] or kinds[0] != self.kinds[ci][n]:
                return False
        return True
