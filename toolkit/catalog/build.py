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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from toolkit.catalog import reader
from toolkit.catalog.header import FORMAT_FIELD, SOURCE_FIELD
from toolkit.catalog.message import message_text
from toolkit.catalog.po import to_polib
from toolkit.catalog.stats import Stats, catalog_stats
from toolkit.errors import InputError, UsageError
from toolkit.findings import plural
from toolkit.textio import atomic_write


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


def usable_translations(catalog: reader.Catalog, include_fuzzy: bool = False) -> dict[str, str]:
    """msgid -> msgstr for the entries a build may use (singular, translated, reviewed unless
    *include_fuzzy*)."""
    return {
        e.msgid: e.msgstr
        for e in catalog.entries
        if not e.obsolete and e.msgid and e.msgid_plural is None and e.msgstr and (include_fuzzy or not e.fuzzy)
    }


def compile_mo(catalog: polib.POFile, include_fuzzy: bool = False) -> bytes:
    """The binary ``.mo`` content of *catalog*."""
    compiled = polib.POFile(wrapwidth=0)
    compiled.metadata = dict(catalog.metadata)
    for entry in catalog:
        if entry.obsolete or not entry.msgid or not (entry.msgstr or any(entry.msgstr_plural.values())):
            continue
        if "fuzzy" in entry.flags and not include_fuzzy:
            continue
        copy = polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=entry.msgctxt,
                             msgid_plural=entry.msgid_plural, msgstr_plural=dict(entry.msgstr_plural))
        compiled.append(copy)
    return compiled.to_binary()


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


def translated_document(catalog: reader.Catalog, po_path: Path, language: str, locales: Path, cwd: Path, *,
                        include_fuzzy: bool = False,
                        segment_options: Mapping[str, Any] | None = None) -> TranslatedDocument:
    """The document *catalog* was made from, as ``toolkit build`` writes it for *language*: the
    one rendering ``build`` and the review report share."""
    from toolkit.sources import format_name, get_format, read_document

    source, why = _find_source(catalog.metadata.get(SOURCE_FIELD), locales, cwd)
    if source is None:
        return TranslatedDocument(None, None, (f"{po_path}: {why}; document not rendered",))
    format_id = format_name(source, catalog.metadata.get(FORMAT_FIELD))
    try:
        document = read_document(source, format_id, dict(segment_options or {}))
    except InputError as exc:
        return TranslatedDocument(source, None, (str(exc),))
    rendered = get_format(format_id).render(document, usable_translations(catalog, include_fuzzy), language)
    known = {e.msgid for e in catalog.entries if not e.obsolete}
    stale = sum(1 for s in document.segments if message_text(s.text) not in known and s.text.strip())
    notes: tuple[str, ...] = ()
    if stale:
        notes = (f"{po_path}: {plural(stale, 'sentence')} of {source} not in the catalog; run toolkit translate",)
    return TranslatedDocument(source, rendered, notes)


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
    parsed = [(path, reader.read_po(path)) for path in catalogs]  # every catalog parses before any output
    outputs: list[BuildOutput] = []
    for path, read in parsed:
        catalog = to_polib(read)
        language = path.parent.parent.name
        name = path.stem
        mo = path.with_suffix(".mo")
        atomic_write(mo, compile_mo(catalog, include_fuzzy))
        document_path: Path | None = None
        translated = translated_document(read, path, language, locales, base, include_fuzzy=include_fuzzy,
                                         segment_options=segment_options)
        notes = list(translated.notes)
        if translated.source is not None and translated.text is not None:
            document_path = out / language / translated.source.name
            atomic_write(document_path, translated.text)
        outputs.append(BuildOutput(language, name, path, mo, document_path, catalog_stats(read.entries),
                                   tuple(notes)))
    return BuildResult(tuple(outputs))
