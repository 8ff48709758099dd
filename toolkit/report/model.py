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
* the translated document: :func:`toolkit.catalog.build.render_document`, reviewed
  translations only, exactly as ``toolkit build`` writes it.

Each catalog is streamed from its file once (after the check run) and its entries are built one
at a time. :func:`build_review` keeps them in the :class:`Review`; :func:`spooled_review` (what
``toolkit report`` uses) puts them, and the translated documents, in an anonymous temporary file
and gives them back one at a time through :class:`Contents` while the page is written, so a large
catalog is never held whole.
"""

from __future__ import annotations

import codecs
import difflib
import os
import pickle
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from toolkit.catalog.provenance import KINDS, Provenance, provenance
from toolkit.catalog.reader import Catalog, Entry, read_po
from toolkit.catalog.stats import Stats, Tally, WordStats, WordTally
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
    #: every finding of the documents, when their entries are not held (:func:`spooled_review`)
    findings: tuple[Finding, ...] | None = None

    @property
    def summary_line(self) -> str:
        return self.check_result.report().summary

    @property
    def check_result(self) -> CheckResult:
        findings = self.findings
        if findings is None:
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
    missing = {p.concept for _, p in checks["glossary-missing"].func([entry], env) if p.concept}
    forbidden = {p.concept for _, p in checks["glossary-forbidden"].func([entry], env) if p.concept}
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


class Contents(Protocol):
    """Where a renderer takes a document's entries and translated text from: the review itself
    (:data:`HELD`) or the temporary file of :func:`spooled_review`."""

    def entries(self, index: int, document: ReviewDocument) -> Iterable[ReviewEntry]: ...

    def text(self, index: int, document: ReviewDocument) -> Iterable[str] | None:
        """The translated document in pieces, or None when it is not available."""


class _Held:
    """The contents a :class:`Review` holds itself."""

    def entries(self, index: int, document: ReviewDocument) -> Iterable[ReviewEntry]:
        return document.entries

    def text(self, index: int, document: ReviewDocument) -> Iterable[str] | None:
        return None if document.document is None else (document.document,)


HELD: Contents = _Held()


class _Keeper(Protocol):
    """What happens to a document's translated text and entries as they are made."""

    def mark(self) -> Any: ...

    def rollback(self, mark: Any) -> None: ...

    def keep_text(self, pieces: Iterable[str] | None) -> str | None:
        """Take the document's text; what the :class:`ReviewDocument` holds of it."""

    def keep_entry(self, entry: ReviewEntry) -> None: ...

    def finish(self, index: int) -> tuple[ReviewEntry, ...]:
        """The document's entries to hold in its :class:`ReviewDocument` (or none)."""


class _Keep:
    """Entries and text held in the review (:func:`build_review`)."""

    def __init__(self) -> None:
        self.entries: list[ReviewEntry] = []

    def mark(self) -> Any:
        return None

    def rollback(self, mark: Any) -> None:
        self.entries = []

    def keep_text(self, pieces: Iterable[str] | None) -> str | None:
        return None if pieces is None else "".join(pieces)

    def keep_entry(self, entry: ReviewEntry) -> None:
        self.entries.append(entry)

    def finish(self, index: int) -> tuple[ReviewEntry, ...]:
        entries, self.entries = tuple(self.entries), []
        return entries


_BATCH = 512  # entries pickled together (the class names are written once a batch)
_PIECE = 1 << 20


class Spool:
    """Entries (pickled, a batch at a time) and translated documents (UTF-8) in an anonymous
    temporary file (:func:`toolkit.textio.scratch_file`), given back as :class:`Contents`."""

    def __init__(self) -> None:
        from toolkit.textio import scratch_file

        self.file = scratch_file()
        self.size = 0
        self.batch: list[ReviewEntry] = []
        # Where each batch of the document being read ends: an array, not a list of small
        # objects made now and then while a catalog is read (they keep the allocator from giving
        # back the memory the reader used).
        self.ends = array("q")
        self.start = 0  # where the document's entries start
        self.pending: tuple[int, int] | None = None  # the document's text: offset, length
        self.spans: dict[int, tuple[int, array[int]]] = {}  # document -> (start, ends of its batches)
        self.texts: dict[int, tuple[int, int] | None] = {}

    def close(self) -> None:
        self.file.close()

    def _write(self, data: bytes | list[ReviewEntry]) -> None:
        """Append text (bytes) or a batch of entries (pickled in frames, not made one bytes)."""
        from toolkit.textio import scratch_error

        try:
            self.file.seek(self.size)
            if isinstance(data, bytes):
                self.file.write(data)
            else:
                pickle.dump(data, self.file, pickle.HIGHEST_PROTOCOL)
            self.size = self.file.tell()
        except OSError as exc:
            raise scratch_error(exc) from None

    def mark(self) -> Any:
        return self.size

    def rollback(self, mark: Any) -> None:
        self.size = self.start = mark
        self.batch, self.ends, self.pending = [], array("q"), None

    def keep_text(self, pieces: Iterable[str] | None) -> str | None:
        if pieces is not None:
            start = self.size
            for piece in pieces:
                self._write(piece.encode("utf-8"))
            self.pending = (start, self.size - start)
        self.start = self.size
        return None

    def keep_entry(self, entry: ReviewEntry) -> None:
        self.batch.append(entry)
        if len(self.batch) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.batch:
            self._write(self.batch)
            self.ends.append(self.size)
            self.batch = []

    def finish(self, index: int) -> tuple[ReviewEntry, ...]:
        self._flush()
        self.spans[index], self.texts[index] = (self.start, self.ends), self.pending
        self.ends, self.pending, self.start = array("q"), None, self.size
        return ()

    def _read(self, offset: int, length: int) -> bytes:
        self.file.seek(offset)
        data: bytes = self.file.read(length)
        return data

    def entries(self, index: int, document: ReviewDocument) -> Iterator[ReviewEntry]:
        offset, ends = self.spans.get(index, (0, array("q")))
        for end in ends:
            yield from pickle.loads(self._read(offset, end - offset))  # our own file, written above
            offset = end

    def text(self, index: int, document: ReviewDocument) -> Iterable[str] | None:
        span = self.texts.get(index)
        return None if span is None else self._text(*span)

    def _text(self, offset: int, length: int) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")()
        end = offset + length
        while offset < end:
            data = self._read(offset, min(_PIECE, end - offset))
            offset += len(data)
            yield decoder.decode(data, offset >= end)


class _DocumentPass:
    """A reader sink that makes the entries of one document of the review as its catalog
    streams by (in language *lang*), with their counts."""

    def __init__(self, lang: str, env: Env, findings: list[Finding], concepts: dict[str, str],
                 keep: Callable[[ReviewEntry], None]) -> None:
        self.env = env
        self.concepts = concepts
        self.keep = keep
        self.header = ""
        self.tally = Tally()
        self.words = WordTally(lang)
        self.by_line: dict[int, list[Finding]] = {}
        for f in findings:
            self.by_line.setdefault(f.line or 0, []).append(f)
        self.entry_findings: list[Finding] = []
        self.counts: dict[str, Counter[str]] = {s: Counter() for s in ("translated", "fuzzy", "untranslated")}
        self.obsolete = 0

    def __call__(self, e: Entry, header: bool) -> None:
        if header:
            self.header = e.msgstr
            return
        self.tally.add(e)
        self.words.add(e)
        if e.obsolete:
            self.obsolete += 1
            return
        found = tuple(self.by_line.pop(e.line, ()))
        self.entry_findings += found
        entry = ReviewEntry(
            line=e.line, msgid=e.msgid, msgstr=e.msgstr, status=e.status, provenance=provenance(e),
            msgctxt=e.msgctxt, msgid_plural=e.msgid_plural, msgstr_plural=e.msgstr_plural,
            flags=e.flag_list, references=e.references, translator_comment=e.tcomment,
            previous_msgid=e.previous_msgid,
            previous_diff=previous_diff(e.previous_msgid, e.msgid) if e.previous_msgid is not None else (),
            terms=_terms(e, self.env), findings=found,
        )
        self.counts[entry.status][entry.provenance.kind] += 1
        for t in entry.terms:
            self.concepts.setdefault(t.concept, t.term)
        self.keep(entry)

    def origins(self) -> dict[str, dict[str, int]]:
        return {status: {k: c[k] for k in KINDS if c[k]} for status, c in self.counts.items()}


def _review_document(index: int, path: Path, lang: str | None, env: Env, findings: list[Finding], cwd: Path,
                     segment_options: Mapping[str, Any] | None, concepts: dict[str, str],
                     keeper: _Keeper) -> tuple[ReviewDocument, tuple[Finding, ...]]:
    """One document of the review and all its findings (document's, then entries'); errors as
    the reader's, with nothing kept of the document.

    The catalog is streamed from *path* twice: first for its header and usable translations, to
    render the translated document (then dropped), then for its entries, so the translations and
    the entries are never held at once, nor the source document with them."""
    from toolkit.catalog.build import gather, has_source, render_document

    mark, known_concepts = keeper.mark(), dict(concepts)
    locales = _locales_of(path)
    try:
        gathered = gather(path, document=has_source(locales, cwd))
        language = lang or catalog_language(Catalog(str(path), gathered.header), path) or "und"
        built = render_document(gathered, path, language, locales, cwd, segment_options=segment_options)
        del gathered
        pieces = built.pieces
        text = keeper.keep_text(None if pieces is None or isinstance(pieces, bytes) else pieces)
        built.pieces = None
        env.lang = language
        done = _DocumentPass(language, env, findings, concepts, keeper.keep_entry)
        read_po(path, done, stream=True)
    except BaseException:
        keeper.rollback(mark)
        concepts.clear()
        concepts.update(known_concepts)
        raise
    rest = tuple(f for line in sorted(done.by_line) for f in done.by_line[line])
    document = ReviewDocument(
        path=str(path), language=language, source=Catalog(str(path), done.header).metadata.get("X-Toolkit-Source"),
        stats=done.tally.stats, words=done.words.stats, origins=done.origins(),
        entries=keeper.finish(index), findings=rest, notes=tuple(built.notes), obsolete=done.obsolete,
        document=text,  # a Word file is not shown inline
    )
    return document, rest + tuple(done.entry_findings)


def _review(paths: Iterable[str | os.PathLike[str]], glossary: "Glossary | None", options: CheckOptions | None,
            cwd: str | os.PathLike[str] | None, segment_options: Mapping[str, Any] | None,
            keeper: _Keeper) -> tuple[Review, tuple[Finding, ...]]:
    options = options or CheckOptions()
    result = run_checks(paths, glossary=glossary, options=options, jobs=1)
    base = Path.cwd() if cwd is None else Path(cwd)
    by_file: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
    env = Env(glossary=glossary, limits=options.limits)
    documents: list[ReviewDocument] = []
    problems = list(result.problems)
    found: list[Finding] = []
    concepts: dict[str, str] = {}
    for name in result.files:
        try:
            document, findings = _review_document(len(documents), Path(name), options.lang, env,
                                                  by_file.get(name, []), base, segment_options, concepts, keeper)
        except ToolkitError as exc:  # changed since the check run read it
            problems.append(exc)
            continue
        documents.append(document)
        found += findings
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
    review = Review(result.summary, result.checks, tuple(documents), tuple(languages[k] for k in sorted(languages)),
                    by_check, tuple(problems), dict(sorted(concepts.items())))
    return review, tuple(found)


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
    review, _ = _review(paths, glossary, options, cwd, segment_options, _Keep())
    return review


@contextmanager
def spooled_review(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glossary: "Glossary | None" = None,
    options: CheckOptions | None = None,
    cwd: str | os.PathLike[str] | None = None,
    segment_options: Mapping[str, Any] | None = None,
) -> Iterator[tuple[Review, Contents]]:
    """:func:`build_review` whose documents hold no entries and no text: those are in a temporary
    file, given back by the :class:`Contents` (valid inside the ``with`` block), so rendering
    them holds one entry at a time. The review's counts, findings and filters are the same."""
    spool = Spool()
    try:
        review, found = _review(paths, glossary, options, cwd, segment_options, spool)
        yield replace(review, findings=found), spool
    finally:
        spool.close()
