"""Where a command's words go: results on standard output (or ``-o FILE``), diagnostics — notes,
progress, warnings — on standard error, so ``toolkit X > result`` captures only the result."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
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
    """:func:`result` for a long result made piece by piece: memory holds about a megabyte of
    it, not all; on standard output each batch goes out as it comes. ``-o FILE`` is made in an
    anonymous temporary file, then written atomically (:func:`toolkit.textio.atomic_write_chunks`,
    which holds Ctrl-C back while it writes: only the copy, not the making, waits for it)."""
    if output is not None:
        from toolkit.errors import UsageError
        from toolkit.textio import atomic_write_chunks, scratch_error, scratch_file

        if output.exists() and any(p.exists() and output.samefile(p) for p in inputs):
            raise UsageError("-o/--output names an input of the command; it would be overwritten", path=output)
        with scratch_file() as made:
            for batch in _batches(pieces):
                try:
                    made.write(batch.encode("utf-8"))
                except OSError as exc:
                    raise scratch_error(exc) from None
            made.seek(0)
            atomic_write_chunks(output, iter(lambda: made.read(1 << 20), b""))
        return
    for batch in _batches(pieces):
        sys.stdout.write(batch)
    sys.stdout.flush()


def _batches(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces joined into batches of about a megabyte (or 4,096 pieces)."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= 1 << 20 or len(batch) >= 4096:
            yield "".join(batch)
            batch.clear()
            held = 0
    if batch:
        yield "".join(batch)


def line(text: str) -> None:
    """One line of a command's result on standard output."""
    print(text, file=sys.stdout)


def note(text: str) -> None:
    """A diagnostic for the person at the terminal: ``toolkit: note: ...`` on standard error."""
    print(f"toolkit: note: {text}", file=sys.stderr)
