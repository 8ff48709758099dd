"""``max-fuzzy``: a catalog has more fuzzy entries than the limit allows (runs only when a limit
is given: ``--max-fuzzy`` or ``[tool.toolkit.check]``)."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.catalog.stats import Stats
from toolkit.checks.context import Env
from toolkit.checks.limits import over
from toolkit.checks.registry import Problem, check


@check("max-fuzzy", "error", order=90, scope="catalog",
       active=lambda options: options.limits.max_fuzzy is not None)
def max_fuzzy(stats: Stats, env: Env) -> Iterator[Problem]:
    """More than ``--max-fuzzy`` percent of the catalog's entries are fuzzy."""
    assert env.limits is not None
    limits = env.limits
    pct = over(stats.fuzzy, stats.entries, limits.max_fuzzy)
    if pct is not None:
        yield Problem(f"{stats.fuzzy} of {stats.entries} entries fuzzy ({pct:.1f}% > {limits.max_fuzzy:g}%)")
