"""Markdown (CommonMark with GFM tables and strikethrough), parsed by markdown-it-py.

Translatable: headings, paragraphs (in lists and block quotes too), table cells, and the values
of the front-matter keys ``title``, ``description`` and ``summary`` (segment option
``front_matter_keys`` to change them). Image alt text and link titles are inside their paragraph's
msgid. Not translatable: code blocks, HTML blocks, link reference definitions, front-matter keys
and other values — they are never in a msgid and are copied as they are.

The msgid is the Markdown source of the sentence, markup included (``Read the **new** [budget
law](https://example.org/law).``): Markdown is what a translator of Markdown reads, Poedit shows
it as is, and URLs stay in place — the ``markup`` check reports a translation that lost or
changed one (and MT never sees them, :mod:`toolkit.markup` masks every token). Container
prefixes (``> ``, list indentation) and hard wraps are not in the msgid: a paragraph's lines are
joined as markdown-it reads them. Each block is cut into sentences (:mod:`toolkit.sources.inline`);
a split is kept only if every sentence renders on its own exactly as inside the block, so a
``**bold**`` or a link across a sentence end keeps the block as one unit. ``#:`` is the line where
the sentence starts.

Rendering replaces each sentence's source span by its translation; an untranslated sentence or
one whose translation is its msgid keeps its source bytes (line breaks and prefixes inside it),
so the identity round trip gives the document back byte for byte. A translation's line breaks
become spaces, ``|`` in a table cell is escaped, a front-matter value is quoted when YAML needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from toolkit.catalog.message import message_text
from toolkit.errors import UsageError
from toolkit.segment import Segment
from toolkit.sources import Document, Unit
from toolkit.sources.inline import join, sentences

FRONT_MATTER_KEYS = ("title", "description", "summary")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FRONT_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+(?P<value>\S(?:.*\S)?)[ \t]*$")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")
_MARKUP_CHARS = re.compile(r"[*_`\[\]<>~!\\&]")
_PIPE = re.compile(r"(?<!\\)\|")
_YAML_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$")


@dataclass(frozen=True)
class Block:
    """One translatable block: its kind, source span and the indices of its segments."""

    kind: str  # heading, paragraph, list item, quote, cell, front matter (plain/double/single)
    start: int
    end: int
    first: int  # index of its first segment in Document.segments
    count: int


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_MD: list[Any] = []


def parser() -> Any:
    """The one markdown-it parser (CommonMark + tables + strikethrough), made on first use."""
    if not _MD:
        _MD.append(_parser())
        _MD.append(_parser().disable("inline"))  # blocks only: inline runs are parsed on demand
    return _MD[0]


def block_parser() -> Any:
    """The same parser without the inline pass (extraction needs each block's lines and text)."""
    parser()
    return _MD[1]


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its end) of every line, as markdown-it counts them."""
    out: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        out.append((m.start(), m.group(0).rstrip("\r\n")))
    return out


def _front_matter(lines: list[tuple[int, str]]) -> int:
    """Number of lines of a leading YAML front matter block (``---`` … ``---``/``...``), or 0."""
    if not lines or lines[0][1].rstrip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i][1].rstrip() in ("---", "..."):
            return i + 1
    return 0


def _cells(line: str) -> list[tuple[int, int]]:
    """Spans of the cells of a table row (unescaped pipes; the outer pipes are optional)."""
    bounds = [-1, *(m.start() for m in _PIPE.finditer(line)), len(line)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        cell = line[a + 1:b]
        stripped = cell.strip()
        start = a + 1 + (cell.index(stripped) if stripped else 0)
        spans.append((start, start + len(stripped)))
    if line.lstrip().startswith("|"):
        spans = spans[1:]
    if line.rstrip().endswith("|") and len(_PIPE.findall(line)) > 0:
        spans = spans[:-1]
    return spans


class _Builder:
    def __init__(self, text: str, rules: Any) -> None:
        self.text, self.rules = text, rules
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.env: dict[str, Any] = {}

    def add(self, kind: str, pieces: list[tuple[int, int, str]], line: int, check: bool = True) -> None:
        """A block made of content lines (*pieces*: source offset, line number, content line)."""
        content = "\n".join(p[2] for p in pieces)
        if not content.strip():
            return
        starts = []
        pos = 0
        for _, _, piece in pieces:
            starts.append(pos)
            pos += len(piece) + 1

        def source(c: int) -> tuple[int, int]:
            i = 0
            while i + 1 < len(starts) and starts[i + 1] <= c:
                i += 1
            return pieces[i][0] + (c - starts[i]), pieces[i][1]

        spans = self._sentences(content, check)
        paragraph = len(self.blocks)
        first = len(self.segments)
        for a, b in spans:
            start, seg_line = source(a)
            end = source(b - 1)[0] + 1
            self.segments.append(Segment(content[a:b], start, end, paragraph, seg_line))
        block_start, block_end = self.segments[first].start, self.segments[-1].end
        self.blocks.append(Block(kind, block_start, block_end, first, len(spans)))
        self.units.append(Unit(content, block_start, block_end, pieces[0][1], kind))

    def _sentences(self, content: str, check: bool) -> list[tuple[int, int]]:
        """Sentence spans of a block: a hard line break ends a sentence (it stays in the source,
        between two entries); a split is kept only if the pieces render as the whole does."""
        stripped = content.strip()
        whole = [(content.index(stripped), content.index(stripped) + len(stripped))] if stripped else []
        md = parser()
        pieces, pos = [], 0
        for brk in (*_HARD_BREAK.finditer(content), None):
            end = len(content) if brk is None else brk.start()
            pieces.append((pos, end))
            if brk is not None:
                pos = brk.end()
        if check and len(pieces) > 1 and md.renderInline(content, dict(self.env)) != "<br />\n".join(
                md.renderInline(content[a:b], dict(self.env)) for a, b in pieces):
            return whole
        spans: list[tuple[int, int]] = []
        for a, b in pieces:
            piece = content[a:b]
            found = sentences(piece, "markdown", rules=self.rules)
            if check and len(found) > 1 and not self._renders_alike(piece, found):
                found = [(found[0][0], found[-1][1])]
            spans.extend((a + x, a + y) for x, y in found)
        return spans

    def _renders_alike(self, content: str, spans: list[tuple[int, int]]) -> bool:
        if not _MARKUP_CHARS.search(content):
            return True  # no markup: nothing a sentence boundary could split
        md = parser()
        whole = md.renderInline(content, dict(self.env))
        parts = []
        pos = spans[0][0]
        for a, b in spans:
            parts.append(content[pos:a])
            parts.append(md.renderInline(content[a:b], dict(self.env)))
            pos = b
        return bool(whole.strip() == "".join(parts).strip())


@dataclass(frozen=True)
class Markdown:
    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown")
    markup: str = "markdown"

    def extract(self, text: str, *, segment_options: dict[str, Any]) -> Document:
        unknown = set(segment_options) - {"paragraphs", "rules", "front_matter_keys"}
        if unknown:
            raise UsageError(f"unknown segment option(s) for Markdown: {', '.join(sorted(unknown))}")
        keys = tuple(segment_options.get("front_matter_keys") or FRONT_MATTER_KEYS)
        lines = _lines(text)
        builder = _Builder(text, segment_options.get("rules"))
        front = _front_matter(lines)
        for number in range(1, max(front - 1, 1)):
            offset, line = lines[number]
            found = _FRONT_VALUE.match(line)
            if not found or found.group("key") not in keys or line[:1].isspace():
                continue
            value, at = found.group("value"), offset + found.start("value")
            kind = "front matter"
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                kind += " (double)" if value[0] == '"' else " (single)"
                value, at = value[1:-1], at + 1
            elif value[0] in "|>&*!%@`{[":
                continue  # a block scalar, alias, tag or flow collection: not a plain string
            builder.add(kind, [(at, number + 1, value)], number + 1, check=False)
        body = "\n" * front + (text[lines[front][0]:] if front < len(lines) else "")
        tokens = block_parser().parse(body, builder.env)
        containers: list[str] = []
        cell_index: dict[int, int] = {}
        previous = None
        for tok in tokens:
            if tok.type in ("blockquote_open", "list_item_open"):
                containers.append("quote" if tok.type == "blockquote_open" else "list item")
            elif tok.type in ("blockquote_close", "list_item_close"):
                containers.pop()
            elif tok.type == "tr_open":
                cell_index.clear()
            elif tok.type == "inline" and tok.map and previous is not None:
                self._inline(builder, tok, previous, containers, lines, cell_index)
            previous = tok
        return Document(self.name, text, tuple(builder.segments), skeleton=tuple(builder.blocks),
                        units=tuple(builder.units), markup=self.markup)

    def _inline(self, builder: _Builder, tok: Any, opener: Any, containers: list[str],
                lines: list[tuple[int, str]], cell_index: dict[int, int]) -> None:
        first = tok.map[0]
        if opener.type in ("th_open", "td_open"):
            row = first
            index = cell_index.get(row, 0)
            cell_index[row] = index + 1
            offset, line = lines[row]
            quotes = containers.count("quote")  # a table in a block quote: cells after the '>'s
            while quotes and line.lstrip().startswith(">"):
                cut = len(line) - len(line.lstrip()) + 1
                cut += 1 if line[cut:cut + 1] == " " else 0
                offset, line, quotes = offset + cut, line[cut:], quotes - 1
            cells = _cells(line)
            if index < len(cells):
                a, b = cells[index]
                builder.add("cell", [(offset + a, row + 1, line[a:b])], row + 1)
            return
        kind = "heading" if opener.type == "heading_open" else (containers[-1] if containers else "paragraph")
        pieces = []
        for k, content_line in enumerate(tok.content.split("\n")):
            number = first + k
            if number >= len(lines):
                return
            offset, line = lines[number]
            at = line.rfind(content_line) if content_line else len(line)
            if at < 0:
                return  # markdown-it changed the line (tabs expanded): leave the block as it is
            pieces.append((offset + at, number + 1, content_line))
        builder.add(kind, pieces, first + 1)

    def render(self, document: Document, translations: dict[str, str], language: str) -> str:
        """The translated document (see the module docstring)."""
        text, segments = document.text, document.segments
        out: list[str] = []
        pos = 0
        for block in document.skeleton or ():
            segs = segments[block.first:block.first + block.count]
            pieces: list[tuple[str, bool]] = []
            gaps: list[str] = []
            for i, seg in enumerate(segs):
                msgid = message_text(seg.text)
                found = translations.get(msgid)
                if found is None or found == msgid:
                    pieces.append((text[seg.start:seg.end], False))
                else:
                    pieces.append((_clean(found, block.kind), True))
                if i:
                    gaps.append(text[segs[i - 1].end:seg.start])
            out.append(text[pos:block.start])
            rendered = join(pieces, gaps, language, "markdown")
            if block.kind == "front matter" and any(done for _, done in pieces) and _YAML_PLAIN_UNSAFE.search(rendered):
                rendered = '"' + rendered.replace("\\", "\\\\").replace('"', '\\"') + '"'
            out.append(rendered)
            pos = block.end
        out.append(text[pos:])
        return "".join(out)


def _clean(translation: str, kind: str) -> str:
    """A translation made safe for its place: one line; escaped as its container needs."""
    one_line = " ".join(translation.split("\n")).replace("\r", " ")
    if kind == "cell":
        return _PIPE.sub(r"\\|", one_line)
    if kind == "front matter (double)":
        return one_line.replace("\\", "\\\\").replace('"', '\\"')
    if kind == "front matter (single)":
        return one_line.replace("'", "''")
    return one_line


FORMAT = Markdown()
