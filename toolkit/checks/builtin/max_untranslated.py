"""``max-untranslated``: a catalog has more untranslated entries than the limit allows (runs only
when a limit is given: ``--max-untranslated`` or ``[tool.toolkit.check]``)."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.catalog.stats import Stats
from toolkit.checks.context import Env
from toolkit.checks.limits import over_limit
from toolkit.checks.registry import Problem, check


@check("max-untranslated", "error", order=80, scope="catalog",
       active=lambda options: options.limits.max_untranslated is not None)
def max_untranslated(stats: Stats, env: Env) -> Iterator[Problem]:
    """More than ``--max-untranslated`` percent of the catalog's entries are untranslated."""
    assert env.limits is not None
    message = over_limit(stats.untranslated, stats.entries, env.limits.max_untranslated, "untranslated")
    if message is not None:
        yield Problem(message)
