"""One findings model for everything that reports problems in files: ``toolkit check`` (PO
catalogs), ``toolkit glossary lint`` (glossary files) and the review report.

A :class:`Finding` is plain, frozen data — where (path, line, column), how bad (severity), which
rule (check id), what (message), and for terminology the concept and term concerned plus the
renderings that were expected. A :class:`Report` is a run's findings with what was looked at
(files, checks), what could not be read (problems) and the counts; :mod:`toolkit.findings.render`
turns one into text, JSON, JUnit XML or GitHub annotations, the same shapes for every command.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from toolkit.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, ToolkitError, UsageError

#: Severities, most severe first. ``info`` findings are shown but never fail a run.
SEVERITIES = ("error", "warning", "info")
#: What ``--fail-on`` accepts: a severity, or ``never``.
FAIL_ON = ("error", "warning", "info", "never")


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info (lower is more severe)."""
    return SEVERITIES.index(severity)


def parse_fail_on(value: str) -> str:
    """*value* if it is a valid ``--fail-on`` level, else the one usage error for it."""
    if value not in FAIL_ON:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)} (got {value!r})")
    return value


@dataclass(frozen=True)
class Finding:
    """One problem at one place in one file."""

    path: str
    line: int | None  # None: the file as a whole
    check: str
    severity: str
    message: str
    column: int | None = None
    concept: str | None = None
    term: str | None = None
    expected: tuple[str, ...] = ()
    msgctxt: str | None = None  # PO findings: the entry concerned
    msgid: str | None = None

    def fails(self, fail_on: str) -> bool:
        """True if this finding is at or above *fail_on*."""
        return fail_on != "never" and severity_rank(self.severity) <= severity_rank(fail_on)


@dataclass(frozen=True)
class Report:
    """A run's findings and context; ``counts`` are the run's own totals (entries, concepts...)."""

    tool: str  # "toolkit check", "toolkit glossary lint"
    findings: tuple[Finding, ...]
    files: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    problems: tuple[ToolkitError, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    summary: str = ""  # the human summary line

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, fail_on: str = "error") -> int:
        """2 if an input could not be read, else 1 if a finding is at or above *fail_on*, else 0."""
        if self.problems:
            return EXIT_INPUT
        return EXIT_FINDINGS if any(f.fails(fail_on) for f in self.findings) else EXIT_OK


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``; ``1 entry``, ``2 entries`` with *many* given."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
