"""``toolkit check``: glossary consistency and translation-quality checks over PO files.

``run_checks(paths, glossary=..., options=...)`` returns a :class:`CheckResult` (findings,
summary, unreadable files); ``result.report()`` is a :class:`toolkit.findings.Report` that
:mod:`toolkit.findings.render` renders as text, JSON, JUnit XML or GitHub Actions annotations.
Each check is one module of :mod:`toolkit.checks.builtin` (see :mod:`toolkit.checks.registry`).
"""

from __future__ import annotations

from toolkit.checks.config import CheckOptions, options_from_table, with_overrides
from toolkit.checks.registry import Check, Problem, all_checks
from toolkit.checks.runner import CheckResult, Summary, catalog_language, collect_files, run_checks
from toolkit.findings import Finding

__all__ = [
    "Check", "CheckOptions", "CheckResult", "Finding", "Problem", "Summary", "all_checks",
    "catalog_language", "collect_files", "needs_glossary", "options_from_table", "run_checks", "with_overrides",
]


def needs_glossary(options: CheckOptions) -> bool:
    """True if an enabled check of this run needs the glossary (so the CLI loads it)."""
    return any(c.needs_glossary for c in all_checks().values() if c.id in options.enabled and c.active(options))
