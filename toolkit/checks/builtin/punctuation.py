"""The ``punctuation`` check: the sentence-final punctuation of source and translation agree.

Khmer ។ (khan) and ៕ (bariyosan) stand for a full stop, ៖ for a colon; ``?`` and ``!`` are the
same in both. Closing quotes and brackets after (or before) the final mark are skipped, so
``"Yes."`` and ``«បាទ»។`` agree. A source ending in an abbreviation (``U.S.``, ``etc.``) may end
without a full stop in Khmer. ZWSP, joiners and spaces are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit import markup
from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer

_CLOSERS = "\"'”’»›)]}」』〉》\u00a0 \t\n\r" + "".join(khmer.INVISIBLE)
_CLASSES = {
    ".": "full stop", "។": "full stop", "៕": "full stop",
    "?": "question mark", "？": "question mark",
    "!": "exclamation mark", "！": "exclamation mark",
    ":": "colon", "៖": "colon",
    ";": "semicolon",
    "…": "ellipsis",
}
_ABBREVIATION_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:etc|Inc|Ltd|Co|Corp|Jr|Sr|No|St|approx|vs)\.$", re.I)
_SHOWN = {"full stop": "។", "question mark": "?", "exclamation mark": "!", "colon": "៖",
          "semicolon": ";", "ellipsis": "…"}


def final(text: str) -> tuple[str | None, str]:
    """The class of the final punctuation of *text* (None when it has none) and the text
    up to and including that mark."""
    body = text.rstrip(_CLOSERS)
    if body.endswith("...") or body.endswith(khmer.ETCETERA):
        return ("ellipsis" if body.endswith("...") else "full stop"), body
    if not body:
        return None, body
    return _CLASSES.get(body[-1]), body


@check("punctuation", "warning", order=60)
def punctuation(entry: Entry, env: Env) -> Iterator[Problem]:
    """Sentence-final punctuation differs (។ and ៕ stand for a full stop, ៖ for a colon;
    closing quotes and brackets around the final mark are skipped)."""
    kind = markup.entry_kind(entry.msgid, entry.references)
    for source, translation in entry.pairs:
        want, body = final(markup.visible(source, kind))
        have, _ = final(markup.visible(translation, kind))
        if want == have:
            continue
        if want == "full stop" and have is None and _ABBREVIATION_RE.search(body):
            continue
        if want is None:
            message = f"the translation ends with a {have} but the source has no final punctuation"
            expected: tuple[str, ...] = ()
        elif have is None:
            message = f"the source ends with a {want} but the translation has no final punctuation"
            expected = (_SHOWN[want],)
        else:
            message = f"the source ends with a {want} but the translation with a {have}"
            expected = (_SHOWN[want],)
        yield Problem(message, expected=expected)
