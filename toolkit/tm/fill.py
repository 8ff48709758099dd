"""Fill catalog entries from the translation memory, before MT (``toolkit translate``).

An entry is filled when it is empty, or holds an untouched MT draft or an untouched earlier TM
fill (see :mod:`toolkit.catalog.provenance`), and the memory has a match at or above the minimum
score. A translator's text is never replaced. A filled entry is

* flagged ``fuzzy`` (a translator reviews it, even at 100 %);
* given ``# tm: 87% draft=… origin=locales/km/LC_MESSAGES/a.po:12`` (translator comment: kept by
  msgmerge, msgcat and Poedit), and for a match below 100 % the memory's source as the previous
  msgid ``#|`` (editors show the difference to the new sentence);
* for a source with several different targets, the reviewed one changed last, with each other
  target on a ``# tm-other: TARGET (origin)`` line;
* numbers carried over from the new sentence (``# tm-numbers: 84 -> 81``) when the alignment is
  certain, else left as they were with ``# tm-numbers: not carried over (…); check them``;
* checked against the current glossary like an MT draft: a missing approved target or a
  deprecated term gives the flag ``glossary-mismatch`` and ``# glossary-mismatch: …``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.catalog.provenance import (
    MARKS,
    MISMATCH_FLAG,
    MISMATCH_PREFIX,
    MT_KEY_PREFIX,
    MT_PREFIX,
    TM_NUMBERS_PREFIX,
    TM_OTHER_PREFIX,
    TM_PREFIX,
    digest,
    replace_lines,
    same,
    tm_provenance,
    untouched_mt_draft,
)
from toolkit.tm.match import DEFAULT_MIN, Matcher
from toolkit.tm.numbers import carry

if TYPE_CHECKING:
    import polib

    from toolkit.glossary import TermMatch

OTHER_PREFIX, NUMBERS_PREFIX = TM_OTHER_PREFIX, TM_NUMBERS_PREFIX
_OURS = MARKS
MAX_OTHERS = 3


@dataclass(frozen=True)
class TMStats:
    """Counts for the run's summary line (``tm=``) and the report."""

    tm: int = 0  # entries filled (or refreshed) from the memory in this run
    exact: int = 0
    fuzzy: int = 0
    mismatches: int = 0  # fills that break the current glossary
    carried: int = 0  # fills whose numbers were carried over
    unsure: int = 0  # fills whose differing numbers could not be carried over


provenance = tm_provenance  # the tm: mark as a dict (score, draft, origin), or None


def _fillable(entry: "polib.POEntry") -> bool:
    if not entry.msgstr:
        return True
    info = provenance(entry)
    if info is not None:
        return same(info["draft"], digest(entry.msgstr))
    return untouched_mt_draft(entry)


def glossary_problems(text: str, found: Sequence["TermMatch"], glossary: Any, lang: str) -> list[str]:
    """What a target breaks in the current glossary (:mod:`toolkit.glossary.verify`, the MT
    drafts' and the checks' verdict): ``missing TERM``, ``deprecated “X” for TERM``."""
    from toolkit.glossary.verify import deprecated_terms, missing_terms

    problems = []
    missing = missing_terms(text, found, lang)
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    if glossary is not None:
        problems += [f"deprecated “{bad}” for {term}" for bad, term in deprecated_terms(text, found, glossary, lang)]
    return problems


def fill(entries: list["polib.POEntry"], matches: Mapping[str, Sequence["TermMatch"]], matcher: Matcher,
         glossary: Any, lang: str, min_score: int = DEFAULT_MIN) -> TMStats:
    """Fill *entries* (in place) from *matcher*'s memory; see the module docstring."""
    counts = {"tm": 0, "exact": 0, "fuzzy": 0, "mismatches": 0, "carried": 0, "unsure": 0}
    for entry in entries:
        if entry.obsolete or not entry.msgid or entry.msgid_plural or not _fillable(entry):
            continue
        match = matcher.best(entry.msgid, min_score)
        if match is None:
            continue
        unit = match.unit
        numbers = carry(unit.source, entry.msgid, unit.target)
        text = numbers.target
        origin = " ".join(unit.origin.split())  # one comment line, whatever a TMX tuid holds
        tm_lines = [f"{TM_PREFIX}{match.score}% draft={digest(text)} origin={origin}"]
        if numbers.changes:
            tm_lines.append(NUMBERS_PREFIX + ", ".join(f"{a} -> {b}" for a, b in numbers.changes))
        elif numbers.unsure:
            tm_lines.append(f"{NUMBERS_PREFIX}not carried over ({numbers.unsure}); check them")
        for other in match.others[:MAX_OTHERS]:
            tm_lines.append(f"{OTHER_PREFIX}{' '.join(other.target.split())} ({' '.join(other.origin.split())})")
        problems = glossary_problems(text, matches.get(entry.msgid, ()), glossary, lang)
        mismatch = [f"{MISMATCH_PREFIX}{'; '.join(problems)}"] if problems else []
        # one set of marks, as translator comments (see toolkit.catalog.provenance); an MT draft's
        # marks it replaces go, wherever an older version put them
        new_tcomment = replace_lines(entry.tcomment, _OURS, tm_lines + mismatch)
        new_comment = replace_lines(entry.comment, (MT_PREFIX, MT_KEY_PREFIX, MISMATCH_PREFIX), [])
        previous = None if match.exact else unit.source
        if (entry.msgstr == text and entry.tcomment == new_tcomment and entry.comment == new_comment
                and entry.previous_msgid == previous):
            continue  # the same fill as last run: nothing to do
        entry.msgstr = text
        entry.tcomment = new_tcomment
        entry.comment = new_comment
        entry.previous_msgid = previous
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        if problems and MISMATCH_FLAG not in entry.flags:
            entry.flags.append(MISMATCH_FLAG)
        elif not problems and MISMATCH_FLAG in entry.flags:
            entry.flags.remove(MISMATCH_FLAG)
        counts["tm"] += 1
        counts["exact" if match.exact else "fuzzy"] += 1
        counts["mismatches"] += bool(problems)
        counts["carried"] += bool(numbers.changes)
        counts["unsure"] += bool(numbers.unsure)
    return TMStats(**counts)

