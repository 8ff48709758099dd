"""``toolkit.catalog.pipeline.translate``: output shape, idempotence, --check, safety (parse errors,
atomic writes, interruption, the lock)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.catalog.conftest import GLOSSARY, LATER, NOW, po_path
from toolkit.catalog.po import read_po
from toolkit.errors import CatalogError, LockedError, UsageError

TEXT = """Hun Sen

The Ministry of Rural Development will repair roads in Kampot. Work starts in May.

Villagers welcomed the news. Work starts in May.
"""


def test_entries_references_hints_and_prefill(work: Path, run) -> None:
    result = run(TEXT)
    catalog = read_po(po_path(work))
    assert [e.msgid for e in catalog] == [
        "Hun Sen",
        "The Ministry of Rural Development will repair roads in Kampot.",
        "Work starts in May.",
        "Villagers welcomed the news.",
    ]
    repeated = catalog[2]
    assert repeated.occurrences == [("docs/article.txt", "3"), ("docs/article.txt", "5")]
    assert catalog[1].comment == (
        "glossary: Ministry of Rural Development = ក្រសួងអភិវឌ្ឍន៍ជនបទ\nglossary: Kampot = កំពត")
    headline = catalog[0]
    assert headline.msgstr == "ហ៊ុន សែន" and headline.flags == ["fuzzy"]
    assert headline.comment == "glossary: Hun Sen = ហ៊ុន សែន | សម្តេចតេជោ ហ៊ុន សែន"
    assert catalog.metadata["Language"] == "km"
    assert catalog.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert catalog.metadata["X-Toolkit-Source"] == "docs/article.txt"
    assert result.summary == "summary: segments=5 tm=0 mt=0 reused=0 enforced=0 mismatches=0"
    template = read_po(work / "locales" / "templates" / "article.pot")
    assert template[1].comment == "glossary: Ministry of Rural Development\nglossary: Kampot"
    assert all(not e.msgstr for e in template)


def test_unchanged_rerun_is_byte_identical(work: Path, run) -> None:
    run(TEXT, langs=("km", "fr"))
    files = sorted((work / "locales").rglob("*.po*"))
    before = {p: p.read_bytes() for p in files}
    stamps = {p: p.stat().st_mtime_ns for p in files}
    time.sleep(0.01)
    result = run(now=LATER, langs=("km", "fr"))
    assert {p: p.read_bytes() for p in files} == before
    assert {p: p.stat().st_mtime_ns for p in files} == stamps  # not even rewritten
    assert result.changed == []


def test_dates_change_only_with_content(work: Path, run) -> None:
    """POT-Creation-Date follows the template's content; PO-Revision-Date, Last-Translator,
    Language-Team and X-Generator are the translator's (or their editor's) and are kept, as
    msgmerge keeps them."""
    run(TEXT)
    first = read_po(po_path(work)).metadata["PO-Revision-Date"]
    path = po_path(work)
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Last-Translator: \\n"', '"Last-Translator: Dara <d@example.org>\\n"')
    text = text.replace('"X-Generator: toolkit', '"X-Generator: Poedit 3.2\\n"\n"X-Was: toolkit')
    path.write_text(text, encoding="utf-8")
    run(TEXT + "\nA new closing sentence.\n", now=LATER)
    catalog = read_po(po_path(work))
    assert catalog.metadata["POT-Creation-Date"] == "2026-03-04 05:06+0000"
    assert catalog.metadata["PO-Revision-Date"] == first
    assert catalog.metadata["Last-Translator"] == "Dara <d@example.org>"
    assert catalog.metadata["X-Generator"] == "Poedit 3.2"


def test_stale_temporaries_of_a_killed_run_are_swept_and_catalogs_go_before_templates(work: Path, run) -> None:
    run(TEXT)
    stale = po_path(work).parent / f".{po_path(work).name}.k1ll3d.tmp"
    stale.write_text("a half-written catalog", encoding="utf-8")
    pot = work / "locales" / "templates" / "article.pot"
    run(TEXT + "\nA new closing sentence.\n", now=LATER)
    assert not stale.exists()
    assert po_path(work).stat().st_mtime_ns <= pot.stat().st_mtime_ns  # the template is written last


def test_check_reports_without_writing(work: Path, run) -> None:
    result = run(TEXT, check=True)
    assert not (work / "locales").exists()
    assert len(result.changed) == 2
    run(TEXT)
    assert run(check=True).changed == []
    before = po_path(work).read_bytes()
    result = run(TEXT.replace("May", "June"), check=True, now=LATER)
    assert result.changed == [work / "locales/templates/article.pot", po_path(work)]
    assert po_path(work).read_bytes() == before


def test_translator_work_is_kept(work: Path, run) -> None:
    run(TEXT)
    path = po_path(work)
    text = path.read_text(encoding="utf-8").replace(
        '#: docs/article.txt:5\nmsgid "Villagers welcomed the news."\nmsgstr ""',
        '# Dara: checked with the editor\n#: docs/article.txt:5\nmsgid "Villagers welcomed the news."\n'
        'msgstr "អ្នកភូមិស្វាគមន៍ព័ត៌មាននេះ។"')
    text = text.replace('"Last-Translator: \\n"', '"Last-Translator: Dara <dara@example.org>\\n"')
    text = text.replace('"X-Generator: toolkit', '"X-Generator: Poedit 3.4\\n"\n"X-Old-Generator: toolkit')
    path.write_text(text, encoding="utf-8")
    run(now=LATER)
    assert path.read_text(encoding="utf-8") == text  # nothing of ours changed: not even rewritten
    catalog = read_po(path)
    entry = next(e for e in catalog if e.msgid == "Villagers welcomed the news.")
    assert entry.msgstr == "អ្នកភូមិស្វាគមន៍ព័ត៌មាននេះ។" and entry.tcomment == "Dara: checked with the editor"
    assert not entry.fuzzy
    assert catalog.metadata["Last-Translator"] == "Dara <dara@example.org>"
    assert catalog.metadata["X-Generator"] == "Poedit 3.4"


def test_unparsable_catalog_is_never_overwritten(work: Path, run) -> None:
    run(TEXT)
    path = po_path(work)
    broken = path.read_text(encoding="utf-8").replace('msgid "Work starts in May."',
                                                      'msgid "Work starts in May.\nmsgstr')
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        run(TEXT + "\nMore.\n", now=LATER)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "\n" not in message
    assert int(message.split(":")[1]) > 10  # the line of the error
    assert path.read_text(encoding="utf-8") == broken
    # nothing else was written either: the template still has the old content
    assert "More." not in (work / "locales/templates/article.pot").read_text(encoding="utf-8")


def test_interrupted_write_leaves_previous_file(work: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    run(TEXT)
    path = po_path(work)
    before = path.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(TEXT + "\nMore.\n", now=LATER)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_unknown_language_suggests_the_right_code(work: Path, run) -> None:
    with pytest.raises(UsageError, match=r"'kh'.*did you mean 'km' \(Khmer\)"):
        run(TEXT, langs=("kh",))
    with pytest.raises(UsageError, match=r"did you mean 'ja'"):
        run(TEXT, langs=("jp",))
    assert not (work / "locales").exists()


def test_region_codes_are_accepted(work: Path, run) -> None:
    run(TEXT, langs=("km-KH", "pt_BR"))
    assert read_po(po_path(work, "km_KH")).metadata["Language"] == "km_KH"
    assert read_po(po_path(work, "pt_BR")).metadata["Plural-Forms"].startswith("nplurals=2;")


HOLDER = textwrap.dedent("""
    import sys, time
    from toolkit.catalog.lock import locked
    with locked(sys.argv[1]):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_lock_held_by_another_process(work: Path, glossary) -> None:
    from toolkit.catalog.pipeline import translate

    source = work / "docs" / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(work / "locales"), "5"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match=r"\.toolkit\.lock"):
            translate([source], ["km"], locales_dir=work / "locales", glossary=glossary, now=NOW, lock_timeout=0.2)
    finally:
        holder.kill()
        holder.wait()
    # the kernel released the lock of the dead process: the next run proceeds
    translate([source], ["km"], locales_dir=work / "locales", glossary=glossary, now=NOW, lock_timeout=2)
    assert po_path(work).exists()


RUNNER = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    from toolkit.catalog.pipeline import translate
    from toolkit.glossary import load_glossary
    now = datetime(2026, 1, 2, tzinfo=timezone.utc)
    translate([sys.argv[1]], ["km", "fr"], locales_dir=sys.argv[2], glossary=load_glossary([sys.argv[3]]), now=now)
""")


def test_two_concurrent_runs_do_not_corrupt(work: Path) -> None:
    source = work / "docs" / "article.txt"
    source.write_text("\n\n".join(f"Sentence number {i} about roads in Kampot." for i in range(3000)), encoding="utf-8")
    args = [sys.executable, "-c", RUNNER, str(source), str(work / "locales"), str(GLOSSARY)]
    first = subprocess.Popen(args, stderr=subprocess.PIPE)
    second = subprocess.Popen(args, stderr=subprocess.PIPE)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    assert second.wait(timeout=120) == 0, second.stderr.read()
    catalog = read_po(po_path(work))
    assert len(catalog) == 3000
    assert not [p for p in po_path(work).parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_name_with_a_line_break_is_refused(work: Path, glossary) -> None:
    from toolkit.catalog.pipeline import translate

    odd = work / "docs" / "two\nlines.txt"
    odd.write_text("Roads were repaired.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line break"):
        translate([odd], ["km"], locales_dir=work / "locales", glossary=glossary, cwd=work)
    assert not (work / "locales").exists()
