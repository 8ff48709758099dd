"""Benchmark the Markdown, HTML and Word formats against Translate Toolkit, same files, same run.

    python benchmarks/bench_formats.py [--scale 1.0]

Documents are generated from our own news templates (benchmarks/news_corpus.py, fixed seed):
about 1 MB of Markdown and 1 MB of HTML (headings, paragraphs with bold, italics and links, lists,
tables, code blocks) and a Word document of about 200 pages (python-docx; paragraphs with bold
and italic runs, tables, headings). Each tool goes file in -> PO out (extraction) and PO +
original -> translated document out (build), in-process, every entry translated:

* toolkit: ``toolkit.catalog.pipeline.translate`` (no glossary, no MT) then ``build``;
* Translate Toolkit: ``md2po``/``po2md`` and ``html2po``/``po2html`` through their ``main()``
  (it has no .docx converter: ``odf2xliff`` reads OpenDocument only, so Word is ours alone).

Prints entries, seconds and the ratio per document, and ours at half the size for linearity.
Times are CPU time of the process (best of 3). Needs the ``[test]`` and ``[bench]`` extras
(Translate Toolkit, python-docx, and mistletoe, Translate Toolkit's Markdown parser).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
import time
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import news_corpus  # noqa: E402

KHMER = "ការ "


def paragraphs(size: int) -> list[str]:
    return [p.replace("\n", " ") for p in news_corpus(size).split("\n\n") if p.strip()]


def markdown(size: int) -> str:
    out = []
    for i, p in enumerate(paragraphs(size)):
        words = p.split(" ")
        if i % 12 == 0:
            out.append(f"## {' '.join(words[:6])}\n")
        elif i % 12 == 5:
            out.append("\n".join(f"- {w} **item** {i}" for w in words[:4]) + "\n")
        elif i % 12 == 9:
            out.append(f"| Place | Amount |\n|---|---|\n| {words[0]} | {i} |\n| {words[1]} | {i + 1} |\n")
        elif i % 12 == 11:
            out.append(f"```\ncode {i}. Not translated.\n```\n")
        else:
            if len(words) > 6:
                words[2] = f"**{words[2]}**"
                words[5] = f"[{words[5]}](https://example.org/{i})"
            out.append(" ".join(words) + "\n")
    return "\n".join(out)


def html(size: int) -> str:
    body = []
    for i, p in enumerate(paragraphs(size)):
        words = [w.replace("&", "&amp;").replace("<", "&lt;") for w in p.split(" ")]
        if i % 12 == 0:
            body.append(f"<h2>{' '.join(words[:6])}</h2>")
        elif i % 12 == 5:
            body.append("<ul>" + "".join(f"<li>{w} <b>item</b> {i}</li>" for w in words[:4]) + "</ul>")
        elif i % 12 == 9:
            body.append(f"<table><tr><th>Place</th><th>Amount</th></tr><tr><td>{words[0]}</td><td>{i}</td></tr></table>")
        elif i % 12 == 11:
            body.append(f"<pre>code {i}. Not translated.</pre>")
        else:
            if len(words) > 6:
                words[2] = f"<b>{words[2]}</b>"
                words[5] = f'<a href="https://example.org/{i}">{words[5]}</a>'
            body.append("<p>" + " ".join(words) + "</p>")
    return ("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>News</title></head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def word(pages: int, path: Path) -> None:
    import docx

    d = docx.Document()
    text = paragraphs(pages * 3_000)  # about 3 KB of text per page
    for i, p in enumerate(text):
        if i % 15 == 0:
            d.add_heading(" ".join(p.split(" ")[:6]), level=2)
        elif i % 15 == 7:
            table = d.add_table(rows=2, cols=2)
            for r in range(2):
                for c in range(2):
                    table.cell(r, c).text = p.split(" ")[r * 2 + c]
        else:
            words = p.split(" ")
            para = d.add_paragraph(" ".join(words[:3]) + " ")
            para.add_run(" ".join(words[3:5])).bold = True
            para.add_run(" " + " ".join(words[5:8]) + " ")
            para.add_run(" ".join(words[8:9])).italic = True
            para.add_run(" " + " ".join(words[9:]))
    d.save(str(path))


def fill_all(po: Path) -> int:
    catalog = polib.pofile(str(po), wrapwidth=0)
    for entry in catalog:
        if entry.msgid:
            entry.msgstr = KHMER + entry.msgid
    catalog.save()
    return sum(1 for e in catalog if e.msgid)


def ours(source: Path, work: Path) -> tuple[float, int]:
    from toolkit.catalog.build import build
    from toolkit.catalog.pipeline import translate

    locales = work / "locales"
    start = time.process_time()
    translate([source], ["km"], locales_dir=locales, glossary=None, cwd=source.parent)
    extract = time.process_time() - start
    entries = fill_all(next(locales.glob("km/LC_MESSAGES/*.po")))
    start = time.process_time()
    build(locales, work / "build", cwd=source.parent)
    return extract + time.process_time() - start, entries


def theirs(kind: str, source: Path, work: Path) -> tuple[float, int]:
    if kind == "md":
        from translate.convert import md2po as to_po
        from translate.convert import po2md as from_po
    else:
        from translate.convert import html2po as to_po  # type: ignore[no-redef]
        from translate.convert import po2html as from_po  # type: ignore[no-redef]
    po = work / "tt.po"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        start = time.process_time()
        to_po.main([str(source), str(po)])
        extract = time.process_time() - start
        entries = fill_all(po)
        start = time.process_time()
        from_po.main(["-t", str(source), "-i", str(po), "-o", str(work / f"tt.{kind}")])
    return extract + time.process_time() - start, entries


def best(fn, *args, repeat: int = 3) -> tuple[float, int]:
    results = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(fn(*args, Path(tmp)))
    return min(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="document sizes x SCALE (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = []
        for kind, make, size in (("md", markdown, 1_000_000), ("html", html, 1_000_000)):
            for part in (0.5, 1.0):
                path = root / f"news-{part}.{kind}"
                text = make(int(size * args.scale * part))
                path.write_text(text, encoding="utf-8")
                mine, n = best(ours, path)
                other, m = best(theirs, kind, path) if part == 1.0 else (float("nan"), 0)
                rows.append((f"{kind} {len(text.encode()) / 1e6:.2f} MB", n, mine, m, other))
        for part in (0.5, 1.0):
            path = root / f"news-{part}.docx"
            word(int(200 * args.scale * part), path)
            mine, n = best(ours, path)
            rows.append((f"docx {int(200 * args.scale * part)} pages", n, mine, 0, float("nan")))
    print(f"{'document':<18} {'ours: entries':>13} {'seconds':>8}   {'Translate Toolkit: entries':>26} "
          f"{'seconds':>8}   {'ratio (theirs/ours)':>19}")
    for name, n, mine, m, other in rows:
        ratio = other / mine if other == other else float("nan")
        print(f"{name:<18} {n:>13} {mine:>8.2f}   {m:>26} {other:>8.2f}   {ratio:>19.1f}")


if __name__ == "__main__":
    if not re.match(r"3\.(1[1-9])", sys.version.split()[0]):
        sys.exit("Python 3.11+ needed")
    main()
