"""Source documents in, translated documents out: one module per format, each going both ways.

A format module (``toolkit/sources/<name>.py``) has a module-level ``FORMAT`` object with

* ``name`` and ``extensions`` (``"text"``, ``(".txt", ...)``);
* ``extract(text, *, segment_options) -> Document``: the document's translatable blocks
  (:class:`Unit`: text, offsets, line, kind) cut into sentence :class:`~toolkit.segment.Segment`
  objects whose offsets point into the source text (:func:`toolkit.segment.segment_block` for one
  block, :func:`~toolkit.segment.segment_blocks` for many in one scan), plus whatever the format
  needs later to rebuild (kept in ``Document.skeleton``);
* ``render(document, translations, language) -> str``: the translated document, each segment
  replaced by its translation where there is one (the source text elsewhere).
* optionally ``iter_segments(text, *, segment_options) -> Iterator[Segment]``: exactly the
  ``segments`` of ``extract``, produced a batch at a time (plain text: what ``translate`` uses on a
  large input, which then never holds every sentence of it, see :func:`read_segments`);
* optionally ``render_stream(text, segments, translations, language) -> Iterator[str]``:
  ``render`` in pieces from segments as they come (plain text: what ``build`` and ``report`` use,
  see :func:`render_pieces`).

:data:`FORMATS` maps a name to its module path and is imported lazily (``toolkit --help`` and
``toolkit check`` never import a format), :data:`EXTENSIONS` maps file extensions to names.
Catalogs are keyed by :func:`document_key`: a ``.txt`` document keeps its stem (``a.txt`` ->
``a.po``, as before), any other format keeps its extension (``a.md`` -> ``a.md.po``), so ``a.txt``
and ``a.md`` never share a catalog. Catalogs an older toolkit filed under the stem (``a.md`` read
as text -> ``a.po``) stay in use while their ``X-Toolkit-Source`` names the document and no
``a.md.po`` exists (``toolkit.catalog.pipeline``), so no translation is left behind.

The formats: ``text`` (:mod:`toolkit.sources.text`), ``markdown`` (markdown-it-py), ``html``
(the standard library's HTML5 tokenizer, for exact offsets) and ``docx`` (python-docx, the
``[docx]`` extra). Extraction walks the format's own structure and yields blocks — a heading, a
paragraph, a list item, a table cell, an attribute such as ``alt`` — never code, scripts or URLs.
Each block is cut into sentences by :mod:`toolkit.sources.inline` (our segmenter, with the markup
blanked), so a three-sentence paragraph is three entries, and a sentence boundary never splits a
pair of markup (a pair that spans sentences keeps its block as one unit). Inline markup is in the
segment text as :mod:`toolkit.markup` defines it (Markdown's own; ``<gN>…</gN>``/``<xN/>``
placeholders for HTML and Word), and ``Document.markup`` says which, so MT masks it, glossary
recognition and the checks see through it. Rendering puts the translated sentences back, the
placeholders back into markup; an untranslated sentence, or one translated by itself, keeps its
source, so the identity round trip gives back the document.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from toolkit.errors import UsageError
from toolkit.segment import Segment

#: Format name -> module path (imported on first use).
FORMATS: dict[str, str] = {
    "text": "toolkit.sources.text",
    "markdown": "toolkit.sources.markdown",
    "html": "toolkit.sources.html",
    "docx": "toolkit.sources.docx",
}
#: File extension (lower case) -> format name; anything unknown is plain text.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}
DEFAULT_FORMAT = "text"


@dataclass(frozen=True)
class Unit:
    """One translatable block of a document (a paragraph, a heading, a list item, a table cell).

    ``text`` is the block's source text (``document.text[start:end]`` for formats whose blocks are
    spans of the source, as plain text and Markdown; an HTML or Word block may be assembled from
    several nodes, and then *start*/*end* point at its first node). *kind* names its structure
    so that a report or a check can tell a heading from body text.
    """

    text: str
    start: int
    end: int
    line: int  # 1-based line of `start`
    kind: str = "paragraph"


@dataclass(frozen=True)
class Document:
    """A source document cut into blocks and sentences, ready to become a catalog and to be rebuilt.

    ``segments`` are the sentences of the ``units``, in document order, with offsets and lines of
    the source text; they are what a catalog is made of and what ``render`` replaces.
    """

    format: str
    text: str  # the decoded source
    segments: tuple[Segment, ...]
    skeleton: Any = None  # what the format needs to rebuild (None for plain text)
    notes: tuple[str, ...] = field(default_factory=tuple)
    units: tuple[Unit, ...] = ()
    #: the inline markup in the segments' text (:mod:`toolkit.markup`): "" (none), "markdown", "tags"
    markup: str = ""


class SourceFormat(Protocol):
    """What a format module's ``FORMAT`` provides (see the module docstring).

    A format whose files are not plain UTF-8 text (Word's zip, HTML declaring another charset)
    also has ``load(data: bytes, path: str, *, segment_options) -> Document``, which
    :func:`read_document` calls instead of decoding the file as text; its ``render`` may return
    bytes.
    """

    name: str
    extensions: tuple[str, ...]

    def extract(self, text: str, *, segment_options: dict[str, Any]) -> Document: ...

    def render(self, document: Document, translations: dict[str, str], language: str) -> Any: ...


def read_document(path: str | os.PathLike[str], name: str, segment_options: dict[str, Any]) -> Document:
    """Read the document at *path* as format *name* (its ``load`` if it has one, else decoded
    text through ``extract``)."""
    from toolkit.textio import read_bytes, read_text

    fmt = get_format(name)
    load = getattr(fmt, "load", None)
    if load is not None:
        found: Document = load(read_bytes(path), str(path), segment_options=segment_options)
        return found
    return fmt.extract(read_text(path), segment_options=segment_options)


def read_segments(path: str | os.PathLike[str], name: str,
                  segment_options: dict[str, Any]) -> tuple[Iterator[Segment], str]:
    """The sentences of the document at *path* (as :func:`read_document` gives them) and its
    ``markup``; streamed by a format that can (the document is not built), else from the document."""
    from toolkit.textio import read_text

    fmt = get_format(name)
    stream = getattr(fmt, "iter_segments", None)
    if stream is not None and getattr(fmt, "load", None) is None:
        found: Iterator[Segment] = stream(read_text(path), segment_options=segment_options)
        return found, ""
    document = read_document(path, name, segment_options)
    return iter(document.segments), document.markup


def render_pieces(path: str | os.PathLike[str], name: str, segment_options: dict[str, Any],
                  translations: dict[str, str], language: str,
                  seen: Callable[[Segment], None] | None = None) -> Iterator[str] | bytes:
    """The document at *path* (format *name*) rendered with *translations*, as ``render`` gives
    it: str pieces, or the bytes of a binary format (Word). A format with ``render_stream`` and
    ``iter_segments`` (plain text) renders as its sentences are cut, so neither every sentence
    nor the whole result is held; the others render whole. *seen* is called with each sentence
    of the document. The file is read (and a read error raised) before this returns."""
    from toolkit.textio import read_text

    fmt = get_format(name)
    stream = getattr(fmt, "render_stream", None)
    cut = getattr(fmt, "iter_segments", None)
    if stream is not None and cut is not None and getattr(fmt, "load", None) is None:
        text = read_text(path)
        segments: Iterator[Segment] = cut(text, segment_options=segment_options)
        if seen is not None:
            segments = _tap(segments, seen)
        found: Iterator[str] = stream(text, segments, translations, language)
        return found
    document = read_document(path, name, segment_options)
    rendered = fmt.render(document, translations, language)
    if seen is not None:
        for segment in document.segments:
            seen(segment)
    return rendered if isinstance(rendered, bytes) else iter((rendered,))


def _tap(segments: Iterator[Segment], seen: Callable[[Segment], None]) -> Iterator[Segment]:
    for segment in segments:
        seen(segment)
        yield segment


def format_name(path: str | os.PathLike[str], override: str | None = None) -> str:
    """The format of *path*: *override* if given (checked), else by extension, else plain text."""
    if override is not None:
        if override not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {override!r})")
        return override
    return EXTENSIONS.get(Path(path).suffix.lower(), DEFAULT_FORMAT)


def get_format(name: str) -> SourceFormat:
    """The format module's ``FORMAT`` for *name* (imported now)."""
    try:
        module = FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown source format {name!r} (known: {', '.join(FORMATS)})") from None
    found: SourceFormat = importlib.import_module(module).FORMAT
    return found


def document_key(path: str | os.PathLike[str]) -> str:
    """The catalog name of a source document (see the module docstring)."""
    p = Path(path)
    return p.stem if p.suffix.lower() in (".txt", "") else p.name
