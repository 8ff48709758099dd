"""When do worker processes make `toolkit check` faster? Wall time of ``--jobs 1`` beside
``--jobs N`` (N = the CPUs this process may use) at several input sizes, to set
``toolkit.checks.runner.PARALLEL_MIN_BYTES`` (below it, ``--jobs`` auto stays in one process).

The inputs are the generated news catalogs of ``bench_check.py`` (same generator, same 1,000-concept
glossary) cut to several sizes, plus the real Khmer catalogs of ``benchmarks/data/real-km`` and
``tests/catalog/data/real`` (software strings: short entries, the shipped glossary). Each run is a
fresh interpreter (no warm cache), runs alternate between the two settings (the machine is
shared: alternating keeps both under the same load), best of ``--runs``.

Run: python benchmarks/bench_jobs.py [--runs 3] [--sizes 1250,2500,5000,10000,20000]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_catalogs, make_glossary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Wall seconds of one library run (glossary loaded before the clock starts, as in bench_check).
_CHILD = """
import sys, time
from toolkit.checks import run_checks
from toolkit.glossary import load_glossary
glossary, jobs, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
g = load_glossary(None if glossary == '-' else [glossary])
start = time.perf_counter()
run_checks(paths, glossary=g, jobs=jobs)
print(time.perf_counter() - start)
"""


def _wall(glossary: str, jobs: int, paths: list[str], cwd: str) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, glossary, str(jobs), *paths], cwd=cwd,
                         capture_output=True, text=True, check=True).stdout
    return float(out)


def _compare(label: str, glossary: str, paths: list[str], jobs: int, runs: int, cwd: str) -> None:
    size = sum(Path(p).stat().st_size for p in paths)
    one, many = float("inf"), float("inf")
    for _ in range(runs):
        one = min(one, _wall(glossary, 1, paths, cwd))
        many = min(many, _wall(glossary, jobs, paths, cwd))
    verdict = "faster" if many < one * 0.95 else "slower" if many > one * 1.05 else "same"
    print(f"{label:34} {len(paths):4} files {size / 1e6:6.2f} MB   --jobs 1 {one:6.2f} s   "
          f"--jobs {jobs} {many:6.2f} s   ratio {many / one:4.2f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1250,2500,5000,10000,20000", help="entries per generated corpus")
    args = parser.parse_args()

    from toolkit.checks.runner import PARALLEL_MIN_BYTES, default_jobs

    jobs = default_jobs()
    print(f"{jobs} CPU cores available; PARALLEL_MIN_BYTES = {PARALLEL_MIN_BYTES:,}; best of {args.runs} "
          "(wall seconds, fresh interpreter per run)")
    if jobs < 2:
        print("only one CPU: worker processes cannot help here")
        return
    real = sorted(str(p) for d in ("benchmarks/data/real-km", "tests/catalog/data/real")
                  for p in (ROOT / d).rglob("*.po"))
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cwd:
        _compare("real Khmer catalogs", "-", real, jobs, args.runs, cwd)
        for entries in (int(n) for n in args.sizes.split(",")):
            rng = random.Random(20261125)
            root = Path(tmp) / str(entries)
            text, concepts = make_glossary(rng, 1000)
            root.mkdir()
            (root / "glossary.yaml").write_text(text, encoding="utf-8")
            files = make_catalogs(rng, root / "locales", concepts, entries, max(2, entries // 500))
            _compare(f"generated news, {entries} entries", str(root / "glossary.yaml"),
                     [str(p) for p in files], jobs, args.runs, cwd)


if __name__ == "__main__":
    main()
