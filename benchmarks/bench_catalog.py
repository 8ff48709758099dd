"""Benchmark of ``toolkit translate`` (no MT) on a 10,000-segment document, beside polib.

    python benchmarks/bench_catalog.py [--segments 10000] [--repeat 3]

Generates an English news-like document of our own sentences (seeded), then times, best of
*repeat*, in a fresh temporary directory:

* ``toolkit translate DOC --to km --no-mt`` first run (template + catalog written) and unchanged
  re-run (the installed console script, so start-up is included);
* the anchor: polib's own ``pofile()`` load + ``save()`` of the same catalog;

and prints the table with the ratio ours / polib. Targets: first run < 5 s, re-run < 2 s.

It also prints the fuzzy-threshold evaluation (precision/recall of fuzzy guesses over
``tests/catalog/data/similarity_pairs.tsv`` for word-token and character similarity) and the
speed of fuzzy search: 10,000 edited sentences against 10,000 old ones with our word index,
beside all-pairs difflib scoring (measured on a sample, extrapolated).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "catalog" / "data" / "similarity_pairs.tsv"

SUBJECTS = ["The Ministry of Rural Development", "The provincial governor", "Prime Minister Hun Manet",
            "A spokesman for the National Assembly", "Villagers in Kampot", "The Council of Ministers",
            "Officials in Siem Reap", "The Ministry of Economy and Finance", "Commune chiefs in Takeo"]
VERBS = ["said on Monday that", "announced that", "told reporters that", "confirmed on Friday that"]
OBJECTS = ["{n} km of laterite roads would be repaired", "the road budget would rise by {n} per cent",
           "{n} new schools would open", "work on {n} bridges had already started",
           "{n} families had been moved to higher ground"]
TAILS = ["before the rainy season.", "by the end of the year.", "in {m} districts.", "despite the floods."]


def make_document(segments: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(segments // 4):
        sentences = []
        for _ in range(4):
            sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
                             f"{rng.choice(OBJECTS).format(n=rng.randint(1, 99999))} "
                             f"{rng.choice(TAILS).format(m=rng.randint(2, 99))}")
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def best(repeat: int, action) -> tuple[float, float]:
    """Best wall-clock seconds and best CPU seconds (this process + children) of *repeat* runs.

    CPU time is shown too because a shared machine inflates wall time with waiting.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        action()
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        cpus.append(sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before)))
    return min(walls), min(cpus)


def bench_translate(segments: int, repeat: int) -> None:
    exe = shutil.which("toolkit", path=str(Path(sys.executable).parent)) or shutil.which("toolkit")
    if exe is None:
        sys.exit("the toolkit console script is not installed (pip install -e .)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "doc.txt").write_text(make_document(segments), encoding="utf-8")
        command = [exe, "translate", "doc.txt", "--to", "km", "--no-mt"]

        def first() -> None:
            shutil.rmtree(work / "locales", ignore_errors=True)
            subprocess.run(command, cwd=work, check=True, capture_output=True)

        def again() -> None:
            done = subprocess.run(command, cwd=work, check=True, capture_output=True, text=True)
            assert "wrote" not in done.stderr, "an unchanged re-run wrote a file"

        t_first = best(repeat, first)
        t_again = best(repeat, again)
        po = work / "locales" / "km" / "LC_MESSAGES" / "doc.po"
        entries = sum(1 for line in po.read_text(encoding="utf-8").splitlines() if line.startswith("msgid "))

        import polib

        def polib_roundtrip() -> None:
            catalog = polib.pofile(str(po))
            catalog.save(str(work / "polib.po"))

        t_polib = best(repeat, polib_roundtrip)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"document: {segments} segments, catalog: {entries - 1} entries (best of {repeat}; load average {load})")
    print(f"{'run':<44}{'wall s':>8}{'/ polib':>9}{'cpu s':>8}{'/ polib':>9}")
    for label, (wall, cpu) in (("toolkit translate --no-mt, first run", t_first),
                               ("toolkit translate --no-mt, unchanged re-run", t_again),
                               ("polib pofile() + save() of that catalog", t_polib)):
        print(f"{label:<44}{wall:>8.2f}{wall / t_polib[0]:>9.2f}{cpu:>8.2f}{cpu / t_polib[1]:>9.2f}")
    print(f"targets (wall): first run < 5 s: {'met' if t_first[0] < 5 else 'MISSED'}; "
          f"re-run < 2 s: {'met' if t_again[0] < 2 else 'MISSED'}")


def evaluate_threshold() -> None:
    sys.path.insert(0, str(ROOT))
    from toolkit.catalog.fuzzy import THRESHOLD, similarity

    pairs = [line.rstrip("\n").split("\t") for line in PAIRS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]

    def chars(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a.casefold(), b.casefold(), autojunk=False).ratio()

    edits = sum(1 for label, _, _ in pairs if label == "edit")
    print(f"\nfuzzy threshold evaluation: {edits} edits, {len(pairs) - edits} different sentences "
          f"({PAIRS.relative_to(ROOT)}); chosen: word tokens at {THRESHOLD:.2f}")
    print(f"{'threshold':>9}  {'words P':>8} {'words R':>8}  {'chars P':>8} {'chars R':>8}")
    scored = {name: [(f(old, new), label) for label, old, new in pairs] for name, f in
              (("words", similarity), ("chars", chars))}
    for step in range(10, 19):
        threshold = step / 20
        row = []
        for name in ("words", "chars"):
            tp = sum(1 for s, label in scored[name] if s >= threshold and label == "edit")
            fp = sum(1 for s, label in scored[name] if s >= threshold and label == "other")
            row += [tp / (tp + fp) if tp + fp else 1.0, tp / edits]
        mark = "  <- chosen" if abs(threshold - THRESHOLD) < 1e-9 else ""
        print(f"{threshold:>9.2f}  {row[0]:>8.3f} {row[1]:>8.3f}  {row[2]:>8.3f} {row[3]:>8.3f}{mark}")


def bench_fuzzy(segments: int) -> None:
    from toolkit.catalog.fuzzy import THRESHOLD, FuzzyIndex, tokens

    rng = random.Random(1)
    old = [s for p in make_document(segments, seed=2).split("\n\n") for s in p.replace(". ", ".\n").splitlines()]
    new = []
    for sentence in old:
        words = sentence.split(" ")
        words[rng.randrange(len(words))] = rng.choice(["twelve", "several", "most", "new"])
        new.append(" ".join(words))
    start = time.perf_counter()
    index = FuzzyIndex(old)
    found = sum(1 for sentence in new if index.best(sentence) is not None)
    ours = time.perf_counter() - start
    sample = new[:20]
    old_tokens = [tokens(s) for s in old]
    start = time.perf_counter()
    for sentence in sample:
        query = tokens(sentence)
        max(difflib.SequenceMatcher(None, query, other, autojunk=False).ratio() for other in old_tokens)
    naive = (time.perf_counter() - start) / len(sample) * len(new)
    print(f"\nfuzzy search: {len(new)} edited sentences against {len(old)} old ones "
          f"(threshold {THRESHOLD:.2f}): guesses for {found}")
    print(f"  word index: {ours:.2f} s; all-pairs difflib (extrapolated from {len(sample)}): {naive:.0f} s; "
          f"ratio {naive / ours:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_translate(args.segments, args.repeat)
    evaluate_threshold()
    bench_fuzzy(args.segments)


if __name__ == "__main__":
    main()
