"""The units a run's corpus checks need, held compactly.

A corpus check sees every checked entry of a language, across files, so naively a run holds the
whole corpus until its end: about 3.5x the size of the PO files in Python objects. But a corpus
check that declares ``variants`` (see :mod:`toolkit.checks.registry`) only reports entries whose
group is written two or more ways, and in a real corpus few are. So the store remembers, per
language and group, the first variant and whether another was seen, and hands the check only the
units of groups that were written two or more ways.

Entries arrive a batch at a time (:meth:`UnitStore.add`) and are kept as plain tuples of what a
corpus check and its finding read (:func:`light_entry` rebuilds an entry from one, only for the
units handed to a check). Small runs keep them in memory and compare groups and variants exactly.
Once the files read pass :data:`SPILL_ABOVE_BYTES`, each batch goes to an anonymous temporary file
(deleted by the OS, even on a crash) as one pickle, and only a 64-bit hash of each entry's group
and variant stays in memory, with its batch and place in it. A group whose hash collides with
another's only costs loading a few more units (the check regroups them exactly); two different
variants of one group with the same hash would hide a disagreement, with odds of about 1 in 2**64
per pair. Without a usable temporary directory the batches stay in memory (pickled).
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Unit
from toolkit.textio import scratch_error, scratch_file

#: Past this many bytes of PO files read in a run, units are spilled to a temporary file.
SPILL_ABOVE_BYTES = 8_000_000

_MIXED = object()  # a group seen with two or more variants
_ABSENT = object()
Variants = Callable[[Entry], tuple[Hashable, Hashable]]
Record = tuple[Any, ...]  # (line, msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, tcomment)


def _note(seen: dict[Any, Any], group: Any, variant: Any) -> None:
    """Record that *group* was written as *variant*."""
    first = seen.get(group, _ABSENT)
    if first is _ABSENT:
        seen[group] = variant
    elif first is not _MIXED and first != variant:
        seen[group] = _MIXED


def _record(e: Entry) -> Record:
    return (e.line, e.msgid, e.msgstr, e.msgctxt, e.msgid_plural, e.msgstr_plural, e.flags, e.tcomment)


def light_entry(line: int, msgid: str, msgstr: str, msgctxt: str | None, msgid_plural: str | None,
                msgstr_plural: tuple[str, ...], flags: frozenset[str], tcomment: str) -> Entry:
    """An entry with what a corpus check and its finding read (line, strings, flags, translator
    comments); extracted comments, references and previous strings stay at their defaults."""
    light: Entry = object.__new__(Entry)
    light.__dict__.update(line=line, msgid=msgid, msgstr=msgstr, msgctxt=msgctxt, msgid_plural=msgid_plural,
                          msgstr_plural=msgstr_plural, flags=flags, tcomment=tcomment, obsolete=False)
    return light


def corpus_entry(e: Entry) -> Entry:
    """:func:`light_entry` of *e*: what is kept of a checked entry for the corpus checks."""
    return light_entry(*_record(e))


class UnitStore:
    """The units of one run, by language, reduced to what the corpus checks can report on.

    *variants* are the corpus checks' ``variants`` functions; ``None`` among them (a check that
    declares none) keeps every unit. A file's entries are given between :meth:`begin` and
    :meth:`commit` (or :meth:`discard`, for a file that failed half-way: it lends none)."""

    def __init__(self, variants: Sequence[Variants | None], spill_above: int | None = None) -> None:
        self.variants = tuple(v for v in variants if v is not None)
        self.keep_all = len(self.variants) < len(variants)
        self.spill_above = SPILL_ABOVE_BYTES if spill_above is None else spill_above
        self.read = 0  # bytes of PO files whose units were added
        self.langs: dict[str, int] = {}
        # per language: (check index, group) -> its first variant, or _MIXED; hashes once spilled
        self.seen: list[dict[Any, Any]] = []
        # in memory: (language index, path, record, ((group, variant) per check, ...))
        self.units: list[tuple[int, str, Record, tuple[tuple[Hashable, Hashable], ...]]] = []
        self.file: Any = None  # spilled: the batches, pickled one after another
        self.size = 0  # spilled: bytes written to the file
        self.batches = array("q")  # spilled: each batch's offset in the file
        self.batch_of = array("I")  # spilled: per unit, its batch and its place in it
        self.place = array("I")
        self.lang_of = array("H")  # spilled: each unit's language index
        self.groups: list[array[int]] = []  # spilled: per check, each unit's group hash
        self.kinds: list[array[int]] = []  # spilled: per check, each unit's variant hash
        self.lang = 0  # the file begun: its language index, its units not yet committed
        self.pending: list[tuple[int, str, Record, tuple[tuple[Hashable, Hashable], ...]]] = []
        self.pending_from = 0  # spilled: the first unit of the file begun
        self.pending_batch = 0  # spilled: its first batch

    def begin(self, lang: str, size: int) -> None:
        """A file of *size* bytes in *lang* starts. Spills first if it takes the run past the bound."""
        self.lang = self.langs.setdefault(lang, len(self.langs))
        if self.lang == len(self.seen):
            self.seen.append({})
        self.read += size
        if self.file is None and self.read > self.spill_above and not self.keep_all:
            self._spill()
        self.pending_from, self.pending_batch = len(self.batch_of), len(self.batches)

    def add(self, path: str, entries: Sequence[Entry]) -> None:
        """Checked entries of the file begun (at *path*)."""
        if not entries:
            return
        li, variants = self.lang, self.variants
        if self.file is None:
            self.pending += [(li, path, _record(e), tuple(v(e) for v in variants)) for e in entries]
            return
        keyed = [tuple(v(e) for v in variants) for e in entries]
        self._write(path, [_record(e) for e in entries], keyed)

    def _write(self, path: str, records: list[Record], keyed: list[tuple[tuple[Hashable, Hashable], ...]]) -> None:
        """One batch of the file begun, to the spill file; its hashes kept."""
        blob = pickle.dumps((path, records), pickle.HIGHEST_PROTOCOL)
        try:
            self.file.write(blob)
        except OSError as exc:
            raise scratch_error(exc) from None
        n = len(records)
        self.batch_of.extend([len(self.batches)] * n)
        self.batches.append(self.size)
        self.size += len(blob)
        self.place.extend(range(n))
        self.lang_of.extend([self.lang] * n)
        for ci, (groups, kinds) in enumerate(zip(self.groups, self.kinds)):
            groups.extend([hash((ci, k[ci][0])) for k in keyed])
            kinds.extend([hash(k[ci][1]) for k in keyed])

    def commit(self) -> None:
        """The file begun was read whole: its units count."""
        seen = self.seen[self.lang] if self.seen else {}
        if self.file is None:
            for unit in self.pending:
                for ci, (group, variant) in enumerate(unit[3]):
                    _note(seen, (ci, group), variant)
            self.units += self.pending
            self.pending = []
            return
        start, end = self.pending_from, len(self.batch_of)
        for groups, kinds in zip(self.groups, self.kinds):
            for n in range(start, end):
                _note(seen, groups[n], kinds[n])
        self.pending_from, self.pending_batch = end, len(self.batches)

    def discard(self) -> None:
        """The file begun could not be read: forget its units."""
        self.pending = []
        start = self.pending_from
        if self.file is not None and start < len(self.batch_of):
            self.size = self.batches[self.pending_batch]
            self.file.seek(self.size)
            self.file.truncate()
            del self.batches[self.pending_batch:]
            for a in (self.batch_of, self.place, self.lang_of, *self.groups, *self.kinds):
                del a[start:]

    def extend(self, lang: str, units: Sequence[Unit], size: int) -> None:
        """The units of one file read elsewhere (a worker process)."""
        self.begin(lang, size)
        if units:
            self.add(units[0].path, [u.entry for u in units])
        self.commit()

    def _spill(self) -> None:
        held, self.units = self.units, []
        self.file = scratch_file()
        self.seen = [{} for _ in self.seen]
        self.groups = [array("q") for _ in self.variants]
        self.kinds = [array("q") for _ in self.variants]
        lang, n = self.lang, 0
        while n < len(held):  # a batch per run of units of one file
            li, path = held[n][0], held[n][1]
            end = n
            while end < len(held) and held[end][0] == li and held[end][1] == path:
                end += 1
            self.lang, self.pending_from = li, len(self.batch_of)
            run = held[n:end]
            self._write(path, [u[2] for u in run], [u[3] for u in run])
            self.commit()
            n = end
        self.lang = lang

    def by_language(self) -> Iterator[tuple[str, list[Unit]]]:
        """Each language and, in the order added, its units a corpus check may report on."""
        names = list(self.langs)
        wanted: list[list[Unit]] = [[] for _ in names]
        if self.file is None:
            for li, path, record, keyed in self.units:
                seen = self.seen[li]
                if self.keep_all or any(seen.get((ci, group)) is _MIXED for ci, (group, _) in enumerate(keyed)):
                    wanted[li].append(Unit(path, light_entry(*record)))
        else:
            loaded: tuple[int, tuple[str, list[Record]]] | None = None
            for n, li in enumerate(self.lang_of):
                seen = self.seen[li]
                if any(seen.get(groups[n]) is _MIXED for groups in self.groups):
                    b = self.batch_of[n]
                    if loaded is None or loaded[0] != b:
                        end = self.batches[b + 1] if b + 1 < len(self.batches) else self.size
                        self.file.seek(self.batches[b])
                        loaded = (b, pickle.loads(self.file.read(end - self.batches[b])))
                    path, records = loaded[1]
                    wanted[li].append(Unit(path, light_entry(*records[self.place[n]])))
        for name, units in zip(names, wanted):
            if units:
                yield name, units

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
