"""A progress bar on stderr (segments/s, ETA), shown only when stderr is a terminal.

In CI, in pipes and in tests nothing is written: a log full of carriage returns helps nobody.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    """True when *stream* (default stderr) is an interactive terminal and we are not in CI."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("TOOLKIT_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """``update(n)`` after each batch; ``close()`` ends the line. Redraws at most 10 times a second."""

    def __init__(self, total: int, label: str = "MT", stream: TextIO | None = None,
                 clock=time.monotonic) -> None:
        self.total, self.label, self.stream, self.clock = total, label, stream or sys.stderr, clock
        self.done, self.started, self._drawn = 0, clock(), 0.0

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        eta = f"{int(left // 60)}:{int(left % 60):02d}"
        return (f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                f"{rate:.1f} seg/s ETA {eta}")

    def update(self, n: int) -> None:
        self.done = min(self.total, self.done + n)
        now = self.clock()
        if now - self._drawn >= 0.1 or self.done == self.total:
            self._drawn = now
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r" + self.line() + "\n")
        self.stream.flush()
