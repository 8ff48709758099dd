"""A strict, read-only PO reader that keeps the line of each entry's ``msgid`` keyword.

Why not polib here: ``POEntry.linenum`` is the line where polib *started* the entry (its first
comment), not the ``msgid`` line a finding must point at, and reading is the floor of
``toolkit check``'s speed. This reader accepts what GNU gettext writes (comments, flags, previous
strings ``#|``, obsolete ``#~``, contexts, plurals, continuation lines, C escapes) and rejects
anything else with ``path:line``. It never writes; the catalog module owns writing.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.catalog.stats import status
from toolkit.errors import CatalogError, InputError
from toolkit.textio import read_text

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v", "'": "'", "?": "?"}
_ESCAPE_RE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)", re.S)
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(\".*)$")
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t]*$', re.S)
_KEYWORDS = frozenset({"msgctxt", "msgid", "msgid_plural", "msgstr", *(f"msgstr[{i}]" for i in range(10))})
_CHARSET_RE = re.compile(rb"charset=([-\w.:]+)", re.I)
_LANGUAGE_RE = re.compile(r"^Language:[ \t]*(.*?)[ \t]*$", re.M)


class _cached:
    """``functools.cached_property`` without the lock Python 3.11 takes on every first access
    (a cost per entry on large runs); the value goes into the instance dict like there."""

    def __init__(self, func):  # type: ignore[no-untyped-def]
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, cls=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class Entry:
    """One PO message as the checks see it. ``line`` is the line of the ``msgid`` keyword."""

    line: int
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> tuple[str, ...]:
        """Every msgstr form (one for singular entries)."""
        return self.msgstr_plural if self.msgid_plural is not None else (self.msgstr,)

    @_cached  # asked for by every check of the entry
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(source, translation) pairs: msgstr[0] pairs with msgid, the other forms with
        msgid_plural; a language with one form (Khmer) pairs it with msgid_plural."""
        if self.msgid_plural is None:
            return ((self.msgid, self.msgstr),)
        forms = self.msgstr_plural
        if len(forms) == 1:
            return ((self.msgid_plural, forms[0]),)
        return tuple((self.msgid if i == 0 else self.msgid_plural, form) for i, form in enumerate(forms))

    @property
    def status(self) -> str:
        """``translated``, ``fuzzy`` or ``untranslated``, as :mod:`toolkit.catalog.stats` counts."""
        return status(self.msgstr, "fuzzy" in self.flags)

    @property
    def translated(self) -> bool:
        """All forms filled in (fuzziness is separate)."""
        if self.msgid_plural is None:  # the common case, without building a tuple
            return bool(self.msgstr)
        forms = self.msgstr_plural
        return bool(forms) and all(forms)


@dataclass(frozen=True)
class Catalog:
    """A parsed PO file: its header fields and its messages (header entry excluded)."""

    path: str
    header: str = ""
    header_line: int = 1
    entries: tuple[Entry, ...] = field(default_factory=tuple)

    @property
    def language(self) -> str | None:
        """The ``Language`` header field, or None when absent or empty."""
        found = _LANGUAGE_RE.search(self.header)
        return found.group(1) or None if found else None


def _unescape(text: str, path: str, line: int) -> str:
    if "\\" not in text:
        return text

    def repl(match: re.Match[str]) -> str:
        seq = match.group(1)
        if seq[0] == "x":
            return chr(int(seq[1:], 16))
        if seq[0].isdigit():
            return chr(int(seq, 8))
        if seq in _ESCAPES:
            return _ESCAPES[seq]
        raise CatalogError(f"invalid escape sequence \\{seq}", path=path, line=line)

    return _ESCAPE_RE.sub(repl, text)


def _string(token: str, path: str, line: int) -> str:
    """The content of one quoted PO string token (``"..."``)."""
    token = token.rstrip()
    body = token[1:-1]
    if len(token) >= 2 and token[0] == '"' and token[-1] == '"' and '"' not in body and "\\" not in body:
        return body  # the common case, without a regex
    match = _STRING_RE.match(token)
    if match is None:
        raise CatalogError("expected one quoted string", path=path, line=line)
    return _unescape(match.group(1), path, line)


class _Builder:
    """Accumulates the parts of the entry being read."""

    __slots__ = ("flags", "obsolete", "ctxt", "msgid", "msgid_line", "plural", "strs", "last", "start")

    def __init__(self) -> None:
        self.flags: set[str] = set()
        self.obsolete = False
        self.ctxt: list[str] | None = None
        self.msgid: list[str] | None = None
        self.msgid_line = 0
        self.plural: list[str] | None = None
        self.strs: dict[int, list[str]] = {}
        self.last: list[str] | None = None
        self.start = 0

    def empty(self) -> bool:
        return self.msgid is None and self.ctxt is None and not self.strs


def parse_po(text: str, path: str = "<string>") -> Catalog:
    """Parse PO *text*; raises :class:`CatalogError` (``path:line``) on anything not PO."""
    entries: list[Entry] = []
    header = ""
    header_line = 1
    cur = _Builder()
    seen: set[tuple[str | None, str]] = set()
    new_entry = object.__new__

    def finish(lineno: int) -> None:
        nonlocal cur, header, header_line
        if cur.empty():  # comments without a message (e.g. at the end of the file): harmless
            cur = _Builder()
            return
        if cur.msgid is None:
            raise CatalogError("msgctxt or msgstr without msgid", path=path, line=cur.start)
        if not cur.strs:
            raise CatalogError("msgid without msgstr", path=path, line=cur.msgid_line)
        msgid = "".join(cur.msgid)
        ctxt = None if cur.ctxt is None else "".join(cur.ctxt)
        if cur.plural is None:
            if len(cur.strs) != 1 or -1 not in cur.strs:
                raise CatalogError("msgstr[N] without msgid_plural", path=path, line=cur.msgid_line)
            msgstr, forms = "".join(cur.strs[-1]), ()
        else:
            if -1 in cur.strs or sorted(cur.strs) != list(range(len(cur.strs))):
                raise CatalogError("msgid_plural needs msgstr[0], msgstr[1], ... in order",
                                   path=path, line=cur.msgid_line)
            forms = tuple("".join(cur.strs[i]) for i in range(len(cur.strs)))
            msgstr = forms[0]
        if msgid == "" and ctxt is None and not cur.obsolete:
            if entries or header:
                raise CatalogError("a second header entry (empty msgid)", path=path, line=cur.msgid_line)
            header, header_line = msgstr, cur.msgid_line
        else:
            if not cur.obsolete:
                key = (ctxt, msgid)
                if key in seen:
                    raise CatalogError("duplicate message definition", path=path, line=cur.msgid_line)
                seen.add(key)
            # As Entry(...), without the frozen dataclass's eight object.__setattr__ calls (per entry).
            entry = new_entry(Entry)
            entry.__dict__.update(line=cur.msgid_line, msgid=msgid, msgstr=msgstr, msgctxt=ctxt,
                                  msgid_plural=None if cur.plural is None else "".join(cur.plural),
                                  msgstr_plural=forms, flags=frozenset(cur.flags), obsolete=cur.obsolete)
            entries.append(entry)
        cur = _Builder()

    lineno = 0
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            if cur.msgid is not None and cur.strs:
                finish(lineno)
            continue
        obsolete = False
        if line[0] == "#":
            if line.startswith("#~"):
                rest = line[2:].lstrip()
                if rest.startswith("|") or not rest:
                    continue  # obsolete previous-string or empty
                obsolete, line = True, rest
            else:
                kind = line[1:2]
                if cur.strs:  # a comment after msgstr starts the next entry
                    finish(lineno)
                if kind == ",":
                    cur.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
                if not cur.start:
                    cur.start = lineno
                cur.last = None  # '#| "..."' continuations are not ours
                continue
        if line[0] == '"':
            if cur.last is None:
                raise CatalogError("string continuation without a keyword", path=path, line=lineno)
            cur.last.append(_string(line, path, lineno))
            continue
        keyword, _, token = line.partition(" ")
        index = None
        if keyword not in _KEYWORDS:
            match = _KEYWORD_RE.match(line)
            if match is None:
                raise CatalogError(f"unexpected text {line[:30]!r}", path=path, line=lineno)
            keyword, index, token = match.group(1), match.group(2), match.group(3)
        elif keyword.startswith("msgstr["):
            keyword, index = "msgstr", keyword[7:-1]
        value = [_string(token.lstrip(), path, lineno)]
        if keyword in ("msgctxt", "msgid") and cur.strs:
            finish(lineno)
        if obsolete:
            cur.obsolete = True
        if not cur.start:
            cur.start = lineno
        if keyword == "msgctxt":
            if cur.ctxt is not None or cur.msgid is not None:
                raise CatalogError("misplaced msgctxt", path=path, line=lineno)
            cur.ctxt = value
        elif keyword == "msgid":
            if cur.msgid is not None:
                raise CatalogError("msgid without msgstr", path=path, line=cur.msgid_line)
            cur.msgid, cur.msgid_line = value, lineno
        elif keyword == "msgid_plural":
            if cur.msgid is None or cur.plural is not None or cur.strs:
                raise CatalogError("misplaced msgid_plural", path=path, line=lineno)
            cur.plural = value
        else:
            if cur.msgid is None:
                raise CatalogError("msgstr without msgid", path=path, line=lineno)
            slot = -1 if index is None else int(index)
            if slot in cur.strs:
                raise CatalogError("repeated msgstr", path=path, line=lineno)
            cur.strs[slot] = value
        cur.last = value
    if cur.msgid is not None and not cur.strs:
        raise CatalogError("msgid without msgstr at end of file", path=path, line=cur.msgid_line)
    finish(lineno + 1)
    return Catalog(path, header, header_line, tuple(entries))


def read_po(path: str | os.PathLike[str]) -> Catalog:
    """Read and parse a PO file; errors name ``path:line``.

    UTF-8 (or UTF-16 with a BOM) is read directly; a file that is not UTF-8 but declares another
    ``charset`` in its header is decoded with that charset.
    """
    try:
        return parse_po(read_text(path), str(path))
    except InputError as exc:
        if exc.offset is None or isinstance(exc, CatalogError):
            raise
        data = Path(path).read_bytes()
        declared = _CHARSET_RE.search(data)
        if declared:
            charset = declared.group(1).decode("ascii").lower()
            try:
                if codecs.lookup(charset).name not in ("utf-8", "utf-16"):
                    return parse_po(data.decode(charset), str(path))
            except (LookupError, UnicodeDecodeError):
                pass
        line = data.count(b"\n", 0, exc.offset) + 1
        raise CatalogError(f"{exc.message} (byte {exc.offset})", path=path, line=line) from None
