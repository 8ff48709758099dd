"""``numbers``: every number of the source appears, with the same value, in the translation (the
reading rules are in :mod:`toolkit.checks.numbers`)."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit import markup
from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.numbers import missing_numbers
from toolkit.checks.registry import Problem, check


@check("numbers", "error", order=40)
def numbers(entry: Entry, env: Env) -> Iterator[Problem]:
    """A number of the source is missing or changed in the translation (Khmer digits equal Latin
    digits; thousands separators and decimal marks are normalised, see the module docstring)."""
    kind = markup.entry_kind(entry.msgid, entry.references)
    for source, translation in entry.pairs:
        for message, expected in missing_numbers(markup.visible(source, kind), markup.visible(translation, kind)):
            yield Problem(message, expected=expected)
