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
    the same language. Every side is reported, once: one finding per distinct translation, at its
    first entry, naming the others with how often each is used (no side is guessed right)."""
    groups: dict[tuple[str | None, str, str | None], list[Unit]] = defaultdict(list)
    for unit in units:
        e = unit.entry
        groups[(e.msgctxt, e.msgid, e.msgid_plural)].append(unit)
    key = khmer.key
    for group in groups.values():
        # Equal translations have equal keys: only a group whose texts differ needs them.
        if len(group) < 2 or len({u.entry.translations for u in group}) < 2:
            continue
        if len({tuple(map(key, u.entry.translations)) for u in group}) < 2:
            continue
        members = [(u, tuple(canonical_numbers(key(t), s) for s, t in u.entry.pairs)) for u in group]
        counts = Counter(k for _, k in members)
        if len(counts) < 2:
            continue
        first: dict[tuple[str, ...], Unit] = {}
        for unit, k in members:
            first.setdefault(k, unit)
        for k, unit in first.items():
            others = sorted((other for other in first if other != k), key=lambda o: -counts[o])
            listed = "; ".join(
                f"“{first[o].entry.translations[0]}” ({first[o].path}:{first[o].entry.line}"
                + (f", {counts[o]} entries)" if counts[o] > 1 else ")")
                for o in others[:3]
            )
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            used = f" (here and in {counts[k] - 1} more)" if counts[k] > 1 else ""
            yield unit, Problem(
                f"translated {len(first)} ways{used}; elsewhere: {listed}{more}",
                expected=tuple(first[o].entry.translations[0] for o in others[:1]),
            )
