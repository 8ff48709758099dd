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
from toolkit.catalog.wrap import PAGE_WIDTH, wrap, wrap_references

RAW = "toolkit_raw"  # attribute of a polib entry / file: (fingerprint, the text as it was read)


def fingerprint(entry: polib.POEntry) -> tuple:
    """Everything :func:`format_po` writes of *entry*, layout aside: equal fingerprints mean the
    same content, whatever the line breaking, flag order or escapes of the file it came from."""
    obsolete = bool(entry.obsolete)
    plural = tuple(sorted((int(k), v) for k, v in entry.msgstr_plural.items())) if entry.msgid_plural else ()
    return (obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural or "", "" if plural else entry.msgstr, plural,
            frozenset(_flags(entry)), entry.tcomment or "", entry.comment or "",
            () if obsolete else tuple(dict.fromkeys(f"{p}:{n}" if n else str(p) for p, n in entry.occurrences)),
            None if obsolete else (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural))


def header_fingerprint(catalog: polib.POFile) -> tuple:
    """The header's content: its comment, fuzziness and fields (their order is layout: Babel and
    Poedit sort them differently)."""
    return (catalog.header or "", bool(catalog.metadata_is_fuzzy), frozenset(catalog.metadata.items()))


def content(catalog: polib.POFile) -> tuple:
    """The catalog's content, layout aside (see :func:`fingerprint`): what decides "changed"."""
    live = [e for e in catalog if not e.obsolete]
    dead = [e for e in catalog if e.obsolete]
    return (header_fingerprint(catalog), tuple(fingerprint(e) for e in live + dead))


def _blocks(catalog: Catalog) -> dict[int, str]:
    """The text of each entry (header included) as read, by first line: from its first comment or
    keyword to the line before the next entry, blank lines at its end dropped."""
    lines = catalog.text.split("\n")
    starts = sorted({e.start for e in catalog.entries if e.start} | ({catalog.header_start} - {0}))
    blocks = {}
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(lines)
        while end > start and not lines[end - 1].strip():
            end -= 1
        blocks[start] = "\n".join(line.rstrip("\r") for line in lines[start - 1 : end])
    return blocks


def to_polib(catalog: Catalog) -> polib.POFile:
    """The catalog as polib objects: the mutable model merge and MT filling work on (polib is
    only the in-memory model here; reading is :mod:`toolkit.catalog.reader`, writing
    :func:`format_po`). Each entry remembers its text as read, so an entry written back
    unchanged keeps the translator's (or their editor's) layout byte for byte."""
    out = polib.POFile(wrapwidth=0)
    out.header = catalog.header_comment
    out.metadata_is_fuzzy = catalog.header_fuzzy
    out.metadata = catalog.metadata
    blocks = _blocks(catalog) if catalog.text else {}
    if catalog.header_start in blocks:
        setattr(out, RAW, (header_fingerprint(out), blocks[catalog.header_start]))
    for e in catalog.entries:
        entry = polib.POEntry(
            msgid=e.msgid, msgstr=e.msgstr if e.msgid_plural is None else "", msgctxt=e.msgctxt,
            msgid_plural=e.msgid_plural or "",
            msgstr_plural={i: form for i, form in enumerate(e.msgstr_plural)} if e.msgid_plural is not None else {},
            occurrences=[_occurrence(r) for r in e.references], flags=list(e.flag_list), comment=e.comment,
            tcomment=e.tcomment, obsolete=e.obsolete, previous_msgctxt=e.previous_msgctxt,
            previous_msgid=e.previous_msgid, previous_msgid_plural=e.previous_msgid_plural, linenum=e.line,
        )
        if e.start in blocks:
            setattr(entry, RAW, (fingerprint(entry), blocks[e.start]))
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


def _entry_lines(entry: polib.POEntry, width: int = PAGE_WIDTH) -> list[str]:
    raw = getattr(entry, RAW, None)
    if raw is not None and raw[0] == fingerprint(entry):
        return [raw[1]]  # unchanged: as the file had it
    return _new_entry_lines(entry, width)


def _new_entry_lines(entry: polib.POEntry, width: int) -> list[str]:
    obsolete = bool(entry.obsolete)
    prefix = "#~ " if obsolete else ""
    lines: list[str] = []
    if entry.tcomment:
        lines.extend(_comment_lines("#", entry.tcomment))
    if entry.comment:
        lines.extend(_comment_lines("#.", entry.comment))
    if entry.occurrences and not obsolete:
        refs = [f"{path}:{line}" if line else str(path) for path, line in entry.occurrences]
        lines.extend(wrap_references(list(dict.fromkeys(refs)), page=width))
    flags = _flags(entry)
    if flags:
        lines.append("#, " + ", ".join(flags))
    if not obsolete:  # polib does not read ``#~|``; writing it would not survive a re-run
        if entry.previous_msgctxt is not None:
            lines.extend(wrap("msgctxt", entry.previous_msgctxt, "#| ", width))
        if entry.previous_msgid is not None:
            lines.extend(wrap("msgid", entry.previous_msgid, "#| ", width))
        if entry.previous_msgid_plural is not None:
            lines.extend(wrap("msgid_plural", entry.previous_msgid_plural, "#| ", width))
    if entry.msgctxt is not None:
        lines.extend(wrap("msgctxt", entry.msgctxt, prefix, width))
    lines.extend(wrap("msgid", entry.msgid, prefix, width))
    if entry.msgid_plural:
        lines.extend(wrap("msgid_plural", entry.msgid_plural, prefix, width))
        for index in sorted(entry.msgstr_plural, key=int):
            lines.extend(wrap(f"msgstr[{index}]", entry.msgstr_plural[index], prefix, width))
    else:
        lines.extend(wrap("msgstr", entry.msgstr, prefix, width))
    return lines


def header_text(metadata: dict[str, str]) -> str:
    """The header entry's msgstr: one ``Field: value\\n`` line per field, in the given order."""
    return "".join(f"{key}: {value}\n" for key, value in metadata.items())


def format_po(catalog: polib.POFile, width: int = PAGE_WIDTH) -> str:
    """The whole file in GNU gettext layout (see the module docstring). Entries read from a file
    and unchanged keep their text as read; new or changed ones are wrapped at *width* (the
    file's own, see :func:`toolkit.catalog.wrap.detect_width`)."""
    blocks: list[list[str]] = []
    raw = getattr(catalog, RAW, None)
    if raw is not None and raw[0] == header_fingerprint(catalog):
        blocks.append([raw[1]])
    else:
        header: list[str] = []
        if catalog.header:
            header.extend(_comment_lines("#", catalog.header))
        if catalog.metadata_is_fuzzy:
            header.append("#, fuzzy")
        header.extend(wrap("msgid", "", "", width))
        header.extend(wrap("msgstr", header_text(catalog.metadata), "", width))
        blocks.append(header)
    live = [e for e in catalog if not e.obsolete]
    dead = [e for e in catalog if e.obsolete]
    blocks.extend(_entry_lines(e, width) for e in live + dead)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
