"""A document's template kept compact: each distinct msgid once, in a temporary file.

``toolkit translate`` makes one entry per distinct sentence, in document order, with the line of
each occurrence. Held as Python objects that costs several hundred bytes per sentence (more than
the sentence); here the msgids go to an anonymous temporary file as they are found (UTF-8, end
offsets in an array), each entry's first line is an array slot, the further lines of repeated
sentences a small dict, and "seen before?" a :class:`~toolkit.catalog.keys.DigestTable` (the
msgid is compared on a digest hit). Entries are made again each time they are needed.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator
from typing import Any

from toolkit.catalog.keys import DigestTable, key_digest
from toolkit.textio import scratch_error

_FLUSH = 1 << 20


class Template:
    """The distinct msgids of one document, in order of first occurrence, with their lines."""

    def __init__(self, entries: int = 0) -> None:
        """*entries*: how many distinct msgids to expect (sizes the digest table once)."""
        self._file: Any = None  # made at the first megabyte of msgids (a small document opens no file)
        self._spill = True  # False: no usable temporary directory, the msgids stay in memory
        self._buffer = bytearray()  # msgid bytes not yet in the file
        self._flushed = 0  # bytes in the file
        self._ends = array("q")  # end offset of each msgid
        self._lines = array("i")  # the line of each entry's first occurrence
        self._more: dict[int, list[int]] = {}  # the further lines of a repeated sentence
        self.marks = bytearray()  # one byte per entry for the caller (translate: "has glossary matches")
        self._table = DigestTable(entries, digest_size=8)  # a hit is checked against the msgid itself
        self._clash: dict[str, int] = {}  # msgids whose digest an earlier msgid has (BLAKE2b-128 collision)

    def __len__(self) -> int:
        return len(self._ends)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = bytearray()

    def add(self, msgid: str, line: int) -> int:
        """One occurrence of *msgid* at *line* (a new entry the first time): the new entry's
        index, or -1 for a msgid seen before."""
        key = key_digest(None, msgid)
        index = self._table.get(key)
        if index >= 0 and self.msgid(index) != msgid:
            index = self._clash.get(msgid, -1)
            if index < 0:
                self._clash[msgid] = len(self._ends)
        elif index < 0:
            self._table.put(key, len(self._ends))
        if index >= 0:
            if line != self._lines[index]:
                more = self._more.setdefault(index, [])
                if line not in more:
                    more.append(line)
            return -1
        self._buffer += msgid.encode("utf-8", "surrogatepass")
        self._ends.append(self._flushed + len(self._buffer))
        self._lines.append(line)
        self.marks.append(0)
        if len(self._buffer) >= _FLUSH and self._spill:
            self._flush()
        return len(self._ends) - 1

    def _flush(self) -> None:
        if self._file is None:
            try:
                self._file = tempfile.TemporaryFile(buffering=0)
            except OSError:
                self._spill = False
                return
        view = memoryview(self._buffer)
        try:
            while view:
                view = view[self._file.write(view):]
        except OSError as exc:
            raise scratch_error(exc) from None
        finally:
            view.release()
        self._flushed += len(self._buffer)
        self._buffer.clear()

    def _read(self, start: int, end: int) -> bytes:
        if start >= self._flushed:
            return bytes(self._buffer[start - self._flushed : end - self._flushed])
        data = os.pread(self._file.fileno(), min(end, self._flushed) - start, start)
        if end > self._flushed:
            data += self._buffer[: end - self._flushed]
        return data

    def msgid(self, index: int) -> str:
        """The msgid of entry *index*."""
        start = self._ends[index - 1] if index else 0
        return self._read(start, self._ends[index]).decode("utf-8", "surrogatepass")

    def find(self, msgctxt: str | None, msgid: str) -> int:
        """The index of the entry with this key, or -1 (template entries have no context)."""
        if msgctxt is not None:
            return -1
        index = self._table.get(key_digest(None, msgid))
        if index >= 0 and self.msgid(index) == msgid:
            return index
        return self._clash.get(msgid, -1)

    def lines(self, index: int) -> list[int]:
        """The lines where entry *index*'s sentence occurs (first occurrence first)."""
        more = self._more.get(index)
        return [self._lines[index]] if more is None else [self._lines[index], *more]

    def msgids(self) -> Iterator[str]:
        """Every msgid in order, read back a megabyte at a time."""
        ends, total = self._ends, len(self._ends)
        start = block_start = 0
        block = b""
        for index in range(total):
            end = ends[index]
            if end > block_start + len(block):
                block_start = start
                block = self._read(start, max(end, min(start + _FLUSH, ends[-1])))
            yield block[start - block_start : end - block_start].decode("utf-8", "surrogatepass")
            start = end

