"""`toolkit check` on real Khmer catalogs of public projects, against a hand judgement.

The catalogs are ``benchmarks/data/real-km/*/*.po`` and ``tests/catalog/data/real/*.po`` (sources
and licences in the SOURCES.md beside them). ``benchmarks/data/real-km/judged.jsonl`` holds one
record per judged finding and per defect the checks miss:

    {"file", "msgctxt", "msgid", "check", "term", "verdict", "reason"}

``verdict`` is ``true`` (a real defect the check reports), ``false`` (a false alarm) or ``miss``
(a real defect the check did not report when it was judged; a later version that reports it
counts it as found). A finding is identified by (file, msgctxt, msgid, check, term), not by its
line, so the judgement survives edits to the catalogs' layout and new checks.

Each catalog is checked in its own ``toolkit check`` call, as each project's CI would run it (one
call over all of them would compare translations across unrelated projects for ``inconsistent``),
from an empty working directory (no ``[tool.toolkit]`` configuration: toolkit's defaults).
Printed per check: findings, judged true / false / unjudged, precision and false-alarm rate
(per finding), and recall (defects reported / (true + missed defects)); error-level false alarms
per catalog (CI would fail on them); the issue-11 targets. Then Translate Toolkit's ``pofilter``
on the same files and entries (``--nofuzzy``), judged in ``pofilter-judged.jsonl``, beside ours.
Then speed: ``toolkit check`` on all catalogs in one call vs polib parsing them (the anchor).

Run: python benchmarks/eval_check_real.py [--glossary PATH ...] [--no-glossary] [--config FILE]
     [--show N] [--no-pofilter] [--no-timing] [--runs 3] [--instructions]
(--config FILE: a pyproject.toml whose [tool.toolkit.check] the checks run with, e.g. to measure a
check that is off by default.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from anchor import instructions, polib_seconds

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "real-km"
JUDGED = DATA / "judged.jsonl"
POFILTER_JUDGED = DATA / "pofilter-judged.jsonl"
VERDICTS = ("true", "false", "miss")
SEVERITIES = ("error", "warning", "info")

# pofilter tests comparable with one of our checks.
POFILTER_TESTS = {
    "numbers": "numbers",
    "endpunc": "punctuation",
    "printf": "placeholders",
    "pythonbraceformat": "placeholders",
    "startwhitespace": "whitespace",
    "endwhitespace": "whitespace",
    "newlines": "whitespace",
    "doublespacing": "whitespace",
}

# Issue 11's targets. Invisible-character hygiene (``invisible``) is info by default (or off), so
# its defects are listed in the table but left out of the recall target.
TARGET_ERROR_FALSE = 0
RECALL_EXCLUDES = {"invisible"}
TARGET_WARNING_FALSE_RATE = 0.05
TARGET_RECALL = 0.95

Key = tuple[str, str | None, str, str, str | None]  # file, msgctxt, msgid, check, term


def catalogs() -> list[Path]:
    """Every real catalog measured, as paths relative to the repository root."""
    found = sorted(DATA.glob("*/*.po")) + sorted((ROOT / "tests" / "catalog" / "data" / "real").glob("*.po"))
    return [p.relative_to(ROOT) for p in found]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def key_of(record: dict) -> Key:
    return (record["file"], record.get("msgctxt"), record["msgid"], record["check"], record.get("term"))


def run_toolkit(files: Iterable[Path], glossary_args: list[str], cwd: str) -> list[dict]:
    """Findings of one ``toolkit check --format json`` call per catalog, each with its ``file``
    (repository-relative). Run in *cwd*, a directory without configuration: these are other
    people's projects, checked with toolkit's defaults."""
    findings = []
    for path in files:
        cmd = [sys.executable, "-m", "toolkit", "check", "--format", "json", "--fail-on", "never",
               *glossary_args, str(ROOT / path)]
        out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"toolkit check failed on {path} (exit {out.returncode}): {out.stderr.strip()}")
        for f in json.loads(out.stdout)["findings"]:
            f["file"] = str(path)
            findings.append(f)
    return findings


def _rate(num: int, den: int) -> str:
    return f"{num / den:6.1%}" if den else "     -"


def report_toolkit(findings: list[dict], judged: list[dict], show: int) -> bool:
    """Print the per-check table, the CI verdict per catalog and the targets; True if all met."""
    verdict = {key_of(r): r["verdict"] for r in judged}
    found_keys = {key_of({**f, "file": f["file"]}) for f in findings}
    checks = sorted({f["check"] for f in findings} | {r["check"] for r in judged})
    print(f"{'check':22} {'findings':>8} {'true':>5} {'false':>5} {'unjudged':>8} {'precision':>9} "
          f"{'false-alarm':>11} {'defects':>7} {'found':>5} {'recall':>6}")
    totals: Counter[str] = Counter()
    unjudged: list[dict] = []
    warning_up = Counter()
    for check in checks:
        mine = [f for f in findings if f["check"] == check]
        c: Counter[str] = Counter()
        for f in mine:
            v = verdict.get(key_of(f))
            v = "true" if v == "miss" else v  # a miss that is now reported is a true finding
            c[v or "unjudged"] += 1
            if v is None:
                unjudged.append(f)
            if f["severity"] in ("error", "warning") and v in ("true", "false"):
                warning_up[v] += 1
        defects = [r for r in judged if r["check"] == check and r["verdict"] in ("true", "miss")]
        hit = sum(1 for r in defects if key_of(r) in found_keys)
        totals.update(findings=len(mine), true=c["true"], false=c["false"], unjudged=c["unjudged"],
                      defects=len(defects), found=hit)
        print(f"{check:22} {len(mine):8} {c['true']:5} {c['false']:5} {c['unjudged']:8} "
              f"{_rate(c['true'], c['true'] + c['false']):>9} {_rate(c['false'], c['true'] + c['false']):>11} "
              f"{len(defects):7} {hit:5} {_rate(hit, len(defects)):>6}")
    t = totals
    print(f"{'all':22} {t['findings']:8} {t['true']:5} {t['false']:5} {t['unjudged']:8} "
          f"{_rate(t['true'], t['true'] + t['false']):>9} {_rate(t['false'], t['true'] + t['false']):>11} "
          f"{t['defects']:7} {t['found']:5} {_rate(t['found'], t['defects']):>6}")

    print("\nerror-level findings per catalog (would CI fail, and only on false alarms?)")
    by_file: dict[str, Counter[str]] = defaultdict(Counter)
    for f in findings:
        if f["severity"] == "error":
            v = verdict.get(key_of(f))
            by_file[f["file"]]["true" if v in ("true", "miss") else v or "unjudged"] += 1
    failing = only_false = 0
    error_false = 0
    for path in sorted(by_file):
        c = by_file[path]
        failing += 1
        error_false += c["false"]
        if c["false"] and not c["true"]:
            only_false += 1
        print(f"  {path:55} errors={sum(c.values()):3}  true={c['true']:3}  false={c['false']:3}  "
              f"unjudged={c['unjudged']:3}")
    print(f"  {failing} catalog(s) fail CI; {only_false} of them only on false alarms")

    rate = warning_up["false"] / max(1, warning_up["true"] + warning_up["false"])
    defects = [r for r in judged if r["verdict"] in ("true", "miss") and r["check"] not in RECALL_EXCLUDES]
    hit = sum(1 for r in defects if key_of(r) in found_keys)
    recall = hit / max(1, len(defects))
    ok = [error_false <= TARGET_ERROR_FALSE, rate <= TARGET_WARNING_FALSE_RATE, recall >= TARGET_RECALL]
    print("\ntargets (issue 11)")
    print(f"  false alarms at error level      {error_false:6}   target {TARGET_ERROR_FALSE}      "
          f"{'met' if ok[0] else 'NOT met'}")
    print(f"  false alarms at warning or above {rate:6.1%}   target <= {TARGET_WARNING_FALSE_RATE:.0%}  "
          f"{'met' if ok[1] else 'NOT met'}  ({warning_up['false']} of {warning_up['true'] + warning_up['false']})")
    print(f"  recall of real defects           {recall:6.1%}   target >= {TARGET_RECALL:.0%} "
          f"{'met' if ok[2] else 'NOT met'}  ({hit} of {len(defects)}; without {', '.join(sorted(RECALL_EXCLUDES))})")
    if unjudged:
        print(f"\n{len(unjudged)} unjudged finding(s) (add them to {JUDGED.relative_to(ROOT)}):")
        for f in unjudged[:show]:
            print(f"  {f['file']}:{f['line']}: [{f['check']}] term={f.get('term')!r} msgid={f['msgid'][:60]!r}: "
                  f"{f['message'][:100]}")
        if len(unjudged) > show:
            print(f"  … and {len(unjudged) - show} more (--show N)")
    return all(ok)


def run_pofilter(files: Iterable[Path]) -> tuple[list[dict], list[str]] | None:
    """pofilter's findings on the comparable tests, one dict per (entry, test), and the catalogs
    it could not read; None without pofilter."""
    exe = shutil.which("pofilter") or str(Path(sys.executable).parent / "pofilter")
    if not Path(exe).exists():
        return None
    from toolkit.catalog.reader import read_po

    tests = [arg for name in POFILTER_TESTS for arg in ("-t", name)]
    out: list[dict] = []
    unread: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(files):
            target = Path(tmp) / f"{i}.po"
            done = subprocess.run([exe, "--nofuzzy", "--language=km", *tests, str(ROOT / path), str(target)],
                                  capture_output=True, text=True)
            if "Error processing" in done.stderr or done.returncode != 0:
                # pofilter writes nothing for a file its parser refuses (e.g. mixed CRLF/LF line
                # ends, which msgfmt and our reader accept).
                why = [line.split("template None: ")[-1] for line in done.stderr.splitlines() if "rror" in line]
                unread.append(f"{path}: {(why or ['exit ' + str(done.returncode)])[0][:100]}")
                continue
            if not target.exists() or target.stat().st_size == 0:
                continue
            for entry in read_po(target).entries:
                for line in entry.tcomment.splitlines():
                    if line.startswith("(pofilter) "):
                        test = line[len("(pofilter) "):].split(":", 1)[0]
                        out.append({"file": str(path), "msgctxt": entry.msgctxt, "msgid": entry.msgid,
                                    "test": test, "message": line})
    return out, unread


def report_pofilter(found: list[dict], judged_pf: list[dict], judged: list[dict], findings: list[dict]) -> None:
    verdict = {(r["file"], r.get("msgctxt"), r["msgid"], r["test"]): r["verdict"] for r in judged_pf}
    print(f"{'pofilter test':18} {'ours':12} {'findings':>8} {'true':>5} {'false':>5} {'unjudged':>8} "
          f"{'false-alarm':>11}")
    per_check: dict[str, Counter[str]] = defaultdict(Counter)
    for test, check in POFILTER_TESTS.items():
        c: Counter[str] = Counter()
        for f in found:
            if f["test"] == test:
                c[verdict.get((f["file"], f["msgctxt"], f["msgid"], test), "unjudged")] += 1
        per_check[check].update(c)
        n = sum(c.values())
        print(f"{test:18} {check:12} {n:8} {c['true']:5} {c['false']:5} {c['unjudged']:8} "
              f"{_rate(c['false'], c['true'] + c['false']):>11}")

    ours_verdict = {key_of(r): r["verdict"] for r in judged}
    print(f"\n{'check':14} {'ours: findings':>14} {'false-alarm':>11} {'recall':>7}   "
          f"{'pofilter: findings':>18} {'false-alarm':>11} {'recall':>7}")
    for check in sorted(per_check):
        mine = [f for f in findings if f["check"] == check]
        cm: Counter[str] = Counter()
        for f in mine:
            v = ours_verdict.get(key_of(f))
            cm["true" if v == "miss" else v or "unjudged"] += 1
        defects = [r for r in judged if r["check"] == check and r["verdict"] in ("true", "miss")]
        our_keys = {key_of(f) for f in mine}
        tests = {t for t, c in POFILTER_TESTS.items() if c == check}
        pf_entries = {(f["file"], f["msgctxt"], f["msgid"]) for f in found if f["test"] in tests}
        our_hit = sum(1 for r in defects if key_of(r) in our_keys)
        pf_hit = sum(1 for r in defects if (r["file"], r.get("msgctxt"), r["msgid"]) in pf_entries)
        cp = per_check[check]
        print(f"{check:14} {len(mine):14} {_rate(cm['false'], cm['true'] + cm['false']):>11} "
              f"{_rate(our_hit, len(defects)):>7}   {sum(cp.values()):18} "
              f"{_rate(cp['false'], cp['true'] + cp['false']):>11} {_rate(pf_hit, len(defects)):>7}")
    print("(recall: of the real defects judged for our check id; pofilter's doublespacing and newlines "
          "also find\n internal spacing defects that no check of ours covers, counted true above)")


# Before the clock, as the CLI does before it checks: the glossary is loaded (through its on-disk
# cache) and the checks are listed (needs_glossary imports their modules); polib is imported
# before its clock too.
_CHILD = """
import sys, time
from toolkit.checks import all_checks, run_checks
from toolkit.glossary import load_glossary
g = load_glossary(None if sys.argv[1] == '-' else sys.argv[1].split(os.pathsep))
all_checks()
start = time.process_time()
r = run_checks(sys.argv[2:], glossary=g, jobs=1)
print(time.process_time() - start, len(r.findings))
""".replace("import sys, time", "import os, sys, time")


def report_timing(files: list[Path], glossary_paths: list[str] | None, runs: int, cwd: str,
                  count_instructions: bool = False) -> None:
    import polib

    paths = [str(ROOT / p) for p in files]
    arg = "-" if glossary_paths is None else os.pathsep.join(glossary_paths)
    polib_best = polib_warm = lib_best = lib_cold = float("inf")
    cold = {**os.environ, "TOOLKIT_NO_CACHE": "1"}  # no on-disk cache: every Khmer cluster asked of pheasa
    for _ in range(runs):  # rounds: anchor and check side by side (the machine's load changes over time)
        polib_best = min(polib_best, polib_seconds(paths, cwd))  # the anchor, as the check is timed
        start = time.process_time()
        for p in paths:
            polib.pofile(p)
        polib_warm = min(polib_warm, time.process_time() - start)
        for env in (None, cold):
            out = subprocess.run([sys.executable, "-c", _CHILD, arg, *paths], cwd=cwd, capture_output=True,
                                 text=True, check=True, env=env).stdout.split()
            if env is None:
                lib_best = min(lib_best, float(out[0]))
            else:
                lib_cold = min(lib_cold, float(out[0]))

    cli_cpu, cli_wall = float("inf"), float("inf")
    glossary_args = [a for p in glossary_paths or [] for a in ("--glossary", p)]
    for _ in range(runs):
        before, start = os.times(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "toolkit", "check", "--fail-on", "never", "--jobs", "1",
                        *glossary_args, *paths], cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        cli_wall = min(cli_wall, time.perf_counter() - start)
        after = os.times()
        cli_cpu = min(cli_cpu, (after.children_user - before.children_user)
                      + (after.children_system - before.children_system))
    from toolkit.catalog.reader import read_po

    read_best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for p in paths:
            read_po(p)
        read_best = min(read_best, time.process_time() - start)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"{len(paths)} catalogs, {size / 1e6:.2f} MB, best of {runs}")
    print(f"{'polib.pofile, all catalogs (anchor, CPU)':48} {polib_best:6.2f} s   (fresh interpreter, as the check)")
    print(f"{'  the same, warm (runs in one process)':48} {polib_warm:6.2f} s   "
          f"(the check is {lib_best / polib_warm:.2f}x this)")
    print(f"{'our PO reader alone (CPU)':48} {read_best:6.2f} s   {read_best / polib_best:5.2f}x polib")
    print(f"{'toolkit check, library, one call (CPU)':48} {lib_best:6.2f} s   {lib_best / polib_best:5.2f}x polib"
          "   (target <= 2x)")
    print(f"{'  the same, no on-disk cache (TOOLKIT_NO_CACHE)':48} {lib_cold:6.2f} s   "
          f"{lib_cold / polib_best:5.2f}x polib")
    print("  (library: fresh interpreter; glossary loaded and check modules imported before the clock, as the\n"
          "   CLI does before checking; Khmer cluster verdicts from the on-disk cache, warm after the first run)")
    print(f"{'toolkit check, CLI, one call (CPU, with start-up)':48} {cli_cpu:6.2f} s   "
          f"{cli_cpu / polib_best:5.2f}x polib")
    print(f"{'toolkit check, CLI, one call (wall, with start-up)':48} {cli_wall:6.2f} s   "
          f"{cli_wall / polib_best:5.2f}x polib")
    if count_instructions:
        check_ir, polib_ir = instructions(paths, glossary_paths, paths, cwd)
        print(f"{'instructions (callgrind): library, polib':48} {check_ir:6.2f} G, {polib_ir:.2f} G   "
              f"{check_ir / polib_ir:5.2f}x polib")


def report_corpora() -> None:
    """Precision and recall on our seeded and held-out news corpora (every defect marked with
    ``# expect: check`` above its entry), and the findings on the clean corpus (target 0)."""
    sys.path.insert(0, str(ROOT))
    from tests.check.helpers import CLEAN, HELD_OUT, SEEDED, expectations, load_test_glossary
    from toolkit.checks import run_checks

    glossary = load_test_glossary()
    for name, root in (("seeded", SEEDED), ("held-out", HELD_OUT)):
        expected = expectations(root)
        found = {(f.path, f.line, f.check) for f in run_checks([root], glossary=glossary).findings}
        hits = len(expected & found)
        print(f"  {name:9} defects {len(expected):3}  findings {len(found):3}  "
              f"precision {hits / max(1, len(found)):.3f}  recall {hits / max(1, len(expected)):.3f}")
    clean = run_checks([CLEAN], glossary=glossary).findings
    print(f"  {'clean':9} findings {len(clean)} (target 0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", action="append", metavar="PATH",
                        help="glossary for toolkit check (repeatable); default: what check finds itself")
    parser.add_argument("--no-glossary", action="store_true", help="check with an empty glossary")
    parser.add_argument("--config", metavar="FILE", help="a pyproject.toml to run the checks with")
    parser.add_argument("--show", type=int, default=20, help="unjudged findings to list (default 20)")
    parser.add_argument("--no-pofilter", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="timing runs, the best is shown (default 3)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind: a ratio the machine's load does not move")
    args = parser.parse_args()

    files = catalogs()
    judged = read_jsonl(JUDGED)
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as cwd:
        glossary_paths = [empty] if args.no_glossary else [str(Path(p).resolve()) for p in args.glossary or []] or None
        glossary_args = [a for p in glossary_paths or [] for a in ("--glossary", p)]
        if args.config:
            shutil.copyfile(args.config, Path(cwd) / "pyproject.toml")
        print(f"toolkit check on {len(files)} real Khmer catalogs"
              f" (glossary: {'empty' if args.no_glossary else ', '.join(args.glossary or ['default'])};"
              f" configuration: {args.config or 'none'})\n")
        findings = run_toolkit(files, glossary_args, cwd)
        report_toolkit(findings, judged, args.show)
        if not args.no_pofilter:
            print("\nTranslate Toolkit pofilter --language=km --nofuzzy on the same catalogs\n")
            ran = run_pofilter(files)
            if ran is None:
                print("pofilter not installed (pip install translate-toolkit): skipped")
            else:
                found, unread = ran
                for problem in unread:
                    print(f"pofilter could not read {problem}")
                report_pofilter(found, read_jsonl(POFILTER_JUDGED), judged, findings)
        print("\nour own corpora (tests/check/data): seeded defects, held-out set, clean files\n")
        report_corpora()
        if not args.no_timing:
            print("\nspeed\n")
            report_timing(files, glossary_paths, args.runs, cwd, args.instructions)


if __name__ == "__main__":
    main()
