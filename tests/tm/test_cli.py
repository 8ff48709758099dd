"""``toolkit tm``: import, export, stats, lookup, search; bad input is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_toolkit
from tests.tm.conftest import DATA, GLOSSARY, review
from toolkit.tm.tmx import read_tmx


def _project(cli) -> None:
    assert cli("translate", "docs/first.txt", "--to", "km", "--no-mt", "-g", GLOSSARY).exit_code == 0
    review(Path("locales/km/LC_MESSAGES/first.po"))


def test_stats_build_the_memory_from_the_catalogs(work: Path, cli) -> None:
    _project(cli)
    result = cli("tm", "stats", "-f", "json")
    assert result.exit_code == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["languages"] == {"km": {"units": 5, "reviewed": 5}} and info["catalogs"] == 1
    assert Path(info["path"]) == work / ".toolkit" / "tm.sqlite"
    text = cli("tm", "stats").stdout
    assert "km: units=5 reviewed=5" in text


def test_lookup_shows_score_difference_target_and_origin(work: Path, cli) -> None:
    _project(cli)
    result = cli("tm", "lookup", "Inflation rose 3.9 per cent in February.", "--min", "70")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("96%\tlocales/km/LC_MESSAGES/first.po:")
    assert lines[1] == "  source: Inflation rose [-4.2-] {+3.9+} per cent in February."
    assert lines[2] == "  km: អតិផរណាបានកើនឡើង ៤.២ ភាគរយ ក្នុងខែកុម្ភៈ។"
    none = cli("tm", "lookup", "Farmers in Kampot welcomed the new road.")
    assert none.exit_code == 0 and none.stdout == "" and "no match at or above 70%" in none.stderr
    data = json.loads(cli("tm", "lookup", "The National Assembly approved the budget last week.", "-f", "json").stdout)
    assert [(m["score"], m["target"]) for m in data] == [(100, "រដ្ឋសភាបានអនុម័តថវិកាកាលពីសប្តាហ៍មុន។")]


def test_search_lists_translations_with_counts(work: Path, cli) -> None:
    _project(cli)
    result = cli("tm", "search", "the budget")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "'the budget': 1 units"
    assert "1x\tThe National Assembly approved the budget last week." in result.stdout
    data = json.loads(cli("tm", "search", "million dollars", "-f", "json").stdout)
    assert data["total"] == 2 and all(t["count"] == 1 for t in data["translations"])


def test_import_and_export(work: Path, cli, tmp_path: Path) -> None:
    real = DATA / "real" / "LOGuidesSK-project_save-excerpt.tmx"
    result = cli("tm", "import", DATA / "ours.tmx", real)
    assert result.exit_code == 0, result.stderr
    ours = DATA / "ours.tmx"
    assert result.stdout.splitlines() == [f"imported 3 units from {ours}", f"imported 36 units from {real}"]
    again = cli("tm", "import", DATA / "ours.tmx")
    assert again.stdout == f"imported 3 units from {DATA / 'ours.tmx'}\n"  # replaced, not doubled
    out = tmp_path / "km.tmx"
    result = cli("tm", "export", "-o", out, "--lang", "km")
    assert result.exit_code == 0 and "exported 2 units" in result.stderr
    assert sorted(u.lang for u in read_tmx(out)) == ["km", "km_KH"]
    whole = cli("tm", "export")
    assert whole.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')


def test_bad_input_is_one_line_and_exit_2(work: Path, toolkit_exe: str) -> None:
    proc = run_toolkit(toolkit_exe, "tm", "import", str(DATA / "bad" / "billion-laughs.tmx"), cwd=work)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (f"toolkit: error: {DATA / 'bad' / 'billion-laughs.tmx'}:2: a DOCTYPE with an "
                                    "internal subset (entity declarations) is refused\n")
    (work / "broken.sqlite").write_bytes(b"not sqlite at all\n" * 100)
    proc = run_toolkit(toolkit_exe, "tm", "stats", "--tm", "broken.sqlite", cwd=work)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
    assert proc.stderr.decode().startswith("toolkit: error: broken.sqlite: not a usable translation memory")
    proc = run_toolkit(toolkit_exe, "tm", "import", "notes.txt", cwd=work)
    assert proc.returncode == 2 and b"expected a .tmx or .po file" in proc.stderr


def test_a_po_file_imports_with_its_fuzzy_entries_unreviewed(work: Path, cli) -> None:
    po = work / "old.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: km\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Roads were repaired."\nmsgstr "ផ្លូវត្រូវបានជួសជុល។"\n\n'
                  '#, fuzzy\nmsgid "Bridges were repaired."\nmsgstr "ស្ពានត្រូវបានជួសជុល។"\n', encoding="utf-8")
    assert cli("tm", "import", po).stdout == f"imported 2 units from {po}\n"
    info = json.loads(cli("tm", "stats", "-f", "json").stdout)
    assert info["languages"] == {"km": {"units": 2, "reviewed": 1}}
    lookup = cli("tm", "lookup", "Bridges were repaired.").stdout
    assert lookup.startswith("100%\told.po:10\n")


def test_translate_notes_a_catalog_left_out_of_the_memory(work: Path, cli) -> None:
    broken = work / "locales" / "km" / "LC_MESSAGES" / "other.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    result = cli("translate", "docs/first.txt", "--to", "km", "--no-mt", "-g", GLOSSARY)
    assert result.exit_code == 0, result.stderr
    assert "toolkit: note: left out of the translation memory: locales/km/LC_MESSAGES/other.po:2:" in result.stderr
