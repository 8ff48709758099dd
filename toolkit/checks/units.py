"""The units a run's corpus checks need, held compactly.

A corpus check sees every checked entry of a language, across files, so naively a run holds the
whole corpus until its end: about 3.5x the size of the PO files in Python objects. But a corpus
check that declares ``variants`` (see :mod:`toolkit.checks.registry`) only reports entries whose
group is written two or more ways, and in a real corpus few are. So the store remembers, per
language and group, the first variant and whether another was seen, and hands the check only the
units of groups that were written two or more ways.

Small runs keep the units in memory and compare groups and variants exactly. Once the files
read pass :data:`SPILL_ABOVE_BYTES`, units go to an anonymous temporary file (deleted by the
OS, even on a crash) and only a 64-bit hash of each group and variant stays in memory, with the
unit's offset in that file. A group whose hash collides with another's only costs loading a few
more units (the check regroups them exactly); two different variants of one group with the same
hash would hide a disagreement, with odds of about 1 in 2**64 per pair. Without a usable
temporary directory the units stay in memory (pickled).
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


def _note(seen: dict[Any, Any], group: Any, variant: Any) -> None:
    """Record that *group* was written as *variant*."""
    first = seen.get(group, _ABSENT)
    if first is _ABSENT:
        seen[group] = variant
    elif first is not _MIXED and first != variant:
        seen[group] = _MIXED


def _record(unit: Unit) -> tuple[Any, ...]:
    e = unit.entry
    return (unit.path, e.line, e.msgid, e.msgstr, e.msgctxt, e.msgid_plural, e.msgstr_plural, e.flags, e.tcomment)


def _unit(record: tuple[Any, ...]) -> Unit:
    path, line, msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, tcomment = record
    return Unit(path, light_entry(line, msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, tcomment))


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
    return light_entry(e.line, e.msgid, e.msgstr, e.msgctxt, e.msgid_plural, e.msgstr_plural, e.flags, e.tcomment)


class UnitStore:
    """The units of one run, by language, reduced to what the corpus checks can report on.

    *variants* are the corpus checks' ``variants`` functions; ``None`` among them (a check that
    declares none) keeps every unit."""

    def __init__(self, variants: Sequence[Variants | None], spill_above: int | None = None) -> None:
        self.variants = tuple(v for v in variants if v is not None)
        self.keep_all = len(self.variants) < len(variants)
        self.spill_above = SPILL_ABOVE_BYTES if spill_above is None else spill_above
        self.read = 0  # bytes of PO files whose units were added
        self.langs: dict[str, int] = {}
        # per language: (check index, group) -> its first variant, or _MIXED; hashes once spilled
        self.seen: list[dict[Any, Any]] = []
        self.units: list[tuple[int, Unit]] = []  # in memory: (language index, unit)
        self.file: Any = None  # spilled: the units, pickled one after another
        self.size = 0  # spilled: bytes written to the file
        self.where = array("q")  # spilled: each unit's offset in the file
        self.lang_of = array("H")  # spilled: each unit's language index
        self.groups: list[array[int]] = []  # spilled: per check, each unit's group hash
        self.kinds: list[array[int]] = []  # spilled: per check, each unit's variant hash
        self.lang = 0  # the file begun: its language index, its units not yet committed
        self.pending: list[Unit] = []
        self.pending_from = 0

    def begin(self, lang: str, size: int) -> None:
        """A file of *size* bytes in *lang* starts; its units wait for :meth:`commit` (a file that
        fails to read half-way adds none). Spills first if the file takes the run past the bound."""
        self.lang = self.langs.setdefault(lang, len(self.langs))
        if self.lang == len(self.seen):
            self.seen.append({})
        self.read += size
        if self.file is None and self.read > self.spill_above and not self.keep_all:
            self._spill()
        self.pending_from = len(self.where)

    def add(self, unit: Unit) -> None:
        """A unit of the file begun."""
        if self.file is None:
            self.pending.append(unit)
            return
        self.where.append(self.size)
        record = pickle.dumps(_record(unit), pickle.HIGHEST_PROTOCOL)
        self.size += len(record)
        try:
            self.file.write(record)
        except OSError as exc:
            raise scratch_error(exc) from None
        for ci, (group, variant) in enumerate(v(unit.entry) for v in self.variants):
            self.groups[ci].append(hash((ci, group)))
            self.kinds[ci].append(hash(variant))

    def commit(self) -> None:
        """The file begun was read whole: its units count."""
        li, seen = self.lang, self.seen[self.lang] if self.seen else {}
        if self.file is None:
            for unit in self.pending:
                for ci, variants in enumerate(self.variants):
                    group, variant = variants(unit.entry)
                    _note(seen, (ci, group), variant)
                self.units.append((li, unit))
            self.pending = []
            return
        start = self.pending_from
        for groups, kinds in zip(self.groups, self.kinds):
            for n in range(start, len(self.where)):
                _note(seen, groups[n], kinds[n])
        self.lang_of.extend([li] * (len(self.where) - start))
        self.pending_from = len(self.where)

    def discard(self) -> None:
        """The file begun could not be read: forget its units."""
        self.pending = []
        start = self.pending_from
        if self.file is not None and start < len(self.where):
            self.size = self.where[start]
            self.file.seek(self.size)
            self.file.truncate()
            del self.where[start:]
            for arrays in (self.groups, self.kinds):
                for a in arrays:
                    del a[start:]

    def extend(self, lang: str, units: Sequence[Unit], size: int) -> None:
        """The units of a file read elsewhere (a worker process)."""
        self.begin(lang, size)
        for unit in units:
            self.add(unit)
        self.commit()

    def _spill(self) -> None:
        held, self.units = self.units, []
        self.file = scratch_file()
        self.seen = [{} for _ in self.seen]
        self.groups = [array("q") for _ in self.variants]
        self.kinds = [array("q") for _ in self.variants]
        lang = getattr(self, "lang", 0)
        for li, unit in held:
            self.lang, self.pending_from = li, len(self.where)
            self.add(unit)
            self.commit()
        self.lang = lang

    def by_language(self) -> Iterator[tuple[str, list[Unit]]]:
        """Each language and, in the order added, its units a corpus check may report on."""
        names = list(self.langs)
        wanted: list[list[Unit]] = [[] for _ in names]
        if self.file is None:
            for li, unit in self.units:
                if self.keep_all or any(self.seen[li].get((ci, variants(unit.entry)[0])) is _MIXED
                                        for ci, variants in enumerate(self.variants)):
                    wanted[li].append(unit)
        else:
            file, where, loads = self.file, self.where, pickle.loads
            for n, li in enumerate(self.lang_of):
                seen = self.seen[li]
                if any(seen.get(groups[n]) is _MIXED for groups in self.groups):
                    end = where[n + 1] if n + 1 < len(where) else self.size
                    file.seek(where[n])
                    wanted[li].append(_unit(loads(file.read(end - where[n]))))
        for name, units in zip(names, wanted):
            if units:
                yield name, units

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
