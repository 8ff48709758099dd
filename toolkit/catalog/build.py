"""Reviewed catalogs -> ``.mo`` files and translated documents (``toolkit build``).

For each ``<locales>/LANG/LC_MESSAGES/NAME.po``:

* ``NAME.mo`` is compiled next to it (polib's writer; fuzzy entries only with *include_fuzzy*,
  like ``msgfmt --use-fuzzy``);
* the source document named by the header field ``X-Toolkit-Source`` (relative to the working
  directory, else to the locales directory's parent) is extracted again by its source format
  (:mod:`toolkit.sources`; ``X-Toolkit-Format`` when it was chosen with ``--format``) exactly as
  ``toolkit translate`` did, and the format renders it with the usable translations (non-fuzzy,
  or fuzzy with *include_fuzzy*); sentences without one stay in the source language.

The document goes to ``<out>/LANG/<source file name>``. Statistics count entries of the catalog
(:mod:`toolkit.catalog.stats`).

Memory: every catalog is read (streamed, a piece at a time) before any output is written;
then one catalog at a time is read again keeping only what the outputs need (:class:`Gathered`:
the usable translations, the msgids, the counts, the messages of the ``.mo``), the ``.mo`` is
written in pieces (:mod:`toolkit.catalog.mo`) and a plain-text document is rendered and written
as its sentences are cut (:func:`toolkit.sources.render_pieces`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.catalog import mo as mo_file
from toolkit.catalog import reader
from toolkit.catalog.header import FORMAT_FIELD, SOURCE_FIELD
from toolkit.catalog.message import message_text
from toolkit.catalog.stats import Stats, Tally
from toolkit.errors import InputError, UsageError
from toolkit.findings import plural
from toolkit.segment import Segment
from toolkit.textio import atomic_write, atomic_write_chunks


@dataclass(frozen=True)
class BuildOutput:
    """What was built for one catalog."""

    language: str
    name: str
    po: Path
    mo: Path
    document: Path | None
    stats: Stats
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildResult:
    outputs: tuple[BuildOutput, ...]


def usable(entry: reader.Entry, include_fuzzy: bool = False) -> bool:
    """Whether a build may use the entry's translation in a document: singular, translated,
    reviewed unless *include_fuzzy*."""
    return (not entry.obsolete and bool(entry.msgid) and entry.msgid_plural is None and bool(entry.msgstr)
            and (include_fuzzy or not entry.fuzzy))


def usable_translations(catalog: reader.Catalog, include_fuzzy: bool = False) -> dict[str, str]:
    """msgid -> msgstr for the entries a build may use (:func:`usable`)."""
    return {e.msgid: e.msgstr for e in catalog.entries if usable(e, include_fuzzy)}


class Known:
    """The live msgids of a catalog as their 64-bit hashes in a sorted array, 8 bytes a msgid
    (a large untranslated catalog's msgids are not kept). A sentence is taken for a known one
    only if the hashes are equal: another sentence would have to collide (for 250,000 sentences
    about one chance in 10^9), and that would only change the count of sentences missing from
    the catalog in a note, never a document."""

    __slots__ = ("hashes", "ordered")

    def __init__(self) -> None:
        self.hashes = array("q")
        self.ordered = True

    def add(self, msgid: str) -> None:
        self.hashes.append(hash(msgid))
        self.ordered = False

    def __contains__(self, msgid: str) -> bool:
        if not self.ordered:
            self.hashes, self.ordered = array("q", sorted(self.hashes)), True
        key = hash(msgid)
        at = bisect_left(self.hashes, key)
        return at < len(self.hashes) and self.hashes[at] == key


class Gathered:
    """A reader sink (:data:`toolkit.catalog.reader.Sink`) keeping of a catalog only what build's
    outputs need: the header, the usable translations, the live msgids (to name sentences missing
    from the catalog), the counts and, with *mo*, the messages of the ``.mo``. The reader's
    entries are dropped as they go by; the strings kept are the reader's own (shared, not copied).

    *document* (given the header fields) says whether the document will be rendered: when the
    header, read first, names no source that can be found, translations and msgids are not kept."""

    def __init__(self, include_fuzzy: bool = False, mo: bool = False,
                 document: Callable[[dict[str, str]], bool] | None = None) -> None:
        self.include_fuzzy = include_fuzzy
        self.header = ""
        self.translations: dict[str, str] = {}
        self.known = Known()
        self.tally = Tally()
        self.messages: list[mo_file.Message] | None = [] if mo else None
        self.document = document
        self.rendered = True  # whether translations and msgids are kept
        self.first = True

    def __call__(self, entry: reader.Entry, header: bool) -> None:
        first, self.first = self.first, False
        if header:
            self.header = entry.msgstr
            if first and self.document is not None:
                self.rendered = self.document(self.metadata)
            return
        if entry.obsolete:
            return
        self.tally.add(entry)
        if self.rendered:
            self.known.add(entry.msgid)
            if usable(entry, self.include_fuzzy):
                self.translations[entry.msgid] = entry.msgstr
        if self.messages is not None:
            compiled = mo_file.message(entry, self.include_fuzzy)
            if compiled is not None:
                self.messages.append(compiled)

    @property
    def metadata(self) -> dict[str, str]:
        """The header fields (as :attr:`toolkit.catalog.reader.Catalog.metadata`)."""
        return reader.Catalog("", self.header).metadata

    @property
    def stats(self) -> Stats:
        return self.tally.stats


def gather(path: str | Path, include_fuzzy: bool = False, mo: bool = False,
           document: Callable[[dict[str, str]], bool] | None = None) -> Gathered:
    """Read the catalog at *path* (streamed) into a :class:`Gathered`; errors as the reader's."""
    found = Gathered(include_fuzzy, mo, document)
    reader.read_po(path, found, stream=True)
    return found


def has_source(locales: Path, cwd: Path) -> Callable[[dict[str, str]], bool]:
    """Whether a catalog with these header fields has a source document to render (for :class:`Gathered`)."""
    return lambda metadata: _find_source(metadata.get(SOURCE_FIELD), locales, cwd)[0] is not None


def _discard(entry: reader.Entry, header: bool) -> None:
    """A reader sink that keeps nothing (a catalog is only checked to parse)."""


def _find_source(value: str | None, locales: Path, cwd: Path) -> tuple[Path | None, str]:
    """The source document a catalog names, confined to the project, or None and why not.

    The header is data from a contributed file: an absolute path or one that leaves the working
    directory and the locales directory's parent (``../../etc/passwd``, a link pointing out) is
    refused, so building someone's catalog can never copy a file from elsewhere on the machine.
    """
    if not value:
        return None, f"no {SOURCE_FIELD} header"
    if Path(value).is_absolute() or "\x00" in value:
        return None, f"source document {value} refused: an absolute path (sources must be inside the project)"
    for base in (cwd, locales.parent):
        candidate = base / value
        try:
            candidate.resolve().relative_to(base.resolve())
        except ValueError:
            continue
        if candidate.is_file():
            return candidate, ""
    if any(part == ".." for part in Path(value).parts):
        return None, f"source document {value} refused: outside the project (run build where the sources are)"
    return None, f"source document {value} not found"


@dataclass(frozen=True)
class TranslatedDocument:
    """A catalog's source document rendered with its usable translations (``text`` None when the
    source could not be found or read; ``notes`` say why, and name sentences missing from the catalog).
    ``text`` is bytes for a binary format (Word)."""

    source: Path | None
    text: str | bytes | None
    notes: tuple[str, ...] = ()


@dataclass
class DocumentRendering:
    """A translated document on its way out: ``pieces`` (str pieces, the bytes of a binary
    format, or None when the source could not be found or read) are produced as they are taken;
    ``notes`` is complete once they all have been (sentences missing from the catalog are
    counted on the way)."""

    source: Path | None
    pieces: Iterator[str] | bytes | None
    notes: list[str] = field(default_factory=list)


def render_document(gathered: Gathered, po_path: Path, language: str, locales: Path, cwd: Path, *,
                    segment_options: Mapping[str, Any] | None = None) -> DocumentRendering:
    """The document a catalog was made from, as ``toolkit build`` writes it for *language*: the
    one rendering ``build`` and the review report share (:func:`translated_document`, whole)."""
    from toolkit.sources import format_name, render_pieces

    metadata = gathered.metadata
    source, why = _find_source(metadata.get(SOURCE_FIELD), locales, cwd)
    if source is None:
        return DocumentRendering(None, None, [f"{po_path}: {why}; document not rendered"])
    if not gathered.rendered:  # the source appeared since the header was read: gather again
        gathered = gather(po_path, gathered.include_fuzzy)
    format_id = format_name(source, metadata.get(FORMAT_FIELD))
    known = gathered.known
    stale = 0

    def seen(segment: Segment) -> None:
        nonlocal stale
        if message_text(segment.text) not in known and segment.text.strip():
            stale += 1

    try:
        pieces = render_pieces(source, format_id, dict(segment_options or {}), gathered.translations, language, seen)
    except InputError as exc:
        return DocumentRendering(source, None, [str(exc)])
    rendering = DocumentRendering(source, pieces)

    def note() -> None:
        if stale:
            rendering.notes.append(f"{po_path}: {plural(stale, 'sentence')} of {source} not in the catalog; "
                                   "run toolkit translate")

    def noted(found: Iterator[str]) -> Iterator[str]:
        yield from found
        note()

    if isinstance(pieces, bytes):
        note()  # every sentence was seen while rendering
    else:
        rendering.pieces = noted(pieces)
    return rendering


def translated_document(catalog: reader.Catalog, po_path: Path, language: str, locales: Path, cwd: Path, *,
                        include_fuzzy: bool = False,
                        segment_options: Mapping[str, Any] | None = None) -> TranslatedDocument:
    """:func:`render_document` of a catalog held whole, as one string (or bytes)."""
    gathered = Gathered(include_fuzzy)
    gathered(reader.Entry(catalog.header_line, "", catalog.header), True)
    for entry in catalog.entries:
        gathered(entry, False)
    rendering = render_document(gathered, po_path, language, locales, cwd, segment_options=segment_options)
    pieces = rendering.pieces
    text = pieces if pieces is None or isinstance(pieces, bytes) else "".join(pieces)
    return TranslatedDocument(rendering.source, text, tuple(rendering.notes))


def build(locales_dir: str | Path, out_dir: str | Path | None = None, *, include_fuzzy: bool = False,
          cwd: str | Path | None = None, segment_options: Mapping[str, Any] | None = None) -> BuildResult:
    """Compile every catalog under *locales_dir* and render its document into *out_dir*.

    *segment_options* must be those ``toolkit translate`` used (e.g. the user's abbreviation
    rules), so the document is cut into the same segments its catalog was made from.
    """
    locales = Path(locales_dir)
    base = Path.cwd() if cwd is None else Path(cwd)
    out = Path(out_dir) if out_dir is not None else base / "build"
    if not locales.is_dir():
        raise UsageError("no catalogs to build (run toolkit translate first)", path=locales)
    catalogs = sorted(locales.glob("*/LC_MESSAGES/*.po"))
    if not catalogs:
        raise UsageError("no catalogs to build (run toolkit translate first)", path=locales)
    # Every catalog parses before any output (the first one: as it is gathered, below).
    for path in catalogs[1:]:
        reader.read_po(path, _discard, stream=True)
    outputs: list[BuildOutput] = []
    for path in catalogs:
        gathered = gather(path, include_fuzzy, mo=True, document=has_source(locales, base))
        language = path.parent.parent.name
        mo = path.with_suffix(".mo")
        messages, gathered.messages = gathered.messages or [], None
        atomic_write_chunks(mo, mo_file.mo_chunks(gathered.metadata, messages))
        del messages
        document_path: Path | None = None
        rendering = render_document(gathered, path, language, locales, base, segment_options=segment_options)
        if rendering.source is not None and rendering.pieces is not None:
            document_path = out / language / rendering.source.name
            pieces = rendering.pieces
            if isinstance(pieces, bytes):
                atomic_write(document_path, pieces)
            else:
                atomic_write_chunks(document_path, (piece.encode("utf-8") for piece in pieces))
        outputs.append(BuildOutput(language, path.stem, path, mo, document_path, gathered.stats,
                                   tuple(rendering.notes)))
    return BuildResult(tuple(outputs))
