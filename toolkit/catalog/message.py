"""The rule that turns a sentence of a source document into a msgid, in one place: the
sentence's text with each line break (and the spaces around it) turned into one space, so
hard-wrapped sources give clean msgids. ``translate`` keys entries with it and ``build`` finds
each sentence's translation with it."""

from __future__ import annotations

import re

_NEWLINE_RUN = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")


def message_text(segment_text: str) -> str:
    """The msgid for a segment: its text with line breaks joined by one space."""
    return _NEWLINE_RUN.sub(" ", segment_text)
