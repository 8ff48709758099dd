"""One exception hierarchy for the whole library.

The library never prints or exits; the CLI edge (:mod:`toolkit.cli._app`) maps each class to a
one-line message on stderr and an exit code. Every error that comes from a file names where:
``path:line: message`` or ``path: byte N: message``.
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

#: Exit codes, shared by every command.
EXIT_OK = 0
EXIT_FINDINGS = 1  # checks found something / --check would change a file
EXIT_INPUT = 2  # usage errors, unreadable or invalid input
EXIT_NO_MODEL = 3  # no translation model for the requested pair


def where(path: str | PathLike[str] | None, line: int | None = None, offset: int | None = None) -> str:
    """Format a location prefix: ``path:line`` or ``path: byte N``."""
    if path is None:
        return ""
    text = str(path)
    if line is not None:
        return f"{text}:{line}"
    if offset is not None:
        return f"{text}: byte {offset}"
    return text


class ToolkitError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code: int = EXIT_INPUT

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.offset = offset
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = where(self.path, self.line, self.offset)
        return f"{prefix}: {self.message}" if prefix else self.message


class UsageError(ToolkitError):
    """A bad option value or combination (``--to kh``, an unknown format)."""


class ConfigError(ToolkitError):
    """``[tool.toolkit]`` configuration that cannot be used."""


class InputError(ToolkitError):
    """A file that cannot be read or decoded (not text, bad encoding, missing)."""


class OutputError(ToolkitError):
    """A result that cannot be written (a directory in the way, no permission, a full disk)."""


class ProblemsError(InputError):
    """Several located problems found while validating one data set; all are reported."""

    def __init__(self, problems: Sequence[ToolkitError], summary: str = "invalid data") -> None:
        self.problems = list(problems)
        first = self.problems[0] if self.problems else None
        super().__init__(
            summary if first is None else str(first),
            path=None,
        )

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) or self.message


class GlossaryError(InputError):
    """A glossary file that does not validate (schema, encoding, duplicates)."""


class CatalogError(InputError):
    """A PO file that does not parse; it is never overwritten."""


class TMError(InputError):
    """A translation memory (SQLite file or TMX) that cannot be read or used."""


class LockedError(ToolkitError):
    """Another run holds the lock on a catalog."""


class ModelError(ToolkitError):
    """A translation model package that is invalid or cannot be loaded."""


class ModelNotFoundError(ModelError):
    """No installed model (or pivot) for the requested language pair."""

    exit_code = EXIT_NO_MODEL


class MTUnavailableError(ModelError):
    """The optional ``[mt]`` extra (argostranslate, ctranslate2, sentencepiece) is not installed."""

    exit_code = EXIT_NO_MODEL
