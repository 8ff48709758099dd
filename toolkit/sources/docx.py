"""Word documents (``.docx``), read and written with python-docx (the ``[docx]`` extra).

Translatable: every paragraph of the body (tables and nested tables, text boxes), of the headers
and footers, and of the footnotes and endnotes — in that order; ``#:`` is the paragraph's number
in that order (``report.docx:12``). A paragraph's runs are grouped by formatting: the text of its
most used formatting is plain text in the msgid, every other run (bold, italic, another font) is
a pair of placeholders, a hyperlink is one pair around its text, and what is not text (a tab, a
line break, a picture, a footnote reference, a whole field — code and result —, a content
control, a tracked change) is an empty placeholder::

    Runs:    "The " | "Ministry of Interior" (bold) | " met on " | PAGE field | "."
    msgid    "The <g1>Ministry of Interior</g1> met on <x2/>."
    msgstr   "<g1>ក្រសួងមហាផ្ទៃ</g1>បានប្រជុំនៅ<x2/>។"

Rendering writes a translated paragraph's runs anew from its translation: plain text with the
paragraph's main run formatting, each pair with its run's formatting, each empty placeholder as
the original element; paragraph properties (style, numbering, alignment) stay. Bookmarks and
comment anchors of a rewritten paragraph move to its start; spelling marks go. Khmer runs get a
Khmer-capable complex-script font (``Khmer UI``, shipped with Windows; LibreOffice falls back
to any installed Khmer font) and the ``km-KH`` complex-script language, so Word shapes them.
Untranslated paragraphs, and those whose translation is their msgid, are not touched. Tracked
changes (``w:ins``/``w:del``) and inline content controls are kept whole as ``<xN/>``: accept or
reject the changes before extraction to translate their text.

Bad input (not a zip, not a Word document, a zip bomb: more than 256 MiB unpacked or a member
compressed more than 100 to 1) is a one-line error; nothing is written.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from toolkit import markup
from toolkit.catalog.message import message_text
from toolkit.errors import InputError, UsageError
from toolkit.segment import Segment
from toolkit.sources import Document, Unit
from toolkit.sources.inline import join, sentences

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 100
KHMER_FONT = "Khmer UI"
_FOOTNOTES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml")
#: Paragraph children that mark a place and hold no text: kept (moved to the paragraph's start).
_MARKERS = {f"{{{W}}}{n}" for n in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                    "permStart", "permEnd", "moveFromRangeStart", "moveFromRangeEnd",
                                    "moveToRangeStart", "moveToRangeEnd")}
_DROPPED = {f"{{{W}}}{n}" for n in ("proofErr", "lastRenderedPageBreak")}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Item:
    """A piece of a paragraph: text with a formatting, or an element kept whole (a placeholder)."""

    kind: str  # "text", "link", "opaque"
    text: str = ""
    rpr: Any = None  # the w:rPr element (or None) of a text run
    elements: list[Any] = field(default_factory=list)  # opaque: the elements; link: the hyperlink


@dataclass
class Paragraph:
    element: Any
    items: list[Item]
    base: Any  # the rPr of plain text
    content: str  # the msgid form
    holders: dict[str, int]  # placeholder number -> index of its item
    part: Any


def _rpr_key(rpr: Any) -> bytes:
    from lxml import etree

    return b"" if rpr is None else etree.tostring(rpr, with_tail=False)


def _run_items(run: Any, items: list[Item]) -> None:
    rpr = run.find(_w("rPr"))
    for child in run:
        tag = child.tag
        if tag == _w("rPr") or tag in _DROPPED:
            continue
        if tag == _w("t"):
            text = child.text or ""
            if items and items[-1].kind == "text" and _rpr_key(items[-1].rpr) == _rpr_key(rpr):
                items[-1].text += text
            else:
                items.append(Item("text", text, rpr))
        elif tag in (_w("noBreakHyphen"),):
            items.append(Item("text", "\u2011", rpr))
        elif tag == _w("softHyphen"):
            items.append(Item("text", "\u00ad", rpr))
        elif sum(1 for c in run if c.tag != _w("rPr")) == 1:  # a run of one tab, drawing...: itself
            items.append(Item("opaque", elements=[run]))
        else:  # a tab, break, drawing, reference, symbol... among text: the run with only this child
            holder = copy.deepcopy(run)
            for other in list(holder):
                if other.tag != _w("rPr"):
                    holder.remove(other)
            holder.append(copy.deepcopy(child))
            items.append(Item("opaque", elements=[holder]))


def _items(p: Any) -> tuple[list[Item], list[Any]] | None:
    """The items of a paragraph and its markers; None when it has nothing to translate."""
    items: list[Item] = []
    markers: list[Any] = []
    field: Item | None = None  # a complex field being read (begin ... end): one placeholder
    depth = 0
    for child in p:
        tag = child.tag
        if tag == _w("pPr"):
            continue
        if tag in _MARKERS:
            markers.append(child)
            continue
        if tag in _DROPPED:
            continue
        if tag == _w("r"):
            chars = child.findall(_w("fldChar"))
            if field is not None or chars:
                if field is None:
                    field = Item("opaque")
                    items.append(field)
                field.elements.append(child)
                for fc in chars:
                    kind = fc.get(_w("fldCharType"))
                    depth += 1 if kind == "begin" else -1 if kind == "end" else 0
                if depth <= 0:
                    field, depth = None, 0
                continue
            _run_items(child, items)
        elif tag == _w("hyperlink") and all(c.tag == _w("r") and not c.findall(_w("fldChar")) for c in child):
            inner: list[Item] = []
            for run in child:
                _run_items(run, inner)
            text = "".join(i.text for i in inner if i.kind == "text")
            if all(i.kind == "text" for i in inner) and text:
                items.append(Item("link", text, inner[0].rpr, [child]))
            else:
                items.append(Item("opaque", elements=[child]))
        else:
            items.append(Item("opaque", elements=[child]))
    if not any(i.kind in ("text", "link") and i.text.strip() for i in items):
        return None
    return items, markers


def _msgid(items: list[Item]) -> tuple[str, Any, dict[str, int]]:
    """The paragraph's msgid form, its plain formatting and placeholder -> item index."""
    weight: dict[bytes, int] = {}
    rprs: dict[bytes, Any] = {}
    for item in items:
        if item.kind == "text":
            key = _rpr_key(item.rpr)
            weight[key] = weight.get(key, 0) + len(item.text)
            rprs.setdefault(key, item.rpr)
    base_key = max(weight, key=lambda k: weight[k]) if weight else b""
    out: list[str] = []
    holders: dict[str, int] = {}
    number = 0
    for index, item in enumerate(items):
        if item.kind == "text" and _rpr_key(item.rpr) == base_key:
            out.append(item.text)
            continue
        number += 1
        holders[str(number)] = index
        out.append(f"<x{number}/>" if item.kind == "opaque" else f"<g{number}>{item.text}</g{number}>")
    return "".join(out), rprs.get(base_key), holders


def _check_zip(data: bytes, path: str) -> None:
    """Refuse what is not a zip and zip bombs, before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("not a Word document (not a zip archive)", path=path) from None
    total = 0
    with archive:
        names = archive.namelist()
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise InputError("not a Word document (no word/ part in the archive)", path=path)
        for info in archive.infolist():
            total += info.file_size
            if total > MAX_UNPACKED:
                raise InputError(f"refused: unpacks to more than {MAX_UNPACKED // 2**20} MiB (a zip bomb?)",
                                 path=path)
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(f"refused: {info.filename} is compressed more than {MAX_RATIO} to 1 "
                                 "(a zip bomb?)", path=path)


def _open(data: bytes, path: str) -> Any:
    _check_zip(data, path)
    try:
        import docx
    except ImportError:
        raise UsageError("Word documents need python-docx: pip install 'toolkit[docx]'") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... for bad packages
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a readable Word document ({reason})", path=path) from None


def _stories(document: Any) -> list[tuple[Any, Any]]:
    """(part, root element) of every story in order: body, headers, footers, footnotes, endnotes.
    Footnote parts (not modelled by python-docx) are parsed from their XML."""
    from docx.oxml.parser import parse_xml
    from docx.parts.hdrftr import FooterPart, HeaderPart

    main = document.part
    headers, footers, notes = [], [], []
    for part in main.package.iter_parts():
        if isinstance(part, HeaderPart):
            headers.append((part, part.element))
        elif isinstance(part, FooterPart):
            footers.append((part, part.element))
        elif part.content_type in _FOOTNOTES:
            notes.append((part, parse_xml(part.blob)))
    key = lambda pair: str(pair[0].partname)  # noqa: E731
    return [(main, main.element), *sorted(headers, key=key), *sorted(footers, key=key), *sorted(notes, key=key)]


def _paragraphs(document: Any) -> list[Paragraph]:
    found: list[Paragraph] = []
    for part, root in _stories(document):
        for p in root.iter(_w("p")):
            if any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors()):
                continue  # the legacy copy of a text box: the mc:Choice one is translated
            got = _items(p)
            if got is None:
                continue
            items, _ = got
            content, base, holders = _msgid(items)
            found.append(Paragraph(p, items, base, content, holders, part))
    return found


@dataclass(frozen=True)
class Skeleton:
    data: bytes  # the source file: rendering works on a fresh copy of it
    path: str
    numbers: tuple[int, ...]  # the paragraph number of each unit


@dataclass(frozen=True)
class Docx:
    name: str = "docx"
    extensions: tuple[str, ...] = (".docx",)
    markup: str = "tags"

    def extract(self, text: str, *, segment_options: dict[str, Any]) -> Document:
        raise InputError("a Word document is binary: read it with read_document")

    def load(self, data: bytes, path: str, *, segment_options: dict[str, Any]) -> Document:
        """The paragraphs of a .docx and their sentences (see the module docstring)."""
        unknown = set(segment_options) - {"paragraphs", "rules", "front_matter_keys"}
        if unknown:
            raise UsageError(f"unknown segment option(s) for Word: {', '.join(sorted(unknown))}")
        rules = segment_options.get("rules")
        paragraphs = _paragraphs(_open(data, path))
        text_parts: list[str] = []
        segments: list[Segment] = []
        units: list[Unit] = []
        numbers: list[int] = []
        offset = 0
        for number, para in enumerate(paragraphs, 1):
            content = para.content
            for a, b in sentences(content, "tags", rules=rules):
                segments.append(Segment(content[a:b], offset + a, offset + b, len(units), number))
            units.append(Unit(content, offset, offset + len(content), number, "paragraph"))
            numbers.append(number)
            text_parts.append(content + "\n")
            offset += len(content) + 1
        return Document(self.name, "".join(text_parts), tuple(segments), Skeleton(data, path, tuple(numbers)),
                        units=tuple(units), markup=self.markup)

    def render(self, document: Document, translations: dict[str, str], language: str) -> bytes:
        """The translated .docx (see the module docstring)."""
        skeleton: Skeleton = document.skeleton
        word = _open(skeleton.data, skeleton.path)
        paragraphs = _paragraphs(word)
        by_unit: dict[int, list[Segment]] = {}
        for seg in document.segments:
            by_unit.setdefault(seg.paragraph, []).append(seg)
        changed_parts: dict[int, tuple[Any, Any]] = {}
        changed = False
        for index, para in enumerate(paragraphs):
            segs = by_unit.get(index, [])
            pieces: list[tuple[str, bool]] = []
            gaps: list[str] = []
            unit_start = document.units[index].start if index < len(document.units) else 0
            for i, seg in enumerate(segs):
                msgid = message_text(seg.text)
                found = translations.get(msgid)
                done = found is not None and found != msgid
                pieces.append((found if done else seg.text, done))  # type: ignore[arg-type]
                if i:
                    gaps.append(document.text[segs[i - 1].end:seg.start])
            if not any(done for _, done in pieces):
                continue
            head = document.text[unit_start:segs[0].start]
            tail = document.text[segs[-1].end:unit_start + len(para.content)]
            _rewrite(para, head + join(pieces, gaps, language, self.markup) + tail, language)
            changed = True
            if not hasattr(para.part, "element"):
                changed_parts[id(para.part)] = (para.part, para.element.getroottree().getroot())
        if changed:
            from lxml import etree

            for part, root in changed_parts.values():
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()


def _rewrite(para: Paragraph, translation: str, language: str) -> None:
    """Replace the runs of *para* by those of *translation* (see the module docstring)."""
    p = para.element
    got = _items(p)
    markers = got[1] if got else []
    for child in list(p):
        if child.tag != _w("pPr"):
            p.remove(child)
    for marker in markers:
        p.append(marker)
    # every run of a Khmer paragraph gets the Khmer font (runs stay alike where the source's were)
    khmer = language.split("_")[0] == "km" and any("\u1780" <= ch <= "\u17ff" for ch in translation)
    pos = 0
    stack: list[str] = []
    placed: set[int] = set()  # an element goes back itself the first time (a text box inside it may
    # be rewritten next, in place), a copy after that
    for m in [*markup.TAG.finditer(translation), None]:
        end = len(translation) if m is None else m.start()
        if end > pos:
            text = " ".join(translation[pos:end].split("\n"))
            if stack and stack[-1] in para.holders and para.items[para.holders[stack[-1]]].kind == "link":
                link = copy.deepcopy(para.items[para.holders[stack[-1]]].elements[0])
                for run in list(link):
                    link.remove(run)
                link.append(_run(text, para.items[para.holders[stack[-1]]].rpr, khmer))
                p.append(link)
            else:
                rpr = para.items[para.holders[stack[-1]]].rpr if stack and stack[-1] in para.holders else para.base
                p.append(_run(text, rpr, khmer))
        if m is None:
            break
        pos = m.end()
        closing, number, empty = m.group(1), m.group(2), m.group(3)
        if empty is not None:
            index = para.holders.get(empty)
            if index is not None:
                for element in para.items[index].elements:
                    p.append(copy.deepcopy(element) if id(element) in placed else element)
                    placed.add(id(element))
        elif closing:
            if number in stack:
                stack.remove(number)
        else:
            stack.append(number)


def _run(text: str, rpr: Any, khmer: bool) -> Any:
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    if khmer:
        props = run.find(_w("rPr"))
        if props is None:
            props = OxmlElement("w:rPr")
            run.insert(0, props)
        fonts = props.find(_w("rFonts"))
        if fonts is None:  # schema order: rStyle, rFonts, ...
            fonts = OxmlElement("w:rFonts")
            props.insert(1 if props.find(_w("rStyle")) is not None else 0, fonts)
        fonts.set(_w("cs"), KHMER_FONT)
        lang = props.find(_w("lang"))
        if lang is None:  # schema order: ..., lang, eastAsianLayout, specVanish, oMath, rPrChange
            lang = OxmlElement("w:lang")
            later = [i for i, c in enumerate(props)
                     if c.tag in {_w(n) for n in ("eastAsianLayout", "specVanish", "oMath", "rPrChange")}]
            props.insert(later[0], lang) if later else props.append(lang)
        lang.set(_w("bidi"), "km-KH")
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")
    run.append(t)
    return run


FORMAT = Docx()
