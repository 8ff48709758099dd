"""HTML pages: visible text blocks, ``title``/``alt`` attributes and ``<meta name="description">``.

Parsing: the standard library's HTML5 tokenizer (:class:`html.parser.HTMLParser`, which follows
the WHATWG tokenization rules: raw text of ``<script>``/``<style>``, character references with
and without ``;``, broken markup recovered, never an exception) gives every tag, text run and
character reference with its exact position. Tree builders (html5lib, lxml, selectolax) rewrite
the page as they build the DOM and cannot give it back byte for byte; a tokenizer with positions
can, so the identity round trip gives the very same file and a translation changes only the
translated text.

A block is the text between two block-level tags (``p``, ``h1``…``h6``, ``li``, ``td``/``th``,
``blockquote``, ``figcaption``, ``dt``/``dd``, ``title``, ``div`` and every other non-inline
element); text inside ``script``, ``style``, ``pre``, ``code``, ``kbd``, ``samp``, ``textarea``,
``svg``, ``math`` and ``template`` is never translatable. A block with no letter (a separator, a
number) is not a unit. In the msgid, character references are decoded, white space runs are one
space, and inline markup becomes short numbered placeholders, Okapi/XLIFF style::

    <p>The <a href="/law">budget <b>law</b></a> passed.<br>Read it.</p>
    msgid "The <g1>budget <g2>law</g2></g1> passed.<x3/>"
    msgstr "<g1>ច្បាប់<g2>ថវិកា</g2></g1>ត្រូវបានអនុម័ត។<x3/>"
    msgid "Read it."

``<gN>…</gN>`` is an inline element (``a``, ``b``, ``em``, ``span``…) whose tags are both in the
block; ``<xN/>`` an empty one (``br``, ``img``), an inline ``<code>``…``</code>`` as a whole, a
comment, or a tag whose partner is outside the block (broken nesting). Translators move them in
Poedit like any tag; the build puts each tag back with its original attributes. Tags that wrap a
whole block (``<p><b>Title</b></p>``) stay outside the msgid.

Rendering: a translated sentence is its translation with ``& < >`` escaped and placeholders
restored; an untranslated sentence, or one equal to its msgid, keeps its source bytes, and so does
everything between sentences. A translated page gets ``lang`` on ``<html>`` (and ``dir="rtl"``
for right-to-left languages); a page declaring another charset is decoded with it and written as
UTF-8 with its ``<meta charset>`` changed to match.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from toolkit import markup
from toolkit.catalog.message import message_text
from toolkit.errors import InputError, UsageError
from toolkit.segment import Segment
from toolkit.sources import Document, Unit
from toolkit.sources.inline import join, sentences
from toolkit.textio import decode

INLINE = frozenset(
    "a abbr acronym b bdi bdo big cite data del dfn em font i ins label mark nobr q rp rt ruby s "
    "small span strike strong sub sup time tt u var".split())
EMPTY_INLINE = frozenset("br img wbr input".split())
OPAQUE = frozenset("script style pre code kbd samp textarea svg math template noscript iframe object "
                   "select button video audio canvas".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
ATTRIBUTES = ("title", "alt")
RTL = frozenset("ar arc dv fa ha he khw ks ku ps sd ur yi".split())
_ATTR = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_WS = " \t\n\r\f"
_REF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
#: Labels whose WHATWG decoder is a superset (what browsers decode such a page with).
_WHATWG = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252",
           "us-ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
           "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "cp932", "x-sjis": "cp932",
           "big5": "big5hkscs"}
_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


@dataclass
class Token:
    kind: str  # start, startend, end, data, ref, comment, other
    tag: str
    start: int
    end: int = 0


class _Tokens(HTMLParser):
    """Every token of a page with its offsets (``Token.end`` is the next token's start)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.tokens: list[Token] = []

    def _at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _add(self, kind: str, tag: str = "") -> None:
        self.tokens.append(Token(kind, tag, self._at()))

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        self._add("startend", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data")

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("comment")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")

    def run(self) -> list[Token]:
        self.feed(self.text)
        self.close()
        tokens = self.tokens
        for a, b in zip(tokens, tokens[1:]):
            a.end = b.start
        if tokens:
            tokens[-1].end = len(self.text)
        return [t for t in tokens if t.end > t.start]


class Chars:
    """A msgid being built: its text, and for each character the source span it came from."""

    __slots__ = ("parts", "starts", "ends", "space")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.space = True  # the last character is a space (or there is none): skip white space

    def add(self, piece: str, start: int, end: int | None = None) -> None:
        """*piece* from source offset *start* (one source character per character, or all from
        ``start..end`` when *end* is given: a reference, a tag)."""
        n = len(piece)
        self.parts.append(piece)
        if end is None:
            self.starts.extend(range(start, start + n))
            self.ends.extend(range(start + 1, start + n + 1))
        else:
            self.starts.extend([start] * n)
            self.ends.extend([end] * n)
        self.space = piece.endswith(" ")

    def text(self) -> str:
        return "".join(self.parts)

    def rstrip(self) -> None:
        content = self.text().rstrip(" ")
        self.parts = [content]
        del self.starts[len(content):]
        del self.ends[len(content):]


@dataclass
class Block:
    """A translatable block: source span, its segments, and the placeholders' source spans."""

    kind: str
    start: int
    end: int
    first: int
    count: int
    # placeholder text (``<g1>``) -> source span of the tag/element it stands for
    tags: dict[str, tuple[int, int]] = field(default_factory=dict)
    attribute: str = ""  # the quote of an attribute value ('"', "'" or "" unquoted); "" for text


@dataclass(frozen=True)
class Skeleton:
    blocks: tuple[Block, ...]
    html_tag: tuple[int, int] | None  # the <html> start tag
    charset: tuple[int, int] | None  # the span of a non-UTF-8 charset name to rewrite
    encoding: str = "utf-8"


class _Builder:
    def __init__(self, text: str, rules: Any) -> None:
        self.text, self.rules = text, rules
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset)

    def add(self, kind: str, chars: Chars, tags: dict[str, tuple[int, int]], attribute: str = "") -> None:
        """A block from its msgid characters."""
        content = chars.text()
        if not any(ch.isalpha() for ch in markup.plain(content, "tags")[0]):
            return
        spans = sentences(content, "tags", rules=self.rules)
        if not spans:
            return
        paragraph, first = len(self.blocks), len(self.segments)
        for a, b in spans:
            start, end = chars.starts[a], chars.ends[b - 1]
            self.segments.append(Segment(content[a:b], start, end, paragraph, self.line(start)))
        block_start, block_end = self.segments[first].start, self.segments[-1].end
        self.blocks.append(Block(kind, block_start, block_end, first, len(spans), tags, attribute))
        self.units.append(Unit(content, block_start, block_end, self.line(block_start), kind))


_WS_RUN = re.compile(r"[ \t\n\r\f]+")


def _text_chars(text: str, token: Token, out: Chars) -> None:
    """Add the msgid characters of a data or reference token (white space runs -> one space)."""
    if token.kind == "ref":
        decoded = _WS_RUN.sub(" ", html.unescape(text[token.start:token.end]))
        if decoded.startswith(" ") and out.space:
            decoded = decoded[1:]
        if decoded:
            out.add(decoded, token.start, token.end)
        return
    pos = token.start
    raw = text[token.start:token.end]
    if "\x00" in raw:
        raw = raw.replace("\x00", "\ufffd")
    for m in _WS_RUN.finditer(raw):
        a = token.start + m.start()
        if a > pos:
            out.add(raw[pos - token.start:m.start()], pos)
        if not out.space:
            out.add(" ", a)
        pos = token.start + m.end()
    if pos < token.end:
        out.add(raw[pos - token.start:], pos)


def _attributes(text: str, token: Token) -> list[tuple[str, int, int, str]]:
    """(name, value start, value end, quote) of the attributes of a start tag."""
    raw = text[token.start:token.end]
    name_end = re.match(r"<[^\s/>]+", raw)
    pos = name_end.end() if name_end else 1
    found = []
    for m in _ATTR.finditer(raw, pos):
        if m.group(2) is None:
            continue
        value = m.group(2)
        quote = value[0] if value[0] in "\"'" else ""
        start = token.start + m.start(2) + (1 if quote else 0)
        found.append((m.group(1).lower(), start, start + len(value) - (2 if quote else 0), quote))
    return found


def _extract(text: str, rules: Any) -> tuple[_Builder, tuple[int, int] | None]:
    tokens = _Tokens(text).run()
    builder = _Builder(text, rules)
    html_tag = None
    run: list[Token] = []  # the inline tokens since the last block boundary
    context: list[str] = []  # open block elements
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind in ("start", "startend"):
            if tok.tag == "html" and html_tag is None:
                html_tag = (tok.start, tok.end)
            _attribute_blocks(builder, text, tok, context)
        if tok.kind == "start" and tok.tag in OPAQUE:
            j = _element_end(tokens, i)
            whole = Token("opaque", tok.tag, tok.start, tokens[j].end)
            for inner in tokens[i + 1:j + 1]:  # attributes inside (an <img alt> in <pre>) still count
                if inner.kind in ("start", "startend"):
                    _attribute_blocks(builder, text, inner, context)
            if tok.tag in ("code", "kbd", "samp") and run:
                run.append(whole)
            else:
                _flush(builder, text, run, context)
            i = j + 1
            continue
        inline = (tok.kind in ("data", "ref", "comment")
                  or (tok.kind in ("start", "startend", "end") and (tok.tag in INLINE or tok.tag in EMPTY_INLINE)))
        if inline:
            run.append(tok)
        else:
            _flush(builder, text, run, context)
            if tok.kind == "start" and tok.tag not in VOID:
                context.append(tok.tag)
            elif tok.kind == "end" and tok.tag in context:
                while context and context.pop() != tok.tag:
                    pass
        i += 1
    _flush(builder, text, run, context)
    return builder, html_tag


def _element_end(tokens: list[Token], i: int) -> int:
    """Index of the end tag closing the opaque element opened at *i* (nesting of the same tag
    counted), or of the last token of the page when it is never closed."""
    tag, depth = tokens[i].tag, 0
    for j in range(i, len(tokens)):
        t = tokens[j]
        if t.tag == tag and t.kind == "start":
            depth += 1
        elif t.tag == tag and t.kind == "end":
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _attribute_blocks(builder: _Builder, text: str, tok: Token, context: list[str]) -> None:
    attrs = _attributes(text, tok)
    names = {name: (a, b, q) for name, a, b, q in attrs}
    wanted = [n for n in ATTRIBUTES if n in names]
    if tok.tag == "meta" and "content" in names:
        kind = text[names["name"][0]:names["name"][1]].strip().lower() if "name" in names else ""
        prop = text[names["property"][0]:names["property"][1]].strip().lower() if "property" in names else ""
        if kind in ("description", "og:description", "twitter:description") or prop in (
                "og:description", "og:title", "twitter:title"):
            wanted.append("content")
    for name in wanted:
        a, b, quote = names[name]
        chars = Chars()
        pos = a
        for m in _REF.finditer(text, a, b):
            if m.start() > pos:
                _text_chars(text, Token("data", "", pos, m.start()), chars)
            _text_chars(text, Token("ref", "", m.start(), m.end()), chars)
            pos = m.end()
        if pos < b:
            _text_chars(text, Token("data", "", pos, b), chars)
        builder.add(f"{tok.tag} {name}", chars, {}, quote or "unquoted")


def _flush(builder: _Builder, text: str, run: list[Token], context: list[str]) -> None:
    """Make a block of the inline tokens of *run* (then empty it)."""
    tokens = run[:]
    run.clear()
    # trim: white space and empty elements at the ends, tag pairs wrapping the whole block
    while True:
        while tokens and (_blank(text, tokens[0]) or tokens[0].kind in ("comment", "startend")
                          or tokens[0].tag in EMPTY_INLINE):
            tokens.pop(0)
        while tokens and (_blank(text, tokens[-1]) or tokens[-1].kind in ("comment", "startend")
                          or tokens[-1].tag in EMPTY_INLINE):
            tokens.pop()
        if (len(tokens) >= 2 and tokens[0].kind == "start" and tokens[-1].kind == "end"
                and _partner(tokens, 0) == len(tokens) - 1):
            tokens = tokens[1:-1]
            continue
        break
    if not any(t.kind in ("data", "ref") and not _blank(text, t) for t in tokens):
        return
    chars = Chars()
    tags: dict[str, tuple[int, int]] = {}
    partners: dict[int, int] = {}
    for index in range(len(tokens)):
        if tokens[index].kind == "start" and index not in partners.values():
            found = _partner(tokens, index)
            if found is not None:
                partners[index] = found
    closing = {v: k for k, v in partners.items()}
    number = 0
    names: dict[int, str] = {}
    for index, tok in enumerate(tokens):
        if tok.kind in ("data", "ref"):
            _text_chars(text, tok, chars)
            continue
        if index in closing:
            holder = f"</g{names[closing[index]]}>"
        else:
            number += 1
            names[index] = str(number)
            holder = f"<g{number}>" if index in partners else f"<x{number}/>"
        tags[holder] = (tok.start, tok.end)
        chars.add(holder, tok.start, tok.end)
        chars.space = False
    chars.rstrip()
    kind = context[-1] if context else "body"
    builder.add(kind, chars, tags)


def _blank(text: str, tok: Token) -> bool:
    return tok.kind == "data" and not text[tok.start:tok.end].strip(_WS)


def _partner(tokens: list[Token], index: int) -> int | None:
    """Index of the end tag that closes the start tag at *index* inside *tokens*, if it nests."""
    tag, depth = tokens[index].tag, 0
    stack: list[str] = []
    for j in range(index, len(tokens)):
        t = tokens[j]
        if t.kind == "start" and t.tag not in VOID:
            stack.append(t.tag)
            depth += 1
        elif t.kind == "end":
            if not stack or stack[-1] != t.tag:
                return None  # crossing or stray end tag: no pair
            stack.pop()
            if not stack:
                return j if t.tag == tag else None
    return None


def _sniff(data: bytes, path: str) -> tuple[str, str, tuple[int, int] | None]:
    """Decode a page: a BOM, else UTF-8 when the bytes are valid UTF-8 (a page saved by a tool
    that re-encoded it but kept its old ``<meta charset>``), else the charset its ``<meta>``
    declares (with the WHATWG decoder for that label). Returns the text, the encoding, and the
    span of a non-UTF-8 charset name to rewrite when the page is written as UTF-8."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, path), "utf-8", None
    try:
        return decode(data, path), "utf-8", None
    except InputError as exc:
        utf8_error = exc
    found = _CHARSET.search(data[:4096])
    if found is None:
        raise utf8_error
    declared = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_WHATWG.get(declared, declared)).name
    except LookupError:
        raise InputError(f"unknown charset {declared!r} in <meta charset> and not UTF-8", path=path) from None
    if name in ("utf-8", "ascii") or name.startswith("utf-16"):
        raise utf8_error
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {declared} text ({exc.reason})", path=path, offset=exc.start) from None
    # the charset name's span in the decoded text (the prefix is ASCII in every such charset)
    span_start = len(data[:found.start(1)].decode(name))
    return text, name, (span_start, span_start + len(found.group(1)))


@dataclass(frozen=True)
class Html:
    name: str = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml")
    markup: str = "tags"

    def load(self, data: bytes, path: str, *, segment_options: dict[str, Any]) -> Document:
        """Decode (see :func:`_sniff`) and extract."""
        if b"\x00" in data[:1024] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError("not an HTML page (binary data)", path=path, offset=data.index(b"\x00"))
        text, encoding, charset = _sniff(data, path)
        doc = self.extract(text, segment_options=segment_options)
        skeleton = doc.skeleton
        return Document(doc.format, doc.text, doc.segments,
                        Skeleton(skeleton.blocks, skeleton.html_tag, charset, encoding), doc.notes, doc.units,
                        doc.markup)

    def extract(self, text: str, *, segment_options: dict[str, Any]) -> Document:
        unknown = set(segment_options) - {"paragraphs", "rules", "front_matter_keys"}
        if unknown:
            raise UsageError(f"unknown segment option(s) for HTML: {', '.join(sorted(unknown))}")
        builder, html_tag = _extract(text, segment_options.get("rules"))
        # attributes were met before the text around them: put everything in document order
        blocks: list[Block] = []
        segments: list[Segment] = []
        for block in sorted(builder.blocks, key=lambda b: b.start):
            part = builder.segments[block.first:block.first + block.count]
            block.first = len(segments)
            segments.extend(Segment(s.text, s.start, s.end, len(blocks), s.line) for s in part)
            blocks.append(block)
        units = sorted(builder.units, key=lambda u: u.start)
        return Document(self.name, text, tuple(segments), Skeleton(tuple(blocks), html_tag, None),
                        units=tuple(units), markup=self.markup)

    def render(self, document: Document, translations: dict[str, str], language: str) -> str:
        """The translated page (see the module docstring)."""
        text, segments, skeleton = document.text, document.segments, document.skeleton
        # Edits (start, end, replacement) on the source; attribute blocks sit inside tags, which a
        # translated text block copies: it applies the attribute edits inside them itself.
        attr_edits: list[tuple[int, int, str]] = []
        text_blocks: list[Block] = []
        for block in skeleton.blocks:
            if block.attribute:
                edit = self._block(block, text, segments, translations, language, [])
                if edit is not None:
                    attr_edits.append(edit)
            else:
                text_blocks.append(block)
        edits: list[tuple[int, int, str]] = []
        for block in text_blocks:
            edit = self._block(block, text, segments, translations, language, attr_edits)
            if edit is not None:
                edits.append(edit)
        covered = [(a, b) for a, b, _ in edits]
        for a, b, new in attr_edits:
            if not any(x <= a and b <= y for x, y in covered):
                edits.append((a, b, new))
        if edits and skeleton.html_tag is not None:
            edits.append(self._lang(text, skeleton.html_tag, language))
        if skeleton.charset is not None:  # written as UTF-8, so it must say so
            edits.append((*skeleton.charset, "utf-8"))
        return _apply(text, 0, len(text), edits)

    def _block(self, block: Block, text: str, segments: tuple[Segment, ...], translations: dict[str, str],
               language: str, attr_edits: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
        segs = segments[block.first:block.first + block.count]
        pieces: list[tuple[str, bool]] = []
        gaps: list[str] = []
        changed = False
        for i, seg in enumerate(segs):
            msgid = message_text(seg.text)
            found = translations.get(msgid)
            if i:
                gaps.append(_apply(text, segs[i - 1].end, seg.start, attr_edits))
            if found is None or found == msgid:
                pieces.append((_apply(text, seg.start, seg.end, attr_edits), False))
                continue
            changed = True
            if block.attribute:
                pieces.append((_escape_attribute(found, block.attribute), True))
            else:
                pieces.append((self._restore(found, block, text, attr_edits), True))
        if not changed:
            return None
        rendered = join(pieces, gaps, language, self.markup)
        if block.attribute == "unquoted":
            rendered = '"' + rendered + '"'
        return block.start, block.end, rendered

    def _restore(self, translation: str, block: Block, text: str, attr_edits: list[tuple[int, int, str]]) -> str:
        out = []
        pos = 0
        for m in markup.TAG.finditer(translation):
            out.append(html.escape(translation[pos:m.start()], quote=False))
            span = block.tags.get(m.group(0))
            out.append(html.escape(m.group(0), quote=False) if span is None else _apply(text, *span, attr_edits))
            pos = m.end()
        out.append(html.escape(translation[pos:], quote=False))
        return "".join(out)

    def _lang(self, text: str, span: tuple[int, int], language: str) -> tuple[int, int, str]:
        """The ``<html>`` start tag with ``lang`` (and ``dir``) set for *language*."""
        tag = text[span[0]:span[1]]
        code = language.replace("_", "-")
        wanted = {"lang": code}
        if code.split("-")[0] in RTL:
            wanted["dir"] = "rtl"
        elif re.search(r"\sdir\s*=", tag):
            wanted["dir"] = "ltr"
        tok = Token("start", "html", span[0], span[1])
        attributes = _attributes(text, tok)
        for name, a, b, quote in reversed(attributes):
            if name == "xml:lang":  # XHTML says it twice
                tag = tag[:a - span[0]] + (code if quote else f'"{code}"') + tag[b - span[0]:]
            elif name in wanted:
                value = wanted.pop(name)
                tag = tag[:a - span[0]] + (value if quote else f'"{value}"') + tag[b - span[0]:]
        for name in ("lang", "dir"):
            if name in wanted:
                close = len(tag) - (2 if tag.endswith("/>") else 1)
                tag = tag[:close] + f' {name}="{wanted[name]}"' + tag[close:]
        return span[0], span[1], tag


def _escape_attribute(value: str, quote: str) -> str:
    value = " ".join(value.split("\n")).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("'", "&#39;") if quote == "'" else value.replace('"', "&quot;")


def _apply(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with the *edits* that lie inside it applied."""
    inside = sorted(e for e in edits if start <= e[0] and e[1] <= end)
    if not inside:
        return text[start:end]
    out, pos = [], start
    for a, b, new in inside:
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(new)
        pos = b
    out.append(text[pos:end])
    return "".join(out)


FORMAT = Html()
