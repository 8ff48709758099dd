"""Pausing Python's cyclic garbage collector around bulk work, in one place.

Segmenting, matching, checking and merging allocate hundreds of thousands of small objects and
make no reference cycles; with the collector on, its generation scans re-walk all of them and
grow with the input (they were ~40% of a ``toolkit check`` run and half of a 10,000-entry
``translate`` re-run, measured in the benchmarks). Memory is still freed by reference counting.
"""

from __future__ import annotations

import gc
from types import TracebackType


class paused_gc:  # lower case: used like the function it replaced, ``with paused_gc():``
    """Pause the cyclic collector for the block (restored as it was, also on error).

    A class rather than a ``contextmanager`` generator: the glossary matcher enters it once per
    text, and the generator's set-up cost showed in ``toolkit check`` profiles."""

    __slots__ = ("enabled",)

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        if self.enabled:
            gc.disable()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.enabled:
            gc.enable()
