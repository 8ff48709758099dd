"""The ``inconsistent`` check: one msgid (with its msgctxt) has one translation across all the
catalogs of a language. Translations are compared as :func:`toolkit.lang.khmer.key`, so ZWSP,
spacing and encoding order do not count as differences, nor does the way a number of the source is
written (៤៥០០, ៤.៥០០ and ៤ ៥០០ for "4,500")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from toolkit.checks.context import Env, Unit
from toolkit.checks.numbers import canonical_numbers
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer


@check("inconsistent", "warning", order=30, scope="corpus")
def inconsistent(units: Sequence[Unit], env: Env) -> Iterator[tuple[Unit, Problem]]:
    """The same msgid (and msgctxt) is translated differently in different entries or files of
    the same language; the entries that differ from the most common translation are reported."""
    groups: dict[tuple[str | None, str, str | None], list[tuple[Unit, tuple[str, ...]]]] = defaultdict(list)
    for unit in units:
        e = unit.entry
        groups[(e.msgctxt, e.msgid, e.msgid_plural)].append((unit, unit.keys))
    for members in groups.values():
        if len(members) < 2 or len({k for _, k in members}) < 2:
            continue
        members = [(u, tuple(canonical_numbers(khmer.key(t), s) for s, t in u.entry.pairs)) for u, _ in members]
        counts = Counter(k for _, k in members)
        if len(counts) < 2:
            continue
        # The most common translation wins; on a tie, the first one met.
        order = {k: i for i, (_, k) in reversed(list(enumerate(members)))}
        best = max(counts, key=lambda k: (counts[k], -order[k]))
        model = next(u for u, k in members if k == best)
        shown = model.entry.translations
        for unit, k in members:
            if k != best:
                yield unit, Problem(
                    f"translated differently elsewhere ({model.path}:{model.entry.line}: “{shown[0]}”)",
                    expected=tuple(shown[:1]),
                )
