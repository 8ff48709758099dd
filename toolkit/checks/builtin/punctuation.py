"""The ``punctuation`` check: the sentence-final punctuation of source and translation agree.

Khmer ។ (khan) and ៕ (bariyosan) stand for a full stop, ៖ for a colon; ``?`` and ``!`` are the
same in both. Closing quotes and brackets after (or before) the final mark are skipped, so
``"Yes."`` and ``«បាទ»។`` agree. ZWSP, joiners and spaces are ignored. Not sentence punctuation:

* a source ending in an abbreviation (``U.S.``, ``etc.``, ``Misc.``, ``sec.`` — the segmenter's
  abbreviation list, :mod:`toolkit.segmentation.rules`): the translation may end without a stop;
* "." right after a Khmer letter or sign: it marks a Khmer abbreviation (``មិ.វិ.`` for ms,
  ``អតិ.`` for max); the Khmer sentence stop is ។. Such an ending matches a source with or
  without a full stop;
* a mark inside its own brackets at the end, ``(:)`` or ``[;]``: a literal, not punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from operator import and_, itemgetter, not_

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer
from toolkit.segmentation.rules import load_rules  # (imported with the check, as the others' modules)

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


_BRACKETED_MARK_RE = re.compile(r"[(\[{][.?!:;…។៕៖][)\]}][\s\u200b]*$")  # the rule; _bracketed_mark tells it
_ABBREVIATION = "Khmer abbreviation"
_DOUBLED = ("។។", "៕៕", "។៕")  # a doubled full stop at the end of a translation


def _bracketed_mark(text: str) -> bool:
    """``_BRACKETED_MARK_RE.search(text)``, told from the end: after the trailing white space and
    ZWSP (str.isspace is re's \\s) only the last three characters can be the bracketed mark, as
    the closing bracket is neither. (Fuzz-tested against the regular expression.)"""
    end = text.rstrip()
    while end.endswith("\u200b"):
        end = end.rstrip("\u200b").rstrip()
    return len(end) >= 3 and end[-3] in "([{" and end[-2] in ".?!:;…។៕៖" and end[-1] in ")]}"


def final(text: str) -> tuple[str | None, str]:
    """The class of the final punctuation of *text* (None when it has none; ``"Khmer
    abbreviation"`` for a "." after Khmer letters) and the text up to and including that mark."""
    if text[-1:] in _CLASSES:  # the usual case: the text ends on the mark (no closer, space or bracket)
        body = text
    elif _bracketed_mark(text):
        return None, text
    else:
        body = text.rstrip(_CLOSERS)
    if body.endswith("...") or body.endswith(khmer.ETCETERA):
        return ("ellipsis" if body.endswith("...") else "full stop"), body
    if not body:
        return None, body
    if body[-1] == "." and len(body) > 1 and khmer.is_khmer_char(body[-2]):
        return _ABBREVIATION, body
    return _CLASSES.get(body[-1]), body


_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")  # the source's last word, before its final "."


def _ends_in_abbreviation(body: str) -> bool:
    """The source ends in an abbreviation the segmenter knows, or in initials (``U.S.``)."""
    if _ABBREVIATION_RE.search(body):
        return True
    word = _LAST_WORD_RE.search(body)
    if word is None:
        return False
    return load_rules().abbreviation_class(word.group(1)) is not None


@check("punctuation", "warning", order=60)
def punctuation(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """Sentence-final punctuation differs (។ and ៕ stand for a full stop, ៖ for a colon;
    closing quotes and brackets around the final mark are skipped)."""
    held = [(entry, pair) for entry, (_, pairs) in zip(entries, env.visible_all(entries)) for pair in pairs]
    pairs = list(map(itemgetter(1), held))
    for i in compress(range(len(pairs)), map(not_, _full_stops(pairs))):
        entry, (source, translation) = held[i]
        problem = _problem(source, translation)
        if problem is not None:
            yield entry, problem


def _full_stops(pairs: list[tuple[str, str]]) -> list[bool]:
    """For each pair, whether :func:`_problem` surely finds nothing because both end on one full
    stop, told by C-level passes over a batch (the usual pair): an ASCII source ending in one "."
    (so not after a Khmer letter, not an ellipsis), a translation ending in one ។ (not doubled).
    The others are asked one by one."""
    sources, translations = list(map(itemgetter(0), pairs)), list(map(itemgetter(1), pairs))
    ok = map(and_, map(str.endswith, sources, repeat(".")), map(not_, map(str.endswith, sources, repeat(".."))))
    ok = map(and_, ok, map(str.isascii, sources))
    ok = map(and_, ok, map(str.endswith, translations, repeat("។")))
    return list(map(and_, ok, map(not_, map(str.endswith, translations, repeat(_DOUBLED)))))


def _problem(source: str, translation: str) -> Problem | None:
    """The final punctuation of one pair, if it differs."""
    want, body = final(source)
    have, tail = final(translation)
    if have == "full stop" and tail[-2:] in _DOUBLED and not body.endswith(".."):
        return Problem("the translation ends with a doubled full stop", expected=(tail[:-1],))
    if want == have:
        return None
    if have == _ABBREVIATION and want in (None, "full stop"):
        return None
    if want == "full stop" and have is None and _ends_in_abbreviation(body):
        return None
    if have == _ABBREVIATION:
        have = "full stop"  # then the source ends with ? ! : and the "." may be the stop
    if want is None:
        message = f"the translation ends with a {have} but the source has no final punctuation"
        expected: tuple[str, ...] = ()
    elif have is None:
        message = f"the source ends with a {want} but the translation has no final punctuation"
        expected = (_SHOWN[want],)
    else:
        message = f"the source ends with a {want} but the translation with a {have}"
        expected = (_SHOWN[want],)
    return Problem(message, expected=expected)
