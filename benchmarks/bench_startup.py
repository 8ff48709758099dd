"""Start-up time of `toolkit --help` (target < 0.3 s) beside a bare `python -c pass`.

Run: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _time(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("toolkit")
    toolkit = str(exe) if exe.exists() else shutil.which("toolkit")
    if not toolkit:
        sys.exit("toolkit is not installed in this environment")
    bare = _time([sys.executable, "-c", "pass"], args.runs)
    ours = _time([toolkit, "--help"], args.runs)
    print(f"python -c pass      : {bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"toolkit --help      : {ours * 1000:7.1f} ms (target < 300 ms)")
    print(f"ratio toolkit/python: {ours / bare:7.2f}x")


if __name__ == "__main__":
    main()
