"""Files in, findings and a summary out. Unreadable files become located problems; the other
files are still checked (the CLI reports the problems and exits 2)."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.catalog.header import SOURCE_FIELD
from toolkit.catalog.reader import Catalog, Entry, read_po
from toolkit.catalog.stats import Stats, Tally
from toolkit.checks.config import CheckOptions
from toolkit.checks.context import Env, Unit
from toolkit.checks.registry import Check, Problem, all_checks
from toolkit.checks.suppress import suppressed
from toolkit.checks.units import UnitStore, corpus_entry
from toolkit.errors import InputError, ToolkitError
from toolkit.findings import Finding, Report, plural
from toolkit.gcpause import paused_gc
from toolkit.lang import clustercache

if TYPE_CHECKING:
    from toolkit.glossary import Glossary

_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:@\w+)?$")


@dataclass(frozen=True)
class Summary:
    files: int = 0
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    errors: int = 0
    warnings: int = 0


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    summary: Summary
    problems: tuple[ToolkitError, ...] = ()  # files that could not be read
    checks: tuple[str, ...] = ()  # the checks that ran (thresholds only when a limit is set)
    files: tuple[str, ...] = ()  # the files that were checked

    def report(self) -> Report:
        """The run as a :class:`~toolkit.findings.Report` (what every report format renders)."""
        s = self.summary
        line = (f"{plural(s.files, 'file')}, {plural(s.entries, 'entry', 'entries')} ({s.translated} translated, "
                f"{s.fuzzy} fuzzy, "
                f"{s.untranslated} untranslated): {plural(s.errors, 'error')}, {plural(s.warnings, 'warning')}")
        infos = sum(1 for f in self.findings if f.severity == "info")
        if infos:
            line += f", {infos} info"
        counts = {"files": s.files, "entries": s.entries, "translated": s.translated, "fuzzy": s.fuzzy,
                  "untranslated": s.untranslated}
        return Report("toolkit check", self.findings, self.files, self.checks, self.problems, counts, line)

    def exit_code(self, fail_on: str = "error") -> int:
        """2 if an input could not be read, else 1 if a finding is at or above *fail_on*, else 0."""
        return self.report().exit_code(fail_on)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[ToolkitError]]:
    """PO files named or found (recursively, ``*.po``) under the given paths, in a stable order."""
    files: list[Path] = []
    problems: list[ToolkitError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(_po_files_under(path))
            if not found and path.suffix == ".po":  # `check x.po` where x.po is a directory
                problems.append(InputError("is a directory, expected a PO file", path=path))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(InputError("no such file or directory", path=path))
    seen: set[Path] = set()
    unique = []
    for f in files:
        real = f.resolve()  # (a system call per part of the path: once per file)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return unique, problems


def _po_files_under(root: Path) -> Iterator[Path]:
    """The files named ``*.po`` under *root*, at any depth, as ``root.rglob("*.po")`` finds them
    (symbolic links to directories not followed, to files taken), by ``os.walk``: several times
    faster on a tree of many catalogs."""
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.endswith(".po") and os.path.isfile(os.path.join(folder, name)):
                yield Path(folder, name)


def catalog_language(catalog: Catalog, path: Path) -> str | None:
    """The ``Language`` header, else ``<lang>/LC_MESSAGES/`` in the path, else a ``<lang>.po`` name."""
    if catalog.language:
        return catalog.language.strip()
    parts = path.parts
    if "LC_MESSAGES" in parts:
        i = parts.index("LC_MESSAGES")
        if i > 0 and _LANG_RE.match(parts[i - 1]):
            return parts[i - 1]
    if _LANG_RE.match(path.stem):
        return path.stem
    return None


#: ``jobs=None`` (``--jobs`` not given) uses worker processes only with at least this many CPUs
#: and this many bytes of PO files. Measured with benchmarks/bench_jobs.py on a shared 2-CPU
#: machine: two workers were slower than one process at every size tried (0.5-12 MB, 1.2-1.9x
#: the wall time): each worker warms its own caches (Khmer clusters, glossary automaton) and
#: sends its entries back for the corpus checks, and the second CPU is rarely free. With 3 or
#: more CPUs (not measured here) workers start at 16 MB, above the largest input measured.
PARALLEL_MIN_CPUS = 3
PARALLEL_MIN_BYTES = 16_000_000


def run_checks(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glossary: "Glossary | None" = None,
    options: CheckOptions | None = None,
    jobs: int | None = 1,
) -> CheckResult:
    """Check every PO file under *paths*; never raises for a bad file (see ``problems``), but
    raises :class:`~toolkit.errors.InputError` for a file changed while it was being checked (a
    large run reads entries again at its end: see :mod:`toolkit.checks.units`).

    *jobs* > 1 checks files in that many worker processes (None: one per CPU, but a single
    process for small inputs); the findings are the same, in the same order.
    """
    with paused_gc():
        clustercache.load()  # Khmer clusters found clean by earlier runs (pheasa is not asked again)
        result = _run(paths, glossary, options or CheckOptions(), jobs)
        clustercache.store()
        return result


@dataclass(frozen=True)
class _Plan:
    """What to run on each file (the same in every process)."""

    options: CheckOptions
    entry_checks: tuple[tuple[str, Callable[..., Iterable[tuple[Entry, Problem]]]], ...]
    catalog_checks: tuple[tuple[str, Callable[..., Iterable[Problem]]], ...]
    want_units: bool  # a corpus check runs: keep every checked entry for it


@dataclass(frozen=True)
class _FileResult:
    """One file's share of a run: its findings, counts and the units the corpus checks need."""

    path: str
    lang: str | None = None
    problem: ToolkitError | None = None
    stats: Stats = Stats()
    findings: tuple[Finding, ...] = ()
    units: tuple[Unit, ...] = ()


def _finding(options: CheckOptions, path: str, entry: Entry | None, check_id: str, problem: Problem,
             line: int | None = None) -> Finding | None:
    if entry is not None and (entry.flags or entry.tcomment) and check_id in suppressed(entry):
        return None
    return Finding(
        path, entry.line if entry is not None else (line or 1), check_id, options.severity(check_id, problem.severity),
        problem.message, None, problem.concept, problem.term, tuple(problem.expected),
        entry.msgctxt if entry is not None else None, entry.msgid if entry is not None else "",
    )


class _FileCheck:
    """The checks of one catalog, run on each entry as the reader reads it (a reader sink): a
    large catalog is never held whole. Entries read before the header entry wait for it (the
    language is in it)."""

    def __init__(self, path: Path, plan: _Plan, env: Env, store: UnitStore | None = None, size: int = 0) -> None:
        self.path, self.name, self.plan, self.env = path, str(path), plan, env
        self.store, self.size = store, size  # the run's units go there as they come (else: self.units)
        self.waiting: list[Entry] | None = []  # None once the checks have started
        self.lang: str | None = None
        self.tally = Tally()
        self.found: list[Finding | None] = []
        self.units: list[Unit] = []
        self.batch: list[Entry] = []  # read, not yet checked (checked BATCH at a time)

    def __call__(self, entry: Entry, header: bool) -> None:
        if header:
            self.start(Catalog(self.name, entry.msgstr, entry.line))
        else:
            self.take((entry,))

    def take(self, entries: Sequence[Entry]) -> None:
        """Entries read (none the header): counted, then checked BATCH at a time once the
        language is known (:meth:`start`); until then they wait."""
        self.tally.update(entries)
        if self.waiting is not None:
            self.waiting += entries
            return
        taken = 0
        while taken < len(entries):  # batches as entry-by-entry calls make them
            room = BATCH - len(self.batch)
            self.batch += entries[taken : taken + room]
            taken += room
            if len(self.batch) >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Check the entries read since the last flush, their batch work done together first
        (:meth:`toolkit.checks.context.Env.prepare`)."""
        batch, self.batch = self.batch, []
        if self.lang is None or not batch:
            return
        include_fuzzy = self.plan.options.include_fuzzy
        checked = [e for e in batch if not e.obsolete and e.translated and (include_fuzzy or not e.fuzzy)]
        if self.plan.want_units:
            if self.store is not None:
                self.store.add(self.name, checked)
            else:
                self.units += [Unit(self.name, corpus_entry(e)) for e in checked]
        env, options, name, found = self.env, self.plan.options, self.name, self.found
        env.prepare(checked)
        for check_id, func in self.plan.entry_checks:
            for entry, problem in func(checked, env):
                found.append(_finding(options, name, entry, check_id, problem))

    def start(self, catalog: Catalog) -> None:
        """Know the language (and glossary scope) from the header; check what waited."""
        if self.waiting is None:
            return
        waiting, self.waiting = self.waiting, None
        options, env = self.plan.options, self.env
        self.lang = options.lang or catalog_language(catalog, self.path)
        if self.lang is None:
            return
        env.lang = self.lang
        env.limits = options.limits
        scope = options.glossary_scope(self.path)
        env.glossary_level = scope.level(SOURCE_FIELD in catalog.metadata)
        env.glossary_domains = scope.domains
        if self.store is not None and self.plan.want_units:
            self.store.begin(self.lang.replace("-", "_"), self.size)
        self.batch = waiting
        self.flush()

    def result(self, catalog: Catalog) -> _FileResult:
        self.start(catalog)  # a catalog without a header entry
        self.flush()
        name, options = self.name, self.plan.options
        if self.lang is None:
            return _FileResult(name, problem=InputError(
                "cannot tell the catalog's language: set the Language header, use <lang>/LC_MESSAGES/ "
                "or pass --lang", path=self.path, line=catalog.header_line))
        stats = self.tally.stats
        found: list[Finding | None] = []
        for check_id, func in self.plan.catalog_checks:
            found += (_finding(options, name, None, check_id, problem, catalog.header_line)
                      for problem in func(stats, self.env))
        found += self.found
        return _FileResult(name, self.lang, None, stats, tuple(f for f in found if f is not None), tuple(self.units))


def _check_file(path: Path, plan: _Plan, env: Env, store: UnitStore | None = None) -> _FileResult:
    """Read one catalog and run the entry and catalog checks on it (entry by entry, as read).
    With a *store*, the units for the corpus checks go there (once the file is read whole)."""
    size = _size(path)
    checking = _FileCheck(path, plan, env, store, size)
    try:
        if size > STREAM_ABOVE_BYTES:  # memory bound: the file streamed, entries checked as read
            catalog = read_po(path, checking, stream=True)
        else:  # reading first, then checking, keeps each loop hot: ~10% faster (measured)
            catalog = read_po(path)
            checking.start(catalog)
            checking.take(catalog.entries)
        result = checking.result(catalog)
    except ToolkitError as exc:
        result = _FileResult(str(path), problem=exc)
    if store is not None:
        (store.discard if result.problem is not None else store.commit)()
    return result


#: Entries read and not yet checked: they are checked this many at a time, each batch's common
#: work done together (a streamed catalog is never held whole, but still gains from it). 256 keeps
#: a batch's joined texts and the objects made from them in a core's L2 cache between the batch
#: passes: with the same instructions as 4,096, it had 7% fewer L2 misses on the generated
#: benchmark and on the real catalogs (cachegrind, 1 MB L2), which is what a busy machine makes
#: dear; smaller batches cost more instructions than they save in misses.
BATCH = 256

#: Catalogs larger than this are streamed: read a piece at a time and checked BATCH entries at a
#: time as they are read, so the file is never held whole (peak memory about 3x a 20 MB
#: translated catalog; reading a catalog whole holds about 16x it). Smaller ones are read whole
#: first, which is ~6% faster (measured on a 20 MB catalog: 2.38 s whole, 2.54 s streamed); every
#: catalog of benchmarks/eval_check_real.py and bench_check.py is under it.
STREAM_ABOVE_BYTES = 1_000_000


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_po says why


# Worker processes: the plan and the glossary arrive once per worker (inherited on fork).
_worker: dict[str, object] = {}


def _init_worker(plan: _Plan, glossary: "Glossary | None") -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.disable()  # as in the parent (toolkit.gcpause); the process ends with the run
    _worker["plan"] = plan
    _worker["env"] = Env(glossary=glossary)


def _check_in_worker(path: Path) -> _FileResult:
    return _check_file(path, _worker["plan"], _worker["env"])  # type: ignore[arg-type]


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers(files: Sequence[Path], jobs: int | None, size: int) -> int:
    """How many processes check *files* (*size* bytes in all)."""
    if jobs is None:
        cpus = default_jobs()
        big = cpus >= PARALLEL_MIN_CPUS and size >= PARALLEL_MIN_BYTES
        jobs = cpus if big else 1
    return max(1, min(jobs, len(files)))


def _results(files: Sequence[Path], plan: _Plan, glossary: "Glossary | None",
             workers: int, store: UnitStore) -> Iterator[_FileResult]:
    """Each file's result, in the order of *files*; units go to *store*."""
    if workers == 1:
        env = Env(glossary=glossary)
        for path in files:
            yield _check_file(path, plan, env, store)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded glossary and its compiled matcher with the workers at no cost.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_init_worker, initargs=(plan, glossary))
    try:
        yield from pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (workers * 8)))
    finally:  # on Ctrl-C (or any error) drop the files not started yet instead of checking them all
        pool.shutdown(wait=True, cancel_futures=True)


def _run(paths: Iterable[str | os.PathLike[str]], glossary: "Glossary | None", options: CheckOptions,
         jobs: int | None) -> CheckResult:
    registry = all_checks()
    files, problems = collect_files(paths)
    enabled: list[Check] = [c for c in registry.values() if c.id in options.enabled and c.active(options)]
    corpus_checks = [c for c in enabled if c.scope == "corpus"]
    plan = _Plan(options,
                 tuple((c.id, c.func) for c in enabled if c.scope == "entry"),
                 tuple((c.id, c.func) for c in enabled if c.scope == "catalog"),
                 bool(corpus_checks))
    findings: list[Finding] = []
    size = sum(map(_size, files))
    store = UnitStore([c.variants for c in corpus_checks], expected=size if corpus_checks else 0)
    totals = Stats()
    checked_files: list[str] = []
    for result in _results(files, plan, glossary, _workers(files, jobs, size), store):
        if result.problem is not None:
            problems.append(result.problem)
            continue
        assert result.lang is not None
        checked_files.append(result.path)
        totals = totals + result.stats
        findings += result.findings
        if result.units:  # from a worker process
            store.extend(result.lang.replace("-", "_"), result.units, _size(Path(result.path)))
    for lang, units in store.by_language():
        env = Env(glossary=glossary, lang=lang, limits=options.limits)
        for chk in corpus_checks:
            for unit, problem in chk.func(units, env):
                finding = _finding(options, unit.path, unit.entry, chk.id, problem)
                if finding is not None:
                    findings.append(finding)

    order = {c: i for i, c in enumerate(registry)}
    findings.sort(key=lambda f: (f.path, f.line, order[f.check]))
    errors = sum(1 for f in findings if f.severity == "error")
    summary = Summary(len(checked_files), totals.entries, totals.translated, totals.fuzzy, totals.untranslated,
                      errors, sum(1 for f in findings if f.severity == "warning"))
    return CheckResult(tuple(findings), summary, tuple(problems), tuple(c.id for c in enabled), tuple(checked_files))
