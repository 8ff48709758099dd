"""Plain text (UTF-8, UTF-16 with BOM, any line ends): the whole text is segmented with the
layout rules of :func:`toolkit.segment.segment` (soft wraps, headlines, bylines, lists), and the
translated document is the source with each sentence replaced in place.

Rendering keeps everything between sentences as it is (white space, line breaks, blank lines),
except between two translated Khmer sentences of one paragraph, where
:func:`toolkit.lang.khmer.join_sentences` decides (no Latin space, one after a sentence end).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from toolkit.catalog.message import message_text
from toolkit.errors import UsageError
from toolkit.lang.khmer import join_sentences
from toolkit.segment import Segment
from toolkit.sources import Document, Unit


def _check_options(segment_options: dict[str, Any]) -> None:
    unknown = set(segment_options) - {"paragraphs", "rules", "front_matter_keys"}  # the last: Markdown's
    if unknown:
        raise UsageError(f"unknown segment option(s) for plain text: {', '.join(sorted(unknown))}")


def join_gap(previous: str, current: str, source_gap: str, language: str) -> str:
    """What goes between two sentences of one paragraph in the rendered document."""
    if language.split("_")[0] == "km":
        joined = join_sentences(previous, current)
        if joined is not None:
            return joined
    return source_gap


@dataclass(frozen=True)
class PlainText:
    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text")

    def extract(self, text: str, *, segment_options: dict[str, Any]) -> Document:
        """Blocks by the layout rules (``paragraphs`` option), then their sentences in one scan.

        The segments are exactly ``segment(text)``'s, so catalogs made before the seam stay valid.
        """
        from toolkit.segment import blocks, segment_blocks

        _check_options(segment_options)
        spans = blocks(text, lang="en", paragraphs=segment_options.get("paragraphs", "auto"))
        segments = segment_blocks(text, spans, lang="en", rules=segment_options.get("rules"))
        # A block starts on the line of its first character, so its line is that of its first
        # sentence; blocks without a sentence (white space only) are not translatable units.
        units = []
        si, count = 0, len(segments)
        for start, end in spans:
            while si < count and segments[si].start < start:
                si += 1
            if si < count and segments[si].start < end:
                units.append(Unit(text[start:end], start, end, segments[si].line))
        return Document(self.name, text, tuple(segments), units=tuple(units))

    def iter_segments(self, text: str, *, segment_options: dict[str, Any]) -> Iterator[Segment]:
        """The segments of :meth:`extract`, a batch of paragraphs at a time
        (:func:`toolkit.segment.iter_segments`, which gives ``segment(text)``'s)."""
        from toolkit.segment import iter_segments

        _check_options(segment_options)
        return iter_segments(text, lang="en", paragraphs=segment_options.get("paragraphs", "auto"),
                             rules=segment_options.get("rules"))

    def render(self, document: Document, translations: dict[str, str], language: str) -> str:
        """The translated document (see the module docstring)."""
        return "".join(self.render_stream(document.text, document.segments, translations, language))

    def render_stream(self, text: str, segments: Iterable[Segment], translations: dict[str, str],
                      language: str) -> Iterator[str]:
        """:meth:`render` in pieces of a few thousand sentences, from segments as they come
        (:meth:`iter_segments`): ``toolkit build`` never holds every sentence nor the whole result."""
        parts: list[str] = []
        prev: Segment | None = None
        previous_piece = ""
        for seg in segments:
            piece = translations.get(message_text(seg.text))
            if piece is None:
                piece = seg.text
            if prev is None:
                parts.append(text[: seg.start])
            else:
                gap = text[prev.end : seg.start]
                parts.append(gap if seg.paragraph != prev.paragraph else join_gap(previous_piece, piece, gap, language))
            parts.append(piece)
            prev, previous_piece = seg, piece
            if len(parts) >= 8192:
                yield "".join(parts)
                parts.clear()
        parts.append(text if prev is None else text[prev.end :])
        yield "".join(parts)


FORMAT = PlainText()
