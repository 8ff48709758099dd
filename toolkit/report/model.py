"""Catalogs in, the review report's data out: plain frozen data, no HTML (see
:mod:`toolkit.report.render_html` and :mod:`toolkit.report.render_json`).

Every number and verdict comes from the module that owns the rule, so the report can never
disagree with the other commands:

* entry counts: :func:`toolkit.catalog.stats.catalog_stats` (as ``toolkit check``, ``toolkit build``
  and ``msgfmt --statistics``); words: :func:`toolkit.catalog.stats.word_stats` (pocount's rule);
* findings: one :func:`toolkit.checks.run_checks` run with the same options as ``toolkit check``,
  each finding attached to its entry (by file and msgid line) or to its document;
* glossary terms: recognised in the source by the glossary matcher (``toolkit glossary find``);
  their verdict in the translation is what the ``glossary-missing`` and ``glossary-forbidden``
  checks say of the entry (asked also for fuzzy drafts, which ``toolkit check`` skips by default);
* provenance: :func:`toolkit.catalog.provenance.provenance`;
* the translated document: :func:`toolkit.catalog.build.translated_document`, reviewed
  translations only, exactly as ``toolkit build`` writes it.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.catalog.provenance import KINDS, Provenance, provenance
from toolkit.catalog.reader import Catalog, Entry, read_po
from toolkit.catalog.stats import Stats, WordStats, catalog_stats, word_stats
from toolkit.checks.config import CheckOptions
from toolkit.checks.context import Env
from toolkit.checks.runner import CheckResult, Summary, catalog_language, run_checks
from toolkit.errors import ToolkitError
from toolkit.findings import SEVERITIES, Finding
from toolkit.lang import khmer

if TYPE_CHECKING:
    from toolkit.glossary import Glossary

#: What a glossary term's rendering is in the translation.
TERM_STATES = ("present", "missing", "forbidden", "untranslated", "no-target")


@dataclass(frozen=True)
class TermSpan:
    """A glossary term recognised in the source, and its verdict in the translation."""

    start: int  # offsets into the msgid
    end: int
    text: str
    concept: str
    term: str  # the glossary's source term it matched
    targets: tuple[str, ...]  # approved renderings (preferred first)
    forbidden: tuple[str, ...]  # deprecated renderings
    state: str  # one of TERM_STATES
    found: tuple[tuple[int, int], ...] = ()  # where a rendering (approved or deprecated) is in the msgstr


@dataclass(frozen=True)
class ReviewEntry:
    """One live catalog entry as a reviewer sees it."""

    line: int
    msgid: str
    msgstr: str
    status: str  # translated | fuzzy | untranslated
    provenance: Provenance
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    translator_comment: str = ""
    previous_msgid: str | None = None
    previous_diff: tuple[tuple[str, str], ...] = ()  # (equal|delete|insert, text) from the old msgid
    terms: tuple[TermSpan, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ReviewDocument:
    """One catalog: its counts, its findings and its entries in document order."""

    path: str
    language: str
    source: str | None  # the source document the catalog names (X-Toolkit-Source)
    stats: Stats
    words: WordStats
    origins: Mapping[str, Mapping[str, int]]  # status -> provenance kind -> entries
    entries: tuple[ReviewEntry, ...]
    findings: tuple[Finding, ...] = ()  # about the catalog as a whole (thresholds)
    document: str | None = None  # the translated document as toolkit build writes it
    notes: tuple[str, ...] = ()  # why the document is missing, stale sentences
    obsolete: int = 0

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + tuple(f for e in self.entries for f in e.findings)


@dataclass(frozen=True)
class LanguageSummary:
    """The documents of one language added up."""

    language: str
    documents: int
    stats: Stats
    words: WordStats
    origins: Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class Review:
    """The whole report."""

    summary: Summary  # the same as toolkit check's
    checks: tuple[str, ...]
    documents: tuple[ReviewDocument, ...]
    languages: tuple[LanguageSummary, ...]
    findings_by_check: tuple[tuple[str, str, int], ...]  # (check, severity, count), report order
    problems: tuple[ToolkitError, ...] = ()
    concepts: Mapping[str, str] = field(default_factory=dict)  # concept id -> source term, for filters

    @property
    def summary_line(self) -> str:
        return self.check_result.report().summary

    @property
    def check_result(self) -> CheckResult:
        findings = tuple(f for d in self.documents for f in d.all_findings)
        return CheckResult(findings, self.summary, self.problems, self.checks, tuple(d.path for d in self.documents))


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def previous_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Word-level difference from *old* to *new* as (equal|delete|insert, text) pieces."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            pieces.append(("equal" if op == "equal" else "delete", "".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            pieces.append(("insert", "".join(b[j1:j2])))
    return tuple(pieces)


def _verdicts(entry: Entry, env: Env) -> tuple[set[str], set[str]]:
    """Concepts the glossary checks find missing and forbidden in the entry's translation."""
    from toolkit.checks.registry import all_checks

    if not entry.translated or env.glossary is None or env.glossary_lang is None:
        return set(), set()
    checks = all_checks()
    missing = {p.concept for p in checks["glossary-missing"].func(entry, env) if p.concept}
    forbidden = {p.concept for p in checks["glossary-forbidden"].func(entry, env) if p.concept}
    return missing, forbidden


def _terms(entry: Entry, env: Env) -> tuple[TermSpan, ...]:
    glossary = env.glossary
    lang = env.glossary_lang
    if glossary is None or lang is None:
        return ()
    spans = env.matches(entry.msgid)
    if not spans:
        return ()
    missing, forbidden = _verdicts(entry, env)
    translation = entry.msgstr
    out: list[TermSpan] = []
    for start, end, concept, term in spans:
        targets = tuple(env.targets(concept, lang))
        bad = tuple(glossary.forbidden(concept, lang))
        if concept in forbidden:
            state, shown = "forbidden", bad
        elif not entry.translated:
            state, shown = "untranslated", ()
        elif not targets:
            state, shown = "no-target", ()
        elif concept in missing:
            state, shown = "missing", ()
        else:
            state, shown = "present", targets
        found: list[tuple[int, int]] = []
        for rendering in shown:
            found += ((s, s + len(rendering)) for s in khmer.find_on_boundaries(translation, rendering))
        out.append(TermSpan(start, end, entry.msgid[start:end], concept, term, targets, bad, state,
                            tuple(sorted(set(found)))))
    return tuple(out)


def _origins(entries: Iterable[ReviewEntry]) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {s: Counter() for s in ("translated", "fuzzy", "untranslated")}
    for e in entries:
        counts[e.status][e.provenance.kind] += 1
    return {status: {k: c[k] for k in KINDS if c[k]} for status, c in counts.items()}


def _add_origins(a: Mapping[str, Mapping[str, int]], b: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for status in ("translated", "fuzzy", "untranslated"):
        merged = Counter(a.get(status, {})) + Counter(b.get(status, {}))
        out[status] = {k: merged[k] for k in KINDS if merged[k]}
    return out


def _locales_of(path: Path) -> Path:
    """The locales directory of ``<locales>/LANG/LC_MESSAGES/NAME.po`` (else the file's directory)."""
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.parent
    return path.parent


def _document(path: Path, catalog: Catalog, lang: str, env: Env, findings: list[Finding], cwd: Path,
              segment_options: Mapping[str, Any] | None) -> ReviewDocument:
    from toolkit.catalog.build import translated_document

    env.lang = lang
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        by_line.setdefault(f.line or 0, []).append(f)
    entries: list[ReviewEntry] = []
    obsolete = 0
    for e in catalog.entries:
        if e.obsolete:
            obsolete += 1
            continue
        entries.append(ReviewEntry(
            line=e.line, msgid=e.msgid, msgstr=e.msgstr, status=e.status, provenance=provenance(e),
            msgctxt=e.msgctxt, msgid_plural=e.msgid_plural, msgstr_plural=e.msgstr_plural,
            flags=e.flag_list, references=e.references, translator_comment=e.tcomment,
            previous_msgid=e.previous_msgid,
            previous_diff=previous_diff(e.previous_msgid, e.msgid) if e.previous_msgid is not None else (),
            terms=_terms(e, env), findings=tuple(by_line.pop(e.line, ())),
        ))
    rest = tuple(f for line in sorted(by_line) for f in by_line[line])
    built = translated_document(catalog, path, lang, _locales_of(path), cwd, segment_options=segment_options)
    return ReviewDocument(
        path=str(path), language=lang, source=catalog.metadata.get("X-Toolkit-Source"),
        stats=catalog_stats(catalog.entries), words=word_stats(catalog.entries, lang), origins=_origins(entries),
        entries=tuple(entries), findings=rest, notes=built.notes, obsolete=obsolete,
        document=built.text if isinstance(built.text, str) else None,  # a Word file is not shown inline
    )


def build_review(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glossary: "Glossary | None" = None,
    options: CheckOptions | None = None,
    cwd: str | os.PathLike[str] | None = None,
    segment_options: Mapping[str, Any] | None = None,
) -> Review:
    """The review report of every PO file under *paths* (files or directories, as ``toolkit check``).

    *options* are ``toolkit check``'s (so the findings are the same); *segment_options* those of
    ``toolkit translate`` (so the translated document is cut as the catalog was). Unreadable
    files are ``problems``, never an exception.
    """
    options = options or CheckOptions()
    result = run_checks(paths, glossary=glossary, options=options, jobs=1)
    base = Path.cwd() if cwd is None else Path(cwd)
    by_file: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
    env = Env(glossary=glossary, limits=options.limits)
    documents: list[ReviewDocument] = []
    problems = list(result.problems)
    for name in result.files:
        path = Path(name)
        try:
            catalog = read_po(path)
        except ToolkitError as exc:  # changed since the check run read it
            problems.append(exc)
            continue
        lang = options.lang or catalog_language(catalog, path) or "und"
        documents.append(_document(path, catalog, lang, env, by_file.get(name, []), base, segment_options))
    languages: dict[str, LanguageSummary] = {}
    for d in documents:
        key = d.language
        known = languages.get(key)
        if known is None:
            languages[key] = LanguageSummary(key, 1, d.stats, d.words, d.origins)
        else:
            languages[key] = LanguageSummary(key, known.documents + 1, known.stats + d.stats, known.words + d.words,
                                             _add_origins(known.origins, d.origins))
    order = {c: i for i, c in enumerate(result.checks)}
    counted = Counter((f.check, f.severity) for f in result.findings)
    by_check = tuple(sorted(((c, s, n) for (c, s), n in counted.items()),
                            key=lambda t: (order.get(t[0], len(order)), SEVERITIES.index(t[1]))))
    concepts: dict[str, str] = {}
    for d in documents:
        for e in d.entries:
            for t in e.terms:
                concepts.setdefault(t.concept, t.term)
    return Review(result.summary, result.checks, tuple(documents), tuple(languages[k] for k in sorted(languages)),
                  by_check, tuple(problems), dict(sorted(concepts.items())))
