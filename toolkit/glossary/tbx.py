"""TBX-Basic (ISO 30042, TBX v3 DCA style) export and import.

Structure: ``conceptEntry`` > ``langSec xml:lang`` > ``termSec`` > ``term``. Only TBX-Basic data
categories are written:

========================  =====================================================================
ours                      TBX-Basic
========================  =====================================================================
concept id                ``conceptEntry/@id`` (an id starting with a digit gets a ``_`` prefix,
                          removed on import, since XML ids cannot start with a digit)
domain                    ``descrip type="subjectField"`` (concept level)
source                    ``admin type="source"`` (concept level)
concept note              ``note`` (concept level)
definition                ``descrip type="definition"`` in the source-language ``langSec``
status                    ``termNote type="administrativeStatus"``: preferredTerm-admn-sts,
                          admittedTerm-admn-sts, deprecatedTerm-admn-sts
pos                       ``termNote type="partOfSpeech"``
case_sensitive, dnt       a term-level ``note`` whose whole text is ``toolkit:case-sensitive`` or
                          ``toolkit:do-not-translate`` (TBX-Basic has no category for either, and
                          ``note`` is allowed everywhere, so other tools keep and show them)
term note                 ``note`` (term level)
========================  =====================================================================

Import also reads TBX v2 (``martif``: ``termEntry``/``langSet``/``tig``), the shape most tools
still write. Parsing never resolves external entities and refuses entity declarations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat as expat
from collections.abc import Iterable
from pathlib import Path

from toolkit.errors import GlossaryError, ProblemsError
from toolkit.glossary.model import DOMAINS, ID_RE, LANG_RE, SOURCE_LANG, Concept, Term

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FLAG_CS = "toolkit:case-sensitive"
FLAG_DNT = "toolkit:do-not-translate"
STATUS_OUT = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
STATUS_IN = {
    "preferredterm-admn-sts": "preferred",
    "preferred": "preferred",
    "admittedterm-admn-sts": "admitted",
    "admitted": "admitted",
    "deprecatedterm-admn-sts": "deprecated",
    "supersededterm-admn-sts": "deprecated",
    "deprecated": "deprecated",
    "forbidden": "deprecated",
    "obsolete": "deprecated",
}


# ---------------------------------------------------------------------------------------------
# Export


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    child = ET.SubElement(parent, tag, attrib)
    if text is not None:
        child.text = text
    return child


#: Where TBX v3 documents name their schemas (processing instructions; nothing is fetched).
XML_MODELS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
)
#: Element names of the two TBX generations: v3 (ISO 30042:2019, ``tbx``) and v2 (TBX-Basic 2008,
#: ``martif``), which Translate Toolkit's ``tbx2po`` and Weblate's glossary import read.
_NAMES = {
    3: {"root": "tbx", "header": "tbxHeader", "entry": "conceptEntry", "lang": "langSec", "term": "termSec"},
    2: {"root": "martif", "header": "martifHeader", "entry": "termEntry", "lang": "langSet", "term": "tig"},
}


def write_tbx(concepts: Iterable[Concept], source_lang: str = SOURCE_LANG, *, version: int = 3) -> str:
    """A TBX-Basic document for *concepts* (UTF-8 text with XML declaration): *version* 3 (the
    current standard, with its ``<?xml-model?>`` schema references) or 2 (``martif``, for tools
    that read only TBX-Basic 2008). Both carry the same data and both import back losslessly."""
    if version not in _NAMES:
        raise ValueError(f"TBX version must be 2 or 3, not {version}")
    n = _NAMES[version]
    if version == 3:
        root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: source_lang, "xmlns": NS})
    else:
        root = ET.Element("martif", {"type": "TBX-Basic-V1", XML_LANG: source_lang})
    header = _el(root, n["header"])
    _el(_el(_el(header, "fileDesc"), "sourceDesc"), "p", "Exported by toolkit glossary export")
    body = _el(_el(root, "text"), "body")
    for c in concepts:
        entry = _el(body, n["entry"], id=("_" + c.id) if c.id[:1].isdigit() else c.id)
        _el(entry, "descrip", c.domain, type="subjectField")
        _el(entry, "admin", c.source, type="source")
        if c.note is not None:
            _el(entry, "note", c.note)
        langs: list[str] = []
        for t in c.terms:
            if t.lang not in langs:
                langs.append(t.lang)
        if c.definition is not None and not langs:
            langs.append(source_lang)
        for i, lang in enumerate(langs):
            sec = _el(entry, n["lang"], **{XML_LANG: lang})
            if c.definition is not None and (lang == source_lang or (i == 0 and source_lang not in langs)):
                _el(sec, "descrip", c.definition, type="definition")
            for t in c.terms_in(lang):
                ts = _el(sec, n["term"])
                _el(ts, "term", t.text)
                _el(ts, "termNote", STATUS_OUT[t.status], type="administrativeStatus")
                if t.pos is not None:
                    _el(ts, "termNote", t.pos, type="partOfSpeech")
                if t.case_sensitive:
                    _el(ts, "note", FLAG_CS)
                if t.dnt:
                    _el(ts, "note", FLAG_DNT)
                if t.note is not None:
                    _el(ts, "note", t.note)
    ET.indent(root, space="  ")
    models = "".join(line + "\n" for line in XML_MODELS) if version == 3 else ""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + models + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------------------------------------
# Import


def _refuse_entities(*_args: object) -> None:
    raise ValueError("entity declarations are not allowed in a glossary file")


def parse_xml(text: str, path: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """Parse XML safely (no entity declarations, nothing external) keeping element line numbers.

    Built on expat directly (like defusedxml) so we can refuse entity declarations, which is
    what makes "billion laughs" and external-entity attacks impossible, and record lines.
    """
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator="}")  # text is already decoded
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attrs: dict[str, str]) -> None:
        elem = builder.start(name(tag), {name(k): v for k, v in attrs.items()})
        lines[elem] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text.encode("utf-8"), True)
        root = builder.close()
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise GlossaryError(f"not well-formed XML: {message} (column {exc.offset + 1})",
                            path=path, line=exc.lineno) from None
    except ValueError as exc:
        raise GlossaryError(str(exc), path=path, line=parser.CurrentLineNumber) from None
    return root, lines


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _kids(elem: ET.Element, *names: str) -> list[ET.Element]:
    return [k for k in elem if isinstance(k.tag, str) and _local(k.tag) in names]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_GROUPS = ("descripGrp", "adminGrp", "termNoteGrp")
_TYPED = ("descrip", "admin", "termNote")
#: Data categories written as elements (TBX v3 DCT style, e.g. <basic:partOfSpeech>).
_DCT = ("administrativeStatus", "partOfSpeech", "subjectField", "definition", "source", "note")
#: subjectField values other tools use for our domains.
DOMAIN_ALIASES = {"organization": "organisation", "location": "place", "geography": "place",
                  "people": "person", "name": "person", "politics": "policy"}


def _text(elem: ET.Element) -> str:
    return "".join(elem.itertext())


def _categories(elem: ET.Element) -> list[tuple[str, str, ET.Element]]:
    """(data category, value, element) of *elem*'s children, whatever the TBX style."""
    out = []
    for kid in elem:
        if not isinstance(kid.tag, str):
            continue
        tag = _local(kid.tag)
        if tag in _GROUPS:
            out += _categories(kid)[:1]  # the group's main category; the rest annotates it
        elif tag in _TYPED and kid.get("type"):
            out.append((kid.get("type") or "", _text(kid), kid))
        elif tag in _DCT:
            out.append((tag, _text(kid), kid))
    return out


def _lang(code: str) -> str:
    """BCP-47 code as we key terms: lower-case language, a region subtag dropped (en-US -> en)."""
    parts = code.replace("_", "-").split("-")
    parts[0] = parts[0].lower()
    if len(parts) == 2 and (len(parts[1]) == 2 or parts[1].isdigit()):
        return parts[0]
    return "-".join(parts)


def read_tbx(path: Path | str, text: str) -> list[Concept]:
    """Concepts of a TBX file (TBX-Basic v3, DCA or DCT style, or TBX v2); every problem reported.

    Elements we have no use for (context, cross-references, transactions) are skipped, not
    errors: a TBX file from another tool should load. Language codes lose a region subtag.
    """
    name = str(path)
    root, lines = parse_xml(text, name)
    problems: list[GlossaryError] = []

    def error(elem: ET.Element | None, message: str) -> None:
        problems.append(GlossaryError(message, path=name, line=lines.get(elem) if elem is not None else None))

    if _local(root.tag) not in ("tbx", "martif"):
        error(root, f"not a TBX document (root element <{_local(root.tag)}>)")
        raise ProblemsError(problems)
    default_lang = _lang(root.get(XML_LANG) or SOURCE_LANG)
    concepts: list[Concept] = []
    used: set[str] = set()
    entries = [e for e in root.iter() if isinstance(e.tag, str) and _local(e.tag) in ("conceptEntry", "termEntry")]
    for n, entry in enumerate(entries, 1):
        line = lines.get(entry)
        domain, source, note, definition = "general", None, None, None
        for kind, value, _el in _categories(entry):
            if kind == "subjectField":
                value = value.strip().lower()
                domain = value if value in DOMAINS else DOMAIN_ALIASES.get(value, "general")
            elif kind == "definition":
                definition = value
            elif kind == "source":
                source = value
            elif kind == "note" and note is None:
                note = value
        terms: list[Term] = []
        for sec in _kids(entry, "langSec", "langSet"):
            lang = _lang(sec.get(XML_LANG) or sec.get("lang") or default_lang)
            if not LANG_RE.match(lang):
                error(sec, f"language code {lang!r} is not a BCP-47 code")
                continue
            for kind, value, _el in _categories(sec):
                if kind == "definition" and definition is None:
                    definition = value
            groups = []
            for holder in _kids(sec, "termSec", "tig", "ntig"):
                inner = _kids(holder, "termGrp")
                groups.append((inner[0], holder) if inner else (holder, holder))  # ntig: notes beside termGrp
            for grp, holder in groups:
                term_el = _kids(grp, "term")
                if not term_el or not _text(term_el[0]).strip():
                    error(holder, f"concept {n}: a term entry without <term> text")
                    continue
                status = "preferred" if not any(t.lang == lang for t in terms) else "admitted"
                pos = tnote = None
                cs = dnt = False
                found = _categories(grp) + (_categories(holder) if holder is not grp else [])
                for kind, value, el in found:
                    if kind == "administrativeStatus":
                        key = value.strip().lower()
                        if key not in STATUS_IN:
                            error(el, f"unknown administrativeStatus {value.strip()!r}")
                        else:
                            status = STATUS_IN[key]
                    elif kind == "partOfSpeech":
                        pos = value.strip()
                    elif kind == "note":
                        if value.strip() == FLAG_CS:
                            cs = True
                        elif value.strip() == FLAG_DNT:
                            dnt = True
                        else:
                            tnote = value if tnote is None else tnote + "\n" + value
                terms.append(Term(_text(term_el[0]), lang, status, pos, cs, dnt, tnote, lines.get(term_el[0])))
        raw_id = entry.get("id") or ""
        if raw_id.startswith("_") and ID_RE.match(raw_id[1:]):
            raw_id = raw_id[1:]
        cid = raw_id if ID_RE.match(raw_id) else _slug(raw_id)
        if not cid:
            first = next((t.text for t in terms if t.lang == SOURCE_LANG), terms[0].text if terms else "")
            cid = _slug(first) or f"concept-{n}"
        if cid in used:
            if raw_id:
                error(entry, f"duplicate concept id {cid!r}")
                continue
            k = 2
            while f"{cid}-{k}" in used:
                k += 1
            cid = f"{cid}-{k}"
        used.add(cid)
        if not terms:
            error(entry, f"concept {cid!r} has no terms")
            continue
        concepts.append(
            Concept(cid, domain, tuple(terms), source or f"imported from {Path(name).name}",
                    note, definition, name, line)
        )
    if problems:
        raise ProblemsError(problems)
    return concepts
