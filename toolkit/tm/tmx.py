"""TMX (1.4b, and 1.1-1.3 for older tools) in and out, streamed.

Reading uses the standard library's expat parser directly, fed in 64 KiB chunks, so a 50 MB
memory is never held in memory and every error has a line. The same safety rules as
``defusedxml`` (forbid entities, forbid external): a DOCTYPE naming the TMX DTD is accepted
(OmegaT and Trados write one; the DTD is never fetched) but any entity declaration or internal
DTD subset is refused, so neither "billion laughs" nor external entities (XXE) can work.
Refused, with ``path:line``: not well-formed XML, a root other than ``<tmx>``, a version other
than 1.1-1.4, a ``<tuv>`` without ``xml:lang`` (``lang`` in TMX 1.1-1.3), no ``srclang``.

Units: for each ``<tu>``, the ``<tuv>`` in the header's ``srclang`` (or English when it is
``*all*``) is the source and every other ``<tuv>`` a target. A ``<seg>`` is read as plain text:
inline codes (``<bpt> <ept> <ph> <it> <ut>``) are left out, the text of ``<hi>``/``<sub>`` kept.
Origin: our ``x-toolkit-origin`` property when present, else ``FILE#tuid``, else ``FILE:line``.

Writing (:func:`write_tmx`): TMX 1.4 with the header TMX 1.4b requires, one ``<tu>`` per unit
with ``creationdate``/``changedate`` (``YYYYMMDDThhmmssZ``) and ``<prop>``s for our provenance
(``x-toolkit-origin``, ``x-toolkit-reviewed``), written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from toolkit.errors import TMError
from toolkit.tm.store import Unit, normalize_lang

VERSIONS = ("1.1", "1.2", "1.3", "1.4")
_CHUNK = 64 * 1024
_INLINE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})
ORIGIN_PROP = "x-toolkit-origin"
REVIEWED_PROP = "x-toolkit-reviewed"


@dataclass
class _TU:
    line: int
    tuid: str | None
    created: str
    changed: str
    props: dict[str, str] = field(default_factory=dict)
    variants: list[tuple[str, str, str, str]] = field(default_factory=list)  # (lang, text, created, changed)


class _Refused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def tmx_date(value: str) -> str:
    """TMX ``20261206T165200Z`` -> ISO ``2026-12-06T16:52:00Z`` ('' if not that form)."""
    v = value.strip()
    if len(v) == 16 and v[8] == "T" and v.endswith("Z") and (v[:8] + v[9:15]).isdigit():
        return f"{v[0:4]}-{v[4:6]}-{v[6:8]}T{v[9:11]}:{v[11:13]}:{v[13:15]}Z"
    return ""


def _to_tmx_date(iso: str) -> str:
    digits = "".join(c for c in iso if c.isdigit())
    return f"{digits[:8]}T{digits[8:14]}Z" if len(digits) >= 14 else ""


class _Reader:
    """Expat handlers that turn the stream into :class:`_TU` records (see the module docstring)."""

    def __init__(self) -> None:
        self.parser = p = expat.ParserCreate()
        p.buffer_text = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.text
        p.StartDoctypeDeclHandler = self.doctype
        p.EntityDeclHandler = self.entity
        p.ExternalEntityRefHandler = self.external
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.stack: list[str] = []
        self.version: str | None = None
        self.srclang: str | None = None
        self.tu: _TU | None = None
        self.done: list[_TU] = []
        self.lang: str | None = None
        self.seg: list[str] | None = None
        self.code_depth = 0
        self.prop: tuple[str, list[str]] | None = None
        self.tuv_dates = ("", "")

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def doctype(self, name: str, system_id: Any, public_id: Any, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise _Refused("a DOCTYPE with an internal subset (entity declarations) is refused", self.line)

    def entity(self, *args: Any) -> None:
        raise _Refused("entity declarations are refused", self.line)

    def external(self, *args: Any) -> int:
        raise _Refused("external entities are refused", self.line)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.stack:
            if name != "tmx":
                raise _Refused(f"not a TMX file (root element <{name}>)", self.line)
            self.version = attrs.get("version", "").strip()
            if self.version not in VERSIONS:
                raise _Refused(f"TMX version {self.version or '(none)'!r} is not supported "
                               f"(TMX {', '.join(VERSIONS)})", self.line)
        self.stack.append(name)
        if self.seg is not None:
            if name in _INLINE_CODE or self.code_depth:
                self.code_depth += 1
            return
        if name == "header":
            self.srclang = attrs.get("srclang")
            if not self.srclang:
                raise _Refused("<header> without srclang", self.line)
        elif name == "tu":
            self.tu = _TU(self.line, attrs.get("tuid"), tmx_date(attrs.get("creationdate", "")),
                          tmx_date(attrs.get("changedate", "")))
        elif name == "tuv":
            lang = attrs.get("xml:lang") or (attrs.get("lang") if self.version != "1.4" else None)
            if not lang:
                raise _Refused("<tuv> without xml:lang", self.line)
            # OmegaT (TMX 1.1) dates each <tuv>, others the <tu>: the <tuv>'s win.
            self.lang = lang
            self.tuv_dates = (tmx_date(attrs.get("creationdate", "")), tmx_date(attrs.get("changedate", "")))
        elif name == "seg" and self.lang is not None:
            self.seg = []
        elif name == "prop" and self.tu is not None and len(self.stack) >= 2 and self.stack[-2] == "tu":
            self.prop = (attrs.get("type", ""), [])

    def end(self, name: str) -> None:
        self.stack.pop()
        if self.seg is not None and name != "seg":
            if self.code_depth:
                self.code_depth -= 1
            return
        if name == "seg" and self.seg is not None and self.tu is not None and self.lang is not None:
            self.tu.variants.append((self.lang, "".join(self.seg), *self.tuv_dates))
            self.seg = None
        elif name == "tuv":
            self.lang = None
        elif name == "prop" and self.prop is not None and self.tu is not None:
            self.tu.props[self.prop[0]] = "".join(self.prop[1])
            self.prop = None
        elif name == "tu" and self.tu is not None:
            self.done.append(self.tu)
            self.tu = None

    def text(self, data: str) -> None:
        if self.seg is not None:
            if not self.code_depth:
                self.seg.append(data)
        elif self.prop is not None:
            self.prop[1].append(data)


def read_tmx(path: str | os.PathLike[str]) -> Iterator[Unit]:
    """The units of a TMX file, streamed (see the module docstring); errors are
    :class:`~toolkit.errors.TMError` with ``path:line``."""
    name = Path(path).name
    reader = _Reader()
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in finally; a generator outlives a with
    except FileNotFoundError:
        raise TMError("no such file", path=path) from None
    except OSError as exc:
        raise TMError(f"cannot read ({exc.strerror})", path=path) from None
    try:
        while True:
            chunk = handle.read(_CHUNK)
            try:
                reader.parser.Parse(chunk, not chunk)
            except _Refused as exc:
                raise TMError(exc.message, path=path, line=exc.line) from None
            except expat.ExpatError as exc:
                raise TMError(f"not well-formed XML ({expat.ErrorString(exc.code)})", path=path,
                              line=exc.lineno) from None
            for tu in reader.done:
                yield from _units(tu, reader.srclang or "en", name, path)
            reader.done.clear()
            if not chunk:
                break
    finally:
        handle.close()
    if reader.version is None:
        raise TMError("not a TMX file (empty)", path=path)


def _primary(code: str) -> str:
    return normalize_lang(code).split("_")[0]


def _units(tu: _TU, srclang: str, name: str, path: Any) -> Iterator[Unit]:
    want = "en" if srclang == "*all*" else _primary(srclang)
    sources = [text for lang, text, _, _ in tu.variants if _primary(lang) == want]
    if not sources:
        return
    source = sources[0]
    origin = tu.props.get(ORIGIN_PROP) or (f"{name}#{tu.tuid}" if tu.tuid else f"{name}:{tu.line}")
    reviewed = tu.props.get(REVIEWED_PROP, "no").strip().lower() in ("yes", "true", "1")
    for lang, text, created, changed in tu.variants:
        if _primary(lang) == want:
            continue
        created = created or tu.created
        yield Unit(source=source, target=text, lang=normalize_lang(lang), origin=origin,
                   created=created, changed=changed or tu.changed or created, reviewed=reviewed)


_XML_INVALID = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])


def _text(value: str) -> str:
    return escape(value.translate(_XML_INVALID))


def tmx_lines(units: Iterable[Unit], *, srclang: str = "en", tool_version: str = "") -> Iterator[str]:
    """The TMX document, line by line (see :func:`write_tmx`)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<tmx version="1.4">\n'
    yield (f'  <header creationtool="toolkit" creationtoolversion={quoteattr(tool_version or "0")} '
           f'segtype="sentence" o-tmf="toolkit-sqlite" adminlang="en" srclang={quoteattr(srclang)} '
           'datatype="plaintext"/>\n')
    yield "  <body>\n"
    for number, unit in enumerate(units, 1):
        dates = ""
        if unit.created:
            dates += f' creationdate="{_to_tmx_date(unit.created)}"'
        if unit.changed:
            dates += f' changedate="{_to_tmx_date(unit.changed)}"'
        yield f'    <tu tuid="{number}"{dates}>\n'
        yield f'      <prop type="{ORIGIN_PROP}">{_text(unit.origin)}</prop>\n'
        yield f'      <prop type="{REVIEWED_PROP}">{"yes" if unit.reviewed else "no"}</prop>\n'
        yield f'      <tuv xml:lang={quoteattr(srclang)}><seg>{_text(unit.source)}</seg></tuv>\n'
        lang = unit.lang.replace("_", "-")
        yield f'      <tuv xml:lang={quoteattr(lang)}><seg>{_text(unit.target)}</seg></tuv>\n'
        yield "    </tu>\n"
    yield "  </body>\n"
    yield "</tmx>\n"


def write_tmx(path: str | os.PathLike[str], units: Iterable[Unit], *, srclang: str = "en") -> int:
    """Write *units* as TMX 1.4 to *path* atomically; returns the number of units written."""
    from toolkit import __version__
    from toolkit.textio import atomic_write

    counted = _Counter(units)
    atomic_write(path, "".join(tmx_lines(counted, srclang=srclang, tool_version=__version__)))
    return counted.count


class _Counter:
    def __init__(self, units: Iterable[Unit]) -> None:
        self.units, self.count = units, 0

    def __iter__(self) -> Iterator[Unit]:
        for unit in self.units:
            self.count += 1
            yield unit
