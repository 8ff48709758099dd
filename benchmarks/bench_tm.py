"""Translation memory lookups: ours beside Translate Toolkit's matcher (what ``pot2po --tm`` uses)
and GNU ``msgmerge --compendium``, on the same memory and the same new sentences, in one run.

Data (deterministic, generated here): a memory of N units (default 50,000) whose English sources
are sentences of 8-22 words drawn from a Zipf-distributed vocabulary of 6,000 made-up words plus
numbers (so common words have long postings, like "the" in news), each with a unique target; and
Q new sentences (default 400): exact copies, copies with a number changed, with one word
replaced, with case and punctuation changed, with two words changed, and sentences that are not
in the memory at all. Every derived sentence knows the unit it came from, so a fill is *correct*
when it brings that unit's translation and *wrong* otherwise (any fill of a new sentence is wrong).

Printed per tool: time to build the memory, time for all lookups, fills (exact, and fuzzy at or
above 75, 85 and 95 on the tool's own score), correct and wrong fills, and our speed-up on
lookups. ``msgmerge`` gives no score, only fuzzy or not. Translate Toolkit scans the memory
linearly (Levenshtein per candidate within a length window): it runs on the first
``--tt-queries`` sentences (default 100) and its time is extrapolated to all of them.

    python benchmarks/bench_tm.py [--units 50000] [--queries 400] [--tt-queries 100]
    python benchmarks/bench_tm.py --scale 200000   # also: import a TMX of that many units
                                                   # (time, file size, peak memory of the process)
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ["ka", "ro", "mi", "tan", "sel", "po", "vik", "lu", "dor", "ne", "sha", "pri", "gu", "ter", "al",
             "ben", "co", "fa", "hil", "jo", "mar", "nu", "os", "quin", "ra", "sto", "ul", "ve", "wen", "zy"]
KHMER = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
KINDS = ["exact", "number", "word", "case", "two words", "new"]


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    origin: int | None  # index of the memory unit it was derived from


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], weights: list[float]) -> list[str]:
    tokens = rng.choices(vocab, weights, k=rng.randint(8, 22))
    for _ in range(rng.randint(0, 2)):
        tokens.insert(rng.randrange(len(tokens)), str(rng.randint(2, 9999)))
    return tokens


def text_of(tokens: list[str]) -> str:
    return (" ".join(tokens)[:1].upper() + " ".join(tokens)[1:]) + "."


def khmer_tag(n: int) -> str:
    out = []
    while True:
        n, rest = divmod(n, len(KHMER))
        out.append(KHMER[rest])
        if n == 0:
            return "".join(out)


def build(units: int, queries: int, seed: int = 20261206) -> tuple[list[tuple[str, str]], list[Query]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    memory: list[tuple[str, str]] = []
    tokens_of: list[list[str]] = []
    seen: set[str] = set()
    while len(memory) < units:
        tokens = sentence(rng, vocab, weights)
        text = text_of(tokens)
        if text in seen:
            continue
        seen.add(text)
        tokens_of.append(tokens)
        memory.append((text, f"ការបកប្រែ {khmer_tag(len(memory))}។"))
    found: list[Query] = []
    for number in range(queries):
        kind = KINDS[number % len(KINDS)]
        origin = rng.randrange(units)
        tokens = list(tokens_of[origin])
        if kind == "new":
            tokens, origin = sentence(rng, vocab, weights), None
            if text_of(tokens) in seen:
                continue
        elif kind == "number":
            spots = [i for i, t in enumerate(tokens) if t.isdigit()]
            i = rng.choice(spots) if spots else rng.randrange(len(tokens) + 1)
            if spots:
                tokens[i] = str(int(tokens[i]) + rng.randint(1, 9))
            else:
                tokens.insert(i, str(rng.randint(2, 99)))
        elif kind in ("word", "two words"):
            for _ in range(1 if kind == "word" else 2):
                tokens[rng.randrange(len(tokens))] = rng.choice(vocab)
        text = text_of(tokens)
        if kind == "case":
            text = text.upper().rstrip(".") + "!"
        found.append(Query(text, kind, origin))
    return memory, found


@dataclass
class Outcome:
    name: str
    build: float
    lookups: float
    scores: list[int | None]  # per query: score of the fill (None: no fill; -1: fuzzy without a score)
    correct: int
    wrong: int
    measured: int  # queries actually run (the time is extrapolated to all)


def ours(memory: list[tuple[str, str]], queries: list[Query], folder: Path) -> Outcome:
    from toolkit.tm.match import Matcher
    from toolkit.tm.store import Store, Unit

    start = time.perf_counter()
    store = Store(folder / "tm.sqlite")
    store.import_units("bench", (Unit(s, t, "km", f"bench#{i}") for i, (s, t) in enumerate(memory)))
    built = time.perf_counter() - start
    matcher = Matcher(store, "km")
    start = time.perf_counter()
    results = [matcher.best(q.text, 75) for q in queries]
    elapsed = time.perf_counter() - start
    store.close()
    scores = [None if r is None else r.score for r in results]
    targets = [None if r is None else r.unit.target for r in results]
    return _judge("toolkit (SQLite FTS5 + rapidfuzz)", built, elapsed, scores, targets, memory, queries, len(queries))


def translate_toolkit(memory: list[tuple[str, str]], queries: list[Query], sample: int) -> Outcome | None:
    try:
        from translate.search import match
        from translate.storage import po
    except ImportError:
        print("translate-toolkit is not installed: skipped", file=sys.stderr)
        return None
    start = time.perf_counter()
    store = po.pofile()
    for source, target in memory:
        store.addsourceunit(source).target = target
    matcher = match.matcher(store, max_candidates=1, min_similarity=75, max_length=1000)  # as pot2po --tm
    built = time.perf_counter() - start
    sample_queries = queries[:sample]
    start = time.perf_counter()
    results = [matcher.matches(q.text) for q in sample_queries]
    elapsed = (time.perf_counter() - start) * len(queries) / len(sample_queries)
    scores: list[int | None] = []
    targets: list[str | None] = []
    for found in results:
        if not found:
            scores.append(None)
            targets.append(None)
            continue
        note = (found[0].getnotes() or "").strip().rstrip("%")  # "90.19607843137254%"
        scores.append(int(float(note)) if note else 100)
        targets.append(str(found[0].target))
    return _judge("Translate Toolkit matcher (pot2po --tm)", built, elapsed, scores, targets, memory,
                  sample_queries, len(sample_queries))


def msgmerge(memory: list[tuple[str, str]], queries: list[Query], folder: Path) -> Outcome | None:
    tool = shutil.which("msgmerge")
    if tool is None:
        print("msgmerge (GNU gettext) is not installed: skipped", file=sys.stderr)
        return None
    import polib

    from toolkit.catalog.po import format_po
    from toolkit.catalog.reader import read_po

    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": "km"}
    compendium = polib.POFile(wrapwidth=0)
    compendium.metadata = header
    for source, target in memory:
        compendium.append(polib.POEntry(msgid=source, msgstr=target))
    template = polib.POFile(wrapwidth=0)
    template.metadata = header
    for q in dict.fromkeys(q.text for q in queries):
        template.append(polib.POEntry(msgid=q, msgstr=""))
    empty = polib.POFile(wrapwidth=0)
    empty.metadata = header
    for name, catalog in (("compendium.po", compendium), ("new.pot", template), ("empty.po", empty)):
        (folder / name).write_text(format_po(catalog), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([tool, "-q", "--compendium", str(folder / "compendium.po"), "-o", str(folder / "out.po"),
                    str(folder / "empty.po"), str(folder / "new.pot")], check=True)
    elapsed = time.perf_counter() - start
    filled = {e.msgid: e for e in read_po(folder / "out.po").entries if not e.obsolete}
    scores: list[int | None] = []
    targets: list[str | None] = []
    for q in queries:
        entry = filled.get(q.text)
        if entry is None or not entry.msgstr:
            scores.append(None)
            targets.append(None)
        else:
            scores.append(-1 if entry.fuzzy else 100)
            targets.append(entry.msgstr)
    return _judge("msgmerge --compendium (GNU gettext)", 0.0, elapsed, scores, targets, memory, queries, len(queries))


def _judge(name: str, built: float, elapsed: float, scores: list[int | None], targets: list[str | None],
           memory: list[tuple[str, str]], queries: list[Query], measured: int) -> Outcome:
    correct = wrong = 0
    for q, target in zip(queries, targets):
        if target is None:
            continue
        if q.origin is not None and memory[q.origin][1] == target:
            correct += 1
        else:
            wrong += 1
    return Outcome(name, built, elapsed, scores, correct, wrong, measured)


def import_at_scale(units: int, folder: Path) -> None:
    """Write a TMX of *units* units and import it with ``toolkit tm import`` in a child process."""
    from toolkit.tm.store import Unit
    from toolkit.tm.tmx import write_tmx

    memory, _ = build(units, 0, seed=7)
    path = folder / "big.tmx"
    write_tmx(path, (Unit(s, t, "km", f"big#{i}", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
                     for i, (s, t) in enumerate(memory)))
    del memory
    # The child reports its own peak, VmHWM (Linux); ru_maxrss would keep the forking parent's peak.
    code = ("import atexit, re, sys; atexit.register(lambda: print(re.search(r'VmHWM:\\s*(\\d+)', "
            "open('/proc/self/status').read()).group(1), file=sys.stderr)); sys.argv[0] = 'toolkit'; "
            "from toolkit._entry import main; main()")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "tm", "import", str(path), "--tm", str(folder / "big.sqlite")],
                          check=True, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    peak = int(done.stderr.split()[-1]) / 1024
    print(f"\nimport: {units:,} units, TMX {path.stat().st_size / 2**20:.1f} MB in {elapsed:.1f} s; "
          f"peak memory of the importing process {peak:.0f} MB; memory file "
          f"{(folder / 'big.sqlite').stat().st_size / 2**20:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--tt-queries", type=int, default=100)
    parser.add_argument("--scale", type=int, default=0, metavar="UNITS",
                        help="also write and import a TMX of UNITS units")
    args = parser.parse_args()
    if args.scale:
        with tempfile.TemporaryDirectory() as tmp:
            import_at_scale(args.scale, Path(tmp))
    memory, queries = build(args.units, args.queries)
    counts = {k: sum(1 for q in queries if q.kind == k) for k in KINDS}
    print(f"memory: {len(memory):,} units; new sentences: {len(queries)} "
          f"({', '.join(f'{v} {k}' for k, v in counts.items())})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = [r for r in (ours(memory, queries, folder), translate_toolkit(memory, queries, args.tt_queries),
                               msgmerge(memory, queries, folder)) if r is not None]
    print(f"\n{'tool':<42} {'build s':>8} {'lookup s':>9} {'exact':>6} {'>=75':>5} {'>=85':>5} {'>=95':>5} "
          f"{'fuzzy':>6} {'correct':>8} {'wrong':>6}")
    for r in results:
        scale = len(queries) / r.measured
        exact = sum(1 for s in r.scores if s == 100)
        at = [sum(1 for s in r.scores if s is not None and s >= t) for t in (75, 85, 95)]
        unscored = sum(1 for s in r.scores if s == -1)
        note = f" (measured on {r.measured}, scaled)" if r.measured != len(queries) else ""
        print(f"{r.name:<42} {r.build:>8.2f} {r.lookups:>9.2f} {exact * scale:>6.0f} {at[0] * scale:>5.0f} "
              f"{at[1] * scale:>5.0f} {at[2] * scale:>5.0f} {unscored * scale:>6.0f} {r.correct * scale:>8.0f} "
              f"{r.wrong * scale:>6.0f}{note}")
    base = results[0]
    for other in results[1:]:
        ours_ms, theirs_ms = (r.lookups / len(queries) * 1000 for r in (base, other))
        print(f"lookups: toolkit is {other.lookups / base.lookups:.1f}x faster than {other.name} "
              f"({ours_ms:.2f} ms vs {theirs_ms:.2f} ms per sentence)")


if __name__ == "__main__":
    main()
