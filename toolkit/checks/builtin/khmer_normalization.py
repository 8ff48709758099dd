"""The ``khmer-normalization`` check: msgstr is in normalized Khmer encoding order (UTN #61 +
NFC, as :func:`toolkit.lang.khmer.normalize`) and fits the Khmer syllable structure: encoding
errors a reader may see (a dotted circle, a misplaced sign) or that break search and comparison.
Invisible-character hygiene (doubled ZWSP and the like) is the separate ``invisible`` check.

We report, never rewrite: the message says what normalization would change (offset, code points
before and after, the rule) so the translator can fix it in their editor.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer as km

_COENG_DA = "\u17d2\u178a"
_COENG_TA = "\u17d2\u178f"


def _codepoints(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


@check("khmer-normalization", "warning", order=70)
def khmer_normalization(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """msgstr is not in normalized Khmer encoding order (UTN #61) or has a sequence that does not
    fit the Khmer syllable structure even once normalized (coeng without a base, a doubled vowel
    sign, a sign alone). Never reports invisible characters: see `invisible`."""
    clean = env.khmer_clean  # told for the whole catalog at once (Env.prepare)
    for entry in entries:
        for _source, translation in entry.pairs:
            translation = km.mask_separator_zwnj(translation)
            if translation not in clean:
                yield from ((entry, problem) for problem in _problems(translation))


def _problems(translation: str) -> Iterator[Problem]:
    """What is wrong with the encoding of one translation (ZWNJ separators masked)."""
    normal, issues = km.analyse(translation)
    # Subscript DA and subscript TA look the same and both spellings are in everyday use;
    # normalization folds them for comparison, but choosing one is not an encoding-order error.
    if normal != translation and normal != translation.replace(_COENG_DA, _COENG_TA):
        changes = km.normalization_changes(translation)
        shown = "; ".join(
            f"at {c.start}: {_codepoints(c.before)} -> {_codepoints(c.after)}"
            + (f" ({', '.join(c.rules)})" if c.rules else "")
            for c in changes[:3]
        )
        more = f" and {len(changes) - 3} more" if len(changes) > 3 else ""
        yield Problem(f"not in normalized Khmer order: {shown}{more}",
                      expected=(km.normalize(translation),))
    if issues:
        offset, message = issues[0]
        yield Problem(f"invalid Khmer sequence at {offset}: {message}")
