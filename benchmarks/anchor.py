"""The speed anchor of the check benchmarks (issue 11), in one place: polib parsing the same PO
files in a fresh interpreter, polib imported before the clock, as the check's own runs are timed;
and the instructions of both, which the machine's load does not move (valgrind's callgrind)."""

from __future__ import annotations

import os
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


# Instruction counts (callgrind; valgrind must be installed): each child runs once doing the work
# and once stopping before it (the interpreter's start, the imports, the glossary's load); the
# difference is the work's count. The check runs as the timed runs do: one process, glossary loaded
# and check modules imported first.
_IR_CHECK = """
import os, sys
from toolkit.checks import all_checks, run_checks
from toolkit.glossary import load_glossary
g = load_glossary(None if sys.argv[1] == "-" else sys.argv[1].split(os.pathsep))
all_checks()
if sys.argv[2] == "work":
    run_checks(sys.argv[3:], glossary=g, jobs=1)
"""
_IR_POLIB = """
import sys
import polib
if sys.argv[1] == "work":
    for path in sys.argv[2:]:
        polib.pofile(path)
"""


def _instructions(args: list[str], cwd: str | None) -> int:
    """Instructions callgrind counts for ``python -c *args*`` (hash seed fixed)."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          *args], cwd=cwd, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    return int(out.stderr.rsplit("Collected : ", 1)[1].split()[0])


def instructions(check_paths: list[str], glossary: list[str] | None, polib_paths: list[str],
                 cwd: str | None = None) -> tuple[float, float]:
    """Billions of instructions of ``toolkit check`` on *check_paths* (with the *glossary* files,
    None: none) and of polib parsing *polib_paths*, each less its interpreter's start."""
    arg = "-" if glossary is None else os.pathsep.join(glossary)
    check = (_instructions([_IR_CHECK, arg, "work", *check_paths], cwd)
             - _instructions([_IR_CHECK, arg, "no", *check_paths], cwd))
    anchor = _instructions([_IR_POLIB, "work", *polib_paths], cwd) - _instructions([_IR_POLIB, "no", *polib_paths], cwd)
    return check / 1e9, anchor / 1e9
