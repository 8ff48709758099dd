"""Per-catalog limits (``--max-untranslated``, ``--max-fuzzy``, in percent of the live entries)
and the rule for when a catalog is over one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_untranslated: float | None = None
    max_fuzzy: float | None = None


def over(count: int, total: int, limit: float | None) -> float | None:
    if limit is None or total == 0:
        return None
    pct = 100.0 * count / total
    return pct if pct > limit else None
