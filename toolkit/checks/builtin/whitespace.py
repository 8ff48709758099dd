"""The ``whitespace`` check: the translation begins and ends with the same whitespace as the
source — what GNU msgfmt (newlines) and Translate Toolkit's pofilter (``startwhitespace``,
``endwhitespace``) compare.

Programs and documents glue messages together (``"Saved" + " in " + name``); a lost or added
space, tab or line break at an end shows in the result. A leading or trailing newline that only
one side has is an error: msgfmt refuses to compile the catalog. Other differences are warnings.
A doubled space inside the translation where the source has none (pofilter's ``doublespacing``)
is reported as ``info``: cosmetic, a stray keystroke. ZWSP is not whitespace here (it is the
``invisible`` check's business).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check

_SPACE = frozenset(" \t\r\n\u00a0")
_LEADING = re.compile(r"[ \t\r\n\u00a0]*")
_TRAILING = re.compile(r"[ \t\r\n\u00a0]*\Z")
_DOUBLED = re.compile(r"(?<=\S)  +(?=\S)")  # inside the text, not at its ends


def _shown(text: str) -> str:
    return repr(text) if text else "nothing"


@check("whitespace", "warning", order=55)
def whitespace(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """Leading or trailing whitespace (spaces, tabs, line breaks) differs between source and
    translation; a newline at either end that only one side has is an error (msgfmt refuses it);
    a doubled space inside the translation but not in the source is info."""
    for entry in entries:
        for source, translation in entry.pairs:
            if "  " in translation and "  " not in source:
                inner = _DOUBLED.search(translation)
                if inner is not None:
                    yield entry, Problem(f"a doubled space at {inner.start()} (the source has none)",
                                         expected=(_DOUBLED.sub(" ", translation),), severity="info")
            if not translation or (source[:1] not in _SPACE and source[-1:] not in _SPACE
                                   and translation[:1] not in _SPACE and translation[-1:] not in _SPACE):
                continue  # the common case: no whitespace at either end of either side
            for end, pattern in (("begin", _LEADING), ("end", _TRAILING)):
                want = pattern.search(source).group()  # type: ignore[union-attr]  # the patterns always match
                have = pattern.search(translation).group()  # type: ignore[union-attr]
                if want == have:
                    continue
                side = (lambda text: text.startswith("\n")) if end == "begin" else (lambda text: text.endswith("\n"))
                if side(source) != side(translation):
                    yield entry, Problem(f"msgid and msgstr do not both {end} with a newline "
                                         "(msgfmt refuses to compile this)", expected=(want,), severity="error")
                elif want.strip("\n") != have.strip("\n") or want.count("\n") != have.count("\n"):
                    where = "begins" if end == "begin" else "ends"
                    yield entry, Problem(f"the source {where} with {_shown(want)}, "
                                         f"the translation with {_shown(have)}", expected=(want,))
