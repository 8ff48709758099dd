"""Files in, findings and a summary out. Unreadable files become located problems; the other
files are still checked (the CLI reports the problems and exits 2)."""

from __future__ import annotations

import gc
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.checks.config import CheckOptions
from toolkit.checks.consistency import Unit
from toolkit.checks.context import Env
from toolkit.checks.po import Catalog, Entry, read_po
from toolkit.checks.registry import Problem, all_checks
from toolkit.checks.thresholds import Stats
from toolkit.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError, ToolkitError

if TYPE_CHECKING:
    from toolkit.glossary import Glossary

_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:@\w+)?$")


@dataclass(frozen=True)
class Finding:
    """One problem in one entry (the JSON report's ``findings`` items)."""

    path: str
    line: int
    msgctxt: str | None
    msgid: str
    check: str
    severity: str
    message: str
    term: str | None = None
    expected: tuple[str, ...] = ()


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

    def exit_code(self, fail_on: str = "error") -> int:
        """2 if an input could not be read, else 1 if a finding is at or above *fail_on*, else 0."""
        if self.problems:
            return EXIT_INPUT
        if fail_on == "never":
            return EXIT_OK
        if self.summary.errors or (fail_on == "warning" and self.summary.warnings):
            return EXIT_FINDINGS
        return EXIT_OK


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[ToolkitError]]:
    """PO files named or found (recursively, ``*.po``) under the given paths, in a stable order."""
    files: list[Path] = []
    problems: list[ToolkitError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.po") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            problems.append(InputError("no such file or directory", path=path))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]  # type: ignore[func-returns-value]
    return unique, problems


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


def _stats(entries: Sequence[Entry]) -> Stats:
    live = [e for e in entries if not e.obsolete]
    fuzzy = sum(1 for e in live if e.fuzzy)
    translated = sum(1 for e in live if not e.fuzzy and e.translated)
    return Stats(len(live), translated, fuzzy, len(live) - translated - fuzzy)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (restored afterwards).

    A run allocates hundreds of thousands of small acyclic objects (entries, keys, cache items);
    the collector's full passes over them cost ~40% of the run and free nothing (reference
    counting does that), measured in benchmarks/bench_check.py.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_checks(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glossary: "Glossary | None" = None,
    options: CheckOptions | None = None,
) -> CheckResult:
    """Check every PO file under *paths*; never raises for a bad file (see ``problems``)."""
    with _no_cyclic_gc():
        return _run(paths, glossary, options)


def _run(
    paths: Iterable[str | os.PathLike[str]],
    glossary: "Glossary | None",
    options: CheckOptions | None,
) -> CheckResult:
    options = options or CheckOptions()
    registry = all_checks()
    files, problems = collect_files(paths)
    limits = {"max-untranslated": options.limits.max_untranslated, "max-fuzzy": options.limits.max_fuzzy}
    enabled = [c for c in registry.values()
               if c.id in options.enabled and not (c.scope == "catalog" and limits.get(c.id) is None)]
    entry_checks = [c for c in enabled if c.scope == "entry"]
    catalog_checks = [c for c in enabled if c.scope == "catalog"]
    corpus_checks = [c for c in enabled if c.scope == "corpus"]
    env = Env(glossary=glossary)
    findings: list[Finding] = []
    by_lang: dict[str | None, list[Unit]] = defaultdict(list)
    totals = Stats()
    checked_files: list[str] = []

    def add(path: str, entry: Entry | None, check_id: str, problem: Problem, line: int | None = None) -> None:
        if entry is not None and f"ignore-{check_id}" in entry.flags:
            return
        findings.append(Finding(
            path, entry.line if entry is not None else (line or 1),
            entry.msgctxt if entry is not None else None, entry.msgid if entry is not None else "",
            check_id, options.severity(check_id), problem.message, problem.term, tuple(problem.expected),
        ))

    for path in files:
        try:
            catalog = read_po(path)
        except ToolkitError as exc:
            problems.append(exc)
            continue
        name = str(path)
        lang = options.lang or catalog_language(catalog, path)
        if lang is None:
            problems.append(InputError(
                "cannot tell the catalog's language: set the Language header, use <lang>/LC_MESSAGES/ "
                "or pass --lang", path=path, line=catalog.header_line))
            continue
        checked_files.append(name)
        env.lang = lang
        stats = _stats(catalog.entries)
        totals = Stats(*(a + b for a, b in zip(_astuple(totals), _astuple(stats))))
        for chk in catalog_checks:
            for problem in chk.func(stats, options.limits):  # type: ignore[operator]
                add(name, None, chk.id, problem, line=catalog.header_line)
        units = by_lang[lang.replace("-", "_")]
        funcs = [(chk.id, chk.func) for chk in entry_checks]
        for entry in catalog.entries:
            if entry.obsolete or not entry.translated or (entry.fuzzy and not options.include_fuzzy):
                continue
            if corpus_checks:
                units.append(Unit(name, entry))
            for check_id, func in funcs:
                for problem in func(entry, env):  # type: ignore[operator]
                    add(name, entry, check_id, problem)
    for units in by_lang.values():
        for chk in corpus_checks:
            for unit, problem in chk.func(units):  # type: ignore[operator]
                add(unit.path, unit.entry, chk.id, problem)

    order = {c: i for i, c in enumerate(registry)}
    findings.sort(key=lambda f: (f.path, f.line, order[f.check]))
    errors = sum(1 for f in findings if f.severity == "error")
    summary = Summary(len(checked_files), totals.entries, totals.translated, totals.fuzzy, totals.untranslated,
                      errors, len(findings) - errors)
    return CheckResult(tuple(findings), summary, tuple(problems), tuple(c.id for c in enabled), tuple(checked_files))


def _astuple(stats: Stats) -> tuple[int, int, int, int]:
    return (stats.entries, stats.translated, stats.fuzzy, stats.untranslated)
