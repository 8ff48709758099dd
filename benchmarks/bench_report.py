"""`toolkit report` on a synthetic 10,000-entry catalog, beside `toolkit check` on the same catalog
(the anchor: the report runs the same checks, so the ratio is the report's own cost), then the
page in headless Chromium: time to first render and the time of one filter pass.

The catalog is generated here, deterministically (seeded), with the shipped glossary: sentences
that name two or three glossary terms, a number and a year; 60 % translated (with the approved
Khmer, a few with a deprecated rendering or a changed number), 25 % fuzzy (MT drafts with an
``mt:`` line, merge guesses with a previous msgid, glossary pre-fills), 15 % untranslated.

Time to first render = wall time of ``chromium --screenshot`` on the report minus the same on a
one-line page (browser start-up is not the page's cost); also with a filter in the address, so
the filter pass and the layout of the filtered page are in it. The filter time is measured by the page
itself (``data-filter-ms``: one pass of the filter over every entry, here a free-text search).

Run: python benchmarks/bench_report.py [--entries 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILLER = ("the government said on Monday that", "officials told reporters", "according to a statement,",
          "a spokesman confirmed that", "in a speech to villagers,", "the plan, announced last week,")
KM_FILLER = ("រដ្ឋាភិបាលបាននិយាយថា", "មន្ត្រីបានប្រាប់អ្នកសារព័ត៌មាន", "យោងតាមសេចក្តីថ្លែងការណ៍",
             "អ្នកនាំពាក្យបានបញ្ជាក់ថា", "ក្នុងសុន្ទរកថា", "ផែនការដែលបានប្រកាសកាលពីសប្តាហ៍មុន")
KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def make_catalog(path: Path, entries: int, seed: int = 14) -> None:
    import polib

    from toolkit.catalog.po import format_po
    from toolkit.glossary import load_glossary

    rng = random.Random(seed)
    glossary = load_glossary()
    terms = []
    for concept in glossary.concepts:
        en = [t.text for t in concept.terms_in("en") if t.status == "preferred"]
        km = glossary.targets(concept.id, "km")
        if en and km:
            terms.append((en[0], km[0], (glossary.forbidden(concept.id, "km") or [None])[0]))
    catalog = polib.POFile(wrapwidth=79)
    catalog.metadata = {"Project-Id-Version": "bench", "Language": "km", "MIME-Version": "1.0",
                        "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                        "Plural-Forms": "nplurals=1; plural=0;"}
    for i in range(entries):
        picked = rng.sample(terms, rng.randint(2, 3))
        number, year = rng.randint(2, 900), rng.randint(1990, 2030)
        msgid = (f"{rng.choice(FILLER).capitalize()} {picked[0][0]} and {picked[1][0]} will share {number} "
                 f"million riel in {year} (item {i}).")
        kms = [p[1] for p in picked]
        roll = rng.random()
        if roll < 0.03 and picked[0][2]:
            kms[0] = picked[0][2]  # a deprecated rendering
        shown_number = number + 1 if roll > 0.97 else number
        msgstr = (f"{rng.choice(KM_FILLER)} {kms[0]} និង{kms[1]} នឹងចែករំលែកប្រាក់ "
                  f"{str(shown_number).translate(KM_DIGITS)} លានរៀល នៅឆ្នាំ {str(year).translate(KM_DIGITS)} "
                  f"(ធាតុ {str(i).translate(KM_DIGITS)})។")
        entry = polib.POEntry(msgid=msgid, occurrences=[("news/bench.txt", str(i * 2 + 1))],
                              comment="\n".join(f"glossary: {p[0]} = {p[1]}" for p in picked))
        status = rng.random()
        if status < 0.60:
            entry.msgstr = msgstr
        elif status < 0.75:
            entry.msgstr, entry.flags = msgstr, ["fuzzy"]
            entry.comment += f"\nmt: argos-ct2 en_km-bench 1.0 | key=k{i} seg=s{i} terms=t{i} draft=d{i}"
        elif status < 0.82:
            entry.msgstr, entry.flags = msgstr, ["fuzzy"]
            entry.previous_msgid = msgid.replace(" will share ", " shared ")
        elif status < 0.85:
            entry.msgstr, entry.flags = msgstr, ["fuzzy"]
        catalog.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_po(catalog), "utf-8")


def _best(fn, runs: int):  # type: ignore[no-untyped-def]
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from tests.report.browser import find_chromium, run
    from toolkit.checks import run_checks
    from toolkit.glossary import load_glossary
    from toolkit.report import build_review, render_html, render_json

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        root = Path(tmp)
        po = root / "locales" / "km" / "LC_MESSAGES" / "bench.po"
        make_catalog(po, args.entries)
        glossary = load_glossary()
        glossary.matcher()  # compiled once, as in a CLI run; not part of either figure
        t_check, result = _best(lambda: run_checks([po], glossary=glossary, jobs=1), args.runs)
        t_model, review = _best(lambda: build_review([po], glossary=glossary, cwd=root), args.runs)
        t_html, page = _best(lambda: render_html(review, base=root), args.runs)
        t_json, _ = _best(lambda: render_json(review), args.runs)
        s = review.summary
        print(f"catalog: {s.entries} entries ({s.translated} translated, {s.fuzzy} fuzzy, {s.untranslated} "
              f"untranslated), {len(result.findings)} findings, {po.stat().st_size / 1e6:.1f} MB")
        print(f"{'toolkit check, library (anchor)':42} {t_check:7.2f} s")
        print(f"{'report model (check run included)':42} {t_model:7.2f} s   {t_model / t_check:5.2f}x check")
        print(f"{'render HTML':42} {t_html:7.2f} s   page {len(page.encode()) / 1e6:.1f} MB")
        print(f"{'render JSON':42} {t_json:7.2f} s")
        total = t_model + t_html
        print(f"{'report, model + HTML':42} {total:7.2f} s   {total / t_check:5.2f}x check")

        exe = find_chromium()
        if exe is None:
            print("chromium: not installed; browser figures skipped (apt-get install chromium)")
            return
        out = root / "report.html"
        out.write_text(page, "utf-8")
        blank = root / "blank.html"
        blank.write_text("<!DOCTYPE html><title>x</title><p>x</p>", "utf-8")

        def shot(url: str) -> None:
            proc = run(exe, url, f"--screenshot={root / 'shot.png'}", "--window-size=1200,900")
            assert proc.returncode == 0, proc.stderr[-1000:]

        t_blank, _ = _best(lambda: shot(blank.as_uri()), args.runs)
        t_page, _ = _best(lambda: shot(out.as_uri()), args.runs)
        t_filtered, _ = _best(lambda: shot(out.as_uri() + "#status=fuzzy"), args.runs)
        print(f"{'chromium screenshot, one-line page':42} {t_blank:7.2f} s (browser start-up)")
        print(f"{'chromium screenshot, the report':42} {t_page:7.2f} s")
        print(f"{'time to first render (difference)':42} {t_page - t_blank:7.2f} s")
        print(f"{'the same, opened filtered (#status=fuzzy)':42} {t_filtered - t_blank:7.2f} s")
        import re

        proc = run(exe, out.as_uri() + "#q=riel&status=fuzzy", "--dump-dom")
        found = re.search(r'data-shown="(\d+)"[^>]*data-filter-ms="(\d+)"', proc.stdout)
        if found:
            print(f"{'one filter pass (search + status), in page':42} {int(found.group(2)) / 1000:7.3f} s   "
                  f"({found.group(1)} of {s.entries} entries shown; first search reads every entry's text)")


if __name__ == "__main__":
    main()
