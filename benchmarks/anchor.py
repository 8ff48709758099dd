"""The speed anchor of the check benchmarks (issue 11), in one place: polib parsing the same PO
files in a fresh interpreter, polib imported before the clock, as the check's own runs are timed."""

from __future__ import annotations

import subprocess
import sys

_POLIB_CHILD = """
import sys, time
import polib
start = time.process_time()
for path in sys.argv[1:]:
    polib.pofile(path)
print(time.process_time() - start)
"""


def polib_seconds(paths: list[str], cwd: str | None = None) -> float:
    """CPU seconds of polib parsing *paths* in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", _POLIB_CHILD, *paths], cwd=cwd, capture_output=True, text=True,
                         check=True).stdout
    return float(out)
