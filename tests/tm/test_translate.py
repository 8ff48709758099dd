"""``toolkit translate`` fills from the memory before MT: two articles of our own that share
sentences and near-sentences; the second is translated after the first is reviewed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_gettext
from tests.tm.conftest import DATA, GLOSSARY, review, reviewed_translations
from toolkit.catalog.reader import read_po

FIRST = Path("locales/km/LC_MESSAGES/first.po")
SECOND = Path("locales/km/LC_MESSAGES/second.po")
SUMMARY = re.compile(r"^summary: segments=\d+ tm=(\d+) mt=\d+ reused=\d+ enforced=\d+ mismatches=(\d+)$", re.M)


def _translate(cli, name: str, *extra: str):
    result = cli("translate", f"docs/{name}", "--to", "km", "--no-mt", "-g", GLOSSARY, *extra)
    assert result.exit_code == 0, result.stderr
    return result


def _entries(path: Path) -> dict[str, object]:
    return {e.msgid: e for e in read_po(path).entries}


@pytest.fixture
def second(work: Path, cli) -> dict[str, object]:
    """The second article's catalog after the first was translated and reviewed."""
    _translate(cli, "first.txt")
    review(FIRST)
    result = _translate(cli, "second.txt")
    assert SUMMARY.search(result.stdout).groups() == ("5", "0")
    return _entries(SECOND)


def test_shared_sentences_are_filled_with_provenance(second) -> None:
    table = reviewed_translations()
    quote = second["“We will repair 120 kilometres of roads before the rainy season,” the minister said."]
    english = '"We will repair 120 kilometres of roads before the rainy season," the minister said.'
    assert quote.msgstr == table[english]  # curly and straight quotes are the same sentence
    assert quote.fuzzy and quote.previous_msgid is None
    assert re.fullmatch(r"tm: 100% draft=\w+ origin=locales/km/LC_MESSAGES/first\.po:\d+", quote.tcomment)
    assembly = second["The national assembly approved the budget last week!"]
    assert assembly.msgstr == table["The National Assembly approved the budget last week."]
    assert assembly.tcomment.startswith("tm: 99% ")  # case and punctuation only
    assert assembly.previous_msgid == "The National Assembly approved the budget last week."


def test_numbers_are_carried_over(second) -> None:
    headline = second["Provincial roads budget rises to 91 million dollars"]
    assert headline.msgstr == "ថវិកាផ្លូវខេត្តកើនដល់ ៩១ លានដុល្លារ"
    assert "tm-numbers: 84 -> 91" in headline.tcomment
    dateline = next(e for m, e in second.items() if m.startswith("PHNOM PENH"))
    assert "ថ្ងៃទី១០ ខែមីនា ឆ្នាំ២០២៦" in dateline.msgstr and "៩១ លានដុល្លារ" in dateline.msgstr
    assert "tm-numbers: 3 -> 10, 84 -> 91" in dateline.tcomment
    inflation = second["Inflation rose 3.9 per cent in March."]
    assert inflation.msgstr == "អតិផរណាបានកើនឡើង ៣.៩ ភាគរយ ក្នុងខែកុម្ភៈ។"  # the month is the translator's job
    assert inflation.fuzzy and inflation.previous_msgid == "Inflation rose 4.2 per cent in February."


def test_an_unmatched_sentence_stays_empty(second) -> None:
    assert second["Farmers in Kampot welcomed the new road."].msgstr == ""


def test_a_rerun_changes_nothing_and_a_translators_text_is_kept(work: Path, cli, second) -> None:
    before = SECOND.read_bytes()
    result = _translate(cli, "second.txt")
    assert SUMMARY.search(result.stdout).groups() == ("0", "0")
    assert SECOND.read_bytes() == before
    edited = before.decode("utf-8").replace("ថវិកាផ្លូវខេត្តកើនដល់ ៩១ លានដុល្លារ", "ថវិកាផ្លូវខេត្ត ៩១ លានដុល្លារ")
    SECOND.write_text(edited, encoding="utf-8")
    _translate(cli, "second.txt")
    assert "ថវិកាផ្លូវខេត្ត ៩១ លានដុល្លារ" in SECOND.read_text(encoding="utf-8")


def test_a_target_breaking_the_glossary_is_marked(work: Path, cli) -> None:
    assert cli("tm", "import", DATA / "ours.tmx").exit_code == 0
    (work / "docs" / "met.txt").write_text("The National Assembly met on Monday.\n", encoding="utf-8")
    result = _translate(cli, "met.txt")
    assert SUMMARY.search(result.stdout).groups() == ("1", "1")
    [entry] = read_po("locales/km/LC_MESSAGES/met.po").entries
    assert entry.msgstr == "សភាជាតិបានប្រជុំកាលពីថ្ងៃច័ន្ទ។"
    assert {"fuzzy", "glossary-mismatch"} <= entry.flags
    assert "glossary-mismatch: missing National Assembly; deprecated “សភាជាតិ” for National Assembly" in entry.tcomment
    assert "origin=ours.tmx#nat-assembly-met" in entry.tcomment


def test_the_provenance_survives_msgmerge(work: Path, cli, second) -> None:
    msgmerge = require_gettext("msgmerge")
    merged = subprocess.run([msgmerge, "-q", "-o", "-", str(SECOND), "locales/templates/second.pot"],
                            capture_output=True, text=True, check=True).stdout
    assert merged.count("# tm: ") == 5 and "# tm-numbers: 84 -> 91" in merged


def test_no_tm_and_check_do_not_use_the_memory(work: Path, cli) -> None:
    _translate(cli, "first.txt")
    review(FIRST)
    result = _translate(cli, "second.txt", "--no-tm")
    assert SUMMARY.search(result.stdout).groups() == ("0", "0")
    assert cli("translate", "docs/second.txt", "--to", "km", "--no-mt", "-g", GLOSSARY, "--check").exit_code == 0


def test_the_minimum_score_is_an_option(work: Path, cli) -> None:
    _translate(cli, "first.txt")
    review(FIRST)
    result = _translate(cli, "second.txt", "--tm-min", "99")
    assert SUMMARY.search(result.stdout).groups() == ("2", "0")  # the 100 % quote and the 99 % assembly
    bad = cli("translate", "docs/second.txt", "--to", "km", "--tm-min", "120")
    assert bad.exit_code == 2 and "--tm-min must be a percentage" in bad.stderr


def test_the_memory_path_comes_from_the_configuration(work: Path, cli) -> None:
    (work / "pyproject.toml").write_text('[tool.toolkit]\ntm = "memory/project.sqlite"\n', encoding="utf-8")
    _translate(cli, "first.txt")
    assert (work / "memory" / "project.sqlite").is_file() and not (work / ".toolkit").exists()
