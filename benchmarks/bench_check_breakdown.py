"""Where the time of `toolkit check` goes, beside polib's parse time (the anchor of issue 11's
speed target, <= 2x): CPU seconds of one library call in a fresh interpreter (no warm cache) with
every check, with all entry checks switched off (what is left is reading the catalogs, the batch
work per catalog done for the checks (Env.prepare, which still runs), the Khmer comparison keys
asked outside it and the runner), and without each entry check in turn
(its marginal cost, shared caches included: the check that first asks for a cached value pays
for it). Best of ``--runs``, runs of the configurations interleaved (the machine is shared).

Run: python benchmarks/bench_check_breakdown.py [--runs 3] [--glossary FILE] [PATH ...]
(default: the real Khmer catalogs of benchmarks/data/real-km and tests/catalog/data/real with
the shipped glossary; for the generated corpus of bench_check.py pass its locales and glossary)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One run: argv = glossary ('-': default), check to switch off ('' none, '*' every entry check), paths.
# Prints {"total": s, "read": s, "key": s, "prepare": s} (CPU seconds; the parts timed inside the run).
_CHILD = """
import dataclasses, json, sys, time
import toolkit.checks.runner as runner
from toolkit.glossary import load_glossary
from toolkit.lang import khmer
glossary, drop, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
g = load_glossary(None if glossary == '-' else [glossary])
spent = {"read": 0.0, "key": 0.0, "prepare": 0.0}
def timed(name, func):
    def run(*args):
        start = time.process_time()
        try:
            return func(*args)
        finally:
            spent[name] += time.process_time() - start
    return run
def nothing(entry, env):
    return ()
checks = {k: (dataclasses.replace(c, func=nothing) if c.scope == "entry" and drop in (k, "*") else c)
          for k, c in runner.all_checks().items()}
runner.all_checks = lambda: checks
if drop == "*":  # time the parts left (the timers cost a little; not used for the other runs)
    runner.read_po, khmer.key = timed("read", runner.read_po), timed("key", khmer.key)
    runner.Env.prepare = timed("prepare", runner.Env.prepare)
start = time.process_time()
runner.run_checks(paths, glossary=g, jobs=1)
print(json.dumps({"total": time.process_time() - start, **spent}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--glossary", default="-")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import polib

    from toolkit.checks.registry import all_checks
    from toolkit.checks.runner import collect_files

    paths = args.paths or [str(ROOT / "benchmarks/data/real-km"), str(ROOT / "tests/catalog/data/real")]
    files = [str(p) for p in collect_files(paths)[0]]
    anchor = float("inf")
    for _ in range(args.runs):
        start = time.process_time()
        for f in files:
            polib.pofile(f)
        anchor = min(anchor, time.process_time() - start)

    entry_checks = [k for k, c in all_checks().items() if c.scope == "entry"]
    configs = ["", "*", *entry_checks]
    best: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as cwd:  # no pyproject.toml configuration around
        for _ in range(args.runs):
            for drop in configs:
                out = json.loads(subprocess.run([sys.executable, "-c", _CHILD, args.glossary, drop, *files], cwd=cwd,
                                                capture_output=True, text=True, check=True).stdout)
                if drop not in best or out["total"] < best[drop]["total"]:
                    best[drop] = out

    total, base = best[""]["total"], best["*"]
    print(f"{len(files)} catalogs; CPU seconds, one process, fresh interpreter, best of {args.runs}")
    print(f"{'polib.pofile (anchor)':47} {anchor:6.3f} s")
    print(f"{'toolkit check, every check':47} {total:6.3f} s   {total / anchor:5.2f}x polib  (target <= 2x)")
    print(f"{'  without the entry checks':47} {base['total']:6.3f} s   {base['total'] / anchor:5.2f}x polib")
    print(f"{'    of which reading (catalog.reader)':47} {base['read']:6.3f} s")
    print(f"{'    of which batch work per catalog (prepare)':47} {base['prepare']:6.3f} s")
    print(f"{'    of which other Khmer keys (lang.khmer.key)':47} {base['key']:6.3f} s")
    rest = base["total"] - base["read"] - base["key"] - base["prepare"]
    print(f"{'    the rest (runner, corpus check, imports)':47} {rest:6.3f} s")
    print(f"{'  the entry checks together':47} {total - base['total']:6.3f} s")
    for check in sorted(entry_checks, key=lambda c: best[c]["total"]):
        print(f"{'    ' + check:47} {total - best[check]['total']:6.3f} s")


if __name__ == "__main__":
    main()
