"""``toolkit check``: glossary consistency and translation-quality checks over PO files.

``run_checks(paths, glossary=..., options=...)`` returns a :class:`CheckResult` (findings,
summary, unreadable files); :mod:`toolkit.checks.report` renders it as text, JSON, JUnit XML or
GitHub Actions annotations. Each check is a small function in the registry
(:mod:`toolkit.checks.registry`) with an id, a default severity and its docstring.
"""

from __future__ import annotations

from toolkit.checks.config import CheckOptions, options_from_table, with_overrides
from toolkit.checks.registry import Check, Problem, all_checks
from toolkit.checks.runner import CheckResult, Finding, Summary, catalog_language, collect_files, run_checks

__all__ = [
    "Check", "CheckOptions", "CheckResult", "Finding", "Problem", "Summary", "all_checks",
    "catalog_language", "collect_files", "options_from_table", "run_checks", "with_overrides",
]
