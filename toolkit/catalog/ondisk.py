"""The catalog a merge goes into, left on disk: what the merge needs of it, each entry re-read
from the file when it is needed.

Read once with the one reader (:func:`toolkit.catalog.reader.read_po` with ``stream=True``, a piece at a time): per
entry, one byte of facts (:class:`toolkit.catalog.merge.OldEntries`) and the file offset of its
text; the content digest as read (:func:`toolkit.catalog.po.content_digest`) is taken on the
way. An entry is made again (:meth:`OldFile.entry`) by parsing its own text, sliced out of the
file at its offsets exactly as :func:`toolkit.catalog.po.read_messages` slices it out of the
whole text, so it is written back byte for byte when unchanged. A file that is not plain UTF-8
(another declared charset) is read whole instead (:class:`~toolkit.catalog.merge.HeldEntries`).
"""

from __future__ import annotations

import codecs
import hashlib
import os
from array import array
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from toolkit.catalog import reader
from toolkit.catalog.merge import HeldEntries, OldEntries
from toolkit.catalog.po import (
    RAW,
    Message,
    content_digest,
    digest,
    header_digest,
    kept_block,
    model_entry,
    read_messages,
)


class OldFile(OldEntries):
    """:class:`~toolkit.catalog.merge.OldEntries` of a UTF-8 catalog left on disk."""

    def __init__(self, path: Path, find: Any, template_size: int) -> None:
        super().__init__(template_size)
        self.path = path
        self.header: Any = None  # header, metadata_is_fuzzy, metadata (as polib's POFile names them)
        self.content = b""
        self._starts = array("q")  # first line, then file offset, of each item (entries, header) in file order
        self._items = array("i")  # the item of each old entry
        self._find = find
        self._content: Any = None  # blake2b of the header's digest and the live entries' so far
        self._early = bytearray()  # digests of live entries before the header
        self._dead = bytearray()  # digests of obsolete entries
        self.size = 0
        self.irregular = False
        self._handle: Any = None

    def _start(self, header: Any) -> None:
        self.header = header
        self._content = hashlib.blake2b(header_digest(header), digest_size=16)
        self._content.update(bytes(self._early))
        self._early = bytearray()

    def __call__(self, e: reader.Entry, header: bool) -> None:
        if self._starts and e.start <= self._starts[-1]:
            self.irregular = True  # two items begin on one line: no text of its own for each
        self._starts.append(e.start)
        if header:
            fields = reader.Catalog(str(self.path), e.msgstr, header_comment=e.tcomment, header_fuzzy=e.fuzzy)
            self._start(SimpleNamespace(header=fields.header_comment, metadata_is_fuzzy=fields.header_fuzzy,
                                        metadata=fields.metadata))
            return
        entry = model_entry(e)
        found = digest(entry)
        if e.obsolete:
            self._dead += found
        elif self._content is not None:
            self._content.update(found)
        else:
            self._early += found
        if e.msgid:
            self._items.append(len(self._starts) - 1)
            self.note(entry, self._find(e.msgctxt, e.msgid))

    def _done(self) -> None:
        if self._content is None:  # no header entry
            self._start(SimpleNamespace(header="", metadata_is_fuzzy=False, metadata={}))
        self._content.update(bytes(self._dead))
        self.content = self._content.digest()
        self._dead = bytearray()
        self._offsets()

    def _offsets(self) -> None:
        """Turn the items' first lines into byte offsets (one pass over the file)."""
        starts = self._starts
        if not starts:
            return
        line, base, at = 1, 0, 0
        bom = 0
        with open(self.path, "rb") as handle:
            while at < len(starts) and (block := handle.read(1 << 20)):
                if not base and block.startswith(codecs.BOM_UTF8):
                    bom = len(codecs.BOM_UTF8)
                pos = 0
                while at < len(starts):
                    if starts[at] == line:
                        starts[at] = base + pos if line > 1 else bom
                        at += 1
                        continue
                    found = block.find(b"\n", pos)
                    if found < 0:
                        break
                    pos = found + 1
                    line += 1
                base += len(block)
        self.size = os.path.getsize(self.path)
        self._handle = open(self.path, "rb")  # noqa: SIM115 (closed by close())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def entry(self, index: int) -> Message:
        item = self._items[index]
        starts = self._starts
        last = item + 1 == len(starts)
        start = starts[item]
        end = self.size if last else starts[item + 1]
        data = os.pread(self._handle.fileno(), end - start, start)
        block = kept_block(data.decode("utf-8").split("\n"), last)
        parsed = reader.parse_po(block, str(self.path))
        entry: Message = model_entry(parsed.entries[0])
        setattr(entry, RAW, (digest(entry), block))
        return entry


def read_old(path: Path, find: Any, template_size: int) -> tuple[OldEntries, Any, bytes]:
    """The catalog at *path* for merging: its entries (:class:`OldEntries`), its header (with
    ``header``, ``metadata_is_fuzzy``, ``metadata``) and its content digest as read."""
    old = OldFile(path, find, template_size)
    catalog = reader.read_po(path, old, stream=True)
    if catalog.text or old.irregular:  # not UTF-8, or entries sharing a line: read whole
        model = read_messages(path)
        held = HeldEntries(list(model), find, template_size)
        return held, model, content_digest(model, as_read=True)
    old._done()
    return old, old.header, old.content
