"""Message identities kept compactly: a table from a message's key digest to a number.

Large runs hold one key per message (the reader's duplicate rule, the merge's "which old entry
is this template entry"). As Python strings in a dict that costs a few hundred bytes per
message, more than the message's own text in the file; here a key is its 16-byte BLAKE2b
digest in one flat open-addressing table (27 to 53 bytes per key). Two different keys give the
same digest only by a BLAKE2b-128 collision; a caller that can compare the text on a hit (the
template) keeps only the first 8 bytes of each digest (16 to 32 bytes per key).
"""

from __future__ import annotations

import hashlib
from array import array

_DIGEST = 16
_EMPTY = -1


def key_digest(msgctxt: str | None, msgid: str) -> bytes:
    """The digest of the identity (msgctxt, msgid); no context and an empty one differ."""
    data = msgid.encode("utf-8", "surrogatepass")
    if msgctxt is not None:
        ctxt = msgctxt.encode("utf-8", "surrogatepass")
        data = b"\x01" + len(ctxt).to_bytes(8, "little") + ctxt + data
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


class DigestTable:
    """Digest -> non-negative number (linear probing; grows at three quarters full)."""

    __slots__ = ("_keys", "_values", "_mask", "_count", "_size")

    def __init__(self, capacity: int = 1024, digest_size: int = _DIGEST) -> None:
        self._size = digest_size  # the bytes of each key kept (a prefix of the digest)
        size = 1024
        while 3 * size < 4 * capacity:
            size *= 2
        self._alloc(size)
        self._count = 0

    def _alloc(self, size: int) -> None:
        self._keys = bytearray(size * self._size)
        self._values = array("i", [_EMPTY]) * size  # numbers below 2**31: lines, indexes
        self._mask = size - 1

    def __len__(self) -> int:
        return self._count

    def _slot(self, key: bytes) -> int:
        mask, keys, values, width = self._mask, self._keys, self._values, self._size
        key = key[:width]
        i = int.from_bytes(key[:8], "little") & mask
        while values[i] != _EMPTY:
            at = i * width
            if keys[at : at + width] == key:
                return i
            i = (i + 1) & mask
        return i

    def get(self, key: bytes, default: int = _EMPTY) -> int:
        """The number stored for *key*, else *default*."""
        found = self._values[self._slot(key)]
        return default if found == _EMPTY else found

    def put(self, key: bytes, value: int) -> None:
        """Store *value* (>= 0) for *key* (replacing any)."""
        i = self._slot(key)
        if self._values[i] == _EMPTY:
            self._count += 1
            at = i * self._size
            self._keys[at : at + self._size] = key[: self._size]
            if 4 * self._count > 3 * self._mask:
                self._values[i] = value
                self._grow()
                return
        self._values[i] = value

    __setitem__ = put

    def _grow(self) -> None:
        keys, values, width = self._keys, self._values, self._size
        self._alloc(2 * len(values))
        for i, value in enumerate(values):
            if value != _EMPTY:
                key = bytes(keys[i * width : (i + 1) * width])
                slot = self._slot(key)
                self._values[slot] = value
                self._keys[slot * width : (slot + 1) * width] = key
