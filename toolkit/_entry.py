"""The ``toolkit`` console script, kept outside :mod:`toolkit.cli` so that nothing is imported
before the guards are up: Ctrl-C even while the CLI is still importing ends with exit 130 and
one line, a full or closed standard output is one ``toolkit: error:`` line (exit 2), and so is
running out of memory — never a traceback."""

from __future__ import annotations

import errno
import os
import sys

EXIT_INTERRUPTED = 130


def _say(message: str) -> None:
    try:
        print(f"toolkit: {message}", file=sys.stderr, flush=True)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point standard output at the null device so the interpreter's final flush cannot fail
    again (and print 'Exception ignored ...')."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Run the CLI with the process-level guards; exits with the command's code."""
    code: int | str | None = 0
    try:
        from toolkit.cli import app

        try:
            app()
        except SystemExit as done:
            code = done.code
        sys.stdout.flush()
    except KeyboardInterrupt:
        _say("interrupted")
        code = EXIT_INTERRUPTED
    except MemoryError:
        _say("error: out of memory (is the input a device or an unbounded stream?)")
        code = 2
    except OSError as exc:
        if exc.errno not in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF) or os.environ.get("TOOLKIT_DEBUG"):
            raise
        if exc.errno != errno.EPIPE:  # a closed pipe (`| head`) is the reader's choice, not an error
            _say(f"error: cannot write to standard output ({exc.strerror})")
            code = 2
        _silence_stdout()
    raise SystemExit(code)
