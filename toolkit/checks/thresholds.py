"""Threshold checks per catalog: ``max-untranslated`` and ``max-fuzzy`` (percent of the live
entries). They run only when a limit is given (``--max-untranslated``, ``--max-fuzzy`` or
``[tool.toolkit.check]``); the finding points at the header entry."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.checks.registry import Problem, check


@dataclass(frozen=True)
class Stats:
    """Counts of one catalog's live (non-obsolete) entries."""

    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0


@dataclass(frozen=True)
class Limits:
    max_untranslated: float | None = None
    max_fuzzy: float | None = None


def _over(count: int, total: int, limit: float | None) -> float | None:
    if limit is None or total == 0:
        return None
    pct = 100.0 * count / total
    return pct if pct > limit else None


@check("max-untranslated", "error", scope="catalog")
def max_untranslated(stats: Stats, limits: Limits) -> Iterator[Problem]:
    """More than ``--max-untranslated`` percent of the catalog's entries are untranslated."""
    pct = _over(stats.untranslated, stats.entries, limits.max_untranslated)
    if pct is not None:
        yield Problem(f"{stats.untranslated} of {stats.entries} entries untranslated ({pct:.1f}% > "
                      f"{limits.max_untranslated:g}%)")


@check("max-fuzzy", "error", scope="catalog")
def max_fuzzy(stats: Stats, limits: Limits) -> Iterator[Problem]:
    """More than ``--max-fuzzy`` percent of the catalog's entries are fuzzy."""
    pct = _over(stats.fuzzy, stats.entries, limits.max_fuzzy)
    if pct is not None:
        yield Problem(f"{stats.fuzzy} of {stats.entries} entries fuzzy ({pct:.1f}% > {limits.max_fuzzy:g}%)")
