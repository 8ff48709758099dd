"""``max-fuzzy``: a catalog has more fuzzy entries than the limit allows (runs only when a limit
is given: ``--max-fuzzy`` or ``[tool.toolkit.check]``)."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.catalog.stats import Stats
from toolkit.checks.context import Env
from toolkit.checks.limits import over_limit
from toolkit.checks.registry import Problem, check


@check("max-fuzzy", "error", order=90, scope="catalog",
       active=lambda options: options.limits.max_fuzzy is not None)
def max_fuzzy(stats: Stats, env: Env) -> Iterator[Problem]:
    """More than ``--max-fuzzy`` percent of the catalog's entries are fuzzy."""
    assert env.limits is not None
    message = over_limit(stats.fuzzy, stats.entries, env.limits.max_fuzzy, "fuzzy")
    if message is not None:
        yield Problem(message)
