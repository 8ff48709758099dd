"""The review's data: the same numbers as `toolkit check` and `toolkit build`, pocount's word
counts, each finding on its entry, glossary verdicts, provenance and the built document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_toolkit
from tests.report.conftest import PROJECT
from toolkit.catalog.provenance import provenance
from toolkit.catalog.reader import parse_po
from toolkit.catalog.stats import source_words, words
from toolkit.report import Review
from toolkit.report.model import ReviewEntry, previous_diff


def _entry(review: Review, name: str, line: int) -> ReviewEntry:
    doc = next(d for d in review.documents if Path(d.path).name == name)
    return next(e for e in doc.entries if e.line == line)


def test_counts_are_those_of_check_and_build(project: Path, toolkit_exe: str) -> None:
    checked = run_toolkit(toolkit_exe, "check", "--format", "json", cwd=project)
    summary = json.loads(checked.stdout)["summary"]
    built = run_toolkit(toolkit_exe, "build", "-o", "out", cwd=project)
    assert built.returncode == 0, built.stderr.decode()
    reported = run_toolkit(toolkit_exe, "report", "--format", "json", cwd=project)
    assert reported.returncode == 0, reported.stderr.decode()
    data = json.loads(reported.stdout)
    assert {k: data["summary"][k] for k in summary if k in data["summary"]} == {
        k: summary[k] for k in ("files", "entries", "translated", "fuzzy", "untranslated", "errors", "warnings")}
    per_doc = {}
    for line in built.stdout.decode().splitlines():
        lang, name, counts, _ = line.split("\t")
        per_doc[(lang, name)] = dict(kv.split("=") for kv in counts.split())
    assert len(per_doc) == len(data["documents"]) == 2
    for doc in data["documents"]:
        counts = per_doc[(doc["language"], Path(doc["path"]).stem)]
        assert {k: int(v) for k, v in counts.items()} == {k: doc["stats"][k]
                                                          for k in ("translated", "fuzzy", "untranslated")}
        # the translated document is the one build wrote
        assert doc["document"]["text"] == (project / "out" / "km" / Path(doc["source"]).name).read_text("utf-8")
    assert data["summary"] == {"files": 2, "entries": 11, "translated": 5, "fuzzy": 4, "untranslated": 2,
                               "errors": 5, "warnings": 0}


def test_findings_sit_on_their_entries(review: Review) -> None:
    assert [f.check for f in _entry(review, "floods.po", 37).findings] == ["glossary-forbidden", "numbers"]
    assert [f.check for f in _entry(review, "floods.po", 81).findings] == ["glossary-missing"]
    assert {f.check for f in _entry(review, "notice.po", 25).findings} == {"glossary-missing", "glossary-forbidden"}
    assert sum(len(d.all_findings) for d in review.documents) == review.summary.errors == 5
    assert review.findings_by_check == (("glossary-missing", "error", 2), ("glossary-forbidden", "error", 2),
                                        ("numbers", "error", 1))


def test_glossary_terms_and_their_verdicts(review: Review) -> None:
    dateline = _entry(review, "floods.po", 37)
    states = {t.concept: t.state for t in dateline.terms}
    assert states == {"phnom-penh": "present", "national-assembly": "forbidden", "us-dollar": "present",
                      "province-kampong-thom": "present"}
    assembly = next(t for t in dateline.terms if t.concept == "national-assembly")
    assert dateline.msgid[assembly.start:assembly.end] == "National Assembly"
    assert assembly.targets == ("រដ្ឋសភា",) and assembly.forbidden == ("រដ្ឋសភាជាតិ",)
    assert [dateline.msgstr[s:e] for s, e in assembly.found] == ["រដ្ឋសភាជាតិ"]
    per_cent = next(t for t in _entry(review, "floods.po", 81).terms if t.concept == "per-cent")
    assert per_cent.state == "missing" and per_cent.found == ()
    # zero-width spaces between the words do not hide a term
    assert {t.state for t in _entry(review, "floods.po", 52).terms} == {"present"}
    # a fuzzy draft is judged too (toolkit check skips it by default)
    assert {t.state for t in _entry(review, "floods.po", 75).terms} == {"present"}
    assert {t.state for t in _entry(review, "notice.po", 20).terms} == set()
    assert review.concepts["national-assembly"] == "National Assembly"


def test_provenance_of_each_kind(review: Review) -> None:
    origins = {line: _entry(review, "floods.po", line).provenance for line in (22, 28, 62, 68, 75)}
    seen = {line: (p.kind, p.edited) for line, p in origins.items()}
    assert seen == {22: ("mt", True), 28: ("mt", False), 62: ("merge", False), 68: ("glossary", False),
                    75: ("mt", True)}
    assert _entry(review, "notice.po", 25).provenance.kind == "translator"
    assert _entry(review, "notice.po", 20).provenance.kind == "none"
    floods = next(d for d in review.documents if d.path.endswith("floods.po"))
    assert floods.origins["fuzzy"] == {"mt": 2, "glossary": 1, "merge": 1}
    assert floods.obsolete == 1


def test_merge_guess_shows_the_old_source_as_a_diff(review: Review) -> None:
    guess = _entry(review, "floods.po", 62)
    assert guess.previous_msgid == "The Council of Ministers will review the fund after three months."
    assert [p for p in guess.previous_diff if p[0] != "equal"] == [("delete", "three"), ("insert", "six")]
    assert "".join(t for op, t in guess.previous_diff if op != "insert") == guess.previous_msgid
    assert "".join(t for op, t in guess.previous_diff if op != "delete") == guess.msgid


def test_previous_diff_of_a_rewritten_sentence() -> None:
    assert previous_diff("a b", "a b") == (("equal", "a b"),)
    assert previous_diff("", "new") == (("insert", "new"),)


TM_CATALOG = '''msgid ""
msgstr "Language: km\\n"

# tm: 87% draft=0123456789 origin=news/old.txt:4
#, fuzzy
msgid "The fund will be reviewed."
msgstr "មូលនិធិនឹងត្រូវពិនិត្យ។"

#, fuzzy
msgid "A draft typed by hand."
msgstr "សេចក្តីព្រាង។"
'''


def test_provenance_reads_a_tm_line_and_falls_back_to_translator() -> None:
    tm, hand = parse_po(TM_CATALOG).entries
    assert (provenance(tm).kind, provenance(tm).detail) == ("tm", "87% news/old.txt:4")
    assert provenance(hand).kind == "translator"


# --- words -------------------------------------------------------------------------------------

ENGLISH = [
    "Prime Minister Hun Manet on Tuesday told provincial governors to finish repairs.",
    "62.5 per cent of US$180 million, i.e. most of it.",
    "The end.Next sentence starts without a space.",
    "Click <b>Save</b> or <a href=\"x.html\">read more</a>.<br/>Then wait.",
    "Sar Sokha's ministry — the Ministry of Interior — said: \"Don't wait.\"",
    "%d roads in {province}, 3.5 km each",
    "",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_words_are_counted_as_pocount_counts(text: str) -> None:
    from translate.tools.pocount import wordcount

    assert source_words(text) == wordcount(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("ការងារ", 1),
    ("ការ\u200bងារ", 2),
    ("នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត បាននិយាយ។", 4),
    ("«គ្រប់រៀល» ។ ៕", 1),  # punctuation alone is no word
    ("៣០ ភាគរយ", 2),  # Khmer digits are a word
    ("CPP\u200bបានឈ្នះ", 2),
    ("", 0),
])
def test_khmer_words_are_runs_between_spaces_and_zero_width_spaces(text: str, expected: int) -> None:
    assert words(text, "km") == words(text, "km_KH") == expected


def test_source_words_per_status_equal_pocount_on_the_fixture(review: Review) -> None:
    from translate.tools.pocount import calcstats

    for doc in review.documents:
        stats = calcstats(str(doc.path))
        assert (doc.words.translated, doc.words.fuzzy, doc.words.untranslated) == (
            stats["translatedsourcewords"], stats["fuzzysourcewords"], stats["untranslatedsourcewords"])
    assert PROJECT.is_dir()
