"""The ``toolkit`` command: a thin Typer layer over the library.

Each command group lives in its own module and imports the library lazily inside the command,
so ``toolkit --help`` stays fast and ``toolkit check`` never imports the MT stack.
"""

from __future__ import annotations

from typing import Annotated

import typer

from toolkit import __version__
from toolkit.cli import check, glossary, models, report, segment, tm, translate
from toolkit.cli._app import new_app

app = new_app(
    help="Consistent-terminology translation of English news and policy text into Khmer.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Segment, apply the glossary, machine-translate offline, review in PO files, check in CI."""


segment.register(app)
glossary.register(app)
translate.register(app)
models.register(app)
check.register(app)
tm.register(app)
report.register(app)


def main() -> None:
    """Run the command line (the console script is :func:`toolkit._entry.main`, which adds the
    process-level guards)."""
    from toolkit._entry import main as entry

    entry()
