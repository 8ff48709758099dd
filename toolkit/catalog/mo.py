"""The binary catalog (``.mo``) that ``toolkit build`` writes, produced in pieces.

The bytes are exactly those of polib 1.2's ``POFile.to_binary`` (what build used before, and what
the tests compare with): a 28-byte header (magic, revision 0, N strings, the offsets of the two
tables, no hash table), the key table and the value table (length and offset of each string), then
every key and every value, each NUL-terminated. The header entry (msgid ``""``) comes first,
then the messages sorted by their UTF-8 key (``msgctxt`` EOT ``msgid``). polib builds the two
string areas with ``bytes +=`` (quadratic: 135 s for a 37 MB translated catalog) and holds the
result whole; here only references to the catalog's strings are held, lengths are counted,
and the strings are encoded again a megabyte at a time while writing.

A UTF-8 byte order is the code-point order of the strings, so the messages are sorted as Python
strings, with the same (stable) result as polib's sort on encoded keys.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from toolkit.catalog.reader import Entry

MAGIC = 0x950412DE
_PIECE = 1 << 20

#: What a compiled message keeps of its entry: (msgctxt, msgid, msgid_plural, translations).
Message = tuple[str | None, str, str | None, tuple[str, ...]]


def message(entry: Entry, include_fuzzy: bool = False) -> Message | None:
    """The entry as a ``.mo`` message, or None when it does not go into the ``.mo``: obsolete,
    the header, fuzzy (unless *include_fuzzy*, like ``msgfmt --use-fuzzy``) or not (fully)
    translated. A plural entry goes in only with every form filled in."""
    if entry.obsolete or not entry.msgid or (entry.fuzzy and not include_fuzzy):
        return None
    if entry.msgid_plural is None:
        return (entry.msgctxt, entry.msgid, None, (entry.msgstr,)) if entry.msgstr else None
    forms = entry.msgstr_plural
    if not forms or not all(forms):
        return None
    return entry.msgctxt, entry.msgid, entry.msgid_plural, forms


def header_text(metadata: Mapping[str, str]) -> str:
    """The header entry's msgstr as the ``.mo`` holds it: the fields in polib's order (the usual
    fields first, then the others in natural order), one ``Name: value`` line each."""
    import polib

    model = polib.POFile()
    model.metadata = dict(metadata)
    text: str = model.metadata_as_entry().msgstr
    return text


def _key(m: Message) -> str:
    return f"{m[0]}\x04{m[1]}" if m[0] else m[1]


def _id(m: Message) -> str:
    ctxt, msgid, plural = m[0], m[1], m[2]
    text = f"{msgid}\x00{plural}" if plural else msgid
    return f"{ctxt}\x04{text}" if ctxt else text


def _str(m: Message) -> str:
    # An empty msgid_plural makes a singular message (as polib writes it): its msgstr is empty.
    return "\x00".join(m[3]) if m[2] else (m[3][0] if m[2] is None else "")


def _size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def mo_chunks(metadata: Mapping[str, str], messages: Iterable[Message]) -> Iterator[bytes]:
    """The ``.mo`` of a catalog whose header fields are *metadata*, in pieces of about a megabyte."""
    ordered: Sequence[Message] = sorted(messages, key=_key)
    header = header_text(metadata)
    count = len(ordered) + 1
    keystart = 7 * 4 + 16 * count
    # (length, offset) of each key and each value, offsets first counted from the area's start
    ids, strs = array("i", (0, 0)), array("i", (_size(header), 0))  # the header's key is ""
    id_size, str_size = 1, strs[0] + 1
    for m in ordered:
        size = _size(_id(m))
        ids.extend((size, id_size))
        id_size += size + 1
        size = _size(_str(m))
        strs.extend((size, str_size))
        str_size += size + 1
    valuestart = keystart + id_size
    for i in range(1, len(ids), 2):
        ids[i] += keystart
        strs[i] += valuestart
    yield struct.pack("Iiiiiii", MAGIC, 0, count, 7 * 4, 7 * 4 + count * 8, 0, keystart)
    yield ids.tobytes()
    yield strs.tobytes()
    del ids, strs
    yield from _strings(("",), ordered, _id)
    yield from _strings((header,), ordered, _str)


def _strings(first: Iterable[str], ordered: Sequence[Message], get: Callable[[Message], str]) -> Iterator[bytes]:
    """NUL-terminated UTF-8 strings, joined into pieces of about a megabyte."""
    batch: list[str] = list(first)
    held = sum(len(t) for t in batch)
    for m in ordered:
        text = get(m)
        batch.append(text)
        held += len(text)
        if held >= _PIECE:
            batch.append("")
            yield "\x00".join(batch).encode("utf-8")
            batch, held = [], 0
    if batch:
        batch.append("")
        yield "\x00".join(batch).encode("utf-8")
