"""``placeholders``: the printf / python-format / brace placeholders of source and translation are
the same (the syntax rules are in :mod:`toolkit.checks.placeholders`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.placeholders import placeholder_problem
from toolkit.checks.registry import Problem, check


@check("placeholders", "error", order=50)
def placeholders(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """printf / python-format / brace placeholders differ between source and translation (the PO
    format flags choose the syntax; see the module docstring)."""
    for entry in entries:
        for source, translation in entry.pairs:
            found = placeholder_problem(source, translation, entry.flags)
            if found is not None:
                yield entry, Problem(found[0], expected=found[1])
