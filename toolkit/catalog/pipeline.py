"""Source documents -> segments -> term matches -> merged catalogs (``toolkit translate``).

For each source document ``DIR/NAME.txt`` and target language ``LANG`` the run writes
``<locales>/templates/NAME.pot`` and ``<locales>/LANG/LC_MESSAGES/NAME.po``:

* one entry per distinct segment text, in document order; a sentence that occurs several times
  is one entry with several ``#:`` references (gettext convention: one translation per source
  string; news text repeats quotes and datelines verbatim, and they translate the same way);
* the msgid is the segment text with each line break (and the spaces around it) turned into one
  space, so hard-wrapped sources give clean msgids; build re-segments the source the same way;
* ``#:`` references are ``path:line`` with the path relative to the working directory (posix);
* ``#.`` extracted comments list each glossary concept of the segment once, in order of first
  appearance: ``glossary: Hun Sen = ហ៊ុន សែន | …`` (all approved targets, preferred first, joined
  with `` | ``); the language-neutral template lists the source term only;
* the header field ``X-Toolkit-Source`` names the source document (relative path), so
  ``toolkit build`` can re-segment it and rebuild the paragraphs.

The whole run holds the locales directory's lock; every existing catalog is parsed before
anything is written (a catalog that does not parse stops the run and is never overwritten);
files are written atomically, and only when their content changed, so an unchanged re-run leaves
every byte (and every date) as it was.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib

from toolkit.catalog import header as headers
from toolkit.catalog import reader
from toolkit.catalog.lock import locked
from toolkit.catalog.merge import MergeStats, OldEntries, TemplateEntry, iter_merge
from toolkit.catalog.message import message_text
from toolkit.catalog.ondisk import read_old
from toolkit.catalog.po import Message, iter_po, read_po
from toolkit.catalog.template import Template
from toolkit.catalog.wrap import PAGE_WIDTH, detect_width
from toolkit.errors import CatalogError, UsageError
from toolkit.gcpause import paused_gc
from toolkit.textio import atomic_write_chunks, scratch_error

_EDGE = " \t.,:;!?\"'“”‘’()[]«»—–-"
_NO_FLAGS: Any = ()  # a template entry's flags: never edited (merging copies entries), so shared


def relative_posix(path: Path, base: Path) -> str:
    """*path* relative to *base* with ``/`` separators (``..`` if it lies outside)."""
    try:
        rel = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        rel = str(path.resolve())
    return Path(rel).as_posix()


@dataclass(frozen=True)
class CatalogResult:
    """One file of the run: where, for which language (``None`` for a template), what changed."""

    path: Path
    language: str | None
    changed: bool
    entries: int
    merge: MergeStats = field(default_factory=MergeStats)


@dataclass(frozen=True)
class TranslateResult:
    """Everything a run did; :attr:`summary` is the stable line scripts parse."""

    files: tuple[CatalogResult, ...]
    segments: int
    tm: int = 0
    mt: int = 0
    reused: int = 0
    enforced: int = 0
    mismatches: int = 0
    written: bool = True
    notes: tuple[str, ...] = ()  # for the person at the terminal (catalogs left out of the TM)

    @property
    def changed(self) -> list[Path]:
        return [f.path for f in self.files if f.changed]

    @property
    def summary(self) -> str:
        return (
            f"summary: segments={self.segments} tm={self.tm} mt={self.mt} reused={self.reused} "
            f"enforced={self.enforced} mismatches={self.mismatches}"
        )


@dataclass(frozen=True)
class _Document:
    source: Path
    name: str
    rel: str
    segments: int
    template: Template  # the distinct msgids and their lines (compact; entries are made as written)
    format: str | None = None  # given with --format (recorded in the header for build)
    markup: str = ""  # the inline markup of its msgids (toolkit.markup)


class _Terms(Mapping[str, Sequence[Any]]):
    """The glossary matches of a msgid, found when asked for (not held for every sentence);
    a msgid without any is not a key. What TM and MT filling look up."""

    def __init__(self, glossary: Any, markup_kind: str) -> None:
        self.glossary = glossary
        self.markup = markup_kind

    def __getitem__(self, msgid: str) -> Sequence[Any]:
        found = _find(self.glossary, msgid, self.markup)
        if not found:
            raise KeyError(msgid)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _find(glossary: Any, msgid: str, markup_kind: str) -> list[Any]:
    from toolkit import markup

    return markup.find_terms(glossary, msgid, markup_kind) if glossary is not None else []


def _hint(match: Any, lang: str | None) -> str:
    if lang is None:
        return f"glossary: {match.term}"
    targets = match.targets.get(lang) or []
    if not targets:
        return f"glossary: {match.term} (no approved {lang} term)"
    return f"glossary: {match.term} = {' | '.join(targets)}"


def _hints(matches: Sequence[Any], lang: str | None) -> str:
    seen: dict[str, Any] = {}
    for m in matches:
        seen.setdefault(m.concept, m)
    return "\n".join(_hint(m, lang) for m in seen.values())


def _wholly_term(msgid: str, matches: Sequence[Any]) -> Any | None:
    core = msgid.strip(_EDGE)
    if not core or len(matches) != 1:
        return None
    start = msgid.find(core)
    m = matches[0]
    return m if (m.start, m.end) == (start, start + len(core)) else None


def _load_document(source: Path, glossary: Any, cwd: Path, segment_options: Mapping[str, Any],
                   fmt: str | None = None) -> _Document:
    from toolkit.sources import document_key, format_name, read_segments

    if any(ch in str(source) for ch in "\n\r"):  # a #: reference cannot hold a line break (msgfmt)
        raise UsageError(f"a source file name with a line break cannot be referenced in a catalog: {str(source)!r}")
    name = format_name(source, fmt)
    # Plain text is segmented a batch at a time: the sentences are never all held besides the entries.
    segments, markup_kind = read_segments(source, name, dict(segment_options))
    rel = relative_posix(source, cwd)
    try:  # at most one distinct sentence per 64 bytes of text (news: 80 to 150)
        template = Template(os.stat(source).st_size // 64)
    except OSError:
        template = Template()
    count = 0
    for seg in segments:
        count += 1
        msgid = message_text(seg.text)
        if msgid.strip() and template.add(msgid, seg.line) >= 0 and _find(glossary, msgid, markup_kind):
            template.marks[-1] = 1  # found again when its entries are made; most sentences have no match
    return _Document(source, document_key(source), rel, count, template, None if fmt is None else name, markup_kind)


def _template_entries(doc: _Document, glossary: Any, lang: str | None) -> Iterator[TemplateEntry]:
    """The template's entries for *lang* (``None``: the template itself), made one at a time:
    references, glossary hints and (for a language) the pre-fill of a sentence wholly a term."""
    template, rel = doc.template, doc.rel
    for index, msgid in enumerate(template.msgids()):
        found = _find(glossary, msgid, doc.markup) if template.marks[index] else []
        occurrences = tuple((rel, str(line)) for line in template.lines(index))
        if not found:
            yield TemplateEntry(msgid, occurrences)
        else:
            yield TemplateEntry(msgid, occurrences, _hints(found, lang),
                                prefill=None if lang is None else _prefill(msgid, found, lang))


def _prefill(msgid: str, found: Sequence[Any], lang: str) -> str | None:
    """The preferred *lang* target of a segment that is wholly one glossary term, else None."""
    term = _wholly_term(msgid, found)
    if term is not None and term.targets.get(lang):
        found_target: str = term.targets[lang][0]
        return found_target
    return None


def _catalog_name(doc: _Document, locales: Path, languages: Sequence[Any]) -> str:
    """The catalog name of *doc*: its key, or the name an older toolkit gave it.

    Before the source-format seam every document was filed under its stem (``a.md`` -> ``a.po``);
    now only plain ``.txt`` is. A catalog under the stem whose ``X-Toolkit-Source`` names this very
    document, with none under the new name yet, stays in use, so its translations are not left
    behind for a fresh empty ``a.md.po`` (and build does not render the document twice).
    """
    stem = doc.source.stem
    if doc.name == stem:
        return doc.name

    def files(name: str) -> list[Path]:
        return [locales / "templates" / f"{name}.pot",
                *(locales / headers.language_tag(locale) / "LC_MESSAGES" / f"{name}.po" for locale in languages)]

    if any(path.exists() for path in files(doc.name)):
        return doc.name
    for path in files(stem):
        if path.exists() and read_po(path).metadata.get(headers.SOURCE_FIELD) == doc.rel:
            return stem
    return doc.name


class _Spool:
    """A rendered file with the SHA-256 of its bytes, written to its place by :func:`_write`: in
    memory up to :data:`_SPOOL_MEMORY` bytes, beyond that on disk (an anonymous temporary file,
    gone with the process). A run over many small documents opens no file per catalog."""

    def __init__(self) -> None:
        self.file: Any = io.BytesIO()
        self.spill = True  # False: no usable temporary directory, the rendering stays in memory
        self.sha = hashlib.sha256()
        self.head = b""  # bytes written before the file's from offset *skip* (a new header)
        self.skip = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        try:
            self.file.write(data)
            if self.spill and isinstance(self.file, io.BytesIO) and self.file.tell() > _SPOOL_MEMORY:
                try:
                    disk = tempfile.TemporaryFile()
                except OSError:
                    self.spill = False
                else:
                    disk.write(self.file.getbuffer())
                    self.file = disk
        except OSError as exc:  # a full temporary directory: one line, like any write
            raise scratch_error(exc) from None
        self.sha.update(data)
        return len(data)

    def chunks(self) -> Iterator[bytes]:
        if self.head:
            yield self.head
        try:
            self.file.flush()
            self.file.seek(self.skip)
            while block := self.file.read(1 << 20):
                yield block
        except OSError as exc:
            raise scratch_error(exc) from None

    def close(self) -> None:
        self.file.close()


_SPOOL_MEMORY = 1 << 20


@dataclass(frozen=True)
class _Read:
    """What a run keeps of a file it read (not its text): its digest, to tell an unchanged
    rendering and an edit made meanwhile; its page width; a template's creation date."""

    sha: bytes
    width: int
    date: str | None = None


def _file_sha(path: Path) -> bytes | None:
    """The SHA-256 of the file at *path* (None if there is none), read in pieces."""
    if not path.exists():
        return None
    found = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            found.update(block)
    return found.digest()


def _read_file(path: Path, read_at_start: dict[Path, bytes | None]) -> _Read | None:
    """Remember *path* as read now (its digest in *read_at_start*); None if it does not exist.
    Read a line at a time (a large catalog is never held)."""
    if not path.exists():
        read_at_start[path] = None
        return None
    if path.is_dir():
        raise CatalogError("is a directory, expected a catalog file", path=path)
    sha = hashlib.sha256()
    date: list[str] = []

    def text_lines() -> Iterator[str]:  # the lines of the text decoded as a whole would be (errors replaced)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        rest = ""
        with open(path, "rb") as handle:
            while True:
                block = handle.read(_READ_BLOCK)
                sha.update(block)
                text = rest + decoder.decode(block, final=not block)
                cut = text.rfind("\n") + 1 if block else len(text)
                rest = text[cut:]
                if cut:
                    if not date and (found := _POT_DATE.search(text, 0, cut)):
                        date.append(found.group(1))
                    yield from text[: cut - 1 if block else cut].split("\n")
                if not block:
                    return

    width = detect_width(text_lines())
    read_at_start[path] = sha.digest()
    return _Read(sha.digest(), width, date[0] if date else None)


def _write(outputs: Sequence[tuple[Path, _Spool | None, bool]], read_at_start: Mapping[Path, bytes | None]) -> None:
    """Write the changed files: catalogs first, templates last (a crash never leaves a template
    newer than its catalogs). Nothing is written if any file changed since this run read it — a
    translator saving in their editor during a long MT run keeps their edit — and stale temporary
    files of killed runs (ours, ``.NAME.*.tmp``, we hold the lock) are swept first."""
    changed = [(path, spool) for path, spool, is_changed in outputs if is_changed and spool is not None]
    for path, _ in changed:
        if _file_sha(path) != read_at_start.get(path):
            raise CatalogError("changed while toolkit translate was running (saved in an editor?); nothing "
                               "was written and your edit is kept: run toolkit translate again", path=path)
    for path, _ in changed:
        for stale in path.parent.glob(f".{path.name}.*.tmp") if path.parent.is_dir() else ():
            stale.unlink(missing_ok=True)
    for path, spool in sorted(changed, key=lambda item: item[0].suffix == ".pot"):
        atomic_write_chunks(path, spool.chunks())


def _settle(catalog: Any, metadata: dict[str, str], read: _Read | None, date_field: str | None, now: datetime,
            entries: Iterable[Any], *, keep_date: bool = False, old_content: bytes | None = None
            ) -> tuple[_Spool | None, bool]:
    """Render; keep the old date if nothing else changed, else stamp *date_field* with *now*.

    *catalog* gives the header (``header``, ``metadata_is_fuzzy``), *entries* the entries, live
    before obsolete, made as they are written. With *old_content* (the :func:`content_digest`
    of the catalog as read) "changed" means changed content, not layout: a catalog a tool
    rewrapped (Poedit, msgcat --width, polib, Babel) is unchanged when its content is, and is
    then left byte-identical. *keep_date*: a file that is missing but whose date is known (a
    deleted template whose catalogs are current) is written again with its old date. The
    rendering goes to a :class:`_Spool` (None when the file is unchanged), in one pass: a new
    date changes only the header.
    """
    width = PAGE_WIDTH if read is None else read.width
    catalog.metadata = metadata
    spool = _Spool()
    content = hashlib.blake2b(digest_size=16) if old_content is not None else None
    pieces = iter_po(catalog, width, content, entries)
    head = spool.write(next(pieces))
    for piece in pieces:
        spool.write(piece)
    if read is not None and (spool.sha.digest() == read.sha
                             or (content is not None and content.digest() == old_content)):
        spool.close()
        return None, False
    if (read is None and keep_date) or date_field is None:
        return spool, True
    metadata = dict(metadata)
    metadata[date_field] = headers.format_date(now)
    catalog.metadata = metadata
    spool.head, spool.skip = next(iter_po(catalog, width, entries=())).encode("utf-8"), head
    return spool, True


_READ_BLOCK = 1 << 20
_POT_DATE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE)


def _language_catalog(doc: _Document, locale: Any, locales: Path, created: str, now: datetime,
                      drafter: Any, glossary: Any, read_at_start: dict[Path, bytes | None],
                      matcher: Any = None, tm_min: int = 75) -> tuple[Path, _Spool | None, CatalogResult, Any, Any]:
    """Merge (TM-fill, then MT-fill) one document's catalog for one language; render it, write nothing.

    The merged entries are made, filled and written one at a time (the TM fills a batch at a
    time); only MT drafting holds them all (the drafter takes every sentence in one call)."""
    lang = headers.language_tag(locale)
    po_path = locales / lang / "LC_MESSAGES" / f"{doc.name}.po"
    read = _read_file(po_path, read_at_start)
    template = doc.template
    old: OldEntries | None = None
    old_header: Any = None
    old_content = None
    if read is not None:
        old, old_header, old_content = read_old(po_path, template.find, len(template))
    try:
        counts: dict[str, int] = {}

        def prefill(msgid: str) -> str | None:
            return _prefill(msgid, _find(glossary, msgid, doc.markup), lang)

        entries: Iterable[Message] = iter_merge(template.msgids, prefill, _template_entries(doc, glossary, lang),
                                                old, counts)
        terms = _Terms(glossary, doc.markup)
        tm: list[Any] = []
        if matcher is not None:
            entries = _tm_filled(entries, terms, matcher, glossary, lang, tm_min, tm)
        mt = None
        if drafter is not None:
            from toolkit.mt.fill import fill

            entries = list(entries)
            mt = fill([e for e in entries if not e.obsolete], terms, drafter, glossary, lang, doc.markup)
        catalog = polib.POFile(wrapwidth=0)
        fresh = headers.catalog_header(locale, doc.name, doc.rel, created, now)
        if doc.format is not None:
            fresh[headers.FORMAT_FIELD] = doc.format
        if old_header is not None:
            catalog.header = old_header.header
            catalog.metadata_is_fuzzy = old_header.metadata_is_fuzzy
            metadata = headers.merge_header(old_header.metadata, fresh)
        else:
            catalog.header = headers.catalog_comment(locale, doc.rel)
            metadata = fresh
        # PO-Revision-Date, Last-Translator, Language-Team and X-Generator are the translator's (and
        # their editor's): kept as they are, as msgmerge keeps them; a new catalog gets ours.
        spool, changed = _settle(catalog, metadata, read, None, now, entries, old_content=old_content)
    finally:
        if old is not None:
            old.close()
    stats = MergeStats(**counts)
    return po_path, spool, CatalogResult(po_path, lang, changed, len(template), stats), _tm_total(tm), mt


def _tm_filled(entries: Iterable[Message], terms: Mapping[str, Sequence[Any]], matcher: Any, glossary: Any,
               lang: str, tm_min: int, stats: list[Any], batch: int = 1024) -> Iterator[Message]:
    """*entries* filled from the translation memory a batch at a time (each batch's statistics
    appended to *stats*)."""
    from toolkit.tm.fill import fill

    chunk: list[Message] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= batch:
            stats.append(fill(chunk, terms, matcher, glossary, lang, tm_min))
            yield from chunk
            chunk = []
    if chunk:
        stats.append(fill(chunk, terms, matcher, glossary, lang, tm_min))
        yield from chunk


def _tm_total(stats: list[Any]) -> Any:
    """The statistics of a batched TM fill added up (None when the TM was not used)."""
    if not stats:
        return None
    from dataclasses import fields

    return type(stats[0])(**{f.name: sum(getattr(s, f.name) for s in stats) for f in fields(stats[0])})


def _template_date(old_pot: _Read | None, doc: _Document, locales: Path, languages: list) -> str | None:
    """The creation date to keep for the template, if its content may be unchanged.

    With a template on disk, its date (``_settle`` replaces it if the content changed). Without
    one (deleted, or only the .po files were committed), the date recorded in an existing
    catalog of the document whose messages are exactly the template's, so a missing .pot does
    not make every catalog look changed.
    """
    if old_pot is not None:
        return old_pot.date
    for locale in languages:
        path = locales / headers.language_tag(locale) / "LC_MESSAGES" / f"{doc.name}.po"
        if not path.exists():
            continue
        wanted = doc.template.msgids()
        same = [True]

        def compare(entry: Any, header: bool, wanted: Iterator[str] = wanted, same: list[bool] = same) -> None:
            if not header and not entry.obsolete and same[0] and next(wanted, None) != entry.msgid:
                same[0] = False

        catalog = reader.read_po(path, compare, stream=True)
        if same[0] and next(wanted, None) is None:
            return catalog.metadata.get("POT-Creation-Date")
    return None


def translate(
    sources: Sequence[str | Path],
    languages: Sequence[str],
    *,
    locales_dir: str | Path,
    glossary: Any,
    drafter_for: Callable[[str], Any] | None = None,
    check: bool = False,
    now: datetime | None = None,
    cwd: str | Path | None = None,
    segment_options: Mapping[str, Any] | None = None,
    lock_timeout: float = 30.0,
    source_format: str | None = None,
    memory: Any = None,
    tm_min: int = 75,
) -> TranslateResult:
    """Write (or, with *check*, only compare) the template and catalogs of each source.

    *memory* (a :class:`toolkit.tm.store.Store`) is first brought up to date with the reviewed
    entries of every catalog under *locales_dir*, then fills untranslated entries with matches
    scoring at least *tm_min* (:func:`toolkit.tm.fill.fill`); *drafter_for(lang)* returns an MT
    drafter or ``None``; with a drafter, entries still untranslated are filled by
    :func:`toolkit.mt.fill.fill`. With *check* the memory is not used (it is a local cache; a
    check must give the same verdict on every machine).
    """
    fresh = not Path(locales_dir).exists()
    try:
        with paused_gc():
            return _translate(sources, languages, locales_dir=locales_dir, glossary=glossary,
                              drafter_for=drafter_for, check=check, now=now, cwd=cwd,
                              segment_options=segment_options, lock_timeout=lock_timeout,
                              source_format=source_format, memory=None if check else memory, tm_min=tm_min)
    except BaseException:
        if fresh:
            _remove_empty_tree(Path(locales_dir))
        raise


def _remove_empty_tree(root: Path) -> None:
    """Undo a failed first run: remove *root* if it holds nothing but our lock file and empty
    folders (a failed run leaves no empty ``locales/`` behind; anything else stays)."""
    from toolkit.catalog.lock import LOCK_NAME

    if not root.is_dir() or any(p.is_file() and p.name != LOCK_NAME for p in root.rglob("*")):
        return
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_file():
            path.unlink(missing_ok=True)
        else:
            path.rmdir()
    (root / LOCK_NAME).unlink(missing_ok=True)
    root.rmdir()


def _translate(
    sources: Sequence[str | Path],
    languages: Sequence[str],
    *,
    locales_dir: str | Path,
    glossary: Any,
    drafter_for: Callable[[str], Any] | None,
    check: bool,
    now: datetime | None,
    cwd: str | Path | None,
    segment_options: Mapping[str, Any] | None,
    lock_timeout: float,
    source_format: str | None,
    memory: Any = None,
    tm_min: int = 75,
) -> TranslateResult:
    if not sources:
        raise UsageError("no source document given")
    if not languages:
        raise UsageError("no target language given (use --to, e.g. --to km)")
    base = Path.cwd() if cwd is None else Path(cwd)
    locales = Path(locales_dir)
    now = now or datetime.now(UTC).replace(second=0, microsecond=0)
    locales_list = []
    for code in dict.fromkeys(languages):
        locales_list.append(headers.parse_language(code))
    options = dict(segment_options or {})

    documents: list[_Document] = []
    names: dict[str, Path] = {}
    for source in dict.fromkeys(Path(s) for s in sources):
        doc = _load_document(Path(source), glossary, base, options, source_format)
        doc = replace(doc, name=_catalog_name(doc, locales, locales_list))
        if doc.name in names and names[doc.name] != doc.source:
            raise UsageError(f"two sources would share the catalog {doc.name!r}: {names[doc.name]} and {doc.source}")
        names[doc.name] = doc.source
        documents.append(doc)

    # --check on a project without catalogs creates nothing, not even the lock file.
    guard = nullcontext() if check and not locales.exists() else locked(locales, timeout=lock_timeout)
    with guard:
        outputs: list[tuple[Path, _Spool | None, bool]] = []
        read_at_start: dict[Path, bytes | None] = {}  # every file's digest as read, to detect edits made meanwhile
        files: list[CatalogResult] = []
        totals = {"tm": 0, "mt": 0, "reused": 0, "enforced": 0, "mismatches": 0}
        drafters: dict[str, Any] = {}
        matchers: dict[str, Any] = {}
        notes: tuple[str, ...] = ()
        if memory is not None:
            notes = tuple(f"left out of the translation memory: {p}"
                          for p in memory.sync_catalogs(locales, base).problems)
        segments = sum(d.segments for d in documents)
        while documents:
            doc = documents.pop(0)  # each document's entries are dropped once its files are rendered
            pot_path = locales / "templates" / f"{doc.name}.pot"
            # The template is ours (never edited by hand): its digest, width and date are all we need.
            old_pot = _read_file(pot_path, read_at_start)
            pot = polib.POFile(wrapwidth=0)
            pot.header = headers.template_comment(doc.rel)
            pot_meta = headers.template_header(doc.name, doc.rel, now)
            if doc.format is not None:
                pot_meta[headers.FORMAT_FIELD] = doc.format
            previous_date = _template_date(old_pot, doc, locales, locales_list)
            if previous_date is not None:
                pot_meta["POT-Creation-Date"] = previous_date
            pot_entries = (Message(msgid=t.msgid, occurrences=t.occurrences, comment=t.comment, flags=_NO_FLAGS)
                           for t in _template_entries(doc, glossary, None))
            pot_spool, pot_changed = _settle(pot, pot_meta, old_pot, "POT-Creation-Date", now, pot_entries,
                                             keep_date=previous_date is not None)
            created = pot.metadata["POT-Creation-Date"]
            outputs.append((pot_path, pot_spool, pot_changed))
            files.append(CatalogResult(pot_path, None, pot_changed, len(doc.template)))

            for locale in locales_list:
                lang = headers.language_tag(locale)
                if drafter_for is not None and lang not in drafters:
                    drafters[lang] = drafter_for(lang)
                if memory is not None and lang not in matchers:
                    from toolkit.tm.match import Matcher

                    matchers[lang] = Matcher(memory, lang)
                path, spool, result, tm, mt = _language_catalog(
                    doc, locale, locales, created, now, drafters.get(lang), glossary, read_at_start,
                    matchers.get(lang), tm_min)
                outputs.append((path, spool, result.changed))
                files.append(result)
                totals["tm"] += getattr(tm, "tm", 0)
                totals["mismatches"] += getattr(tm, "mismatches", 0)
                for key in ("mt", "reused", "enforced", "mismatches"):
                    totals[key] += getattr(mt, key, 0)
            doc.template.close()

        try:
            if not check:
                _write(outputs, read_at_start)
        finally:
            for _, spool, _ in outputs:
                if spool is not None:
                    spool.close()
    return TranslateResult(
        files=tuple(files),
        segments=segments,
        written=not check,
        notes=notes,
        **totals,
    )
