"""Pausing Python's cyclic garbage collector around bulk work, in one place.

Segmenting, matching, checking and merging allocate hundreds of thousands of small objects and
make no reference cycles; with the collector on, its generation scans re-walk all of them and
grow with the input (they were ~40% of a ``toolkit check`` run and half of a 10,000-entry
``translate`` re-run, measured in the benchmarks). Memory is still freed by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block (restored as it was, also on error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
