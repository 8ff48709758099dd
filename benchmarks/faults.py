"""The slow half of the fault-injection harness: every fast case, plus kills, concurrency,
pathological and big inputs, and peak memory. Prints ``N cases, N held`` (and what failed).

    python benchmarks/faults.py [--kills 32] [--concurrent 10] [--big-mb 20] [--quick] [--memory-only]

Run with the project's virtual environment (the installed ``toolkit`` console script) and GNU
gettext on PATH. The oracle is :func:`tests.faults.harness.judge`: no traceback or signal death,
one-line errors naming the bad file with exit 2, every translation of the catalog kept.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.faults import harness  # noqa: E402


def _exe() -> str:
    found = Path(sys.executable).with_name("toolkit")
    return str(found) if found.exists() else (shutil.which("toolkit") or sys.exit("toolkit is not installed"))


def _news(size: int, seed: int = 7) -> str:
    """*size* characters of generated news-like English (new sentences, some glossary terms)."""
    rng = random.Random(seed)
    words = ("the minister of interior said on thursday that provincial roads budget would rise by 12 per cent "
             "in 2027 after talks with donors and officials in phnom penh").split()
    out, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 22))).capitalize() + ". "
        if rng.random() < 0.2:
            sentence += "\n\n"
        out.append(sentence)
        total += len(sentence)
    return "".join(out)


def _verdict_line(name: str, problems: list[str]) -> tuple[bool, str]:
    return (not problems, f"{'held' if not problems else 'FAILED'}  {name}" + (f": {'; '.join(problems)}"
                                                                             if problems else ""))


def fast(base: Path, work: Path, exe: str) -> list[tuple[bool, str]]:
    results = []
    for case in harness.fast_cases():
        verdict = harness.play(case, base, work / "case", exe)
        results.append(_verdict_line(case.id, verdict.problems))
    return results


def _grown(base: Path, work: Path, extra: str) -> Path:
    project = work / "grown"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(base, project)
    (project / harness.SOURCE).write_text(harness.SOURCE_TEXT + "\n" + extra, encoding="utf-8")
    return project


def _kept(project: Path, before: dict[tuple[str, str], str]) -> list[str]:
    problems = []
    catalog = project / harness.CATALOG
    if harness.compiled(catalog) is None:
        problems.append("catalog left unreadable for msgfmt")
    kept = harness.kept_texts(catalog)
    lost = [msgid for (_, msgid), msgstr in before.items() if msgstr not in kept]
    if lost:
        problems.append(f"lost {len(lost)} translation(s)")
    return problems


def kills(base: Path, work: Path, exe: str, count: int) -> list[tuple[bool, str]]:
    """SIGKILL `translate` at random moments of a ~2 s run; the catalog must stay whole and the
    next run must succeed and leave no temporary file behind."""
    before = harness.compiled(base / harness.CATALOG) or {}
    rng = random.Random(11)
    results = []
    project = _grown(base, work, _news(1_500_000))
    start = time.monotonic()
    harness.run(exe, harness.TRANSLATE, project)
    duration = time.monotonic() - start
    for number in range(count):
        project = _grown(base, work, _news(1_500_000, seed=number))
        proc = subprocess.Popen([exe, *harness.TRANSLATE], cwd=project, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        problems = _kept(project, before)
        again = harness.run(exe, harness.TRANSLATE, project)
        if again.returncode != 0:
            problems.append(f"next run: exit {again.returncode}: {again.stderr.decode()[:200]}")
        leftovers = [p.name for p in project.rglob(".*.tmp")]
        if leftovers:
            problems.append(f"temporary files left: {leftovers}")
        problems += _kept(project, before)
        results.append(_verdict_line(f"kill/{number:02d}", problems))
    return results


def concurrent(base: Path, work: Path, exe: str, count: int) -> list[tuple[bool, str]]:
    """*count* runs of `translate` at once on one project: each succeeds or says the catalog is
    locked in one line; the catalog ends whole with every translation."""
    before = harness.compiled(base / harness.CATALOG) or {}
    project = _grown(base, work, _news(200_000))
    procs = [subprocess.Popen([exe, *harness.TRANSLATE], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(count)]
    results = []
    for number, proc in enumerate(procs):
        _, err = proc.communicate(timeout=600)
        problems = []
        text = err.decode("utf-8", "replace")
        if "Traceback" in text:
            problems.append("traceback")
        if proc.returncode not in (0, 2) or (proc.returncode == 2 and len(text.strip().splitlines()) != 1):
            problems.append(f"exit {proc.returncode}: {text[:200]}")
        results.append(_verdict_line(f"concurrent/{number:02d}", problems))
    results.append(_verdict_line("concurrent/catalog", _kept(project, before)))
    return results


PATHOLOGICAL = {
    "dots-64k": "." * 64_000,
    "dots-400k": "." * 400_000,
    "marks-200k": "?!…" * 70_000,
    "mr-100k": "Mr. " * 100_000,
    "zwsp-1m": "\u200b" * 1_000_000 + "a.",
    "quotes-100k": "\"'“”" * 25_000 + "a.",
    "khmer-marks-200k": "។" * 200_000,
}


def pathological(base: Path, work: Path, exe: str, limit: float) -> list[tuple[bool, str]]:
    """Inputs that once made the segmenter quadratic: every command must finish within *limit* s."""
    results = []
    for name, text in PATHOLOGICAL.items():
        project = _grown(base, work, "")
        (project / harness.SOURCE).write_text(text, encoding="utf-8")
        for label, argv in (("segment", harness.SEGMENT), ("translate", harness.TRANSLATE), ("find", harness.FIND)):
            start = time.monotonic()
            problems = []
            try:
                done = harness.run(exe, argv, project, timeout=limit)
                if done.returncode != 0 or b"Traceback" in done.stderr:
                    problems.append(f"exit {done.returncode}: {done.stderr.decode()[:200]}")
            except subprocess.TimeoutExpired:
                problems.append(f"over {limit:.0f} s")
            took = time.monotonic() - start
            results.append(_verdict_line(f"pathological/{name}/{label} ({took:.1f} s)", problems))
    return results


def _peak_rss(exe: str, argv: tuple[str, ...], cwd: Path) -> tuple[int, float]:
    """Peak resident memory (bytes) and seconds of one run (its own rusage, not ours)."""
    script = ("import resource, subprocess, sys, time; t = time.monotonic(); "
              "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.monotonic() - t, p.returncode)")
    done = subprocess.run([sys.executable, "-c", script, exe, *argv], cwd=cwd, capture_output=True, text=True)
    kib, seconds, _ = done.stdout.split()
    return int(kib) * 1024, float(seconds)


def memory(base: Path, work: Path, exe: str, megabytes: int) -> list[str]:
    """Peak memory against the input size (target: under 4x the input for every command)."""
    project = _grown(base, work, "")
    source = project / "big.txt"
    source.write_text(_news(megabytes * 1_000_000), encoding="utf-8")
    size = source.stat().st_size
    lines = [f"memory on a {size / 1e6:.0f} MB source (target: peak under 4x the input)"]
    runs = [("segment", ("segment", "big.txt")), ("segment jsonl", ("segment", "-f", "jsonl", "big.txt")),
            ("glossary find", ("glossary", "find", "big.txt", "-g", str(harness.GLOSSARY))),
            ("translate --no-mt", ("translate", "big.txt", "--to", "km", "--no-mt", "-g", str(harness.GLOSSARY))),
            ("translate (unchanged re-run)", ("translate", "big.txt", "--to", "km", "--no-mt", "-g",
                                              str(harness.GLOSSARY)))]
    for label, argv in runs:
        peak, seconds = _peak_rss(exe, argv, project)
        lines.append(f"  {label:30} {peak / 1e6:8.0f} MB  {peak / size:5.1f}x  {seconds:6.1f} s")
    catalog = project / "locales" / "km" / "LC_MESSAGES" / "big.po"
    peak, seconds = _peak_rss(exe, ("check", str(catalog), "-g", str(harness.GLOSSARY), "-j", "1"), project)
    lines.append(f"  {'check (catalog ' + format(catalog.stat().st_size / 1e6, '.0f') + ' MB)':30} "
                 f"{peak / 1e6:8.0f} MB  {peak / catalog.stat().st_size:5.1f}x  {seconds:6.1f} s")
    # A translated catalog (every entry checked, kept for `inconsistent`): bench_check.py's generator,
    # about 385 bytes an entry, with its 1,000-concept glossary.
    import bench_check

    rng = random.Random(7)
    glossary_text, concepts = bench_check.make_glossary(rng, 1000)
    (project / "bench-glossary.yaml").write_text(glossary_text, encoding="utf-8")
    translated = bench_check.make_catalogs(rng, project / "translated", concepts, size // 385, 1)[0]
    peak, seconds = _peak_rss(exe, ("check", str(translated), "-g", "bench-glossary.yaml", "-j", "1"), project)
    lines.append(f"  {'check (translated, ' + format(translated.stat().st_size / 1e6, '.0f') + ' MB)':30} "
                 f"{peak / 1e6:8.0f} MB  {peak / translated.stat().st_size:5.1f}x  {seconds:6.1f} s")
    peak, seconds = _peak_rss(exe, ("report", str(translated), "-g", "bench-glossary.yaml", "-o", "r.html"),
                              project)
    lines.append(f"  {'report (translated, ' + format(translated.stat().st_size / 1e6, '.0f') + ' MB)':30} "
                 f"{peak / 1e6:8.0f} MB  {peak / translated.stat().st_size:5.1f}x  {seconds:6.1f} s")
    # The outputs of catalogs: the generated one (untranslated: every sentence of big.txt), and the
    # same with every msgstr filled in (the .mo and the document are then full size).
    shutil.rmtree(project / "translated")
    done = project / "done"
    (done / "locales" / "km" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(source, done / "big.txt")
    shutil.copy(project / harness.GLOSSARY, done / harness.GLOSSARY)
    _fill(catalog, done / "locales" / "km" / "LC_MESSAGES" / "big.po")
    for label, where in (("untranslated", project), ("translated", done)):
        catalogs = sum(p.stat().st_size for p in (where / "locales").rglob("*.po"))
        tag = f"{label}, {catalogs / 1e6:.0f} MB"
        for command, argv in (("build", ("build",)), ("report", ("report", "locales", "-o", "report.html", "-g",
                                                                  str(harness.GLOSSARY)))):
            peak, seconds = _peak_rss(exe, argv, where)
            lines.append(f"  {command + ' (' + tag + ')':30} {peak / 1e6:8.0f} MB  {peak / catalogs:5.1f}x  "
                         f"{seconds:6.1f} s")
    return lines


_KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _fill(source: Path, target: Path) -> None:
    """*source* (a catalog of ``translate --no-mt``) with every msgstr filled in: Khmer words, the
    source's numbers in Khmer digits and "per cent" as the harness glossary says (so the checks
    have little to say), line by line."""
    import re

    words = ("បាន", "ថា", "នៅ", "និង", "ពី", "ផ្លូវ", "ខេត្ត", "ថ្ងៃ")
    msgid: list[str] = []
    in_msgid = header = False
    with source.open(encoding="utf-8") as read, target.open("w", encoding="utf-8") as out:
        for line in read:
            if line.startswith("msgid "):
                in_msgid, msgid = True, [line[6:].strip()[1:-1]]
            elif in_msgid and line.startswith('"'):
                msgid.append(line.strip()[1:-1])
            elif in_msgid and line.startswith('msgstr ""'):
                in_msgid, text = False, "".join(msgid)
                if header:  # the first is the header entry: kept
                    tokens = re.findall(r"\d+|per cent|\w+", text, re.I)
                    km = " ".join(t.translate(_KM_DIGITS) if t.isdigit() else "ភាគរយ" if t.lower() == "per cent"
                                  else words[len(t) % len(words)] for t in tokens)
                    line = f'msgstr "{km}។"\n'
                header = True
            else:
                in_msgid = False
            out.write(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=32)
    parser.add_argument("--concurrent", type=int, default=10)
    parser.add_argument("--big-mb", type=int, default=20)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds allowed per pathological input")
    parser.add_argument("--quick", action="store_true", help="4 kills, 3 concurrent runs, 5 MB")
    parser.add_argument("--memory-only", action="store_true", help="only the peak memory table")
    args = parser.parse_args()
    if args.quick:
        args.kills, args.concurrent, args.big_mb = 4, 3, 5
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    exe = _exe()
    with tempfile.TemporaryDirectory(prefix="toolkit-faults-") as tmp:
        work = Path(tmp)
        base = work / "base"
        harness.make_base(base, exe)
        groups = {
            "fast": lambda: fast(base, work, exe),
            "kill": lambda: kills(base, work, exe, args.kills),
            "concurrent": lambda: concurrent(base, work, exe, args.concurrent),
            "pathological": lambda: pathological(base, work, exe, args.limit),
        }
        total = held = 0
        for name, play in ({} if args.memory_only else groups).items():
            results = play()
            ok = sum(1 for good, _ in results if good)
            total, held = total + len(results), held + ok
            print(f"{name:14} {len(results):4} cases, {ok:4} held")
            for good, line in results:
                if not good:
                    print("   ", line)
        for line in memory(base, work, exe, args.big_mb):
            print(line)
    print(f"{total} cases, {held} held")
    return 0 if held == total else 1


if __name__ == "__main__":
    sys.exit(main())
