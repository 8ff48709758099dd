"""`toolkit check` on 100,000 PO entries over many files with a 1,000-concept glossary, beside
polib parsing the same files (the anchor), same run; ratio printed. Target (issue 11): <= 2x polib.

Everything is generated here, deterministically (seeded): a synthetic glossary of 1,000 concepts
(English terms, Khmer renderings, some deprecated ones) and catalogs whose entries name two terms,
a date, a year and an amount, with ZWSP between Khmer words, Khmer digits, Khmer thousands
separators, plural and c-format entries, and a few seeded defects.

The single-process figures are CPU seconds; the parallel ones (worker processes, ``--jobs``) are
wall seconds, printed with the number of cores: on a busy machine they are the first to suffer.
The anchor is measured as the check is, in a fresh interpreter with its module imported before the
clock, in rounds beside the check's runs (best of each); polib warm in this process is printed too.
On a shared machine the best of each can come from different moments, so each round's ratio is
printed too, the check's run over the mean of the anchor runs just before and after it, and
their median: the figure a change of load moves least.

With ``--instructions`` (valgrind installed) the instructions of both are counted too: a ratio the
machine's load does not move (slow: about 50 times the run; use it with ``--entries 30000``).

Run: python benchmarks/bench_check.py [--entries 100000] [--files 200] [--runs 3] [--cli] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from anchor import instructions, polib_seconds

Z = "\u200b"
CONSONANTS = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
VOWELS = ["ា", "ិ", "ី", "ឹ", "ឺ", "ុ", "ូ", "េ", "ែ", "ៃ", "ោ", "ៅ", ""]
FINALS = ["ង", "ន", "ម", "ក", "ត", "ប", "ល", "ស", ""]
EN_SYLLABLES = ["ka", "lor", "vin", "mer", "sol", "tan", "bri", "dal", "quen", "rho", "zan", "pel", "tor", "wex"]
KINDS = ["Authority", "Council", "Commission", "Agency", "Committee", "Institute", "Office", "Board"]
KM_MONTHS = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _km_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) + rng.choice(FINALS) for _ in range(syllables))


def make_glossary(rng: random.Random, n: int) -> tuple[str, list[tuple[str, str, str | None]]]:
    """YAML text of *n* concepts and the list (english, khmer, deprecated khmer or None)."""
    concepts, seen_en, seen_km = [], set(), set()
    while len(concepts) < n:
        en = "".join(rng.choice(EN_SYLLABLES) for _ in range(2)).capitalize() + " " + rng.choice(KINDS)
        km = _km_word(rng, rng.randint(3, 5))
        if en in seen_en or km in seen_km:
            continue
        seen_en.add(en)
        seen_km.add(km)
        bad = _km_word(rng, 3) if rng.random() < 0.2 else None
        if bad in seen_km:
            bad = None
        concepts.append((en, km, bad))
    lines = ["domain: organisation", "concepts:"]
    for i, (en, km, bad) in enumerate(concepts):
        lines += [f"  - id: c{i:04d}", "    source: synthetic", "    en:", f"      - {en}", "    km:", f"      - {km}"]
        if bad:
            lines.append(f"      - {{term: {bad}, status: deprecated}}")
    return "\n".join(lines) + "\n", concepts


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_catalogs(rng: random.Random, root: Path, concepts, entries: int, files: int) -> list[Path]:
    paths = []
    per_file = entries // files
    for f in range(files):
        out = ['msgid ""', 'msgstr ""', '"Language: km\\n"', f'"X-Toolkit-Source: news/{f}.txt\\n"',
               '"Content-Type: text/plain; charset=UTF-8\\n"',
               '"Plural-Forms: nplurals=1; plural=0;\\n"', ""]
        for i in range(per_file):
            (a_en, a_km, a_bad), (b_en, b_km, _) = rng.sample(concepts, 2)
            day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(1990, 2030)
            amount = rng.randint(1000, 9_999_999)
            kind = rng.random()
            out.append(f"#: news/{f}.txt:{i + 1}")
            if kind < 0.05:
                out += ["#, c-format", f'msgid "The {a_en} counted %d case in area {i}."',
                        f'msgid_plural "The {a_en} counted %d cases in area {i}."',
                        f"msgstr[0] {_q(a_km + Z + 'បានរាប់ករណីចំនួន %d នៅតំបន់ ' + str(i).translate(KM_DIGITS) + '។')}", ""]
                continue
            msgid = f"The {a_en} met the {b_en} on {day} {EN_MONTHS[month]} {year} and approved {amount:,} dollars."
            km_amount = f"{amount:,}".replace(",", ".").translate(KM_DIGITS)
            first = a_bad if (a_bad and kind < 0.07) else a_km  # a few deprecated renderings
            msgstr = (f"{first}{Z}បានជួប{Z}{b_km} នៅថ្ងៃទី{str(day).translate(KM_DIGITS)} ខែ{KM_MONTHS[month]} "
                      f"ឆ្នាំ{str(year).translate(KM_DIGITS)} ហើយ{Z}បាន{Z}អនុម័ត {km_amount} ដុល្លារ។")
            if kind > 0.97:
                out.append("#, fuzzy")
            elif kind > 0.95:
                msgstr = ""
            out += [f"msgid {_q(msgid)}", f"msgstr {_q(msgstr)}", ""]
        path = root / f"part{f:03d}" / "km" / "LC_MESSAGES" / "news.po"
        path.parent.mkdir(parents=True)
        path.write_text("\n".join(out), encoding="utf-8")
        paths.append(path)
    return paths


def _best(fn, runs: int) -> tuple[float, object]:
    """Best CPU time of this process over *runs* (wall time is noisy on a shared machine)."""
    samples, value = [], None
    for _ in range(runs):
        start = time.process_time()
        value = fn()
        samples.append(time.process_time() - start)
    return min(samples), value


# One library run in a fresh interpreter, so that no cache of an earlier run is warm. Prints the
# CPU seconds of this process (single process) or the wall seconds (worker processes: their CPU
# time is spread over several cores), then the summary.
# Before the clock, as the CLI does before it checks: the glossary is loaded (through its on-disk
# cache) and the checks are listed (needs_glossary imports their modules); polib is imported
# before its clock too.
_CHILD = """
import sys, time
from toolkit.checks import all_checks, run_checks
from toolkit.glossary import load_glossary
locales, glossary, jobs = sys.argv[1], sys.argv[2], (None if sys.argv[3] == 'auto' else int(sys.argv[3]))
g = load_glossary([glossary])
all_checks()
cpu, wall = time.process_time(), time.perf_counter()
r = run_checks([locales], glossary=g, jobs=jobs)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
s = r.summary
print(wall if jobs != 1 else cpu, s.translated, s.fuzzy, s.untranslated, s.errors, s.warnings)
"""


def _polib(files: list[Path]) -> float:
    """CPU seconds of polib parsing *files* in a fresh interpreter (:mod:`anchor`)."""
    return polib_seconds(list(map(str, files)))


def _library(root: Path, jobs: str, runs: int) -> tuple[float, list[int]]:
    best, summary = float("inf"), []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _CHILD, str(root / "locales"), str(root / "glossary.yaml"), jobs],
                             capture_output=True, text=True, check=True).stdout.split()
        best, summary = min(best, float(out[0])), [int(x) for x in out[1:]]
    return best, summary


def _cli(cmd: list[str], runs: int) -> tuple[float, float]:
    """Best CPU time (user + system of the child) and best wall time of the program."""
    cpu, wall = [], []
    for _ in range(runs):
        before, start = os.times(), time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
        wall.append(time.perf_counter() - start)
        after = os.times()
        cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return min(cpu), min(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time the installed `toolkit check` program")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind (slow: use --entries 30000): unmoved by load")
    args = parser.parse_args()

    import polib

    from toolkit.catalog.reader import read_po
    from toolkit.checks.runner import default_jobs
    from toolkit.glossary import load_glossary

    rng = random.Random(20261125)
    cores = default_jobs()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        text, concepts = make_glossary(rng, args.concepts)
        (root / "glossary.yaml").write_text(text, encoding="utf-8")
        files = make_catalogs(rng, root / "locales", concepts, args.entries, args.files)
        total = sum(len(polib.pofile(str(p))) for p in files)

        t_polib_warm, _ = _best(lambda: [polib.pofile(str(p)) for p in files], args.runs)
        t_read, _ = _best(lambda: [read_po(p) for p in files], args.runs)
        t_load, glossary = _best(lambda: load_glossary([root / "glossary.yaml"]), 1)
        t_polib = t_check = float("inf")
        # Rounds: each check run between two anchor runs, as the machine's load changes; its
        # paired ratio is over the mean of the two (a change of load within a round cancels).
        paired: list[float] = []
        before = t_polib = _polib(files)
        for _ in range(args.runs):
            t, (translated, fuzzy, untranslated, errors, warnings) = _library(root, "1", 1)
            after = _polib(files)
            paired.append(t / ((before + after) / 2))
            t_polib, t_check, before = min(t_polib, after), min(t_check, t), after
        t_par, _ = _library(root, "auto", args.runs)

        print(f"corpus: {len(files)} files, {total} entries ({translated} translated, {fuzzy} fuzzy, "
              f"{untranslated} untranslated), glossary {len(glossary.concepts)} concepts; best of {args.runs}; "
              f"{cores} CPU cores available")
        print(f"{'polib.pofile (anchor, CPU)':40} {t_polib:7.2f} s   (fresh interpreter, as the check)")
        print(f"{'  the same, warm (runs in one process)':40} {t_polib_warm:7.2f} s   "
              f"(the check is {t_check / t_polib_warm:.2f}x this)")
        print(f"{'our PO reader alone (CPU)':40} {t_read:7.2f} s   {t_read / t_polib:5.2f}x polib")
        print(f"{'glossary load (CPU)':40} {t_load:7.2f} s")
        print(f"{'toolkit check, library, --jobs 1 (CPU)':40} {t_check:7.2f} s   {t_check / t_polib:5.2f}x polib  "
              f"(target <= 2x)   {errors} errors, {warnings} warnings")
        print(f"{'  paired rounds (check / polib around it)':40} median {statistics.median(paired):.2f}x   "
              f"(each round: {', '.join(f'{r:.2f}' for r in paired)})")
        print(f"{'toolkit check, library, --jobs auto (wall)':40} {t_par:7.2f} s   {t_par / t_polib:5.2f}x polib")
        if args.cli:
            exe = Path(sys.executable).with_name("toolkit")
            cmd = [str(exe), "check", str(root / "locales"), "-g", str(root / "glossary.yaml"), "--format", "json",
                   "-o", str(root / "report.json")]
            cpu1, wall1 = _cli([*cmd, "--jobs", "1"], args.runs)
            _cpu, wall = _cli(cmd, args.runs)
            print(f"{'toolkit check, CLI, --jobs 1 (CPU)':40} {cpu1:7.2f} s   {cpu1 / t_polib:5.2f}x polib  "
                  f"(wall {wall1:.2f} s)")
            print(f"{'toolkit check, CLI, --jobs auto (wall)':40} {wall:7.2f} s   {wall / t_polib:5.2f}x polib")
        if args.instructions:
            check_ir, polib_ir = instructions([str(root / "locales")], [str(root / "glossary.yaml")],
                                              list(map(str, files)))
            print(f"{'instructions (callgrind): check, polib':40} {check_ir:7.2f} G, {polib_ir:.2f} G   "
                  f"{check_ir / polib_ir:5.2f}x polib")
        print(f"toolkit check per entry: {t_check / total * 1e6:.1f} us "
              f"(CPU seconds, one process, best of {args.runs}; "
              "each library run in a fresh interpreter: no in-memory cache is warm; glossary loaded and check\n"
              " modules imported before the clock, as the CLI does before checking; Khmer cluster verdicts from the\n"
              " on-disk cache, warm after the first run)")


if __name__ == "__main__":
    main()
