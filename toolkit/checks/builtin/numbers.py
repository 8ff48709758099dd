"""``numbers``: every number of the source appears, with the same value, in the translation (the
reading rules are in :mod:`toolkit.checks.numbers`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.numbers import extra_numbers, missing_numbers
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer


@check("numbers", "error", order=40)
def numbers(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """A number of the source is missing or changed in the translation (error), or the translation
    has a number the source does not (warning). Khmer digits equal Latin digits; thousands
    separators, decimal marks, scales and Buddhist-era years are read as documented in
    :mod:`toolkit.checks.numbers`; markup placeholders are not numbers."""
    fine = env.numbers_fine  # told for the whole catalog at once (Env.prepare)
    for entry, (_, pairs) in zip(entries, env.visible_all(entries)):
        for source, translation in pairs:
            if (source, translation) not in fine:
                yield from ((entry, problem) for problem in _problems(source, translation))


def _problems(source: str, translation: str) -> Iterator[Problem]:
    """The numbers of one pair that are missing, changed or extra."""
    missing = False
    for message, expected in missing_numbers(source, translation):
        missing = True
        yield Problem(message, expected=expected)
    if missing:
        return  # a changed number is reported once, as missing
    for token in extra_numbers(source, translation):
        yield Problem(f"number {khmer.to_khmer_digits(token)} of the translation is not in the source",
                      severity="warning")
