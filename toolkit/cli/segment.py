"""CLI for `toolkit segment`: split a text into sentences (text or JSON lines)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from toolkit.cli import output


class Lang(str, Enum):
    en = "en"
    km = "km"


class Format(str, Enum):
    text = "text"
    jsonl = "jsonl"


class Paragraphs(str, Enum):
    auto = "auto"
    blank = "blank"
    line = "line"


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""
    app.command("segment")(segment_command)


def segment_command(
    file: Annotated[str, typer.Argument(metavar="[FILE|-]",
                                        help="Text file to segment; - or nothing reads standard input "
                                             "(a pipe or FIFO is read until its writer closes it, like cat).")]
    = "-",
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the text.")] = Lang.en,
    format: Annotated[Format, typer.Option(
        "--format", "-f", help="text: one segment per line; jsonl: one JSON object per segment "
                               "(text, start, end, paragraph, line).")] = Format.text,
    paragraphs: Annotated[Paragraphs, typer.Option(
        "--paragraphs", help="How single line breaks are read: auto decides per document and line; blank: soft "
                             "wraps (only blank lines separate paragraphs); line: every line break ends a segment.")]
    = Paragraphs.auto,
) -> None:
    """Split a text into sentences with exact character offsets.

    English abbreviations can be extended with files listed in [tool.toolkit] abbreviations.
    """
    import json
    import re

    from toolkit.config import load_config
    from toolkit.segment import iter_segments, load_rules
    from toolkit.textio import read_text

    text = read_text(file)
    rules = load_rules(load_config().abbreviations) if lang is Lang.en else None
    breaks = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")

    def lines() -> Iterator[str]:
        for s in iter_segments(text, lang=lang.value, paragraphs=paragraphs.value, rules=rules):
            if format is Format.jsonl:
                yield json.dumps({"text": s.text, "start": s.start, "end": s.end, "paragraph": s.paragraph,
                                  "line": s.line}, ensure_ascii=False) + "\n"
            else:
                yield breaks.sub(" ", s.text) + "\n"

    output.stream(lines())
