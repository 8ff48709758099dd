"""The catalog model and our one deterministic writer.

Reading is :mod:`toolkit.catalog.reader` (the one reader of every command); :func:`to_polib` turns
its catalog into polib objects, the mutable model that merging and MT filling edit. Writing never goes through
polib's or babel's writers: they wrap differently from GNU gettext, so every round trip through
``msgmerge``/``msgcat`` (or Poedit, which uses gettext) would re-wrap the file. :func:`format_po`
writes the layout GNU gettext writes (see :mod:`toolkit.catalog.wrap`), so ``msgcat`` on our
output is a no-op:

* entry order as given; obsolete entries (``#~``) last;
* comment order: translator ``#``, extracted ``#.``, references ``#:``, flags ``#,``, previous
  ``#|``; then ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr``/``msgstr[n]``;
* flags: ``fuzzy`` first, the others in the order found. Note: GNU gettext keeps only the flags
  it knows (``fuzzy``, ``*-format``, ``range:``, ``wrap``); a custom flag such as
  ``glossary-mismatch`` is dropped by ``msgcat``/``msgmerge``, so tools must not rely on it alone;
* references deduplicated, in order, filled into 79-column ``#:`` lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib

from toolkit.catalog import reader
from toolkit.catalog.reader import Catalog
from toolkit.catalog.wrap import wrap, wrap_references


def to_polib(catalog: Catalog) -> polib.POFile:
    """The catalog as polib objects: the mutable model merge and MT filling work on (polib is
    only the in-memory model here; reading is :mod:`toolkit.catalog.reader`, writing
    :func:`format_po`)."""
    out = polib.POFile(wrapwidth=0)
    out.header = catalog.header_comment
    out.metadata_is_fuzzy = catalog.header_fuzzy
    out.metadata = catalog.metadata
    for e in catalog.entries:
        entry = polib.POEntry(
            msgid=e.msgid, msgstr=e.msgstr if e.msgid_plural is None else "", msgctxt=e.msgctxt,
            msgid_plural=e.msgid_plural or "",
            msgstr_plural={i: form for i, form in enumerate(e.msgstr_plural)} if e.msgid_plural is not None else {},
            occurrences=[_occurrence(r) for r in e.references], flags=list(e.flag_list), comment=e.comment,
            tcomment=e.tcomment, obsolete=e.obsolete, previous_msgctxt=e.previous_msgctxt,
            previous_msgid=e.previous_msgid, previous_msgid_plural=e.previous_msgid_plural, linenum=e.line,
        )
        out.append(entry)
    return out


def _occurrence(reference: str) -> tuple[str, str]:
    path, sep, line = reference.rpartition(":")
    return (path, line) if sep and line.isdigit() else (reference, "")


def read_po(path: str | Path) -> polib.POFile:
    """Read a catalog with the one reader and hand it over as the polib model."""
    return to_polib(reader.read_po(path))


def parse_po(text: str, path: str | Path = "<string>") -> polib.POFile:
    """Parse PO text with the one reader (``CatalogError`` with ``path:line``) into the polib model."""
    return to_polib(reader.parse_po(text, str(path)))


def _comment_lines(prefix: str, text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield f"{prefix} {line}" if line else prefix


def _flags(entry: polib.POEntry) -> list[str]:
    flags = list(dict.fromkeys(f.strip() for f in entry.flags if f.strip()))
    if "fuzzy" in flags:
        flags.remove("fuzzy")
        flags.insert(0, "fuzzy")
    return flags


def _entry_lines(entry: polib.POEntry) -> list[str]:
    obsolete = bool(entry.obsolete)
    prefix = "#~ " if obsolete else ""
    lines: list[str] = []
    if entry.tcomment:
        lines.extend(_comment_lines("#", entry.tcomment))
    if entry.comment:
        lines.extend(_comment_lines("#.", entry.comment))
    if entry.occurrences and not obsolete:
        refs = [f"{path}:{line}" if line else str(path) for path, line in entry.occurrences]
        lines.extend(wrap_references(list(dict.fromkeys(refs))))
    flags = _flags(entry)
    if flags:
        lines.append("#, " + ", ".join(flags))
    if not obsolete:  # polib does not read ``#~|``; writing it would not survive a re-run
        if entry.previous_msgctxt is not None:
            lines.extend(wrap("msgctxt", entry.previous_msgctxt, "#| "))
        if entry.previous_msgid is not None:
            lines.extend(wrap("msgid", entry.previous_msgid, "#| "))
        if entry.previous_msgid_plural is not None:
            lines.extend(wrap("msgid_plural", entry.previous_msgid_plural, "#| "))
    if entry.msgctxt is not None:
        lines.extend(wrap("msgctxt", entry.msgctxt, prefix))
    lines.extend(wrap("msgid", entry.msgid, prefix))
    if entry.msgid_plural:
        lines.extend(wrap("msgid_plural", entry.msgid_plural, prefix))
        for index in sorted(entry.msgstr_plural, key=int):
            lines.extend(wrap(f"msgstr[{index}]", entry.msgstr_plural[index], prefix))
    else:
        lines.extend(wrap("msgstr", entry.msgstr, prefix))
    return lines


def header_text(metadata: dict[str, str]) -> str:
    """The header entry's msgstr: one ``Field: value\\n`` line per field, in the given order."""
    return "".join(f"{key}: {value}\n" for key, value in metadata.items())


def format_po(catalog: polib.POFile) -> str:
    """The whole file in GNU gettext layout (see the module docstring)."""
    blocks: list[list[str]] = []
    header: list[str] = []
    if catalog.header:
        header.extend(_comment_lines("#", catalog.header))
    if catalog.metadata_is_fuzzy:
        header.append("#, fuzzy")
    header.extend(wrap("msgid", ""))
    header.extend(wrap("msgstr", header_text(catalog.metadata)))
    blocks.append(header)
    live = [e for e in catalog if not e.obsolete]
    dead = [e for e in catalog if e.obsolete]
    blocks.extend(_entry_lines(e) for e in live + dead)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
