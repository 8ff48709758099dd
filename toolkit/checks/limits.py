"""Per-catalog limits (``--max-untranslated``, ``--max-fuzzy``, in percent of the live entries)
and the rule for when a catalog is over one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_untranslated: float | None = None
    max_fuzzy: float | None = None


def over_limit(count: int, total: int, limit: float | None, what: str) -> str | None:
    """The message when *count* of *total* entries is more than *limit* percent, else None."""
    if limit is None or total == 0:
        return None
    pct = 100.0 * count / total
    return f"{count} of {total} entries {what} ({pct:.1f}% > {limit:g}%)" if pct > limit else None
