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

import hashlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import polib

from toolkit.catalog import reader
from toolkit.catalog.reader import Catalog
from toolkit.catalog.wrap import PAGE_WIDTH, wrap, wrap_references

RAW = "toolkit_raw"  # attribute of an entry / file: (content digest, the text as it was read)

_NO_FORMS: Any = MappingProxyType({})  # the msgstr_plural of every singular Message (read-only, shared)


class Message:
    """One entry of the mutable model, with :class:`polib.POEntry`'s attribute names but without
    its weight (a polib entry keeps some twenty attributes in a dict; a catalog of 250,000
    sentences is held twice during ``translate``). What merging and MT/TM filling edit."""

    __slots__ = ("msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural", "occurrences", "flags",
                 "comment", "tcomment", "obsolete", "previous_msgctxt", "previous_msgid",
                 "previous_msgid_plural", "linenum", RAW)

    def __init__(self, msgid: str = "", msgstr: str = "", msgctxt: str | None = None, msgid_plural: str = "",
                 msgstr_plural: Any = None, occurrences: Any = (), flags: list[str] | None = None,
                 comment: str = "", tcomment: str = "", obsolete: bool = False,
                 previous_msgctxt: str | None = None, previous_msgid: str | None = None,
                 previous_msgid_plural: str | None = None, linenum: int = 0) -> None:
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgctxt = msgctxt
        self.msgid_plural = msgid_plural
        self.msgstr_plural = _NO_FORMS if not msgstr_plural else msgstr_plural
        self.occurrences = occurrences
        self.flags = [] if flags is None else flags
        self.comment = comment
        self.tcomment = tcomment
        self.obsolete = obsolete
        self.previous_msgctxt = previous_msgctxt
        self.previous_msgid = previous_msgid
        self.previous_msgid_plural = previous_msgid_plural
        self.linenum = linenum
        setattr(self, RAW, None)

    def __repr__(self) -> str:
        return f"Message({self.msgctxt!r}, {self.msgid!r}, {self.msgstr!r})"


def fingerprint(entry: polib.POEntry) -> tuple:
    """Everything :func:`format_po` writes of *entry*, layout aside: equal fingerprints mean the
    same content, whatever the line breaking, flag order or escapes of the file it came from."""
    obsolete = bool(entry.obsolete)
    plural = tuple(sorted((int(k), v) for k, v in entry.msgstr_plural.items())) if entry.msgid_plural else ()
    return (obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural or "", "" if plural else entry.msgstr, plural,
            frozenset(_flags(entry)), entry.tcomment or "", entry.comment or "",
            () if obsolete else tuple(dict.fromkeys(f"{p}:{n}" if n else str(p) for p, n in entry.occurrences)),
            None if obsolete else (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural))


def digest(entry: Any) -> bytes:
    """A short digest of :func:`fingerprint` (what an entry read from a file remembers instead of
    the whole tuple): equal digests mean equal fingerprints."""
    fp = fingerprint(entry)
    canonical = fp[:6] + (tuple(sorted(fp[6])),) + fp[7:]
    return hashlib.blake2b(repr(canonical).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def header_digest(catalog: Any) -> bytes:
    header, fuzzy, fields = header_fingerprint(catalog)
    return hashlib.blake2b(repr((header, fuzzy, sorted(fields))).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


def content_digest(catalog: Any, *, as_read: bool = False) -> bytes:
    """A digest of :func:`content`: equal digests mean the same content, layout aside. With
    *as_read* the digests entries took when read are trusted (for a catalog nobody edited)."""
    found = hashlib.blake2b(header_digest(catalog), digest_size=16)
    for obsolete in (False, True):
        for entry in catalog:
            if bool(entry.obsolete) == obsolete:
                raw = getattr(entry, RAW, None) if as_read else None
                found.update(raw[0] if raw is not None else digest(entry))
    return found.digest()


def header_fingerprint(catalog: polib.POFile) -> tuple:
    """The header's content: its comment, fuzziness and fields (their order is layout: Babel and
    Poedit sort them differently)."""
    return (catalog.header or "", bool(catalog.metadata_is_fuzzy), frozenset(catalog.metadata.items()))


def content(catalog: polib.POFile) -> tuple:
    """The catalog's content, layout aside (see :func:`fingerprint`): what decides "changed"."""
    live = [e for e in catalog if not e.obsolete]
    dead = [e for e in catalog if e.obsolete]
    return (header_fingerprint(catalog), tuple(fingerprint(e) for e in live + dead))


def _keep_blocks(text: str, starts: Sequence[int], items: Sequence[Any]) -> None:
    """Give each item (an entry, or the catalog for its header entry), in file order, its text as
    read: from its first line (*starts*) to the line before the next item's, blank lines at its
    end dropped. (Sliced out of the text item by item: splitting a large file into lines at once
    costs more than the file.)"""
    line, pos, find = 1, 0, text.find
    offsets = array("q")
    for start in starts:
        while line < start:
            pos = find("\n", pos) + 1
            line += 1
        offsets.append(pos)
    for i, item in enumerate(items):
        last = i + 1 == len(items)
        block = kept_block(text[offsets[i] :].split("\n") if last else text[offsets[i] : offsets[i + 1]].split("\n"),
                           last)
        taken = getattr(item, RAW, None)  # a lean entry's digest, taken before its references went
        if taken is not None:
            found = taken[0]
        else:
            found = header_digest(item) if isinstance(item, polib.POFile) else digest(item)
        setattr(item, RAW, (found, block))


def model_entry(e: reader.Entry, make: Any = Message, paths: dict[str, str] | None = None,
                lean: bool = False) -> Any:
    """The model entry (*make*: :class:`Message` or ``polib.POEntry``) of the reader's entry *e*;
    *paths* shares one string per referenced file; *lean* keeps the flags as the reader's tuple."""
    occurrences = []
    for reference in e.references:
        path, line = _occurrence(reference)
        occurrences.append((path if paths is None else paths.setdefault(path, path), line))
    return make(
        msgid=e.msgid, msgstr=e.msgstr if e.msgid_plural is None else "", msgctxt=e.msgctxt,
        msgid_plural=e.msgid_plural or "",
        msgstr_plural={i: form for i, form in enumerate(e.msgstr_plural)} if e.msgid_plural is not None else {},
        occurrences=occurrences, flags=e.flag_list if lean else list(e.flag_list), comment=e.comment,
        tcomment=e.tcomment, obsolete=e.obsolete, previous_msgctxt=e.previous_msgctxt,
        previous_msgid=e.previous_msgid, previous_msgid_plural=e.previous_msgid_plural, linenum=e.line,
    )


def kept_block(lines: list[str], last: bool) -> str:
    """An item's text as read, from its lines (up to the next item's first line, or to the end
    of the file when *last*): the piece after the last line break (the next item's) and blank
    lines at its end dropped, CRs of CRLF line ends removed."""
    if not last:
        lines.pop()
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    piece = "\n".join(lines)
    return "\n".join(line.rstrip("\r") for line in lines) if "\r" in piece else piece


class _Model:
    """Builds the model of a catalog entry by entry (as a :data:`toolkit.catalog.reader.Sink`, the
    reader's own entries are dropped as soon as they are converted)."""

    def __init__(self, make: Any, lean: bool = False) -> None:
        self.make = make
        self.lean = lean
        self.out = polib.POFile(wrapwidth=0)
        self.starts = array("q")  # the first line of each item with a text to keep (entries, the header)
        self.items: list[Any] = []
        self.paths: dict[str, str] = {}  # one string per referenced file

    def __call__(self, e: reader.Entry, header: bool) -> None:
        if header:
            if e.start:
                self.starts.append(e.start)
                self.items.append(self.out)
            return
        entry = model_entry(e, self.make, self.paths, self.lean)
        if self.lean:
            if e.start:
                setattr(entry, RAW, (digest(entry), ""))
            entry.occurrences = ()
        if e.start:
            self.starts.append(e.start)
            self.items.append(entry)
        self.out.append(entry)

    def done(self, catalog: Catalog) -> polib.POFile:
        out = self.out
        out.header = catalog.header_comment
        out.metadata_is_fuzzy = catalog.header_fuzzy
        out.metadata = catalog.metadata
        if catalog.text:
            starts, items = self.starts, self.items
            if any(a > b for a, b in zip(starts, starts[1:])):  # the header entry was given first
                order = sorted(range(len(starts)), key=starts.__getitem__)
                starts, items = array("q", (starts[i] for i in order)), [items[i] for i in order]
            _keep_blocks(catalog.text, starts, items)
        return out


def _model(catalog: Catalog, make: Any) -> polib.POFile:
    build = _Model(make)
    if catalog.header_start:
        build.starts.append(catalog.header_start)
        build.items.append(build.out)
    for e in catalog.entries:
        build(e, False)
    return build.done(catalog)


def to_polib(catalog: Catalog) -> polib.POFile:
    """The catalog as polib objects: the mutable model merge and MT filling work on (polib is
    only the in-memory model here; reading is :mod:`toolkit.catalog.reader`, writing
    :func:`format_po`). Each entry remembers its text as read, so an entry written back
    unchanged keeps the translator's (or their editor's) layout byte for byte."""
    return _model(catalog, polib.POEntry)


def to_messages(catalog: Catalog) -> polib.POFile:
    """As :func:`to_polib`, with light :class:`Message` entries (what ``translate`` holds)."""
    return _model(catalog, Message)


def _occurrence(reference: str) -> tuple[str, str]:
    path, sep, line = reference.rpartition(":")
    return (path, line) if sep and line.isdigit() else (reference, "")


def read_messages(path: str | Path, *, lean: bool = False) -> polib.POFile:
    """Read a catalog with the one reader into the light model (:func:`to_messages`), entry by
    entry: the reader's entries are never all held besides the model. *lean*, for a catalog that
    is only merged from (never written as it is): each entry's references count in its digest
    (see :func:`_keep_blocks`), then are dropped — a merged entry takes the template's."""
    build = _Model(Message, lean)
    return build.done(reader.read_po(path, build))


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


def _entry_text(entry: Any, width: int, content: Any) -> str:
    raw = getattr(entry, RAW, None)
    if raw is not None or content is not None:
        found = digest(entry)
        if content is not None:
            content.update(found)
        if raw is not None and raw[0] == found:
            return raw[1]  # unchanged: as the file had it
    return "\n".join(_new_entry_lines(entry, width))


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


def iter_po(catalog: Any, width: int = PAGE_WIDTH, content: Any = None, entries: Iterable[Any] | None = None
            ) -> Iterator[str]:
    """The file of :func:`format_po` in pieces: the header entry first, then one piece per entry
    (a large catalog is written without ever being one string). With *content* (a hashlib
    object) the digest of :func:`content_digest` is fed as the entries go by. *entries*, if
    given, are written instead of *catalog*'s (which gives the header): live ones before
    obsolete ones already, each made as it is written (a merge that is never held whole)."""
    raw = getattr(catalog, RAW, None)
    head = header_digest(catalog) if raw is not None or content is not None else b""
    if content is not None:
        content.update(head)
    if raw is not None and raw[0] == head:
        yield raw[1]
    else:
        header: list[str] = []
        if catalog.header:
            header.extend(_comment_lines("#", catalog.header))
        if catalog.metadata_is_fuzzy:
            header.append("#, fuzzy")
        header.extend(wrap("msgid", "", "", width))
        header.extend(wrap("msgstr", header_text(catalog.metadata), "", width))
        yield "\n".join(header)
    if entries is not None:
        for entry in entries:
            yield "\n\n" + _entry_text(entry, width, content)
        yield "\n"
        return
    for entry in catalog:
        if not entry.obsolete:
            yield "\n\n" + _entry_text(entry, width, content)
    for entry in catalog:
        if entry.obsolete:
            yield "\n\n" + _entry_text(entry, width, content)
    yield "\n"


def format_po(catalog: Any, width: int = PAGE_WIDTH) -> str:
    """The whole file in GNU gettext layout (see the module docstring). Entries read from a file
    and unchanged keep their text as read; new or changed ones are wrapped at *width* (the
    file's own, see :func:`toolkit.catalog.wrap.detect_width`)."""
    return "".join(iter_po(catalog, width))
