"""Where a command's words go: results on standard output (or ``-o FILE``), diagnostics — notes,
progress, warnings — on standard error, so ``toolkit X > result`` captures only the result."""

from __future__ import annotations

import sys
from pathlib import Path


def result(text: str, output: Path | None = None) -> None:
    """Write a command's result: to *output* atomically, else to standard output."""
    if output is not None:
        from toolkit.textio import atomic_write

        atomic_write(output, text)
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def line(text: str) -> None:
    """One line of a command's result on standard output."""
    print(text, file=sys.stdout)


def note(text: str) -> None:
    """A diagnostic for the person at the terminal: ``toolkit: note: ...`` on standard error."""
    print(f"toolkit: note: {text}", file=sys.stderr)
