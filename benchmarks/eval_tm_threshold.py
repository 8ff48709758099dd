"""How many translation memory fills are acceptable at each threshold (the default of
``toolkit translate --tm-min`` is chosen here).

Data, both written for this project: ``benchmarks/data/tm_pairs.tsv`` (memory source vs. new
sentence, labelled useful / wrong, with the cases TM meets in news: changed numbers, dates, case
and quotes) and ``tests/catalog/data/similarity_pairs.tsv`` (edits vs. different sentences, the
data the catalog merge threshold was chosen on; ``edit`` counts as useful).
For each threshold: fills (pairs scoring at or above it), acceptable fills (useful ones),
precision, and recall (useful pairs filled).

    python benchmarks/eval_tm_threshold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "benchmarks" / "data" / "tm_pairs.tsv", ROOT / "tests" / "catalog" / "data" / "similarity_pairs.tsv"]


def pairs() -> list[tuple[bool, str, str]]:
    rows = []
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, old, new = line.split("\t")
                rows.append((label in ("useful", "edit"), old, new))
    return rows


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from toolkit.tm.match import DEFAULT_MIN, score

    rows = pairs()
    scored = [(score(new, old), useful) for useful, old, new in rows]
    useful = sum(1 for _, u in scored if u)
    print(f"{len(rows)} pairs ({useful} useful, {len(rows) - useful} wrong) from "
          + ", ".join(str(p.relative_to(ROOT)) for p in FILES))
    print(f"{'min':>4} {'fills':>6} {'acceptable':>11} {'precision':>10} {'recall':>7}")
    for threshold in range(50, 101, 5):
        fills = [u for s, u in scored if s >= threshold]
        good = sum(fills)
        precision = good / len(fills) if fills else 1.0
        mark = "  <- default" if threshold == DEFAULT_MIN else ""
        print(f"{threshold:>4} {len(fills):>6} {good:>11} {precision:>10.3f} {good / useful:>7.3f}{mark}")


if __name__ == "__main__":
    main()
