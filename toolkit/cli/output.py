"""Where a command's words go: results on standard output (or ``-o FILE``), diagnostics — notes,
progress, warnings — on standard error, so ``toolkit X > result`` captures only the result."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path


def result(text: str, output: Path | None = None, inputs: Sequence[Path] = ()) -> None:
    """Write a command's result: to *output* atomically, else to standard output. An *output*
    that is one of the command's *inputs* is refused (it would be overwritten by its own result)."""
    if output is not None:
        from toolkit.errors import UsageError
        from toolkit.textio import atomic_write

        if output.exists() and any(p.exists() and output.samefile(p) for p in inputs):
            raise UsageError("-o/--output names an input of the command; it would be overwritten", path=output)
        atomic_write(output, text)
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def stream(pieces: Iterable[str], output: Path | None = None, inputs: Sequence[Path] = ()) -> None:
    """:func:`result` for a long result made piece by piece: on standard output each piece goes
    out as it comes (memory holds a few thousand, not all); ``-o FILE`` is still written whole
    and atomically."""
    if output is not None:
        result("".join(pieces), output, inputs)
        return
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= 4096:
            sys.stdout.write("".join(batch))
            batch.clear()
    sys.stdout.write("".join(batch))
    sys.stdout.flush()


def line(text: str) -> None:
    """One line of a command's result on standard output."""
    print(text, file=sys.stdout)


def note(text: str) -> None:
    """A diagnostic for the person at the terminal: ``toolkit: note: ...`` on standard error."""
    print(f"toolkit: note: {text}", file=sys.stderr)
